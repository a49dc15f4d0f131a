"""Who may write. Everyone is a viewer until signed in; only a local run on the embedded store is an editor."""

from __future__ import annotations

from urllib.parse import urlparse

import streamlit as st

from de_core.config import EMBEDDED
from de_ui.data import backend

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def _header(name: str) -> str | None:
    try:
        return st.context.headers.get(name)
    except Exception:  # no client (AppTest)
        return None


def is_local_session() -> bool:
    """Whether this browser session comes from this machine itself (loopback, no proxy in between)."""
    ip = st.context.ip_address  # None on loopback; a real client's address is a str (AppTest has no client)
    if isinstance(ip, str) or _header("X-Forwarded-For"):
        return False
    url = st.context.url
    host = urlparse(url).hostname if url else (_header("Host") or "").split(":")[0] or None
    return host is None or host in LOCAL_HOSTS


def can_write() -> bool:
    """Editors only: for now, the local run on the embedded store (signing in comes with the forms issue)."""
    return backend() == EMBEDDED and is_local_session()


def who() -> str:
    return "local-editor" if can_write() else "viewer"
