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


def as_of(wb: Workbook, fiscal_year: int | None, today: date) -> date:
    """The date the numbers are as of: the settings' as-of date when given (the demo's), else today."""
    return settings_for(wb, fiscal_year).get("as_of") or today
