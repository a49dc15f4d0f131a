"""Opening each office read-only: its Google Sheet through a read-only, paced client, or its embedded file.

A regional user can never write to an office: the Google credentials carry only read-only scopes (Google refuses
any write), the store is kept inside GoogleOffices, which offers nothing but read, and an embedded file is only
read. Every Sheets request of a read waits for the pacer first; a 429 is not retried here (the pass holds the
pacer and tries the office again later).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import gspread
from google.oauth2.service_account import Credentials
from gspread.http_client import HTTPClient

from de_core.region.drive import list_folder
from de_core.region.offices import DEMO, EMBEDDED, POSTGRES, Office
from de_core.region.pacer import Pacer
from de_core.sheet.raw import RawWorkbook
from de_core.store.base import StoreError
from de_core.store.google.auth import DEFAULT_TIMEOUT, bad_key, service_account_info
from de_core.store.google.retry import RetryPolicy
from de_core.store.google.store import GoogleSheetStore
from de_core.store.workbook_file import read_only

T = TypeVar("T")
READ_ONLY_SCOPES = ("https://www.googleapis.com/auth/spreadsheets.readonly",
                    "https://www.googleapis.com/auth/drive.metadata.readonly")
ONE_TRY = RetryPolicy(max_total_seconds=30, max_attempts=1)  # quota and busy answers go back to the pass


def read_only_client(fields: Mapping[str, Any], timeout: float = DEFAULT_TIMEOUT) -> gspread.Client:
    """A gspread client whose credentials may only read sheets and Drive metadata. Raises StoreError (bad key)."""
    info = service_account_info(fields)
    try:
        creds = Credentials.from_service_account_info(info, scopes=list(READ_ONLY_SCOPES))
    except (ValueError, TypeError, IndexError):
        raise bad_key("อ่าน private_key ไม่ได้", "private_key cannot be read") from None
    client = gspread.Client(auth=creds, http_client=HTTPClient)
    client.set_timeout(timeout)
    return client


class _PacedSheet(GoogleSheetStore):
    """An office's sheet whose every request waits for the region's pacer (reads only are ever sent)."""

    def __init__(self, client: gspread.Client, key: str, pacer: Pacer, policy: RetryPolicy):
        super().__init__(client, key, retry=policy, account="")
        self.pacer = pacer

    def call(self, fn: Callable[[], T]) -> T:
        def paced() -> T:
            self.pacer.acquire()
            return fn()

        return super().call(paced)


class GoogleOffices:
    """The offices' Google Sheets read through one client: read() and the folder listing, nothing that writes."""

    def __init__(self, client: gspread.Client, pacer: Pacer, folder: str = "", policy: RetryPolicy = ONE_TRY):
        self._client, self._pacer, self.folder, self._policy = client, pacer, folder, policy
        self._sheets: dict[str, _PacedSheet] = {}
        self._lock = threading.Lock()

    def read(self, office: Office) -> RawWorkbook:
        """Every tab of the office's sheet (one request: spreadsheets.get the first time, then values.batchGet).
        Raises StoreError (PermissionDenied 403, not found 404, StoreUnavailable 429/5xx with the status)."""
        with self._lock:
            sheet = self._sheets.get(office.key)
            if sheet is None:
                sheet = self._sheets[office.key] = _PacedSheet(self._client, office.key, self._pacer, self._policy)
        return sheet.read_all()

    def forget(self, office: Office) -> None:
        """Drop the kept tab list of an office (its next read opens it again)."""
        with self._lock:
            self._sheets.pop(office.key, None)

    def listing(self) -> dict[str, str]:
        """Sheet id → modifiedTime of the shared folder (one Drive request per 1,000 files)."""
        return list_folder(self._client.http_client, self.folder)


def _missing_file(path: Path) -> StoreError:
    return StoreError(f"ไม่พบไฟล์ของสำนักงาน «{path.name}» บนเครื่องแม่ข่าย", f"The office's file «{path.name}» is "
                      "not on the server", "ตรวจช่อง Google Sheet หรือไฟล์ ในแท็บสำนักงานในเขต",
                      "Check the Google Sheet or file cell in the Offices tab")


def read_embedded(office: Office, base: Path | None = None) -> RawWorkbook:
    """An office's embedded workbook file (read only). Raises StoreError when it is missing or unreadable."""
    path = Path(office.source.strip())
    if base is not None and not path.is_absolute():
        path = base / path
    if not path.is_file():
        raise _missing_file(path)
    return read_only(path)  # never SQLiteStore(path): its set-up would write to the office's file


def file_version(office: Office, base: Path | None = None) -> str | None:
    """The modified time of an embedded office's file (None: missing), the demo's fixed version."""
    if office.kind == DEMO:
        return "demo"
    if office.kind != EMBEDDED:
        return None
    path = Path(office.source.strip())
    path = base / path if base is not None and not path.is_absolute() else path
    try:
        return str(path.stat().st_mtime_ns)
    except OSError:
        return None


def reader(google: GoogleOffices | None, demo: Callable[[str], RawWorkbook],
           base: Path | None = None,
           postgres: Callable[[str], RawWorkbook] | None = None) -> Callable[[Office], RawWorkbook]:
    """One read function for every kind of source: demo:<n> from `demo`, a file, postgresql:<office> through
    `postgres` (a regional session: read only), a Google Sheet."""
    def read(office: Office) -> RawWorkbook:
        if office.kind == DEMO:
            return demo(office.source.strip())
        if office.kind == EMBEDDED:
            return read_embedded(office, base)
        if office.kind == POSTGRES:
            if postgres is None:
                raise StoreError("ยังไม่ได้ตั้งค่า PostgreSQL ของเขต ([connections.postgresql] กับ region)",
                                 "No regional PostgreSQL session is set ([connections.postgresql] with region)")
            return postgres(office.key)
        if google is None:
            raise StoreError("ยังไม่ได้ตั้งค่าบัญชีบริการ Google สำหรับเขต ([connections.gsheets])",
                             "No Google service account is set for the region ([connections.gsheets])")
        return google.read(office)

    return read
