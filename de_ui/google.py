"""The Google Sheets store built from [connections.gsheets] in secrets (streamlit/gsheets-connection's layout)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import gspread

from de_core.store.base import StoreError
from de_core.store.google.auth import client_from_service_account, gsheets_section
from de_core.store.google.store import GoogleSheetStore, spreadsheet_key

ClientFactory = Callable[[Mapping[str, Any]], gspread.Client]


def google_store(secrets: Mapping[str, Any],
                 client_factory: ClientFactory = client_from_service_account) -> GoogleSheetStore:
    """The store over the configured sheet; nothing is fetched until the first read.

    Raises StoreError (Thai + English) when the spreadsheet is not set or the key fields are unusable; a sheet
    not shared with the service account (403) or a wrong key (404) is reported by the first read.
    """
    section = gsheets_section(secrets)
    if not str(section.get("spreadsheet") or "").strip():
        raise StoreError(
            "ยังไม่ได้ระบุ Google Sheet: ใส่ spreadsheet ใน [connections.gsheets]",
            "No Google Sheet configured: set spreadsheet under [connections.gsheets]",
            "ดูตัวอย่างใน .streamlit/secrets.toml.example", "See .streamlit/secrets.toml.example",
        )
    key = spreadsheet_key(str(section["spreadsheet"]))
    client = client_factory(section)
    return GoogleSheetStore(client, key, account=str(section.get("client_email") or ""))
