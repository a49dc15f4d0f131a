"""Tiny workbooks for the activity, quarter, budget and coverage tests: rows typed as staff type them."""

from __future__ import annotations

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import load_schema
from de_core.sheet.workbook import Workbook, parse_workbook


def workbook_of(**tabs: list[dict[str, str]]) -> Workbook:
    """A parsed workbook whose tabs hold the given rows ({column key: typed text}); fiscal year 2566 by default."""
    schema = load_schema()
    raw = RawWorkbook()
    for tab in schema.tabs:
        rows = [{"fiscal_year": "2566", **r} for r in tabs.get(tab.key, [])]
        raw.add(RawTab(tab.th, [tab.headers("th")] + [[r.get(k, "") for k in tab.column_keys] for r in rows]))
    return parse_workbook(raw, schema)


def activity(id_: str, period: str = "", budget: str = "", status: str = "ตามแผน", **cells: str) -> dict[str, str]:
    """An activities row: id, title, period, planned budget, status and any other cells by column key."""
    return {"id": id_, "no": id_.removeprefix("a"), "title": f"กิจกรรม {id_}", "period": period, "budget": budget,
            "status": status, **cells}
