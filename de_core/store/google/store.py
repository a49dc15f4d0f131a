"""The Google Sheets store: every tab in one request, RAW appends by id, updates found again by id.

The first full load brings the spreadsheet's metadata and every tab's values in one spreadsheets.get; later
loads are one values.batchGet over the kept titles (book.SheetBook). Appends go in once, after the last row with
data (append.py); an update is read, written and checked, and a write that went into another row is put back
(update.py). Nothing the app leaves in the sheet grows with the rows it ever wrote.

Audited writes read the tab and the audit tab's header row in one request, then send the write and its audit row in
ONE spreadsheets.batchUpdate, which the Sheets API applies whole or not at all: an append with its audit rows, an
update (copy, cells, proof) with its audit row. Where that is not possible the audit row is one more request after
the write is confirmed, and a crash between the two can still leave a change without its audit row: on a server that
refuses the proven write (plain RAW writes, proof.py: not Google's), and when a lost reply of an update's request
cannot be told apart from a refusal (update.py); and on a server that refuses the marks (append.py) a lost reply of
an update can leave its audit row twice. A write that went into another row and was put back is audited as
what it was: the audit row of the write, then one with the action "undo" in the put-back's own request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import match_headers
from de_core.store.base import AUDIT_TAB, AppendResult, UpdateResult, audits_of, plan_appends
from de_core.store.google.append import send_append
from de_core.store.google.book import SheetBook, missing_tab, spreadsheet_key
from de_core.store.google.ids import fill_missing_ids
from de_core.store.google.proof import SCRATCH
from de_core.store.google.read import FULL_LOAD_PARAMS, Grid, split_full_load
from de_core.store.google.retry import SheetRequestRefused
from de_core.store.google.update import update_row

__all__ = ["GoogleSheetStore", "missing_tab", "spreadsheet_key"]


class GoogleSheetStore(SheetBook):
    """A workbook in a Google Sheet, shared with people who edit it at the same time."""

    name = "google"

    def read_all(self) -> RawWorkbook:
        """Every tab in one request: the first time one spreadsheets.get bringing the metadata and the values,
        then one values.batchGet over the tab titles kept from it."""
        with self.lock:
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
            if title != SCRATCH:  # the app's own hidden tab (proof.py) is never data
                raw.add(RawTab(title, rows))
        return raw

    def _full_load(self) -> list[tuple[str, Grid]]:
        """Open the spreadsheet with ONE request that also brings every tab's cells as displayed (retried)."""
        http = self.client.http_client
        meta, tabs = split_full_load(self.call(lambda: http.fetch_sheet_metadata(self.key, FULL_LOAD_PARAMS)))
        self._open(meta)
        return tabs

    def append(self, tab_key: str, rows: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows after the last row with data, once. An id already present with the same content is a no-op.

        Raises DuplicateIdConflict, SchemaMismatch (missing tab or header), StoreUnavailable, PermissionDenied.
        """
        tab = self.schema.tab(tab_key)
        result = AppendResult()
        with self.lock:
            title, grid = self.read_tab(tab)
            header = grid[0] if grid else []
            pending = plan_appends(tab, grid, rows, result)
            if pending:
                id_pos = match_headers(tab, header)[0].get(tab.id_column)
                send_append(self, tab.key, title, grid, id_pos, pending)
        return result

    def append_audited(self, tab_key: str, rows: list[Mapping[str, Any]],
                       audits: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows and the audit row of each appended row in one atomic request (2 requests in all: a read of
        the tab with the audit tab's header, then the batchUpdate). A row already present adds neither.

        Raises DuplicateIdConflict, SchemaMismatch (missing tab or header), StoreUnavailable, PermissionDenied.
        """
        tab, audit_tab = self.schema.tab(tab_key), self.schema.tab(AUDIT_TAB)
        result = AppendResult()
        with self.lock:
            title, grid, audit_title, audit_header = self.read_tab_and_header(tab, audit_tab)
            pending = plan_appends(tab, grid, rows, result)
            if pending:
                todo = audits_of(tab, rows, audits, result.appended)
                also = [(audit_title, [c for _, c in plan_appends(audit_tab, [audit_header], todo, AppendResult())])]
                id_pos = match_headers(tab, grid[0] if grid else [])[0].get(tab.id_column)
                send_append(self, tab.key, title, grid, id_pos, pending, also)
        return result

    def update_audited(self, tab_key: str, row_id: str, values: Mapping[str, Any],
                       audit: Callable[[UpdateResult], Mapping[str, Any] | None]) -> UpdateResult:
        """Update like `update`, with the audit row `audit(result)` in the write's own atomic request (module doc).

        Raises what `update` raises.
        """
        with self.lock:
            return update_row(self, self.schema.tab(tab_key), row_id, values, audit)

    def update(self, tab_key: str, row_id: str, values: Mapping[str, Any]) -> UpdateResult:
        """Change cells of the one row whose id is row_id: read, write, check (update.py); a misplaced write put back.

        Raises RowNotFound, AmbiguousRow, SchemaMismatch, StoreUnavailable, or StoreError when a person's
        simultaneous edit made the write unsafe (what happened is in the message).
        """
        with self.lock:
            return update_row(self, self.schema.tab(tab_key), row_id, values)

    def ensure_columns(self, tab_key: str, headers: list[str]) -> list[str]:
        """Add header cells the tab lacks at the end of row 1 (unknown columns an import keeps)."""
        tab = self.schema.tab(tab_key)
        with self.lock:
            title, grid = self.read_tab(tab)
            header = grid[0] if grid else []
            added = list(dict.fromkeys(h for h in headers if h not in header))
            if added:
                self.ensure_width(title, len(header) + len(added))
                self.write_cells(title, {(1, len(header) + i + 1): h for i, h in enumerate(added)})
        return added

    def fill_missing_ids(self, tab_key: str, make_id: Callable[[str], str]) -> list[str]:
        """Give every non-blank row without an id a fresh one (verified). Raises StoreError on a moved row."""
        with self.lock:
            return fill_missing_ids(self, tab_key, make_id)
