"""Reading a Google Sheet as text rows: value ranges (values.batchGet) and grid data (the cold full load).

The cold full load is ONE spreadsheets.get that brings the metadata the store keeps and every tab's cells as
displayed (formattedValue, what FORMATTED_VALUE shows). Its grid data is turned into the same ragged rows a
values.batchGet gives: the API sends an empty cell as {} and a row without values as {}, and leaves out
trailing empties; the values API leaves out trailing empty cells and rows but keeps leading and inner ones.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from de_core.store.base import cell_text

Grid = list[list[str]]
READ_PARAMS = {"valueRenderOption": "FORMATTED_VALUE"}
FULL_LOAD_FIELDS = ",".join([
    "properties",  # gspread's Spreadsheet reads title, locale and timeZone from it
    "sheets.properties",  # the tab list: title, sheetId, sheetType, index, gridProperties (Worksheet, writes)
    "sheets.protectedRanges",  # provisioning checks whether a tab's header row is already protected
    "sheets.data.startRow",  # where each tab's grid data starts (absent = 0) …
    "sheets.data.startColumn",  # … so cells land at their true addresses
    "sheets.data.rowData.values.formattedValue",  # every cell as displayed, nothing else of the cell
])
# With a fields mask the API ignores includeGridData and returns the grid data the mask selects; it is sent too
# so the request reads as what it is.
FULL_LOAD_PARAMS = {"includeGridData": "true", "fields": FULL_LOAD_FIELDS}


def grid_rows(value_range: Mapping[str, Any]) -> Grid:
    """The rows of one API value range as text (ragged, as the API sends them)."""
    return [[cell_text(c) for c in row] for row in value_range.get("values", [])]


def grid_data_rows(grid_data: Sequence[Mapping[str, Any]]) -> Grid:
    """A tab's grid data as the ragged text rows values.batchGet gives for the whole tab."""
    rows: Grid = []
    for block in grid_data:
        r0, c0 = int(block.get("startRow", 0)), int(block.get("startColumn", 0))
        for i, row_data in enumerate(block.get("rowData", ())):
            values = [cell.get("formattedValue") for cell in row_data.get("values", ())]
            while values and (values[-1] is None or values[-1] == ""):  # empty as the API sees it
                values.pop()
            if values:
                _place(rows, r0 + i, c0, [cell_text(v) for v in values])  # the text as grid_rows gives it
    return rows


def _place(rows: Grid, r: int, c0: int, texts: list[str]) -> None:
    while len(rows) <= r:
        rows.append([])
    row = rows[r]
    if len(row) < c0:
        row.extend([""] * (c0 - len(row)))
    row[c0:c0 + len(texts)] = texts


def is_grid(sheet: Mapping[str, Any]) -> bool:
    """A tab of cells (not a chart sheet or a data source sheet)."""
    return sheet.get("properties", {}).get("sheetType", "GRID") == "GRID"


def split_full_load(full: Mapping[str, Any]) -> tuple[dict[str, Any], list[tuple[str, Grid]]]:
    """The metadata of a full load without its grid data, and (title, rows) of every grid tab in sheet order."""
    meta = {k: copy.deepcopy(v) for k, v in full.items() if k != "sheets"}
    meta["sheets"] = [{k: copy.deepcopy(v) for k, v in s.items() if k != "data"} for s in full.get("sheets", [])]
    tabs = [(str(s.get("properties", {}).get("title", "")), grid_data_rows(s.get("data", [])))
            for s in full.get("sheets", []) if is_grid(s)]
    return meta, tabs
