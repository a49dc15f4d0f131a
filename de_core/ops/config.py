"""Which store the app runs on, chosen from settings (Streamlit secrets) and the environment."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from de_core.ops.backup import backup_if_due
from de_core.ops.demo import demo_workbook, fill_new_demo_tabs
from de_core.ops.workbook_health import cannot_open, check_workbook, on_damage
from de_core.store.base import SheetStore, StoreError
from de_core.store.local import SQLiteStore, default_path
from de_core.store.postgres.settings import configured as postgres_configured
from de_core.store.postgres.settings import postgres_settings, psycopg_needed
from de_core.store.workbook_file import create_new
from de_core.writing.submission import bangkok_now

EMBEDDED = "embedded"
GOOGLE = "google"
POSTGRES = "postgresql"


def backend_kind(secrets: Mapping[str, Any]) -> str:
    """'postgresql' when [connections.postgresql] names a database (a url or a host), else 'google' when
    [connections.gsheets] names a spreadsheet, else 'embedded'."""
    if postgres_configured(secrets):
        return POSTGRES
    gsheets = (secrets.get("connections") or {}).get("gsheets") or {}
    return GOOGLE if gsheets.get("spreadsheet") else EMBEDDED


def embedded_path(secrets: Mapping[str, Any]) -> Path:
    """The SQLite file: [embedded] path in secrets, else $DE_DASHBOARD_DB, else data/workbook.sqlite."""
    configured = (secrets.get("embedded") or {}).get("path")
    return Path(configured) if configured else default_path()


def open_embedded(path: Path, seed_demo: bool = True, clock: Callable[[], datetime] = bangkok_now) -> SQLiteStore:
    """Open the embedded workbook; on first run (no file at `path`) make it, filled with the FY2566 demo.

    The demo goes only into a new file (made under a temporary name, then linked into place). An existing file is
    checked first (a SQLite database, PRAGMA quick_check, the app's tables) and never refilled or overwritten; a
    healthy one gets its backup of the day (de_core.ops.backup, dated by `clock`). The store it returns names the
    file's damage the same way when a later read or write meets it. Raises WorkbookDamaged (what is wrong, where,
    how to restore) and StoreUnavailable (the file could not be made or checked).
    """
    path = Path(path)
    try:
        create_new(path, lambda new: SQLiteStore(new).initialize(demo_workbook() if seed_demo else None))
    except OSError as exc:  # the folder cannot be written
        raise cannot_open(path, exc) from exc
    check_workbook(path)
    backup_if_due(path, clock(), checked=True)
    store = SQLiteStore(path, on_damage=on_damage(path))
    added = store.add_missing_tabs()  # newer tabs (DECISIONS.md): a workbook made by an older version gains them
    fill_new_demo_tabs(store, added)  # ... and, while it is the demo, their demo rows
    return store


def open_postgres(secrets: Mapping[str, Any], office: str = "") -> SheetStore:
    """The PostgreSQL store of `office` (default: office in [connections.postgresql]) over the app's connection
    set-up; a new office gets every tab with its header row. Raises StoreError: no office (a regional set-up),
    psycopg not installed, a database not migrated (SchemaMismatch), unreachable (StoreUnavailable)."""
    settings = postgres_settings(secrets)
    office = office or settings.office
    if not office:
        raise StoreError("ตั้งค่านี้เป็นของเขต (region) ไม่ใช่ของสำนักงาน: ใส่ office ใน [connections.postgresql]",
                         "These settings are for a region, not an office: set office in [connections.postgresql]",
                         "ดูตัวอย่างใน .streamlit/secrets.toml.example", "See .streamlit/secrets.toml.example")
    with psycopg_needed():
        from de_core.store.postgres.store import open_office
    store = open_office(settings.conninfo, office, settings.pool_size)
    OPENED.append(store)
    return store


OPENED: list[Any] = []  # the PostgreSQL stores open_postgres made in this process (their connection pools)


def close_opened() -> None:
    """Close the connection pools of the PostgreSQL stores open_postgres made (a command's end; the app keeps
    its stores open for the life of the server)."""
    while OPENED:
        OPENED.pop().close()
