"""spreadsheets.get: metadata, grid data (includeGridData) and the `fields` partial-response mask.

As the real API: with a `fields` mask, includeGridData is ignored and grid data comes back when the mask selects
it (`sheets`, `sheets.data...`). The mask syntax is the FieldMask JSON form: comma-separated paths, dot-separated
subfields, `a(b,c)` for several subfields of one field, snake_case accepted. A repeated field's mask applies to
each element, and an element left with nothing selected stays as {} (an empty cell, a row without values); a
field left empty is dropped. Grid data covers each sheet from A1: one RowData per row up to the last row holding
a value or a format, each CellData carrying userEnteredValue, effectiveValue, formattedValue (what
FORMATTED_VALUE shows) and, for cells under a repeatCell format, userEnteredFormat; an empty cell is {}, a row
without cells is {}, trailing empties are left out; rowMetadata marks rows the basic filter hides with
hiddenByFilter (filter_api), and the spreadsheet/sheets carry developerMetadata, basicFilter and filterViews when
they have any. batchUpdate's reply uses the same resource, limited by responseRanges (spreadsheet()). Not modelled:
spreadsheets.get's `ranges` parameter (answered 400).
"""

from __future__ import annotations

import re
from typing import Any

from .a1 import WHOLE, Bounds
from .cells import Cell, evaluate, render
from .errors import bad_request
from .state import Sheet, Workbook

Mask = dict[str, "Mask | None"]  # field → its sub-mask; None selects the whole field
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
ROW_PIXELS, COLUMN_PIXELS = 21, 100


def spreadsheets_get(wb: Workbook, query: dict[str, list[str]]) -> dict:
    if query.get("ranges"):
        raise bad_request("The fake Sheets server does not model spreadsheets.get with ranges")
    fields = (query.get("fields") or [""])[0]
    mask = parse_fields(fields) if fields else None
    if mask is None:
        with_data = (query.get("includeGridData") or ["false"])[0].lower() in ("true", "1")
    else:
        sheets = mask.get("sheets", {})
        with_data = "sheets" in mask and (sheets is None or "data" in sheets)
    out = spreadsheet(wb, [], with_data)
    return out if mask is None else apply_mask(out, mask)


def spreadsheet(wb: Workbook, ranges: list[str], with_data: bool) -> dict:
    """The Spreadsheet resource; with A1 ``ranges``, only the sheets they name, each with one GridData per range on
    it (in the order given) when ``with_data`` — as batchUpdate's responseRanges/responseIncludeGridData."""
    out = wb.metadata()
    if not ranges:
        for sheet, meta in zip(wb.sheets, out["sheets"], strict=True):
            meta.update({"data": [grid_data(sheet)]} if with_data else {})
        return out
    resolved = [wb.resolve(str(text)) for text in ranges]
    kept = []
    for sheet, meta in zip(wb.sheets, out["sheets"], strict=True):
        areas = [b for s, b in resolved if s is sheet]
        if areas:
            meta.update({"data": [grid_data(sheet, b) for b in areas]} if with_data else {})
            kept.append(meta)
    out["sheets"] = kept
    return out


# -- the fields mask -------------------------------------------------------------------------------------
def parse_fields(text: str) -> Mask:
    """`a.b,c(d,e.f)` → {"a": {"b": None}, "c": {"d": None, "e": {"f": None}}}. Raises 400 on bad syntax."""
    mask: Mask = {}
    end = _paths(text, 0, mask)
    if end != len(text):
        raise bad_request(f"Invalid field selection {text}")
    return mask


def _paths(text: str, i: int, mask: Mask) -> int:
    i = _path(text, i, mask)
    while i < len(text) and text[i] == ",":
        i = _path(text, i + 1, mask)
    return i


def _path(text: str, i: int, mask: Mask) -> int:
    found = _NAME.match(text, i)
    if found is None:
        raise bad_request(f"Invalid field selection {text}")
    name, i = re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), found.group()), found.end()
    follow = text[i] if i < len(text) else ""
    if follow not in (".", "("):
        mask[name] = None
        return i
    sub = mask.setdefault(name, {})
    into: Mask = {} if sub is None else sub  # the whole field is already selected: parse, keep nothing
    if follow == ".":
        return _path(text, i + 1, into)
    i = _paths(text, i + 1, into)
    if i >= len(text) or text[i] != ")":
        raise bad_request(f"Invalid field selection {text}")
    return i + 1


def apply_mask(value: Any, mask: Mask | None) -> Any:
    """The parts of value the mask selects (each element of a list; empty fields dropped, empty elements kept)."""
    if mask is None:
        return value
    if isinstance(value, list):
        return [apply_mask(v, mask) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for name, sub in mask.items():
        if name in value:
            kept = apply_mask(value[name], sub)
            if kept != {} and kept != []:
                out[name] = kept
    return out


# -- grid data -------------------------------------------------------------------------------------------
def grid_data(sheet: Sheet, b: Bounds = WHOLE) -> dict:
    """GridData for bounds b (default the whole sheet) clipped to the grid; startRow/startColumn are left out when
    0, as the API leaves out default values."""
    b = b.clip(sheet.row_count, sheet.col_count)
    assert b.r1 is not None and b.c1 is not None
    formats = [f for f in sheet.formats if f.get("cell", {}).get("userEnteredFormat")]
    height = max([len(sheet.grid)] + [_end(f["range"], "Row", sheet.row_count) for f in formats])
    rows = []
    for r in range(b.r0, min(height, b.r1)):
        width = max([len(sheet.grid[r]) if r < len(sheet.grid) else 0]
                    + [_end(f["range"], "Column", sheet.col_count) for f in formats if _covers(f["range"], "Row", r)])
        cells = [_cell_data(sheet.get(r, c), _format_at(formats, r, c)) for c in range(b.c0, min(width, b.c1))]
        while cells and not cells[-1]:
            cells.pop()
        rows.append({"values": cells} if cells else {})
    while rows and not rows[-1]:
        rows.pop()
    hidden = sheet.filter_hidden
    out: dict[str, Any] = ({"startRow": b.r0} if b.r0 else {}) | ({"startColumn": b.c0} if b.c0 else {})
    return out | {"rowData": rows,
                  "rowMetadata": [{"pixelSize": ROW_PIXELS} | ({"hiddenByFilter": True} if r in hidden else {})
                                  for r in range(b.r0, b.r1)],
                  "columnMetadata": [{"pixelSize": COLUMN_PIXELS}] * (b.c1 - b.c0)}


def _end(rng: dict, dim: str, size: int) -> int:
    return min(int(rng.get(f"end{dim}Index", size)), size)


def _covers(rng: dict, dim: str, i: int) -> bool:
    return int(rng.get(f"start{dim}Index", 0)) <= i < int(rng.get(f"end{dim}Index", i + 1))


def _format_at(formats: list[dict], r: int, c: int) -> dict | None:
    found = None
    for f in formats:  # later repeatCell requests win, field by field as the API merges them
        if _covers(f["range"], "Row", r) and _covers(f["range"], "Column", c):
            found = {**(found or {}), **f["cell"]["userEnteredFormat"]}
    return found


def _cell_data(cell: Cell | None, fmt: dict | None) -> dict:
    data: dict[str, Any] = {}
    if cell is not None:
        data["userEnteredValue"] = _extended(cell, cell.raw if cell.is_formula else None)
        data["effectiveValue"] = _extended(cell, None)
        data["formattedValue"] = render(cell, "FORMATTED_VALUE")
    if fmt:
        data["userEnteredFormat"] = fmt
    return data


def _extended(cell: Cell, formula: str | None) -> dict:
    """An ExtendedValue: the formula as typed, or the value (numbers, booleans, text, errors)."""
    if formula is not None:
        return {"formulaValue": formula}
    if cell.kind == "number":
        return {"numberValue": cell.number}
    if cell.kind == "bool":
        return {"boolValue": cell.number}
    if cell.kind == "text":
        return {"stringValue": cell.raw}
    result = evaluate(cell.raw)
    if isinstance(result, str):
        return {"errorValue": {"type": "ERROR", "message": result}}
    return {"numberValue": result}
