"""Row anchors: developer metadata on a row, so a write lands on that row wherever people have moved it.

The Sheets API keeps developer metadata on a ROWS DimensionRange with its row when rows are inserted, deleted
or moved around it, and deletes it with the row. The store tags the row it updates with metadataKey "de.row"
and metadataValue "<tab key>:<row id>", reads the tab and the anchor's current row in ONE
values.batchGetByDataFilter, and writes through values.batchUpdateByDataFilter with a lookup of that anchor:
the server resolves the row at write time, and null values leave every other cell of the row as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gspread.urls import SPREADSHEET_BATCH_UPDATE_URL, SPREADSHEETS_API_V4_BASE_URL
from gspread.utils import a1_range_to_grid_range, absolute_range_name

from de_core.sheet.schema import Tab
from de_core.sheet.text import normalize
from de_core.store.google.book import SheetBook
from de_core.store.google.read import READ_PARAMS, Grid, grid_rows
from de_core.store.google.retry import SheetRequestRefused

KEY = "de.row"
VALUES = SPREADSHEETS_API_V4_BASE_URL + "/%s/values:"


def anchor_value(tab: Tab, row_id: str) -> str:
    """The metadataValue that names one row of one tab (the schema key survives a renamed tab)."""
    return f"{tab.key}:{normalize(row_id)}"


def lookup(value: str) -> dict[str, Any]:
    """The DataFilter selecting the row(s) anchored with this value."""
    return {"developerMetadataLookup": {"metadataKey": KEY, "metadataValue": value, "locationType": "ROW"}}


def post(store: SheetBook, url: str, body: Mapping[str, Any]) -> Any:
    """POST a JSON body to a Sheets API url (with %s for the key) under the store's retry policy; the reply."""
    http = store.client.http_client
    return store.call(lambda: http.request("post", url % store.key, json=body).json())


def row_of(a1: str) -> int:
    """The 1-based first row of an A1 range such as "'Tab'!A5:Z5"."""
    return int(a1_range_to_grid_range(a1.rsplit("!", 1)[-1]).get("startRowIndex", 0)) + 1


def read(store: SheetBook, title: str, value: str) -> tuple[Grid, list[int]]:
    """The whole tab and the rows (1-based) carrying the anchor, from one atomic read."""
    body = {"dataFilters": [{"a1Range": absolute_range_name(title)}, lookup(value)], **READ_PARAMS}
    res = post(store, VALUES + "batchGetByDataFilter", body)
    grid: Grid = []
    rows = []
    for matched in res.get("valueRanges", []):
        vr = matched.get("valueRange", {})
        if any("a1Range" in f for f in matched.get("dataFilters", [])):
            grid = grid_rows(vr)
        else:
            rows.append(row_of(vr.get("range", "A1")))
    return grid, sorted(rows)


def read_tab(store: SheetBook, tab: Tab, value: str) -> tuple[str, Grid, list[int]]:
    """Like SheetBook.read_tab, with the anchor's rows (a tab renamed meanwhile is looked up again)."""
    title = store.tab_title(tab)
    try:
        return (title, *read(store, title, value))
    except SheetRequestRefused as err:
        if not err.bad_range:
            raise
        store.refresh_metadata()
        title = store.tab_title(tab)
        return (title, *read(store, title, value))


def place(store: SheetBook, title: str, value: str, rownum: int, drop: bool) -> None:
    """Anchor sheet row ``rownum`` (dropping the value's old anchors first when ``drop``): one batchUpdate."""
    sheet_id = store.sheet_properties(title)["sheetId"]
    where = {"dimensionRange": {"sheetId": sheet_id, "dimension": "ROWS", "startIndex": rownum - 1,
                                "endIndex": rownum}}
    requests: list[dict[str, Any]] = [{"deleteDeveloperMetadata": {"dataFilter": lookup(value)}}] if drop else []
    requests.append({"createDeveloperMetadata": {"developerMetadata": {
        "metadataKey": KEY, "metadataValue": value, "location": where, "visibility": "DOCUMENT"}}})
    post(store, SPREADSHEET_BATCH_UPDATE_URL, {"requests": requests})


def write(store: SheetBook, value: str, cells: Mapping[int, str]) -> int:
    """Write cells (0-based column → text, RAW) into the anchored row; null elsewhere. Returns cells written."""
    row: list[str | None] = [None] * (max(cells) + 1)
    for pos, text in cells.items():
        row[pos] = text
    body = {"valueInputOption": "RAW", "data": [{"dataFilter": lookup(value), "values": [row]}]}
    try:
        res = post(store, VALUES + "batchUpdateByDataFilter", body)
    except SheetRequestRefused as err:  # the anchored row is gone (the API's answer is not documented)
        if err.status != 400:
            raise
        return 0
    return int(res.get("totalUpdatedCells", 0) or 0)
