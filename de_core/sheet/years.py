"""Which fiscal year is selected, its settings row, and the date the numbers are 'as of'."""

from __future__ import annotations

from datetime import date

from de_core.sheet.workbook import Record, Workbook


def current_fiscal_year(wb: Workbook) -> int | None:
    """The year flagged current in settings; else the newest year in settings; else the newest anywhere."""
    settings = [r for r in wb.rows("settings") if r.get("fiscal_year")]
    flagged = [r["fiscal_year"] for r in settings if r.get("is_current")]
    if flagged:
        return max(flagged)
    if settings:
        return max(r["fiscal_year"] for r in settings)
    years = wb.fiscal_years()
    return years[0] if years else None


def settings_for(wb: Workbook, fiscal_year: int | None) -> Record:
    """The settings row of a year ({} when there is none)."""
    for row in wb.rows("settings"):
        if row.get("fiscal_year") == fiscal_year:
            return row
    return {}


#: what the demo's settings row said before it had the ข้อมูลตัวอย่าง column (workbooks and sheets filled earlier)
LEGACY_DEMO_NOTE = "ข้อมูลอื่นในชุดนี้เป็นตัวอย่าง (demo)"


def is_demo(wb: Workbook, fiscal_year: int | None = None) -> bool:
    """Whether the data is the demo: a mark in the data itself (the settings row's "ข้อมูลตัวอย่าง", so a Google
    Sheet filled with --demo is marked too). Without a year: any settings row so marked."""
    rows = [settings_for(wb, fiscal_year)] if fiscal_year is not None else wb.rows("settings")
    return any(row.get("is_demo") or (row.get("is_demo") is None and LEGACY_DEMO_NOTE in (row.get("note") or ""))
               for row in rows)


def as_of(wb: Workbook, fiscal_year: int | None, today: date) -> date:
    """The date the numbers are as of: today (Asia/Bangkok, from the caller) for real data; only demo data uses
    its fixed as-of date from the settings row."""
    row = settings_for(wb, fiscal_year)
    return (row.get("as_of") if row.get("is_demo") else None) or today
