"""The opened Google Sheet: the spreadsheet's metadata kept for the store's life, tab titles, whole-tab reads and
RAW cell writes, every request under the bounded retry policy. The plumbing every Google module builds on.

Takes an injected gspread.Client (built from a service account in production, pointed at a loopback fake in
tests). The spreadsheet is opened lazily, once; its metadata (tab titles) is kept until refresh_metadata().
"""

from __future__ import annotations

import copy
import random
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import gspread
from gspread.exceptions import NoValidUrlKeyFound
from gspread.utils import absolute_range_name, extract_id_from_url, rowcol_to_a1

from de_core.sheet.schema import Schema, Tab, load_schema
from de_core.store.base import SchemaMismatch, StoreError
from de_core.store.google.marks import SentMarks
from de_core.store.google.read import READ_PARAMS, Grid, grid_rows, is_grid
from de_core.store.google.retry import RetryPolicy, SheetRequestRefused, with_retry

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


class SheetBook:
    """One Google Sheet opened through gspread: metadata, titles, whole-tab reads, RAW cell writes."""

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
        self.lock = threading.RLock()
        self.marks = SentMarks(clock)  # the idempotency marks of this store's appends (append.py)
        self.plain_writes = False  # the server refused proven writes once (proof.py): plain RAW writes
        self.marks_refused = False  # the server refused append marks (append.py): appends without them

    # ----- plumbing -----------------------------------------------------------------------------
    def call(self, fn: Callable[[], T]) -> T:
        """Run one API call under the store's bounded retry policy."""
        return with_retry(fn, policy=self.policy, sleep=self._sleep, clock=self._clock, rand=self._rand,
                          account=self.account, key=self.key)

    def spreadsheet(self) -> gspread.Spreadsheet:
        """The opened spreadsheet (one metadata request the first time). Raises StoreError when it cannot be."""
        with self.lock:
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
        with self.lock:
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
        return self.fetch_ranges([absolute_range_name(t) for t in titles])

    def fetch_ranges(self, ranges: list[str]) -> list[Grid]:
        """One values.batchGet over A1 ranges, FORMATTED_VALUE (no retry: callers wrap it)."""
        res = self.spreadsheet().values_batch_get(ranges, params=READ_PARAMS)
        return [grid_rows(vr) for vr in res.get("valueRanges", [])]

    def read_tabs(self, titles: list[str]) -> list[Grid]:
        """Whole tabs in one request, retried within the policy."""
        return self.call(lambda: self.fetch(titles))

    def read_tab(self, tab: Tab) -> tuple[str, Grid]:
        """The current title and rows of one schema tab, read now (one request; a tab renamed meanwhile is
        looked up again)."""
        title = self.tab_title(tab)
        try:
            return title, self.read_tabs([title])[0]
        except SheetRequestRefused as err:
            if not err.bad_range:
                raise
            self.refresh_metadata()
            title = self.tab_title(tab)
            return title, self.read_tabs([title])[0]

    def read_tab_and_header(self, tab: Tab, other: Tab) -> tuple[str, Grid, str, list[str]]:
        """In one request: the title and rows of `tab`, and the title and header row of `other` (the audit tab,
        whose rows a write adds without reading them). Raises SchemaMismatch when a tab is missing."""
        for again in (False, True):
            title, other_title = self.tab_title(tab), self.tab_title(other)
            ranges = [absolute_range_name(title), absolute_range_name(other_title, "1:1")]
            try:
                grid, head = self.call(lambda: self.fetch_ranges(ranges))  # noqa: B023  (called at once)
            except SheetRequestRefused as err:
                if again or not err.bad_range:
                    raise
                self.refresh_metadata()  # a tab renamed or deleted meanwhile
                continue
            return title, grid, other_title, (head[0] if head else [])
        raise AssertionError("unreachable")

    def write_cells(self, title: str, cells: Mapping[tuple[int, int], str]) -> None:
        """Write text cells ((row, column) 1-based → text) RAW in one values.batchUpdate, retried."""
        data = [{"range": absolute_range_name(title, rowcol_to_a1(r, c)), "values": [[v]]}
                for (r, c), v in sorted(cells.items())]
        book = self.spreadsheet()
        self.call(lambda: book.values_batch_update({"valueInputOption": "RAW", "data": data}))

    def ensure_width(self, title: str, width: int) -> None:
        """Give the tab at least `width` columns (one batchUpdate when it has fewer)."""
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
