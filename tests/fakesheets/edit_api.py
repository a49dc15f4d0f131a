"""spreadsheets.batchUpdate requests that move cell data: sortRange, cutPaste, copyPaste (cell_data_api writes it).

Modelled on the Sheets API v4 reference; their batchUpdate replies are empty ({}), as the API's Response has no
field for them. A GridRange's missing end means the grid's edge; a range past the grid is refused (400).

- sortRange: the rows of ``range`` are reordered by ``sortSpecs`` (dimensionIndex is the sheet's column index
  and must lie inside the range; sortOrder ASCENDING or DESCENDING, anything else is refused). Later specs
  break ties of earlier ones; the sort is stable. Only the cells inside the range move (other columns and
  rows stay). Order within a column, as Sheets sorts mixed columns: numbers (numerically) < text
  (case-insensitively, "b" == "B") < booleans (FALSE < TRUE) < errors; a formula sorts by what it computes.
  Empty cells sort last in both orders. Stored text stays text: "10" (text) sorts as text, after numbers.
- cutPaste: the source cells are moved to ``destination`` (a GridCoordinate, any sheet): the source becomes
  empty (whatever pasteType says), the destination block is overwritten, empty source cells included.
- copyPaste: the source cells are copied onto ``destination`` (a GridRange). A destination whose height
  (width) is a multiple of the source's repeats the source to fill it; a smaller one, or a missing end,
  still receives the whole source once. pasteOrientation NORMAL or TRANSPOSE.
- pasteType (both): PASTE_NORMAL (default), PASTE_NO_BORDERS and PASTE_FORMULA paste values and formulas;
  PASTE_VALUES pastes what formulas compute; PASTE_FORMAT, PASTE_DATA_VALIDATION and
  PASTE_CONDITIONAL_FORMATTING paste no value (the fake keeps formats as repeatCell ranges by position, so
  neither formats nor validations move with cells).
- Row developer metadata under sortRange/cutPaste: Google does not document it. Switches.metadata_follows_data
  (default False) keeps it with the row position; True makes it follow the data rows a sort moves, and the
  rows of a cut/paste of whole rows (metadata lying wholly inside the source rows moves to the destination
  rows; the destination rows' own metadata stays). copyPaste never copies metadata.
"""

from __future__ import annotations

from functools import cmp_to_key
from typing import Any

from .a1 import Bounds, format_range
from .cells import Cell, sort_key, value_only
from .errors import bad_request
from .grid import Block
from .state import Sheet, Workbook

PASTE_TYPES = ("PASTE_NORMAL", "PASTE_VALUES", "PASTE_FORMAT", "PASTE_NO_BORDERS", "PASTE_FORMULA",
               "PASTE_DATA_VALIDATION", "PASTE_CONDITIONAL_FORMATTING")
VALUE_PASTES = ("PASTE_NORMAL", "PASTE_NO_BORDERS", "PASTE_FORMULA", "PASTE_VALUES")


# -- ranges ----------------------------------------------------------------------------------------------
def _index(obj: dict, name: str, where: str, default: int | None = 0) -> int | None:
    value = obj.get(name, default)
    if value is None and default is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise bad_request(f"{where}Invalid {name}: {value!r}")
    return value


def index_of(obj: dict, name: str, where: str) -> int:
    """A required-or-0 index (GridCoordinate rowIndex/columnIndex, GridRange starts)."""
    value = _index(obj, name, where)
    assert value is not None
    return value


def _grid_raw(wb: Workbook, rng: Any, where: str) -> tuple[Sheet, int, int, int | None, int | None]:
    if not isinstance(rng, dict):
        raise bad_request(f"{where}a GridRange is required")
    sheet = wb.sheet_by_id(rng.get("sheetId", 0), where)
    r0, c0 = index_of(rng, "startRowIndex", where), index_of(rng, "startColumnIndex", where)
    r1, c1 = _index(rng, "endRowIndex", where, None), _index(rng, "endColumnIndex", where, None)
    if (r1 is not None and r1 < r0) or (c1 is not None and c1 < c0):
        raise bad_request(f"{where}A range's end index must not be before its start index")
    return sheet, r0, c0, r1, c1


def fits(sheet: Sheet, r0: int, c0: int, height: int, width: int, where: str) -> None:
    """400 unless the block fits in the grid (the API does not grow a sheet for these requests)."""
    if r0 + height > sheet.row_count or c0 + width > sheet.col_count:
        area = format_range(sheet.title, Bounds(r0, c0, r0 + max(height, 1), c0 + max(width, 1)))
        raise bad_request(f"{where}Range ({area}) exceeds grid limits. "
                          f"Max rows: {sheet.row_count}, max columns: {sheet.col_count}")


def grid_range(wb: Workbook, rng: Any, where: str) -> tuple[Sheet, Bounds]:
    """A GridRange with its missing ends at the grid's edge (400 past the grid)."""
    sheet, r0, c0, r1, c1 = _grid_raw(wb, rng, where)
    r1 = sheet.row_count if r1 is None else r1
    c1 = sheet.col_count if c1 is None else c1
    fits(sheet, r0, c0, r1 - r0, c1 - c0, where)
    return sheet, Bounds(r0, c0, r1, c1)


# -- sortRange -------------------------------------------------------------------------------------------
def _sort_specs(specs: Any, b: Bounds, where: str) -> list[tuple[int, bool]]:
    if not isinstance(specs, list) or not specs:
        raise bad_request(f"{where}sortSpecs must give at least one column to sort by")
    out = []
    for i, spec in enumerate(specs):
        spec = spec if isinstance(spec, dict) else {}
        col, order = spec.get("dimensionIndex"), spec.get("sortOrder")
        assert b.c1 is not None
        if not isinstance(col, int) or isinstance(col, bool) or not b.c0 <= col < b.c1:
            raise bad_request(f"{where}sortSpecs[{i}].dimensionIndex {col!r} is not a column of the range")
        if order not in ("ASCENDING", "DESCENDING"):
            raise bad_request(f"{where}sortSpecs[{i}].sortOrder must be ASCENDING or DESCENDING")
        if set(spec) - {"dimensionIndex", "sortOrder"}:
            raise bad_request(f"{where}sortSpecs[{i}]: only dimensionIndex and sortOrder are modelled")
        out.append((col, order == "DESCENDING"))
    return out


def _compare(a: list, b: list, descending: list[bool]) -> int:
    for x, y, desc in zip(a, b, descending, strict=True):
        if x is None or y is None:
            if x is None and y is None:
                continue
            return 1 if x is None else -1  # empty cells last, whatever the order
        if x != y:
            c = -1 if x < y else 1
            return -c if desc else c
    return 0


def sort_rows(wb: Workbook, sheet: Sheet, b: Bounds, raw_specs: Any, where: str) -> None:
    """Sort the rows of b by raw SortSpecs (shared by sortRange and a basic filter's sortSpecs)."""
    specs = _sort_specs(raw_specs, b, where)
    assert b.r1 is not None and b.c1 is not None
    last = max(b.r0, min(b.r1, len(sheet.grid)))  # rows past the stored grid are empty: they stay last
    keys = {r: [sort_key(sheet.get(r, col)) for col, _ in specs] for r in range(b.r0, last)}
    descending = [desc for _, desc in specs]
    order = sorted(keys, key=cmp_to_key(lambda x, y: _compare(keys[x], keys[y], descending)))
    block = sheet.block(Bounds(b.r0, b.c0, last, b.c1))
    sheet.write(b.r0, b.c0, [block[r - b.r0] for r in order])
    if wb.switches.metadata_follows_data:
        moved = {old: b.r0 + new for new, old in enumerate(order)}
        sheet.remap_meta("ROWS", lambda i: moved.get(i, i))


def sort_range(wb: Workbook, req: dict, where: str) -> dict:
    sheet, b = grid_range(wb, req.get("range"), where)
    sort_rows(wb, sheet, b, req.get("sortSpecs"), where)
    return {}


# -- cutPaste / copyPaste --------------------------------------------------------------------------------
def _paste_type(req: dict, where: str) -> str:
    paste = req.get("pasteType") or "PASTE_NORMAL"
    if paste not in PASTE_TYPES:
        raise bad_request(f"{where}Invalid value at 'pasteType' ({paste})")
    return paste


def _pasted(cells: Block, paste: str) -> Block:
    return [[value_only(c) for c in row] for row in cells] if paste == "PASTE_VALUES" else cells


def _move_row_meta(src: Sheet, r0: int, r1: int, dest: Sheet, to: int) -> None:
    """Metadata lying wholly on rows [r0, r1) of src goes to the same rows from ``to`` on dest."""
    for meta in list(src.dev_meta):
        rng = meta["location"].get("dimensionRange")
        if rng is None or rng["dimension"] != "ROWS" or not r0 <= rng["startIndex"] < rng["endIndex"] <= r1:
            continue
        rng["startIndex"], rng["endIndex"] = rng["startIndex"] + to - r0, rng["endIndex"] + to - r0
        if dest is not src:
            rng["sheetId"] = dest.sheet_id
            src.dev_meta.remove(meta)
            dest.dev_meta.append(meta)


def cut_paste(wb: Workbook, req: dict, where: str) -> dict:
    sheet, b = grid_range(wb, req.get("source"), f"{where}source: ")
    coord = req.get("destination")
    if not isinstance(coord, dict):
        raise bad_request(f"{where}destination is required")
    dest = wb.sheet_by_id(coord.get("sheetId", 0), where)
    r, c = index_of(coord, "rowIndex", where), index_of(coord, "columnIndex", where)
    assert b.r1 is not None and b.c1 is not None
    paste = _paste_type(req, where)
    fits(dest, r, c, b.r1 - b.r0, b.c1 - b.c0, f"{where}destination: ")
    cells = sheet.block(b)
    sheet.clear(b)
    if paste in VALUE_PASTES:
        dest.write(r, c, _pasted(cells, paste))
    if wb.switches.metadata_follows_data and b.c0 == 0 == c and b.c1 == sheet.col_count:
        _move_row_meta(sheet, b.r0, b.r1, dest, r)
    return {}


def _repeats(size: int, target: int | None) -> int:
    return target // size if target and size and target >= size and target % size == 0 else 1


def copy_paste(wb: Workbook, req: dict, where: str) -> dict:
    sheet, b = grid_range(wb, req.get("source"), f"{where}source: ")
    dest, r0, c0, r1, c1 = _grid_raw(wb, req.get("destination"), f"{where}destination: ")
    paste = _paste_type(req, where)
    orientation = req.get("pasteOrientation") or "NORMAL"
    if orientation not in ("NORMAL", "TRANSPOSE"):
        raise bad_request(f"{where}Invalid value at 'pasteOrientation' ({orientation})")
    cells = sheet.block(b)
    if orientation == "TRANSPOSE":
        assert b.c1 is not None
        cells = [[row[j] for row in cells] for j in range(b.c1 - b.c0)] if cells else []
    h, w = len(cells), len(cells[0]) if cells else 0
    down = _repeats(h, None if r1 is None else r1 - r0)
    across = _repeats(w, None if c1 is None else c1 - c0)
    full: list[list[Cell | None]] = [[cells[i % h][j % w] for j in range(w * across)] for i in range(h * down)]
    fits(dest, r0, c0, len(full), w * across, f"{where}destination: ")
    if paste in VALUE_PASTES:
        dest.write(r0, c0, _pasted(full, paste))
    return {}
