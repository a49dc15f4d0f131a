"""The store contract: read every tab in one call, append rows by id, update one row found by its id, and write a
row together with its audit row (one transaction, one atomic request: a crash never leaves one without the other)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from de_core.sheet.cells import column_letter
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.schema import Tab, match_headers, repeated_headers
from de_core.sheet.text import fold, normalize

AUDIT_TAB = "audit"
UNDO = "undo"  # the action of the audit row a store adds when it takes back a write it had already audited


class StoreError(Exception):
    """A write or read the store could not do, with a Thai and an English message and what to do."""

    retryable = False

    def __init__(self, message_th: str, message_en: str, hint_th: str = "", hint_en: str = ""):
        super().__init__(message_en)
        self.message_th = message_th
        self.message_en = message_en
        self.hint_th = hint_th
        self.hint_en = hint_en

    def message(self, lang: str = "th") -> str:
        return self.message_th if lang == "th" else self.message_en

    def hint(self, lang: str = "th") -> str:
        return self.hint_th if lang == "th" else self.hint_en


class RowNotFound(StoreError):
    """The row to update is no longer in the sheet (deleted, or its id was changed)."""


class AmbiguousRow(StoreError):
    """More than one row carries the id: the app will not guess which one to change."""


class DuplicateIdConflict(StoreError):
    """A row with this id already exists with different content."""


class SchemaMismatch(StoreError):
    """A tab or a column the write needs is missing or renamed."""


class PermissionDenied(StoreError):
    """The backend refused access (e.g. the sheet is not shared with the service account)."""


class StoreUnavailable(StoreError):
    """The backend did not answer in time (network, quota): the write may be retried later."""

    retryable = True


@dataclass
class AppendResult:
    appended: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)


@dataclass
class UpdateResult:
    row_id: str
    row_number: int
    before: dict[str, str]
    after: dict[str, str]


class SheetStore(Protocol):
    """What every store offers. Cells cross this boundary as text; rows are located by id, never by number."""

    name: str

    def read_all(self) -> RawWorkbook:
        """Every tab in one round trip."""
        ...

    def append(self, tab_key: str, rows: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows; each carries its id. An id already present with the same content is a no-op."""
        ...

    def update(self, tab_key: str, row_id: str, values: Mapping[str, Any]) -> UpdateResult:
        """Change some cells of the one row carrying `row_id`, found again at write time."""
        ...

    def append_audited(self, tab_key: str, rows: list[Mapping[str, Any]],
                       audits: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows and, in the same atomic step, the audit row of each row that is appended (audits[i] belongs
        to rows[i]): both land or neither. A row already present with the same content adds neither. Audit rows
        carry fresh ids and are appended as they are (no id check)."""
        ...

    def update_audited(self, tab_key: str, row_id: str, values: Mapping[str, Any],
                       audit: Callable[[UpdateResult], Mapping[str, Any] | None]) -> UpdateResult:
        """Update like `update` and write the audit row `audit(result)` (None: nothing to audit) with it, in the
        same atomic step where the store can (each store says where it cannot)."""
        ...


def cell_text(value: Any) -> str:
    """A value as the text a cell will hold: None and NaN become "", numbers without a trailing .0."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(cell_text(v) for v in value if cell_text(v))
    text = str(value)
    return "" if text in ("nan", "NaN", "<NA>", "NaT") else text


def column_positions(tab: Tab, header: list[str], keys: list[str] | Any) -> dict[str, int]:
    """Positions in the header row of the given column keys (or exact extra header texts).

    Raises SchemaMismatch naming the first column the header row lacks.
    """
    known, _unknown = match_headers(tab, header)
    repeated = repeated_headers(tab, header)
    for key in keys:
        if key in repeated:
            col = tab.column(key)
            where = ", ".join(column_letter(p) for p in repeated[key])
            raise SchemaMismatch(
                f"แท็บ «{tab.th}» มีหลายคอลัมน์ที่เป็น «{col.th}» (คอลัมน์ {where}): แอปจะไม่เดาว่าต้องเขียนช่องไหน",
                f"Tab «{tab.en}» has several columns named «{col.en}» (columns {where}): the app will not guess",
                "แก้หัวคอลัมน์ในแถวที่ 1 ให้เหลือคอลัมน์เดียว แล้วลองอีกครั้ง ข้อความที่พิมพ์ไว้ยังอยู่",
                "Rename the headers in row 1 so only one names it, then try again; what you typed is kept",
            )
    folded_headers = {fold(h): i for i, h in enumerate(header) if normalize(h)}
    positions = {}
    for key in keys:
        if key in known:
            positions[key] = known[key]
        elif fold(str(key)) in folded_headers and key not in tab.column_keys:
            positions[key] = folded_headers[fold(str(key))]
        else:
            label = tab.column(key).th if key in tab.column_keys else str(key)
            raise SchemaMismatch(
                f"แท็บ «{tab.th}» ไม่มีคอลัมน์ «{label}»", f"Tab «{tab.en}» has no column «{label}»",
                f"เพิ่มหรือแก้หัวคอลัมน์ในแถวที่ 1 ของแท็บ «{tab.th}» ให้เป็น «{label}» แล้วลองอีกครั้ง",
                f"Add or rename the header in row 1 of «{tab.th}» to «{label}», then try again",
            )
    return positions


def row_cells(positions: dict[str, int], row: Mapping[str, Any], width: int) -> list[str]:
    """A row dict laid out as a list of cell texts under the header positions."""
    size = max([width, *[p + 1 for p in positions.values()]])
    cells = [""] * size
    for key, pos in positions.items():
        cells[pos] = cell_text(row.get(key))
    return cells


def same_content(existing: list[str], positions: dict[str, int], row: Mapping[str, Any]) -> bool:
    """Whether an existing row already holds these values (the retried-append check)."""
    for key, pos in positions.items():
        have = existing[pos] if pos < len(existing) else ""
        if normalize(have) != normalize(cell_text(row.get(key))):
            return False
    return True


def find_rows(rows: list[list[str]], id_pos: int, row_id: str) -> list[int]:
    """1-based sheet row numbers (header is row 1) of the rows whose id cell equals row_id."""
    wanted = normalize(row_id)
    return [i + 1 for i, r in enumerate(rows) if i > 0 and id_pos < len(r) and normalize(r[id_pos]) == wanted]


def not_found(tab: Tab, row_id: str) -> RowNotFound:
    return RowNotFound(
        f"ไม่พบแถวรหัส «{row_id}» ในแท็บ «{tab.th}»: อาจถูกลบหรือแก้รหัสไปแล้ว",
        f"Row «{row_id}» is no longer in tab «{tab.en}»: it may have been deleted or its id changed",
        "เปิดชีตเพื่อตรวจดู แล้วกดโหลดข้อมูลใหม่ก่อนลองอีกครั้ง ข้อความที่พิมพ์ไว้ยังอยู่",
        "Check the sheet, reload the data and try again; what you typed is kept",
    )


def ambiguous(tab: Tab, row_id: str, rows: list[int]) -> AmbiguousRow:
    where = ", ".join(str(r) for r in rows)
    return AmbiguousRow(
        f"รหัส «{row_id}» ซ้ำกันหลายแถวในแท็บ «{tab.th}» (แถว {where}): แอปจะไม่เดาว่าต้องแก้แถวไหน",
        f"Id «{row_id}» appears on several rows of «{tab.en}» (rows {where}): the app will not guess which to change",
        "แก้รหัสในชีตให้ไม่ซ้ำกัน แล้วลองอีกครั้ง", "Make the ids unique in the sheet, then try again",
    )


def conflict(tab: Tab, row_id: str) -> DuplicateIdConflict:
    return DuplicateIdConflict(
        f"มีแถวรหัส «{row_id}» ในแท็บ «{tab.th}» อยู่แล้วแต่ข้อมูลต่างกัน จึงไม่บันทึกซ้ำ",
        f"A row «{row_id}» already exists in «{tab.en}» with different content; nothing was written",
        "ตรวจดูแถวนั้นในชีต หากต้องการแก้ ให้ใช้การแก้ไขแทนการเพิ่ม",
        "Check that row in the sheet; to change it, edit it instead of adding",
    )


def plan_appends(tab: Tab, grid: list[list[str]], rows: list[Mapping[str, Any]],
                 result: AppendResult) -> list[tuple[str, list[str]]]:
    """The (id, cells) of the rows to append after `grid`, recording them in `result`.

    A row whose id is already there with the same content is recorded as already present and skipped.
    Raises DuplicateIdConflict (same id, other content) and SchemaMismatch (a column the header lacks).
    """
    header = grid[0] if grid else []
    work = [list(r) for r in grid]
    pending: list[tuple[str, list[str]]] = []
    for row in rows:
        positions = column_positions(tab, header, list(row.keys()))
        row_id = cell_text(row.get(tab.id_column))
        hits = find_rows(work, positions.get(tab.id_column, 0), row_id) if row_id else []
        if hits:
            if all(same_content(work[h - 1], positions, row) for h in hits):
                result.already_present.append(row_id)
                continue
            raise conflict(tab, row_id)
        cells = row_cells(positions, row, 0)
        work.append(cells)
        pending.append((row_id, cells))
        result.appended.append(row_id)
    return pending


def audits_of(tab: Tab, rows: list[Mapping[str, Any]], audits: list[Mapping[str, Any]],
              appended: list[str]) -> list[Mapping[str, Any]]:
    """The audit rows of the rows that are appended (audits[i] belongs to rows[i]), in order.

    Raises ValueError when there is not one audit row per row.
    """
    if len(audits) != len(rows):
        raise ValueError("append_audited needs one audit row per row")
    left = list(appended)
    out = []
    for row, audit in zip(rows, audits, strict=True):
        row_id = cell_text(row.get(tab.id_column))
        if row_id in left:
            left.remove(row_id)
            out.append(audit)
    return out


def locate_row(tab: Tab, grid: list[list[str]], row_id: str,
               keys: list[str]) -> tuple[int, dict[str, int], int]:
    """The sheet row number of the one row carrying row_id, the positions of the given columns, the id's position.

    Raises SchemaMismatch, RowNotFound (no such row) and AmbiguousRow (several rows carry the id).
    """
    header = grid[0] if grid else []
    positions = column_positions(tab, header, keys)
    id_pos = column_positions(tab, header, [tab.id_column])[tab.id_column]
    hits = find_rows(grid, id_pos, row_id)
    if not hits:
        raise not_found(tab, row_id)
    if len(hits) > 1:
        raise ambiguous(tab, row_id, hits)
    return hits[0], positions, id_pos
