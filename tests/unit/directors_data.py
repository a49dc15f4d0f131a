"""Small workbooks typed as text, for the directors' screens' unit tests (parsed like a real sheet)."""

from __future__ import annotations

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import load_schema
from de_core.sheet.workbook import Workbook, parse_workbook

FY = "2567"


def workbook_of(**tabs: list[dict[str, str]]) -> Workbook:
    """A workbook whose tabs hold these rows ({column key: typed text}); fiscal_year defaults to 2567."""
    schema = load_schema()
    raw = RawWorkbook(source="test")
    for tab in schema.tabs:
        keys = tab.column_keys
        rows = [tab.headers("th")]
        for i, row in enumerate(tabs.get(tab.key, []), start=1):
            cells = {"id": f"{tab.key}-{i}", **({"fiscal_year": FY} if "fiscal_year" in keys else {}), **row}
            rows.append([cells.get(k, "") for k in keys])
        raw.add(RawTab(tab.th, rows))
    return parse_workbook(raw)


def step(no: str, stage: str, status: str, due: str = "", **more: str) -> dict[str, str]:
    """A DE step row as staff type it."""
    return {"id": f"step-{no}", "step_no": no, "stage": stage, "title": f"ขั้นตอน {no}", "status": status,
            "due_on": due, **more}
