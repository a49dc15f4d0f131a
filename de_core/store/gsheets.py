"""The Google Sheets store: every tab in one request, RAW appends by id, updates found again by id.

Takes an injected gspread.Client (built from a service account in production, pointed at a loopback fake in
tests). The spreadsheet is opened lazily, once: its metadata (tab titles) is kept for the store's life. The
first full load brings that metadata and every tab's values in one spreadsheets.get; later loads are one
values.batchGet over the kept titles. A row whose append was re-sent may land twice when the first request is
applied late; reads of its tab empty that identical copy for a while after (gsheets_tidy).
"""

from __future__ import annotations

import copy
import random
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

import gspread
from gspread.exceptions import NoValidUrlKeyFound
from gspread.utils import absolute_range_name, extract_id_from_url, rowcol_to_a1

from de_core.raw import RawTab, RawWorkbook
from de_core.schema import Schema, Tab, load_schema, match_headers
from de_core.store.base import (
    AppendResult,
    SchemaMismatch,
    StoreError,
    UpdateResult,
    plan_appends,
)
from de_core.store.gsheets_append import send_append
from de_core.store.gsheets_ids import fill_missing_ids
from de_core.store.gsheets_read import (
    FULL_LOAD_PARAMS,
    READ_PARAMS,
    Grid,
    grid_rows,
    is_grid,
    split_full_load,
)
from de_core.store.gsheets_tidy import ResentRows, tidy
from de_core.store.gsheets_update import update_row
from de_core.store.retry import RetryPolicy, SheetRequestRefused, with_retry

T = TypeVar("T")


def spreadsheet_key(url_or_key: str) -> str:
    """The spreadsheet key from a Google Sheets URL or a bare key. Raises StoreError when there is none."""
    text = (url_or_key or "").strip()
    if text.startswith(("http://", "https://", "docs.google.com")) or "/" in text:
        try:
            return extract_id_from_url(text)
        except NoValidUrlKeyFound:
            pass
    elif text:
        return text
    raise StoreError(
        f"ที่อยู่ของ Google Sheet ไม่ถูกต้อง: «{text}»", f"Not a Google Sheet URL or key: «{text}»",
        "ใส่ URL ของชีต (https://docs.google.com/spreadsheets/d/...) หรือรหัสชีต ใน spreadsheet ของ "
        "[connections.gsheets]",
        "Put the sheet's URL (https://docs.google.com/spreadsheets/d/...) or its key in spreadsheet under "
        "[connections.gsheets]",
    )


def missing_tab(tab: Tab) -> SchemaMismatch:
    """The tab a write needs is not in the sheet (deleted, renamed, or never provisioned)."""
    return SchemaMismatch(
        f"ไม่พบแท็บ «{tab.th}» ใน Google Sheet", f"Tab «{tab.en}» ({tab.th}) is missing from the Google Sheet",
        f"ตั้งชื่อแท็บกลับเป็น «{tab.th}» หรือรันคำสั่ง de-dashboard provision เพื่อสร้างแท็บที่ขาด",
        f"Rename the tab back to «{tab.th}» or run `de-dashboard provision` to create missing tabs",
    )


class _Spreadsheet(gspread.Spreadsheet):
    """A gspread Spreadsheet built from metadata already fetched: its constructor sends no request."""

    def __init__(self, http_client: Any, key: str, metadata: Mapping[str, Any]):
        self._opened_with: Mapping[str, Any] | None = metadata
        super().__init__(http_client, {"id": key})

    def fetch_sheet_metadata(self, params: Any = None) -> Mapping[str, Any]:
        meta, self._opened_with = self._opened_with, None
        return meta if meta is not None and params is None else super().fetch_sheet_metadata(params)


class GoogleSheetStore:
    """A workbook in a Google Sheet, shared with people who edit it at the same time."""

    name = "google"

    def __init__(self, client: gspread.Client, spreadsheet: str, schema: Schema | None = None,
                 retry: RetryPolicy | None = None, sleep: Callable[[float], Any] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, rand: Callable[[], float] = random.random,
                 account: str | None = None):
        self.client = client
        self.key = spreadsheet_key(spreadsheet)
        self.schema = schema or load_schema()
        self.policy = retry or RetryPolicy()
        self._sleep, self._clock, self._rand = sleep, clock, rand
        auth = getattr(client.http_client, "auth", None)
        self.account = account if account is not None else str(getattr(auth, "service_account_email", "") or "")
        self._book: _Spreadsheet | None = None
        self._sheets: list[dict[str, Any]] = []
        self._meta: Mapping[str, Any] = {}
        self._lock = threading.RLock()
        self.resent = ResentRows(clock)  # appends re-sent lately: their late copies are tidied on reads

    # ----- plumbing -----------------------------------------------------------------------------
    def call(self, fn: Callable[[], T]) -> T:
        """Run one API call under the store's bounded retry policy."""
        return with_retry(fn, policy=self.policy, sleep=self._sleep, clock=self._clock, rand=self._rand,
                          account=self.account, key=self.key)

    def spreadsheet(self) -> gspread.Spreadsheet:
        """The opened spreadsheet (one metadata request the first time). Raises StoreError when it cannot be."""
        with self._lock:
            if self._book is None:
                http = self.client.http_client
                return self._open(self.call(lambda: http.fetch_sheet_metadata(self.key)))
            return self._book

    def _open(self, meta: Mapping[str, Any]) -> gspread.Spreadsheet:
        """Keep the metadata and build the Spreadsheet from it (no request)."""
        self._meta = meta
        self._sheets = self._grid_sheets(meta)
        self._book = _Spreadsheet(self.client.http_client, self.key, meta)
        return self._book

    @staticmethod
    def _grid_sheets(meta: Mapping[str, Any]) -> list[dict[str, Any]]:
        return [copy.deepcopy(s.get("properties", {})) for s in meta.get("sheets", []) if is_grid(s)]

    def refresh_metadata(self) -> list[str]:
        """Fetch the tab list again (after a person added, renamed or deleted tabs). Returns the titles."""
        with self._lock:
            book = self.spreadsheet()
            self._meta = self.call(book.fetch_sheet_metadata)
            self._sheets = self._grid_sheets(self._meta)
            return self.titles()

    def metadata(self) -> Mapping[str, Any]:
        """The spreadsheet metadata last fetched (tabs with their properties and protected ranges)."""
        self.spreadsheet()
        return self._meta

    def titles(self) -> list[str]:
        """Titles of the grid tabs, in sheet order (from the cached metadata)."""
        self.spreadsheet()
        return [str(p.get("title", "")) for p in self._sheets]

    def sheet_properties(self, title: str) -> dict[str, Any]:
        """Cached properties (sheetId, gridProperties) of a tab."""
        self.spreadsheet()
        for props in self._sheets:
            if props.get("title") == title:
                return props
        raise KeyError(title)

    def worksheet(self, title: str) -> gspread.Worksheet:
        """A gspread Worksheet built from the cached metadata (no request)."""
        props = copy.deepcopy(self.sheet_properties(title))
        props.setdefault("gridProperties", {}).setdefault("rowCount", 0)
        return gspread.Worksheet(self.spreadsheet(), props, self.key, self.client.http_client)

    def tab_title(self, tab: Tab) -> str:
        """The title of the sheet tab standing for a schema tab. Raises SchemaMismatch when it is missing."""
        for refresh in (False, True):
            titles = self.refresh_metadata() if refresh else self.titles()
            for title in titles:
                found = self.schema.find_tab(title)
                if found is not None and found.key == tab.key:
                    return title
        raise missing_tab(tab)

    # ----- reads --------------------------------------------------------------------------------
    def fetch(self, titles: list[str]) -> list[Grid]:
        """One values.batchGet over whole tabs, FORMATTED_VALUE (no retry: callers wrap it)."""
        ranges = [absolute_range_name(t) for t in titles]
        res = self.spreadsheet().values_batch_get(ranges, params=READ_PARAMS)
        return [grid_rows(vr) for vr in res.get("valueRanges", [])]

    def read_tabs(self, titles: list[str]) -> list[Grid]:
        """Whole tabs in one request, retried within the policy."""
        return self.call(lambda: self.fetch(titles))

    def read_all(self) -> RawWorkbook:
        """Every tab in one request: the first time one spreadsheets.get bringing the metadata and the values,
        then one values.batchGet over the tab titles kept from it."""
        with self._lock:
            tabs = self._full_load() if self._book is None else None
        if tabs is None:
            titles = self.titles()
            try:
                grids = self.read_tabs(titles)
            except SheetRequestRefused as err:
                if not err.bad_range:
                    raise
                titles = self.refresh_metadata()  # a person renamed or deleted a tab since we looked
                grids = self.read_tabs(titles)
            tabs = list(zip(titles, grids, strict=False))
        raw = RawWorkbook(source=f"google:{self.key}", read_at=datetime.now(UTC))
        for title, rows in tabs:
            tab = self.schema.find_tab(title)
            with self._lock:
                raw.add(RawTab(title, rows if tab is None else tidy(self, tab, title, rows)))
        return raw

    def _full_load(self) -> list[tuple[str, Grid]]:
        """Open the spreadsheet with ONE request that also brings every tab's cells as displayed (retried)."""
        http = self.client.http_client
        meta, tabs = split_full_load(self.call(lambda: http.fetch_sheet_metadata(self.key, FULL_LOAD_PARAMS)))
        self._open(meta)
        return tabs

    def read_tab(self, tab: Tab) -> tuple[str, Grid]:
        """The current title and rows of one schema tab, read now (one request)."""
        title = self.tab_title(tab)
        try:
            grid = self.read_tabs([title])[0]
        except SheetRequestRefused as err:
            if not err.bad_range:
                raise
            self.refresh_metadata()
            title = self.tab_title(tab)
            grid = self.read_tabs([title])[0]
        with self._lock:
            return title, tidy(self, tab, title, grid)

    # ----- writes -------------------------------------------------------------------------------
    def append(self, tab_key: str, rows: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows after the table (RAW, INSERT_ROWS). An id already present with the same content is a no-op.

        Raises DuplicateIdConflict, SchemaMismatch (missing tab or header), StoreUnavailable, PermissionDenied.
        """
        tab = self.schema.tab(tab_key)
        result = AppendResult()
        with self._lock:
            title, grid = self.read_tab(tab)
            header = grid[0] if grid else []
            pending = plan_appends(tab, grid, rows, result)
            if pending:
                id_pos = match_headers(tab, header)[0].get(tab.id_column)
                send_append(self, tab.key, title, grid, id_pos, pending)
        return result

    def write_cells(self, title: str, cells: Mapping[tuple[int, int], str]) -> None:
        """Write text cells ((row, column) 1-based → text) RAW in one values.batchUpdate, retried."""
        data = [{"range": absolute_range_name(title, rowcol_to_a1(r, c)), "values": [[v]]}
                for (r, c), v in sorted(cells.items())]
        book = self.spreadsheet()
        self.call(lambda: book.values_batch_update({"valueInputOption": "RAW", "data": data}))

    def update(self, tab_key: str, row_id: str, values: Mapping[str, Any]) -> UpdateResult:
        """Change cells of the one row whose id is row_id, found again at write time, then verified.

        Raises RowNotFound, AmbiguousRow, SchemaMismatch, StoreUnavailable, or StoreError when a person's
        simultaneous edit made the write unsafe (what happened is in the message).
        """
        with self._lock:
            return update_row(self, self.schema.tab(tab_key), row_id, values)

    def ensure_columns(self, tab_key: str, headers: list[str]) -> list[str]:
        """Add header cells the tab lacks at the end of row 1 (unknown columns an import keeps)."""
        tab = self.schema.tab(tab_key)
        with self._lock:
            title, grid = self.read_tab(tab)
            header = grid[0] if grid else []
            added = list(dict.fromkeys(h for h in headers if h not in header))
            if added:
                self._ensure_width(title, len(header) + len(added))
                self.write_cells(title, {(1, len(header) + i + 1): h for i, h in enumerate(added)})
        return added

    def fill_missing_ids(self, tab_key: str, make_id: Callable[[str], str]) -> list[str]:
        """Give every non-blank row without an id a fresh one (verified). Raises StoreError on a moved row."""
        with self._lock:
            return fill_missing_ids(self, tab_key, make_id)

    def _ensure_width(self, title: str, width: int) -> None:
        grid = self.sheet_properties(title).get("gridProperties", {})
        if grid.get("columnCount", 0) >= width:
            return
        self.refresh_metadata()
        props = self.sheet_properties(title)
        have = props.get("gridProperties", {}).get("columnCount", 0)
        if have < width:
            body = {"requests": [{"appendDimension": {"sheetId": props["sheetId"], "dimension": "COLUMNS",
                                                      "length": width - have}}]}
            book = self.spreadsheet()
            self.call(lambda: book.batch_update(body))
            props.setdefault("gridProperties", {})["columnCount"] = width

