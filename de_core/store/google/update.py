"""Updating one row of a shared Google Sheet safely: anchor the row, write through the anchor, verify.

The Sheets API has no conditional write, and a row number read a moment ago may point at another row when a
person inserts, deletes or moves rows in between. So the row is not written by its number: it carries a
developer-metadata anchor (anchor.py) that the server keeps on it as rows move, and the write names the
anchor, so the server resolves the row at write time (a deleted row is simply not written).
- first update of a row: read (tab + anchor, one request), anchor the row it found, read again to check the
  anchor sits on that row (a person may have moved rows just before), write, verify: 5 requests;
- later updates: read, write, verify: 3 requests.
Columns are still written at the positions read a moment before (one request cannot name a row anchor AND a
column anchor). The verify read catches a column a person moved into a written position: that cell gets back
the value the moved column held (known from the first read) and the update is retried; a column the app never
saw there is refused with the cell named. The row the anchor is on is also put back when, after the write, its
id is no longer the one row with that id (a person copied the row or changed its id): the retry then explains.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gspread.utils import rowcol_to_a1

from de_core.sheet.schema import Tab
from de_core.sheet.text import normalize
from de_core.store.base import (
    StoreError,
    UpdateResult,
    find_rows,
    locate_row,
    row_cells,
)
from de_core.store.google import anchor
from de_core.store.google.book import SheetBook
from de_core.store.google.read import Grid
from de_core.store.google.retry import KEPT_EN, KEPT_TH

ATTEMPTS = 4  # anchoring a row, then up to three writes when people keep moving things


@dataclass
class _Plan:
    """What one attempt reads and means to write."""

    snapshot: list[list[str]]
    rownum: int  # 1-based sheet row of the target when read
    id_pos: int
    expect_id: str  # the id the target carries after the write
    changes: dict[int, str]  # 0-based column → new text (only cells that differ)
    result: UpdateResult


def _cell(row: list[str], pos: int) -> str:
    return row[pos] if pos < len(row) else ""


def _row(grid: Grid, rownum: int) -> list[str]:
    return grid[rownum - 1] if 0 < rownum <= len(grid) else []


def locate(tab: Tab, grid: Grid, row_id: str, values: Mapping[str, Any]) -> _Plan:
    """Find the one row carrying row_id and the cells to change. Raises SchemaMismatch, RowNotFound, AmbiguousRow."""
    rownum, positions, id_pos = locate_row(tab, grid, row_id, list(values.keys()))
    cells = _row(grid, rownum)
    new = row_cells(positions, values, len(cells))
    before = {k: _cell(cells, p) for k, p in positions.items()}
    after = {k: new[p] for k, p in positions.items()}
    changes = {p: new[p] for p in positions.values() if _cell(cells, p) != new[p]}
    expect = changes.get(id_pos, _cell(cells, id_pos))
    return _Plan(grid, rownum, id_pos, expect, changes, UpdateResult(row_id, rownum, before, after))


def _has(row: list[str], changes: Mapping[int, str]) -> bool:
    return all(_cell(row, p) == v for p, v in changes.items())


def _moved_columns(plan: _Plan, after: Grid) -> dict[int, int | None]:
    """Written positions now holding another column (not a rename): → its position when read, None if unseen."""
    before, now = _row(plan.snapshot, 1), _row(after, 1)
    moved: dict[int, int | None] = {}
    for p in plan.changes:
        was, head = _cell(before, p), _cell(now, p)
        if normalize(was) == normalize(head) or (was not in now and head not in before):
            continue  # the same header, or this column renamed
        seen = [q for q, h in enumerate(before) if h == head and head]
        moved[p] = seen[0] if len(seen) == 1 else None
    return moved


def _previous(plan: _Plan, whole_row: bool, moved: dict[int, int | None]) -> tuple[dict[int, str], list[int]]:
    """What the anchored row held at the cells written by mistake, and the positions of columns nobody saw."""
    row = _row(plan.snapshot, plan.rownum)
    unseen = [p for p, q in moved.items() if q is None]
    source = {p: p for p in plan.changes if whole_row} | {p: q for p, q in moved.items() if q is not None}
    return {p: _cell(row, q) for p, q in source.items() if p not in unseen}, unseen


def update_row(store: SheetBook, tab: Tab, row_id: str, values: Mapping[str, Any]) -> UpdateResult:
    """Locate, anchor, write the changed cells through the anchor, verify; undo a misplaced write (module doc)."""
    value = anchor.anchor_value(tab, row_id)
    title, grid, anchors = anchor.read_tab(store, tab, value)
    repaired: list[int] = []
    for _attempt in range(ATTEMPTS):
        plan = locate(tab, grid, row_id, values)
        if not plan.changes:
            return plan.result
        if anchors != [plan.rownum]:
            anchor.place(store, title, value, plan.rownum, drop=bool(anchors))
            grid, anchors = anchor.read(store, title, value)  # did it land on the row read? checked above
            continue
        anchor.write(store, value, plan.changes)
        grid, anchors = anchor.read(store, title, value)
        if not anchors:  # the row was deleted meanwhile, so nothing was written: look again
            continue
        moved = _moved_columns(plan, grid)
        whole_row = len(anchors) > 1 or find_rows(grid, plan.id_pos, plan.expect_id) != anchors
        if not whole_row and not moved:
            if not _has(_row(grid, anchors[0]), plan.changes):  # not written (or overwritten at once): again
                continue
            plan.result.row_number = anchors[0]
            return plan.result
        old, unseen = _previous(plan, whole_row, moved)
        if old:
            anchor.write(store, value, old)
            repaired += anchors
        if unseen:
            raise _stray_write(tab, title, row_id, [(a, p) for a in anchors for p in unseen])
        grid, anchors = anchor.read(store, title, value)
        if not all(_has(_row(grid, a), old) for a in anchors):
            raise _stray_write(tab, title, row_id, [(a, p) for a in anchors for p in old])
    raise _keeps_changing(tab, row_id, repaired)


def _stray_write(tab: Tab, title: str, row_id: str, cells: list[tuple[int, int]]) -> StoreError:
    """A cell got the app's value by mistake and the app cannot know what it held: name it (column 0-based)."""
    where = ", ".join(f"{title}!{rowcol_to_a1(r, c + 1)}" for r, c in cells)
    return StoreError(
        f"มีคนแทรก ลบ หรือย้ายแถวหรือคอลัมน์ในแท็บ «{tab.th}» ขณะบันทึก ค่าที่แก้ของรหัส «{row_id}» อาจไปอยู่ที่ช่อง "
        f"{where} ซึ่งแอปไม่รู้ค่าเดิมของช่องนั้น",
        f"Someone inserted, deleted or moved rows or columns in «{tab.en}» while saving: the change for "
        f"«{row_id}» may have gone to cell {where}, whose previous value the app cannot know",
        f"ตรวจช่อง {where} ในชีต แล้วบันทึกอีกครั้ง {KEPT_TH}",
        f"Check cell {where} in the sheet, then save again; {KEPT_EN}",
    )


def _keeps_changing(tab: Tab, row_id: str, repaired: list[int]) -> StoreError:
    undo_th = " แอปได้คืนค่าเดิมให้แถวที่ถูกเขียนผิดแล้ว" if repaired else ""
    undo_en = " The app put back the previous values of the row it hit by mistake." if repaired else ""
    return StoreError(
        f"แท็บ «{tab.th}» ถูกแก้ไขโครงสร้าง (แทรก/ลบ/ย้ายแถว) ระหว่างบันทึกรหัส «{row_id}» จึงยังไม่ได้บันทึก"
        f"{undo_th} ไม่มีข้อมูลสูญหาย",
        f"Rows of «{tab.en}» were inserted, deleted or moved while saving «{row_id}», so it was not saved."
        f"{undo_en} Nothing was lost",
        f"รอให้ผู้ที่กำลังแก้ชีตเสร็จ แล้วบันทึกอีกครั้ง {KEPT_TH}",
        f"Wait until the person editing the sheet is done, then save again; {KEPT_EN}",
    )
