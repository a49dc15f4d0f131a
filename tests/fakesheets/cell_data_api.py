"""spreadsheets.batchUpdate requests that write CellData: appendCells and updateCells.

Modelled on the Sheets API v4 reference; their batchUpdate replies are empty ({}). ``fields`` (a FieldMask rooted
at CellData) is required; the fake keeps cell values only, so a request writes values when its mask selects
userEnteredValue ("*" included) and otherwise changes nothing it keeps (formats and notes are accepted, not kept).
A selected field a CellData leaves out is cleared. userEnteredValue is an ExtendedValue stored as given
(cells.cell_from_extended): a stringValue is never parsed, so "=1+1" and "001" stay text.

- appendCells: ``rows`` are written from column A on the row after the last row holding any value — blank rows
  inside the data do not stop it (values.append, by contrast, stops its table at the first blank row) — and the
  sheet grows rows/columns as needed.
- updateCells: exactly one of ``start`` (a GridCoordinate: rows of any length are written from it) and ``range``
  (a GridRange: every cell of the range not covered by ``rows`` is cleared; rows larger than the range are
  refused). Writing past the grid is refused (400).
"""

from __future__ import annotations

from typing import Any

from .cells import Cell, cell_from_extended
from .edit_api import fits, grid_range, index_of
from .errors import bad_request
from .state import Workbook


def _writes_values(fields: Any, where: str) -> bool:
    names = [f.strip() for f in fields.split(",") if f.strip()] if isinstance(fields, str) else []
    if not names:
        raise bad_request(f"{where}At least one field must be specified in 'fields'.")
    return any(f == "*" or f.split(".")[0] == "userEnteredValue" for f in names)


def row_cells(row: Any, where: str) -> list[Cell | None]:
    """A RowData's cells ({} or a CellData without userEnteredValue is an empty cell)."""
    values = row.get("values", []) if isinstance(row, dict) else None
    if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
        raise bad_request(f"{where}a RowData is {{\"values\": [CellData, ...]}}")
    return [cell_from_extended(v["userEnteredValue"], f"{where}values[{j}]: ") if "userEnteredValue" in v
            else None for j, v in enumerate(values)]


def _rows(req: dict, where: str) -> list[list[Cell | None]]:
    rows = req.get("rows", [])
    if not isinstance(rows, list):
        raise bad_request(f"{where}rows must be a list of RowData")
    return [row_cells(row, f"{where}rows[{i}]: ") for i, row in enumerate(rows)]


def append_cells(wb: Workbook, req: dict, where: str) -> dict:
    sheet = wb.sheet_by_id(req.get("sheetId", 0), where)
    if "tableId" in req:
        raise bad_request(f"{where}appending to a table (tableId) is not modelled by the fake")
    cells = _rows(req, where)
    if not _writes_values(req.get("fields"), where):
        cells = [[] for _ in cells]
    start = sheet.last_data_row() + 1
    sheet.row_count = max(sheet.row_count, start + len(cells))
    sheet.col_count = max(sheet.col_count, max((len(r) for r in cells), default=0))
    sheet.write(start, 0, cells)
    return {}


def update_cells(wb: Workbook, req: dict, where: str) -> dict:
    cells = _rows(req, where)
    values = _writes_values(req.get("fields"), where)
    if ("start" in req) == ("range" in req):
        raise bad_request(f"{where}exactly one of start and range must be set")
    width = max((len(r) for r in cells), default=0)
    if "start" in req:
        coord = req["start"] if isinstance(req["start"], dict) else {}
        sheet = wb.sheet_by_id(coord.get("sheetId", 0), where)
        r0, c0 = index_of(coord, "rowIndex", where), index_of(coord, "columnIndex", where)
        fits(sheet, r0, c0, len(cells), width, where)
        if values:
            sheet.write(r0, c0, cells)
        return {}
    sheet, b = grid_range(wb, req["range"], where)
    assert b.r1 is not None and b.c1 is not None
    if len(cells) > b.r1 - b.r0 or width > b.c1 - b.c0:
        raise bad_request(f"{where}rows do not fit in the range")
    if values:
        sheet.write(b.r0, b.c0, [[cells[i][j] if i < len(cells) and j < len(cells[i]) else None
                                  for j in range(b.c1 - b.c0)] for i in range(b.r1 - b.r0)])
    return {}
