"""Which store the app runs on, chosen from settings (Streamlit secrets) and the environment."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from de_core.ops.demo import demo_workbook
from de_core.store.local import SQLiteStore, default_path

EMBEDDED = "embedded"
GOOGLE = "google"


def backend_kind(secrets: Mapping[str, Any]) -> str:
    """'google' when [connections.gsheets] names a spreadsheet, else 'embedded'."""
    gsheets = (secrets.get("connections") or {}).get("gsheets") or {}
    return GOOGLE if gsheets.get("spreadsheet") else EMBEDDED


def embedded_path(secrets: Mapping[str, Any]) -> Path:
    """The SQLite file: [embedded] path in secrets, else $DE_DASHBOARD_DB, else data/workbook.sqlite."""
    configured = (secrets.get("embedded") or {}).get("path")
    return Path(configured) if configured else default_path()


def open_embedded(path: Path, seed_demo: bool = True) -> SQLiteStore:
    """Open (and on first run create) the embedded workbook, filled with the FY2566 demo data when empty."""
    store = SQLiteStore(path)
    if store.is_empty():
        store.initialize(demo_workbook() if seed_demo else None)
    return store
