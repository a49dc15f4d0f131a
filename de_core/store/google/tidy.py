"""Tidying the late copy of a re-sent append: the Sheets API has no idempotency key, so it can land twice.

When an append's reply is lost or times out, the store reads the tab and re-sends only the rows not there yet
(append.py). If the first request is still on its way and the server applies it AFTER that read, the row
lands twice: same id, same cells. That cannot be prevented, so it is tidied. The store remembers, per process,
each id it re-sent with the exact cells it sent, for WINDOW seconds of its clock. While an id is remembered,
every read of its tab (read_all, read_tab) looks for it: when it is on more than one row, each later row whose
cells are exactly the ones sent (a person's copy with any difference is never touched) is emptied:
1. one spreadsheets.batchUpdate anchors every such row (developer metadata, anchor.py) by its index;
2. one values.batchGetByDataFilter reads the tab and the anchored rows: a row is emptied only if its anchor
   sits on a row that is still a later, identical copy (a row inserted or deleted meanwhile moves the rows
   under the index, and the anchor then sits on another row: that one is left alone);
3. one values.batchUpdateByDataFilter writes "" (RAW) into the verified rows through their anchors: a blank
   row, which the parser skips (deleting rows by index would be racy);
4. one spreadsheets.batchUpdate drops the anchors; 5. one values.batchGet re-reads the tab, which is returned.
So a read costs nothing extra when no remembered id is on two rows, and 5 more requests when it is (3 when
no copy survives the check). A failing tidy-up leaves the read as it was; the next read tries again.
"""

from __future__ import annotations

from typing import Any

from gspread.urls import SPREADSHEET_BATCH_UPDATE_URL
from gspread.utils import absolute_range_name

from de_core.sheet.schema import Tab, match_headers
from de_core.sheet.text import normalize
from de_core.store.base import StoreError
from de_core.store.google import anchor
from de_core.store.google.book import SheetBook
from de_core.store.google.read import READ_PARAMS, Grid, grid_rows
from de_core.store.google.resent import Sent, trimmed
from de_core.store.google.retry import SheetRequestRefused


def late_copies(grid: Grid, id_pos: int, sent: Sent) -> list[int]:
    """Sheet rows (1-based) after the id's first row that hold exactly the cells sent."""
    hits = [n for n, row in enumerate(grid, start=1)
            if n > 1 and id_pos < len(row) and normalize(row[id_pos]) == normalize(sent.row_id)]
    return [n for n in hits[1:] if tuple(trimmed(grid[n - 1])) == sent.cells]


def tidy(store: SheetBook, tab: Tab, title: str, grid: Grid) -> Grid:
    """The tab's rows with the late copies of re-sent appends emptied (module doc); `grid` when there are none."""
    watched = store.resent.watched(tab.key)
    if not watched or not grid:
        return grid
    id_pos = match_headers(tab, grid[0])[0].get(tab.id_column)
    if id_pos is None:
        return grid
    copies = {f"copy:{tab.key}:{normalize(s.row_id)}:{n}": (n, s) for s in watched
              for n in late_copies(grid, id_pos, s)}
    if not copies:
        return grid
    try:
        return _empty(store, title, id_pos, copies)
    except StoreError:
        return grid


def _empty(store: SheetBook, title: str, id_pos: int, copies: dict[str, tuple[int, Sent]]) -> Grid:
    """Anchor, verify, empty, drop the anchors, re-read (module doc). Returns the tab as read last."""
    sheet_id = store.sheet_properties(title)["sheetId"]
    anchor.post(store, SPREADSHEET_BATCH_UPDATE_URL, {"requests": [
        {"createDeveloperMetadata": {"developerMetadata": {
            "metadataKey": anchor.KEY, "metadataValue": value, "visibility": "DOCUMENT",
            "location": {"dimensionRange": {"sheetId": sheet_id, "dimension": "ROWS",
                                            "startIndex": n - 1, "endIndex": n}}}}}
        for value, (n, _sent) in copies.items()]})
    try:
        now, anchored = _read(store, title, list(copies))
        data = [{"dataFilter": anchor.lookup(value), "values": [[""] * len(now[n - 1])]}
                for value, (n, sent) in copies.items()
                if anchored.get(value) == {n} and n in late_copies(now, id_pos, sent)]
        if data:
            anchor.post(store, anchor.VALUES + "batchUpdateByDataFilter", {"valueInputOption": "RAW", "data": data})
    finally:
        anchor.post(store, SPREADSHEET_BATCH_UPDATE_URL, {"requests": [
            {"deleteDeveloperMetadata": {"dataFilter": anchor.lookup(value)}} for value in copies]})
    return store.read_tabs([title])[0] if data else now


def _read(store: SheetBook, title: str, values: list[str]) -> tuple[Grid, dict[str, set[int]]]:
    """The whole tab and, per anchor value, the rows (1-based) it sits on: one atomic read."""
    body = {"dataFilters": [{"a1Range": absolute_range_name(title)}, *map(anchor.lookup, values)], **READ_PARAMS}
    res: dict[str, Any] = anchor.post(store, anchor.VALUES + "batchGetByDataFilter", body)
    grid: Grid = []
    rows: dict[str, set[int]] = {}
    for matched in res.get("valueRanges", []):
        vr = matched.get("valueRange", {})
        for f in matched.get("dataFilters", []):
            if "a1Range" in f:
                grid = grid_rows(vr)
            elif "developerMetadataLookup" in f:
                value = f["developerMetadataLookup"].get("metadataValue", "")
                rows.setdefault(value, set()).add(anchor.row_of(vr.get("range", "A1")))
    return grid, rows


def read_tab(book: SheetBook, tab: Tab) -> tuple[str, Grid]:
    """The current title and rows of one schema tab, read now (one request)."""
    title = book.tab_title(tab)
    try:
        grid = book.read_tabs([title])[0]
    except SheetRequestRefused as err:
        if not err.bad_range:
            raise
        book.refresh_metadata()
        title = book.tab_title(tab)
        grid = book.read_tabs([title])[0]
    with book.lock:
        return title, tidy(book, tab, title, grid)
