"""Problems in the DE loop's tabs the cell parser cannot see, each addressed to its cell for Data health.

- an adaptation due (or done) before the reflection it came from was written, or done before it was proposed;
- a link (reflection, activity, DE step, KPI) to a row of another fiscal year, or to no row at all;
- an adaptation marked done without its done date, or dropped without the reason.
An unknown status typed in the sheet is already a cell issue of the workbook (de_core.sheet.parse).
"""

from __future__ import annotations

from datetime import date

from de_core.sheet.cells import ERROR, WARNING, CellIssue, a1
from de_core.sheet.schema import match_headers
from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import format_date

LINKS = {  # column → the tab its ids name
    "reflection_id": "reflections", "activity_id": "activities", "step_id": "de_steps", "kpi_ids": "kpis",
}


class _Checker:
    def __init__(self, wb: Workbook, tab_key: str) -> None:
        self.wb, self.tab_key = wb, tab_key
        self.tab = wb.schema.tab(tab_key)
        self.positions, _unknown = match_headers(self.tab, wb.headers.get(tab_key, []))
        self.title = wb.titles.get(tab_key) or self.tab.th
        self.found: list[CellIssue] = []

    def add(self, row: Record, column: str, raw: object, th: str, en: str, hint_th: str, hint_en: str,
            severity: str = ERROR) -> None:
        pos = self.positions.get(column)
        address = a1(pos, row["_row"]) if pos is not None else str(row["_row"])
        self.found.append(CellIssue(self.title, address, "" if raw is None else str(raw), th, en, hint_th, hint_en,
                                    severity, self.tab_key, column, row.get("id")))

    def links(self, row: Record, ids: dict[str, dict[str, Record]]) -> None:
        fy = row.get("fiscal_year")
        for column, target in LINKS.items():
            if column not in self.tab.column_keys:
                continue
            value = row.get(column)
            for linked in (value or []) if isinstance(value, list) else ([value] if value else []):
                found = ids[target].get(linked)
                name = self.wb.schema.tab(target)
                if found is None:
                    self.add(row, column, value if not isinstance(value, list) else ", ".join(value),
                             f"ไม่พบรหัส «{linked}» ในแท็บ «{name.th}»", f"No «{linked}» in the tab «{name.en}»",
                             "แก้รหัสให้ตรงกับแถวที่มีอยู่ หรือเว้นว่าง", "Use an id that exists, or leave it blank",
                             WARNING)
                elif fy and found.get("fiscal_year") and found["fiscal_year"] != fy:
                    self.add(row, column, value if not isinstance(value, list) else ", ".join(value),
                             f"«{linked}» เป็นของปีงบประมาณ {found['fiscal_year']} แต่แถวนี้เป็นปี {fy}",
                             f"«{linked}» belongs to fiscal year {found['fiscal_year']}; this row is {fy}",
                             f"เชื่อมกับแถวของปีงบประมาณ {fy} เท่านั้น", f"Link only to rows of fiscal year {fy}")


def _before(checker: _Checker, row: Record, column: str, limit: date | None, what: tuple[str, str]) -> None:
    day = row.get(column)
    if day and limit and day < limit:
        col = checker.tab.column(column)
        checker.add(row, column, format_date(day),
                    f"«{col.th}» {format_date(day)} อยู่ก่อน{what[0]} ({format_date(limit)})",
                    f"«{col.en}» {format_date(day, 'en')} is before {what[1]} ({format_date(limit, 'en')})",
                    f"แก้วันที่ในช่องนี้ให้ไม่ก่อน {format_date(limit)}",
                    f"Make it no earlier than {format_date(limit, 'en')}")


def _adaptation_issues(wb: Workbook, ids: dict[str, dict[str, Record]]) -> list[CellIssue]:
    checker = _Checker(wb, "adaptations")
    for row in wb.rows("adaptations"):
        checker.links(row, ids)
        source = ids["reflections"].get(row.get("reflection_id") or "")
        written = source.get("written_on") if source else None
        for column in ("due_on", "done_on"):
            _before(checker, row, column, written, ("วันที่เขียนการสะท้อนผลที่เป็นที่มา", "the reflection it came from"))
        _before(checker, row, "done_on", row.get("proposed_on"), ("วันที่เสนอ", "the day it was proposed"))
        if row.get("status") == "done" and not row.get("done_on"):
            checker.add(row, "done_on", "", "การปรับเปลี่ยนที่ทำแล้วต้องมีวันที่เสร็จ", "A done adaptation needs its done date",
                        "กรอกวันที่เสร็จ (พ.ศ.)", "Fill in the done date", WARNING)
        if row.get("status") == "dropped" and not row.get("dropped_reason"):
            checker.add(row, "dropped_reason", "", "การปรับเปลี่ยนที่ไม่ทำต่อควรบอกเหตุผล",
                        "A dropped adaptation should say why", "กรอกเหตุที่ไม่ทำต่อ", "Fill in why it was dropped", WARNING)
    return checker.found


def loop_issues(wb: Workbook) -> list[CellIssue]:
    """Every problem of the adaptations and outcomes tabs the parser cannot see (tabs absent: none)."""
    ids = {tab: wb.by_id(tab) for tab in set(LINKS.values())}
    found = _adaptation_issues(wb, ids)
    outcomes = _Checker(wb, "outcomes")
    for row in wb.rows("outcomes"):
        outcomes.links(row, ids)
    return found + outcomes.found
