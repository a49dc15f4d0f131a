"""Updating one row of a shared Google Sheet: read, then one write that proves where it landed.

1. Read the tab (values.batchGet): the one row carrying the id, and the cells that change.
2. Write those cells at that row's number through proof.write_proven: the same atomic request copies the row as it
   was and shows, in its reply, the row's id, the header, and what each overwritten cell held.
The happy path is these 2 requests (the reply is the check), and nothing is left behind in the sheet.
An audited update reads the audit tab's header row in the same request as 1, and its audit row rides in the write
of 2 (proof.Extra), with a mark so that a copy of that request sent again after a lost reply is refused whole.
When the reply shows the write went into another row (a person inserted, deleted, moved, sorted or cut rows
between 1 and 2) or under another header (a column moved), the overwritten cells get back exactly what the reply
says they held, by another proven write to the same row, and the update starts again from a fresh read. A put-back
whose own reply shows it overwrote something other than the app's value (people still moving rows) gives that back
too, and the save is refused with the cells named, tab title quoted: a stray value is never guessed at.
A write that went into another row was audited with it: the put-back's own request adds an audit row "undo".
The audit row is a request of its own (sent once the write is confirmed, so a crash in between can leave the change
without it) only where one atomic request is impossible: a server that refuses the proven write (proof.py), or an
applied write whose reply was lost and whose request, sent again, was refused without its mark being found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gspread.utils import absolute_range_name, rowcol_to_a1

from de_core.sheet.schema import Tab
from de_core.sheet.text import normalize
from de_core.store.base import (
    AUDIT_TAB,
    UNDO,
    AppendResult,
    StoreError,
    UpdateResult,
    locate_row,
    plan_appends,
    row_cells,
)
from de_core.store.google import marks
from de_core.store.google.append import append_cells
from de_core.store.google.book import SheetBook
from de_core.store.google.proof import Extra, Landed, write_proven
from de_core.store.google.read import Grid
from de_core.store.google.retry import KEPT_EN, KEPT_TH

ATTEMPTS = 3  # writes of the update while people keep moving rows
Audit = Callable[[UpdateResult], Mapping[str, Any] | None]


@dataclass
class Plan:
    """What one attempt read and means to write."""

    header: list[str]
    row: list[str]  # the target's row as read
    rownum: int  # 1-based sheet row of the target when read
    id_pos: int
    width: int  # columns the write copies and shows (the header's, at least)
    changes: dict[int, str]  # 0-based column → new text (only cells that differ)
    result: UpdateResult


def cell(row: list[str], pos: int) -> str:
    return row[pos] if pos < len(row) else ""


def locate(tab: Tab, grid: Grid, row_id: str, values: Mapping[str, Any]) -> Plan:
    """Find the one row carrying row_id and the cells to change. Raises SchemaMismatch, RowNotFound, AmbiguousRow."""
    rownum, positions, id_pos = locate_row(tab, grid, row_id, list(values.keys()))
    cells = grid[rownum - 1]
    new = row_cells(positions, values, len(cells))
    before = {k: cell(cells, p) for k, p in positions.items()}
    after = {k: new[p] for k, p in positions.items()}
    changes = {p: new[p] for p in positions.values() if cell(cells, p) != new[p]}
    width = max(len(grid[0]), len(cells), id_pos + 1, *(p + 1 for p in positions.values()))
    return Plan(list(grid[0]), list(cells), rownum, id_pos, width, changes,
                UpdateResult(row_id, rownum, before, after))


def address(title: str, rownum: int, pos: int) -> str:
    """A cell as the Sheets UI names it, the tab title quoted: 'ค่าใช้จ่าย'!I3."""
    return absolute_range_name(title, rowcol_to_a1(rownum, pos + 1))


def same_column(read: str, now: str, header_read: list[str], header_now: list[str]) -> bool:
    """Whether the header at a written position is still the column read there (the same, or renamed)."""
    return normalize(read) == normalize(now) or (read not in header_now and now not in header_read)


def went_right(plan: Plan, landed: Landed, row_id: str) -> bool:
    """The write went into the row read (its id, and every cell as read: a copy a person made of the row carries
    the id too) and under the columns read."""
    same_row = normalize(cell(landed.before, plan.id_pos)) == normalize(row_id) and all(
        cell(landed.before, p) == cell(plan.row, p) for p in range(plan.width))
    return same_row and all(
        same_column(cell(plan.header, p), cell(landed.header, p), plan.header, landed.header) for p in plan.changes)


def _entered(landed: Landed, pos: int) -> dict[str, Any]:
    return landed.entered[pos] if pos < len(landed.entered) else {}


def put_back(book: SheetBook, tab: Tab, title: str, plan: Plan, landed: Landed, row_id: str,
             undo: Extra | None = None) -> None:
    """Give the row the write went into exactly what it held (module doc); `undo` rides in the first put-back.

    When the put-back's own reply shows people moved rows once more (it found something other than the app's value
    there), what it overwrote is given back, the hit row is looked up by its id and the put-back tried there.
    Raises StoreError naming the cell when the row cannot be found for sure.
    """
    todo = {p: _entered(landed, p) for p in plan.changes}
    stray = {p: cell(landed.after, p) for p in plan.changes}
    hit_id = cell(landed.before, plan.id_pos)
    rownum = landed.rownum
    for _round in range(ATTEMPTS):
        proof = write_proven(book, title, {rownum: todo}, plan.width, undo)
        undo = None
        if proof is None:
            break
        again = proof[rownum]
        clobbered = {p: _entered(again, p) for p in todo if cell(again.before, p) != stray[p]}
        if not clobbered:
            return
        undone = write_proven(book, title, {rownum: clobbered}, plan.width)
        if undone is None or any(cell(undone[rownum].before, p) != cell(again.after, p) for p in clobbered):
            break  # rows moved yet again under this very write: stop and say so
        if not normalize(hit_id):
            break
        title, grid = book.read_tab(tab)
        holding = [n for n in rows_with(grid, plan.id_pos, hit_id)
                   if all(cell(grid[n - 1], p) == v for p, v in stray.items())]
        if not holding:
            return  # nothing of the app's is left in that row (a person changed it since)
        if len(holding) > 1:
            break
        rownum = holding[0]
    raise _stray_write(tab, title, row_id, rownum, list(todo))


def rows_with(grid: Grid, id_pos: int, row_id: str) -> list[int]:
    """1-based sheet rows below the header whose id cell is row_id."""
    want = normalize(row_id)
    return [n for n, row in enumerate(grid, start=1) if n > 1 and normalize(cell(row, id_pos)) == want]


class AuditRows:
    """The audit rows of one update as requests for the audit tab, whose header was read with the tab."""

    def __init__(self, book: SheetBook, audit: Audit | None, title: str = "", header: list[str] | None = None):
        self.book, self.audit, self.title, self.header = book, audit, title, header or []

    def extra(self, result: UpdateResult, action: str | None = None) -> Extra | None:
        """The audit row of `result` (action replaced when given) as the Extra of a proven write, or None."""
        row = self.audit(result) if self.audit is not None else None
        if row is None:
            return None
        row = {**row, "action": action} if action else row
        tab = self.book.schema.tab(AUDIT_TAB)
        cells = [c for _, c in plan_appends(tab, [self.header], [row], AppendResult())]
        mark = None if self.book.marks_refused else marks.mark_id(AUDIT_TAB, str(row.get("id") or cells))
        return Extra([append_cells(self.book, self.title, cells)], mark)

    def undo(self, done: Extra | None, result: UpdateResult) -> Extra | None:
        """The "undo" audit row of an audited write that is being put back (None when none was audited)."""
        if done is None or not done.applied:
            return None
        return self.extra(UpdateResult(result.row_id, result.row_number, result.after, result.before), UNDO)

    def alone(self, extra: Extra | None) -> None:
        """Send an audit row that did not go with its write, as a request of its own (module doc)."""
        if extra is not None and not extra.applied:
            body = {"requests": extra.requests}
            self.book.call(lambda: self.book.spreadsheet().batch_update(body))
            extra.applied = True


def update_row(book: SheetBook, tab: Tab, row_id: str, values: Mapping[str, Any],
               audit: Audit | None = None) -> UpdateResult:
    """Read, then one proven write; a write that went into another row or column is put back (module doc).
    `audit(result)` is the audit row of the change (None: none), written in the same request where possible.

    Raises RowNotFound, AmbiguousRow, SchemaMismatch, StoreUnavailable, or StoreError naming the cells to check.
    """
    if audit is None:
        (title, grid), rows = book.read_tab(tab), AuditRows(book, None)
    else:
        title, grid, audit_title, header = book.read_tab_and_header(tab, book.schema.tab(AUDIT_TAB))
        rows = AuditRows(book, audit, audit_title, header)
    for _attempt in range(ATTEMPTS):
        plan = locate(tab, grid, row_id, values)
        if not plan.changes:
            return plan.result
        extra = rows.extra(plan.result)
        proof = write_proven(book, title, {plan.rownum: plan.changes}, plan.width, extra)
        if proof is None:  # a server that does not show the spreadsheet in its reply: check by reading
            title, after = book.read_tab(tab)
            if _holds(after, plan, row_id):
                rows.alone(extra)
                return plan.result
            _put_back_by_id(book, tab, title, plan, grid, after, row_id)
            rows.alone(rows.undo(extra, plan.result))
            grid = after
            continue
        landed = proof[plan.rownum]
        if went_right(plan, landed, row_id):
            rows.alone(extra)
            return plan.result
        undo = rows.undo(extra, plan.result)
        put_back(book, tab, title, plan, landed, row_id, undo)
        rows.alone(undo)
        title, grid = book.read_tab(tab)
    raise _keeps_changing(tab, row_id)


def _holds(grid: Grid, plan: Plan, row_id: str) -> bool:
    """The one row carrying the id holds every written value where it was written."""
    hits = rows_with(grid, plan.id_pos, row_id)
    return len(hits) == 1 and all(cell(grid[hits[0] - 1], p) == v for p, v in plan.changes.items())


def _put_back_by_id(book: SheetBook, tab: Tab, title: str, plan: Plan, before: Grid, after: Grid,
                    row_id: str) -> None:
    """Without a proof in the reply: every row that now holds the app's values in the written cells and held
    something else at the read (found by its own id, unique then and now) gets that back. Raises StoreError naming
    the cells when such a row cannot be identified for sure."""
    for n, row in enumerate(after, start=1):
        if n == 1 or not all(cell(row, p) == v for p, v in plan.changes.items()):
            continue
        rid = cell(row, plan.id_pos)
        was = rows_with(before, plan.id_pos, rid) if normalize(rid) else []
        if normalize(rid) == normalize(row_id):
            continue
        if len(was) != 1 or len(rows_with(after, plan.id_pos, rid)) != 1:
            raise _stray_write(tab, title, row_id, n, list(plan.changes))
        old = before[was[0] - 1]
        cells = {p: cell(old, p) for p in plan.changes if cell(old, p) != plan.changes[p]}
        if cells:
            write_proven(book, title, {n: cells}, plan.width)


def _stray_write(tab: Tab, title: str, row_id: str, rownum: int, positions: list[int]) -> StoreError:
    """The app's value may sit in a cell it cannot put back for sure: name the cells, ask to check them."""
    where = ", ".join(address(title, rownum, p) for p in sorted(positions))
    return StoreError(
        f"มีคนแทรก ลบ ย้าย เรียง หรือตัดวางแถวในแท็บ «{tab.th}» ขณะบันทึกรหัส «{row_id}» ซ้ำหลายครั้ง "
        f"แอปจึงยืนยันไม่ได้ว่าช่อง {where} มีค่าเดิมครบ",
        f"Someone kept inserting, deleting, moving, sorting or cutting rows in «{tab.en}» while «{row_id}» was "
        f"being saved, so the app cannot confirm that cell {where} holds its previous value",
        f"ตรวจช่อง {where} ในชีต แล้วบันทึกอีกครั้ง {KEPT_TH}",
        f"Check cell {where} in the sheet, then save again; {KEPT_EN}",
    )


def _keeps_changing(tab: Tab, row_id: str) -> StoreError:
    return StoreError(
        f"แท็บ «{tab.th}» ถูกแก้ไขโครงสร้าง (แทรก/ลบ/ย้าย/เรียงแถว) ระหว่างบันทึกรหัส «{row_id}» จึงยังไม่ได้บันทึก "
        "แถวที่ถูกเขียนผิดได้รับค่าเดิมคืนแล้ว ไม่มีข้อมูลสูญหาย",
        f"Rows of «{tab.en}» were inserted, deleted, moved or sorted while saving «{row_id}», so it was not saved. "
        "Any row written by mistake got its previous values back; nothing was lost",
        f"รอให้ผู้ที่กำลังแก้ชีตเสร็จ แล้วบันทึกอีกครั้ง {KEPT_TH}",
        f"Wait until the person editing the sheet is done, then save again; {KEPT_EN}",
    )
