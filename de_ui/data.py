"""The store (one per process) and the parsed workbook (one shared copy for all sessions, cleared on refresh/write)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

import streamlit as st

from de_core.ops.config import EMBEDDED, backend_kind, embedded_path, open_embedded
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.workbook import Workbook, parse_workbook
from de_core.store import StoreError

T = TypeVar("T")


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all: the embedded default
        return {}


def cache_ttl() -> int:
    """Seconds a loaded workbook is reused: [app] cache_ttl_seconds in secrets, $DE_CACHE_TTL, default 60."""
    configured = (_secrets().get("app") or {}).get("cache_ttl_seconds") or os.environ.get("DE_CACHE_TTL")
    try:
        return max(1, int(configured)) if configured else 60
    except (TypeError, ValueError):
        return 60


def backend() -> str:
    return backend_kind(_secrets())


@st.cache_resource(show_spinner=False)
def get_store():
    """The store for this process, built once from the secrets (nothing connects at import time)."""
    secrets = _secrets()
    if backend_kind(secrets) == EMBEDDED:
        return open_embedded(embedded_path(secrets))
    from de_ui.google import google_store  # the Google backend issue wires this

    return google_store(secrets)


@st.cache_resource(ttl=cache_ttl(), show_spinner=False, max_entries=4, refresh_mode="background",
                   on_release=lambda wb: wb.forget_derived())
def _load(_store_id: str) -> Workbook:
    """Read and parse the workbook: once per ttl for the whole server. st.cache_resource hands every caller the
    same object (st.cache_data would unpickle a fresh copy on every call: at 20k reflections that was most of a
    rerun), so the workbook and what is derived from it (Workbook.derived) are read-only for pages.

    Once the ttl has passed, the next rerun still gets the workbook it had at once while a fresh one is read in the
    background (nobody waits for the sheet; a failed background read keeps the last data and is tried again);
    after two ttl without a visit the next rerun reads in the foreground. refresh() (the button, the app's own
    saves) drops it at once, so the next rerun reads the sheet."""
    raw = get_store().read_all()
    wb = parse_workbook(raw)
    wb.read_at = datetime.now(UTC)
    return wb


def workbook() -> Workbook:
    """The parsed workbook, or a clear message and a stopped page when the store cannot be read."""
    return _or_stop(lambda: _load(backend()))


def sheet_cells(wb: Workbook | None = None) -> RawWorkbook:
    """Every tab's cells as text (unknown tabs too) for the exports: read once per loaded workbook and kept with
    it (no request per rerun); without a workbook, read now (the base an import is merged into)."""
    if wb is None:
        return _or_stop(lambda: get_store().read_all())
    return _or_stop(lambda: wb.derived("sheet_cells", lambda: get_store().read_all()))


def _or_stop(read: Callable[[], T]) -> T:
    try:
        return read()
    except StoreError as err:
        from de_ui.i18n import lang, t

        st.error(f"{t('app.load_failed')}: {err.message(lang())}")
        if err.hint(lang()):
            st.info(err.hint(lang()))
        st.stop()
        raise  # unreachable: st.stop() raises


def refresh() -> None:
    """Forget the cached workbook so the next read goes to the store."""
    _load.clear()


def hard_refresh() -> None:
    """The refresh button: forget the cached workbook and re-read the sheet's list of tabs (Google) too."""
    refresh()
    store = get_store()
    if hasattr(store, "refresh_metadata"):
        try:
            store.refresh_metadata()
        except StoreError:
            pass  # the next read reports the problem with its own message
