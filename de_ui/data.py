"""The store (one per process) and the parsed workbook (one shared copy for all sessions, cleared on refresh/write)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

import streamlit as st
from streamlit.runtime.caching import cache_utils

from de_core.display.mdtext import md_escape_lines
from de_core.ops.backup import backup_if_due
from de_core.ops.config import EMBEDDED, POSTGRES, backend_kind, embedded_path, open_embedded, open_postgres
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


def min_reread_seconds() -> float:
    """However many viewers press refresh (or send Streamlit's clear-cache message), the sheet is read at most once
    in this many seconds: [app] min_reread_seconds in secrets, default 10, never more than the cache ttl."""
    configured = (_secrets().get("app") or {}).get("min_reread_seconds")
    try:
        seconds = float(configured) if configured is not None else 10.0
    except (TypeError, ValueError):
        seconds = 10.0
    return max(0.0, min(seconds, float(cache_ttl())))


@dataclass
class _LastRead:
    """The last workbook read from the store, kept in the server process (outside every cache a browser can clear)
    so that an emptied cache within min_reread_seconds hands it back instead of reading the sheet again."""

    key: str = ""
    workbook: Workbook | None = None
    at: float = float("-inf")
    forced: bool = False  # the app's own write or an editor's refresh: the next load reads, whatever the time


LAST_READ = _LastRead()
_LAST_READ_LOCK = threading.Lock()


def _now() -> float:
    """The gate's clock: Streamlit's own cache timer (time.monotonic), which tests and benchmarks move."""
    return cache_utils.TTLCACHE_TIMER()


def _store_key(store_id: str = "") -> str:
    """Which store a loaded workbook came from (the embedded file, the spreadsheet, the office in PostgreSQL), so
    the gate never hands a workbook of one store to another."""
    secrets = _secrets()
    if store_id.startswith(f"{POSTGRES}:"):
        return store_id
    if backend_kind(secrets) == EMBEDDED:
        return f"{EMBEDDED}:{embedded_path(secrets).resolve()}"
    return f"google:{((secrets.get('connections') or {}).get('gsheets') or {}).get('spreadsheet')}"


def _session_office(secrets: dict) -> str:
    """On PostgreSQL, the office of this session: a signed-in person's (verified e-mail listed under
    [connections.postgresql.offices]), else the app's office. Decided on the server (st.user), never by the URL."""
    from de_core.store.postgres.settings import postgres_settings
    from de_ui.auth import verified  # de_ui.auth imports this module: imported when called

    settings = postgres_settings(secrets)
    user = st.user
    email = str(user.get("email") or "") if user.get("is_logged_in") and verified(user.get("email_verified")) else ""
    return settings.office_of(email) or settings.office


def _store_id() -> str:
    """The store this session reads: the backend, and on PostgreSQL the office ("postgresql:<office>")."""
    secrets = _secrets()
    kind = backend_kind(secrets)
    return f"{POSTGRES}:{_or_stop(lambda: _session_office(secrets))}" if kind == POSTGRES else kind


def forget_reads() -> None:
    """Drop the kept workbook too (tests and benchmarks start cold with it)."""
    with _LAST_READ_LOCK:
        LAST_READ.key, LAST_READ.workbook, LAST_READ.at, LAST_READ.forced = "", None, float("-inf"), False


def get_store():
    """The store of this session: the one store of the process, or on PostgreSQL its office's (one per office)."""
    return _store_for(_store_id())


def _store_for(store_id: str):
    if store_id.startswith(f"{POSTGRES}:"):
        return _office_store(store_id.split(":", 1)[1])
    return _process_store()


# One store (one connection pool) per office and database for the process, kept in this module: never in
# st.cache_resource, which any browser can empty with Streamlit's clear-cache message (PITFALLS), and each emptying
# would leave a pool of open connections behind.
OFFICE_STORES: dict[tuple[str, str], object] = {}
_OFFICE_STORES_LOCK = threading.Lock()


def _office_store(office: str):
    """One office's PostgreSQL store (its connection pool), built once per office and process."""
    secrets = _secrets()
    key = (str((secrets.get("connections") or {}).get("postgresql")), office)
    with _OFFICE_STORES_LOCK:
        if key not in OFFICE_STORES:
            OFFICE_STORES[key] = open_postgres(secrets, office)
        return OFFICE_STORES[key]


@st.cache_resource(show_spinner=False)
def _process_store():
    """The store for this process, built once from the secrets (nothing connects at import time)."""
    secrets = _secrets()
    if backend_kind(secrets) == EMBEDDED:
        return open_embedded(embedded_path(secrets))
    from de_ui.google import google_store  # the Google backend issue wires this

    return google_store(secrets)


@st.cache_resource(ttl=cache_ttl(), show_spinner=False, max_entries=4, refresh_mode="background",
                   on_release=lambda wb: wb.forget_derived())
def _load(store_id: str) -> Workbook:
    """Read and parse the workbook: once per ttl for the whole server. st.cache_resource hands every caller the
    same object (st.cache_data would unpickle a fresh copy on every call: at 20k reflections that was most of a
    rerun), so the workbook and what is derived from it (Workbook.derived) are read-only for pages.

    Once the ttl has passed, the next rerun still gets the workbook it had at once while a fresh one is read in the
    background (nobody waits for the sheet; a failed background read keeps the last data and is tried again);
    after two ttl without a visit the next rerun reads in the foreground. refresh() (the button, the app's own
    saves) drops it at once, so the next rerun reads the sheet."""
    key = _store_key(store_id)
    with _LAST_READ_LOCK:
        kept = LAST_READ.workbook if LAST_READ.key == key and not LAST_READ.forced else None
        if kept is not None and _now() - LAST_READ.at < min_reread_seconds():
            return kept  # the cache was emptied by a refresh storm or a clear-cache message: no new read yet
        LAST_READ.forced = False
    raw = _store_for(store_id).read_all()
    if backend() == EMBEDDED:  # the day's copy of a long-running server's healthy file (never raises)
        backup_if_due(embedded_path(_secrets()))
    wb = parse_workbook(raw)
    wb.read_at = datetime.now(UTC)
    with _LAST_READ_LOCK:
        LAST_READ.key, LAST_READ.workbook, LAST_READ.at = key, wb, _now()
    return wb


def workbook() -> Workbook:
    """The parsed workbook, or a clear message and a stopped page when the store cannot be read. While this
    session views an office opened from the regional scorecard, that office's workbook (read-only)."""
    from de_ui.region import viewed_workbook  # imported when called (de_ui.region reaches this module)

    return viewed_workbook() or own_workbook()


def own_workbook() -> Workbook:
    """This server's own workbook (whatever office the session views), or the page stopped with why not."""
    return _or_stop(lambda: _load(_store_id()))


def sheet_cells(wb: Workbook | None = None) -> RawWorkbook:
    """Every tab's cells as text (unknown tabs too) for the exports: read once per loaded workbook and kept with
    it (no request per rerun); without a workbook, read now (the base an import is merged into)."""
    if wb is None:
        return _or_stop(lambda: get_store().read_all())
    return _or_stop(lambda: wb.derived("sheet_cells", lambda: get_store().read_all()))


def opened_store():
    """The store, or the page stopped with the clear message of why it cannot be opened (a damaged file)."""
    return _or_stop(get_store)


def _or_stop(read: Callable[[], T]) -> T:
    try:
        return read()
    except StoreError as err:
        from de_ui.i18n import lang, t

        st.error(f"{t('app.load_failed')}: {md_escape_lines(err.message(lang()))}")  # tab titles, paths, ids
        if err.hint(lang()):
            st.info(md_escape_lines(err.hint(lang())))
        st.stop()
        raise  # unreachable: st.stop() raises


def refresh() -> None:
    """The app's own change (a confirmed save, an import, filled ids): the next load reads the store, whenever."""
    with _LAST_READ_LOCK:
        LAST_READ.forced = True
    _load.clear()


def seconds_since_read() -> float:
    """Seconds since the workbook was last read from the store (for the refresh button's note)."""
    with _LAST_READ_LOCK:
        return _now() - LAST_READ.at


def hard_refresh(editor: bool = False) -> bool:
    """The refresh button. An editor's click reads the sheet (and its list of tabs, Google) at once; a viewer's
    does only when the last read is older than min_reread_seconds, so a storm of clicks costs at most one read
    per interval for the whole server. Returns whether the sheet will be read again."""
    if not editor and seconds_since_read() < min_reread_seconds():
        return False
    refresh()
    store = opened_store()
    if hasattr(store, "refresh_metadata"):
        try:
            store.refresh_metadata()
        except StoreError:
            pass  # the next read reports the problem with its own message
    return True
