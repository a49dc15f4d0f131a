"""ITA data problems the cell parser cannot see, as CellIssues addressed to real sheet cells or tabs.

Weights of a year that do not sum to 100 (or a tool weighted twice), a scored year without weights or a band
table, a year scored twice, duplicate OIT item codes in a year, a published/checked OIT item without a link.
Scores outside 0–100 and unreadable links are already cell issues of the workbook (de_core.sheet.parse).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from de_core.ita.frames import frame_for
from de_core.ita.oit import MISSING, oit_checklist
from de_core.ita.score import HUNDRED, ita_years
from de_core.sheet.cells import ERROR, WARNING, CellIssue, column_letter
from de_core.sheet.schema import match_headers
from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import format_number


def _letter(wb: Workbook, tab_key: str, column: str) -> str | None:
    """The column letter of a column as the header row was read (None when the column is missing)."""
    positions, _unknown = match_headers(wb.schema.tab(tab_key), wb.headers.get(tab_key, []))
    pos = positions.get(column)
    return None if pos is None else column_letter(pos)


def _cells(wb: Workbook, tab_key: str, column: str, rows: Iterable[int]) -> str:
    """"D2:D4" for consecutive rows, "D2, D7" otherwise; the column alone ("D") or "" when unknown."""
    letter = _letter(wb, tab_key, column)
    rows = sorted(rows)
    if letter is None:
        return ""
    if not rows:
        return letter
    if rows == list(range(rows[0], rows[-1] + 1)):
        return f"{letter}{rows[0]}" if len(rows) == 1 else f"{letter}{rows[0]}:{letter}{rows[-1]}"
    return ", ".join(f"{letter}{r}" for r in rows)


def _issue(wb: Workbook, tab_key: str, address: str, raw: str, msg: tuple[str, str], hint: tuple[str, str],
           severity: str = ERROR, column: str | None = None, row_id: str | None = None) -> CellIssue:
    title = wb.titles.get(tab_key) or wb.schema.tab(tab_key).th
    return CellIssue(title, address, raw, msg[0], msg[1], hint[0], hint[1], severity, tab_key, column, row_id)


def _weight_issues(wb: Workbook, fy: int, scored: bool) -> list[CellIssue]:
    rows = [r for r in wb.rows("ita_weights", fy) if r.get("tool") and r.get("weight") is not None]
    out: list[CellIssue] = []
    seen: dict[str, Record] = {}
    for r in rows:
        if r["tool"] in seen:
            out.append(_issue(
                wb, "ita_weights", _cells(wb, "ita_weights", "tool", [r["_row"]]), r["tool"].upper(),
                (f"ปี {fy}: เครื่องมือ {r['tool'].upper()} มีน้ำหนักซ้ำกับแถวที่ {seen[r['tool']]['_row']}",
                 f"FY{fy}: tool {r['tool'].upper()} is weighted again (first in row {seen[r['tool']]['_row']})"),
                ("ลบแถวที่ซ้ำ ให้เหลือเครื่องมือละหนึ่งแถวต่อปี", "Delete the repeated row: one row per tool and year"),
                column="tool", row_id=r.get("id")))
        else:
            seen[r["tool"]] = r
    if not seen:
        if scored:
            out += _frame_issue(wb, fy, "ita_weights", frame_for(wb, fy).weights_from)
        return out
    total = sum((Decimal(r["weight"]) for r in seen.values()), Decimal(0))
    if total != HUNDRED:
        shown = format_number(total, 0 if total == total.to_integral_value() else 2)
        out.append(_issue(
            wb, "ita_weights", _cells(wb, "ita_weights", "weight", [r["_row"] for r in seen.values()]), shown,
            (f"น้ำหนัก ITA ปี {fy} รวมได้ {shown} ไม่ใช่ 100: คำนวณคะแนนรวมไม่ได้",
             f"FY{fy} ITA weights sum to {shown}, not 100: the total cannot be computed"),
            ("แก้น้ำหนักของ IIT, EIT, OIT ให้รวมกันได้ 100 (เช่น 30, 30, 40)",
             "Make the IIT, EIT and OIT weights sum to 100 (e.g. 30, 30, 40)"), column="weight"))
    return out


_MISSING = {
    "ita_weights": (("ปี {fy} มีคะแนน ITA แต่ยังไม่มีน้ำหนักของเครื่องมือ", "FY{fy} has ITA scores but no tool weights"),
                    ("เพิ่มแถวน้ำหนัก IIT, EIT, OIT ของปี {fy} (รวมกันได้ 100)",
                     "Add the IIT, EIT and OIT weight rows of FY{fy} (summing to 100)")),
    "ita_bands": (("ปี {fy} ยังไม่มีเกณฑ์ระดับ ITA: บอกระดับของคะแนนรวมไม่ได้",
                   "FY{fy} has no ITA band table: the total cannot be given a level"),
                  ("เพิ่มแถวเกณฑ์ระดับของปี {fy} (AA 95, A 85, B 75, C 65, D 55, E 50, F 0 ตามประกาศของปีนั้น)",
                   "Add the band rows of FY{fy} (AA 95, A 85, B 75, C 65, D 55, E 50, F 0 as published that year)")),
}
_BORROWED = {"ita_weights": ("น้ำหนักของเครื่องมือ", "tool weights"), "ita_bands": ("เกณฑ์ระดับ", "band table")}


def _frame_issue(wb: Workbook, fy: int, tab_key: str, used_from: int | None) -> list[CellIssue]:
    """A scored year without its own rows in the sheet: nothing when the app ships that year's frame, a warning
    naming the year whose frame is used instead, an error when there is none at all."""
    if used_from == fy:
        return []
    if used_from is None:
        (msg_th, msg_en), (hint_th, hint_en) = _MISSING[tab_key]
        return [_issue(wb, tab_key, "", "", (msg_th.format(fy=fy), msg_en.format(fy=fy)),
                       (hint_th.format(fy=fy), hint_en.format(fy=fy)))]
    what_th, what_en = _BORROWED[tab_key]
    return [_issue(
        wb, tab_key, "", "", (f"ปี {fy} ยังไม่มี{what_th}ของปีนั้น จึงใช้กรอบ ITA ของปี {used_from}",
                              f"FY{fy} has no {what_en} of its own: the ITA frame of FY{used_from} is used"),
        (f"ตรวจกับประกาศของ ป.ป.ช. ปี {fy} แล้วเพิ่มแถวของปี {fy} ในแท็บนี้",
         f"Check it against the NACC announcement for FY{fy}, then add the FY{fy} rows to this tab"), WARNING)]


def _year_issues(wb: Workbook, fy: int) -> list[CellIssue]:
    scores = wb.rows("ita_scores", fy)
    out = _weight_issues(wb, fy, bool(scores))
    if scores and not [b for b in wb.rows("ita_bands", fy) if b.get("level") and b.get("min_score") is not None]:
        out += _frame_issue(wb, fy, "ita_bands", frame_for(wb, fy).bands_from)
    for extra in scores[1:]:
        out.append(_issue(
            wb, "ita_scores", _cells(wb, "ita_scores", "fiscal_year", [extra["_row"]]), str(fy),
            (f"ปี {fy} มีคะแนน ITA มากกว่าหนึ่งแถว: ใช้แถวที่ {scores[0]['_row']}",
             f"FY{fy} has more than one ITA score row: row {scores[0]['_row']} is used"),
            ("ลบหรือรวมแถวที่ซ้ำ ให้เหลือปีละหนึ่งแถว", "Delete or merge the repeated row: one row per year"),
            column="fiscal_year", row_id=extra.get("id")))
    return out


def _oit_issues(wb: Workbook, fy: int) -> list[CellIssue]:
    out: list[CellIssue] = []
    for item in oit_checklist(wb, fy).items:
        if item.duplicate_of is not None:
            out.append(_issue(
                wb, "oit_items", _cells(wb, "oit_items", "code", [item.row]), item.code,
                (f"ปี {fy}: ข้อ {item.code} ซ้ำกับแถวที่ {item.duplicate_of}",
                 f"FY{fy}: item {item.code} repeats row {item.duplicate_of}"),
                ("แก้รหัสข้อให้ไม่ซ้ำกันในปีเดียวกัน หรือลบแถวที่ซ้ำ", "Make the item codes unique within a year, "
                 "or delete the repeated row"), column="code", row_id=item.id))
        if item.url_problem == MISSING:
            out.append(_issue(
                wb, "oit_items", _cells(wb, "oit_items", "url", [item.row]), "",
                (f"ข้อ {item.code} สถานะเผยแพร่แล้ว/ตรวจแล้ว แต่ไม่มีลิงก์บนเว็บไซต์",
                 f"Item {item.code} is published/checked but has no link on the website"),
                ("วางลิงก์ของหน้าที่เผยแพร่ข้อมูลบนเว็บไซต์สำนักงาน", "Paste the link of the page on the office "
                 "website that publishes it"), WARNING, "url", item.id))
    return out


def ita_issues(wb: Workbook, fiscal_year: int | None = None) -> list[CellIssue]:
    """Every ITA/OIT data problem (of one fiscal year, or of all years), addressed to its tab and cells."""
    years = set(ita_years(wb)) | {r["fiscal_year"] for tab in ("ita_weights", "oit_items")
                                  for r in wb.rows(tab) if r.get("fiscal_year")}
    if fiscal_year is not None:
        years &= {fiscal_year}
    out: list[CellIssue] = []
    for fy in sorted(years):
        out += _year_issues(wb, fy) + _oit_issues(wb, fy)
    return out
