"""Updating one row of a shared Google Sheet safely: locate by id, write only the changed cells, verify, repair.

The Sheets API has no conditional write, so a row number read a moment ago may point at another row when a
person inserts, deletes or moves rows in between. After writing, the tab is read again:
- the row carrying the id holds the new values at the row number written → done;
- the write hit another row we saw in the first read (known by its untouched cells) → put that row's previous
  values back, then try the whole update once more (a deleted target then gives RowNotFound);
- the write hit a row nobody had when we read (a person's brand new row) → we cannot know what it held, so the
  app says which row to check instead of guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gspread.utils import rowcol_to_a1

from de_core.schema import Tab
from de_core.store.base import (
    StoreError,
    UpdateResult,
    find_rows,
    locate_row,
    row_cells,
)
from de_core.store.retry import KEPT_EN, KEPT_TH, SheetRequestRefused
from de_core.text import normalize

if TYPE_CHECKING:
    from de_core.store.gsheets import GoogleSheetStore, Grid

ATTEMPTS = 2


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


def _rest(row: list[str], skip: set[int], width: int) -> tuple[str, ...]:
    """A row's identity for the repair: every cell the write did not touch."""
    return tuple(_cell(row, p) for p in range(width) if p not in skip)


def _has(row: list[str], changes: dict[int, str]) -> bool:
    return all(_cell(row, p) == v for p, v in changes.items())


def _hit_rows(plan: _Plan, after: Grid) -> tuple[dict[int, dict[int, str]], list[int]]:
    """Rows other than the target now holding the written values: {row: previous values} when the first read
    knew them, and the row numbers it could not account for."""
    skip = set(plan.changes)
    width = max([len(r) for r in plan.snapshot + after] + [p + 1 for p in skip])
    known: dict[int, dict[int, str]] = {}
    unknown: list[int] = []
    rows = [plan.rownum] if _has(_row(after, plan.rownum), plan.changes) else range(2, len(after) + 1)
    for k in rows:
        row = _row(after, k)
        if not _has(row, plan.changes) or normalize(_cell(row, plan.id_pos)) == normalize(plan.expect_id):
            continue
        ident = _rest(row, skip, width)
        if not any(ident):
            known[k] = {p: "" for p in skip}
            continue
        olds = {tuple(_cell(s, p) for p in sorted(skip)) for j, s in enumerate(plan.snapshot[1:], start=2)
                if j != plan.rownum and _rest(s, skip, width) == ident and not _has(s, plan.changes)}
        if len(olds) == 1:
            known[k] = dict(zip(sorted(skip), olds.pop(), strict=True))
        elif not any(_rest(s, skip, width) == ident for s in plan.snapshot[1:]):
            unknown.append(k)
    return known, unknown


def update_row(store: GoogleSheetStore, tab: Tab, row_id: str, values: Mapping[str, Any]) -> UpdateResult:
    """Locate, write only the changed cells, verify; repair a stray write and try once more (see module doc)."""
    title, grid = store.read_tab(tab)
    repaired: list[int] = []
    for _attempt in range(ATTEMPTS):
        plan = locate(tab, grid, row_id, values)
        if not plan.changes:
            return plan.result
        try:
            store.write_cells(title, {(plan.rownum, p + 1): v for p, v in plan.changes.items()})
        except SheetRequestRefused as err:  # e.g. the row number is past the end after a person deleted rows
            if err.status != 400:
                raise
        grid = store.read_tabs([title])[0]
        targets = find_rows(grid, plan.id_pos, plan.expect_id)
        done = len(targets) == 1 and _has(_row(grid, targets[0]), plan.changes)
        if done and targets[0] == plan.rownum:
            return plan.result
        known, unknown = _hit_rows(plan, grid)
        if known:
            store.write_cells(title, {(k, p + 1): v for k, old in known.items() for p, v in old.items()})
            repaired += list(known)
            grid = store.read_tabs([title])[0]
            _check_restored(tab, title, plan, known, grid)
        if done:
            plan.result.row_number = targets[0]
            return plan.result
        if unknown:
            raise _stray_write(tab, title, row_id, unknown)
    raise _keeps_changing(tab, row_id, repaired)


def _check_restored(tab: Tab, title: str, plan: _Plan, known: dict[int, dict[int, str]], grid: Grid) -> None:
    for k, old in known.items():
        if not _has(_row(grid, k), old):
            raise _stray_write(tab, title, plan.result.row_id, [k])


def _stray_write(tab: Tab, title: str, row_id: str, rows: list[int]) -> StoreError:
    where = ", ".join(f"{title}!{rowcol_to_a1(r, 1)}" for r in rows)
    return StoreError(
        f"มีคนแทรกหรือลบแถวในแท็บ «{tab.th}» ขณะบันทึก ค่าที่แก้ของรหัส «{row_id}» อาจไปอยู่ที่แถว {where} "
        "ซึ่งเพิ่งถูกเพิ่ม และแอปไม่รู้ค่าเดิมของแถวนั้น",
        f"Someone inserted or deleted rows in «{tab.en}» while saving: the change for «{row_id}» may have gone to "
        f"row {where}, a row added meanwhile whose previous values the app cannot know",
        f"ตรวจแถว {where} ในชีต แล้วบันทึกอีกครั้ง {KEPT_TH}",
        f"Check row {where} in the sheet, then save again; {KEPT_EN}",
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
