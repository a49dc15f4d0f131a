"""Who may write. Everyone is a viewer until signed in; only a local run on the embedded store is an editor.

Editors sign in with st.login (OIDC) when [auth] is configured and their e-mail is in [editors] emails,
or with the editor passcode when [editors] passcode_hash is set. With neither, the app over the embedded workbook
whose server is bound to a loopback address by its own configuration (server.address in .streamlit/config.toml or
on the command line: no other computer can reach it) is an editor without signing in, and says so in a banner.
Nothing a client sends (the page URL, headers, the query) grants it; a proxy's headers can only take it away.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import streamlit as st

from de_core.cycle.feed import plain
from de_core.ops.config import EMBEDDED
from de_core.writing.actor import LOCAL_EDITOR, VIEWER, Actor
from de_core.writing.local_editor import client_address, is_local_editor
from de_core.writing.passcode import RateLimiter
from de_ui.data import backend
from de_ui.i18n import t

EDITOR_KEY = "_de_editor_passcode"  # who signed in with the passcode in this session (never a widget key)
SESSION_KEY = "_de_session_id"


def _section(name: str) -> dict[str, Any]:
    try:
        return dict(st.secrets.get(name) or {})
    except Exception:  # no secrets.toml at all
        return {}


def _headers() -> dict[str, str]:
    try:
        return dict(st.context.headers.items())
    except Exception:  # no client (AppTest)
        return {}


def _peer() -> str | None:
    """The connection's peer address; None on loopback (and under AppTest, which has no real client)."""
    ip = st.context.ip_address
    return ip if isinstance(ip, str) else None


def is_local_session() -> bool:
    """Whether this session is the person at this machine (see de_core.writing.local_editor): decided by the
    server's own server.address, the connection's peer and the absence of proxy headers, never by the URL."""
    return is_local_editor(st.get_option("server.address"), _peer(), _headers())


def oidc_configured() -> bool:
    """Whether [auth] holds an OIDC provider (client_id at the top or in a named provider section)."""
    auth = _section("auth")
    providers = [v for v in auth.values() if isinstance(v, Mapping)]
    return bool(auth.get("client_id") or any(p.get("client_id") for p in providers))


def editor_emails() -> set[str]:
    """The allow-list of editor e-mails ([editors] emails), lower-cased."""
    emails = _section("editors").get("emails") or []
    listed = [emails] if isinstance(emails, str) else emails
    return {str(e).strip().lower() for e in listed if str(e).strip()}


def passcode_hash() -> str:
    """The stored editor passcode hash ([editors] passcode_hash), "" when none."""
    return str(_section("editors").get("passcode_hash") or "").strip()


def sign_in_configured() -> bool:
    return oidc_configured() or bool(passcode_hash())


def editor_subjects() -> set[str]:
    """The allow-list of editors by their provider's stable subject id ([editors] subjects: `sub`, or Microsoft
    Entra ID's `oid`), for providers whose tokens carry no email_verified claim."""
    subjects = _section("editors").get("subjects") or []
    listed = [subjects] if isinstance(subjects, str) else subjects
    return {str(x).strip() for x in listed if str(x).strip()}


def verified(claim: object) -> bool:
    """email_verified as providers send it: only true (or "true") counts; missing, false or "false" do not."""
    return claim is True or (isinstance(claim, str) and claim.strip().lower() == "true")


def _oidc_editor() -> str:
    """Who the signed-in OIDC user is as an editor: a verified e-mail on the list, else a listed subject id
    (sub or oid); "" when not signed in or not listed."""
    user = st.user
    if not user.get("is_logged_in"):
        return ""
    email = str(user.get("email") or "").strip().lower()
    if email and verified(user.get("email_verified")) and email in editor_emails():
        return email
    subjects = editor_subjects()
    for claim in ("oid", "sub"):
        subject = str(user.get(claim) or "").strip()
        if subject and subject in subjects:
            return email or subject
    return ""


def current_actor() -> Actor:
    """The actor of this session, decided on the server every time (nothing in the URL or page changes it but
    to take writing away: an office opened from the regional scorecard is only ever viewed)."""
    from de_ui.region import viewed_office  # de_ui.region imports de_ui.chrome, which imports this module

    if viewed_office():
        return VIEWER
    if oidc_configured() and (who := _oidc_editor()):
        return Actor(who, "editor", "oidc")
    if passcode_hash() and st.session_state.get(EDITOR_KEY):
        return Actor(str(st.session_state[EDITOR_KEY]), "editor", "passcode")
    if not sign_in_configured() and backend() == EMBEDDED and is_local_session():
        return LOCAL_EDITOR
    return VIEWER


def can_write() -> bool:
    """Whether this session may write (an editor)."""
    return current_actor().can_write


# One rate limiter for the whole process, kept in this module: never in st.cache_resource, which any browser can
# empty with Streamlit's clear-cache message (PITFALLS) and so reset every lock-out.
LIMITER = RateLimiter()


def _limiter() -> RateLimiter:
    return LIMITER


def _session_id() -> str:
    if SESSION_KEY not in st.session_state:
        st.session_state[SESSION_KEY] = uuid.uuid4().hex
    return st.session_state[SESSION_KEY]


def _client() -> str:
    """This session's address for rate limiting (a trusted proxy's forwarded address when [proxy] trusted lists
    it); never used to decide rights."""
    trusted = _section("proxy").get("trusted") or []
    return client_address(_peer(), _headers(), [trusted] if isinstance(trusted, str) else trusted)


def _check_passcode() -> None:
    """The passcode form's on_click: verify (rate-limited) and remember the editor for this session."""
    code = st.session_state.get("signin.passcode") or ""
    name = " ".join(str(st.session_state.get("signin.name") or "").split())[:80]
    st.session_state["signin.passcode"] = ""
    if _limiter().check(_session_id(), code, passcode_hash(), client=_client()):
        st.session_state[EDITOR_KEY] = f"{name} (passcode)" if name else "editor (passcode)"
        st.session_state.pop("signin.failed", None)
    else:
        st.session_state["signin.failed"] = True


def _sign_out() -> None:
    st.session_state.pop(EDITOR_KEY, None)


def sign_in_block() -> None:
    """Who you are, and the way to sign in (st.login / passcode) or out. Never shows a secret."""
    actor = current_actor()
    if actor.method == "local":
        st.info(t("forms.local_editor_banner"), icon=":material/computer:")
        return
    if actor.method in ("oidc", "passcode"):
        st.caption(t("forms.signed_in_as", who=plain(actor.who)))
        if actor.method == "oidc":
            st.button(t("forms.sign_out"), key="signout_oidc", on_click=st.logout)
        else:
            st.button(t("forms.sign_out"), key="signout_passcode", on_click=_sign_out)
        return
    if not sign_in_configured():
        st.info(t("forms.read_only_link"), icon=":material/visibility:")
        return
    if oidc_configured():
        if st.user.get("is_logged_in"):
            st.warning(t("forms.not_an_editor", who=plain(str(st.user.get("email") or ""))))
            st.button(t("forms.sign_out"), key="signout_other", on_click=st.logout)
        else:
            st.button(t("forms.sign_in_oidc"), key="signin_oidc", type="primary", on_click=st.login)
    if passcode_hash():
        wait = _limiter().wait_seconds(_session_id(), passcode_hash(), client=_client())
        if wait > 0:
            st.error(t("forms.locked_out", minutes=int(wait // 60) + 1))
            return
        with st.form("signin", border=True):
            st.text_input(t("forms.your_name"), key="signin.name")  # no max_chars: a long paste is kept
            st.text_input(t("forms.passcode"), key="signin.passcode", type="password")
            st.form_submit_button(t("forms.sign_in_passcode"), on_click=_check_passcode, key="signin._submit")
        if st.session_state.get("signin.failed"):
            st.error(t("forms.wrong_passcode"))


def editor_gate() -> Actor:
    """On a form page: a viewer gets the sign-in block instead of the form (the page stops); editors go on."""
    actor = current_actor()
    if not actor.can_write:
        st.info(t("forms.viewer_prompt"), icon=":material/lock:")
        sign_in_block()
        st.stop()
    if actor.method == "local":
        sign_in_block()  # the banner saying this machine writes without signing in, above the form
    else:
        with st.sidebar:
            sign_in_block()
    return actor
