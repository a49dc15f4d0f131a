"""The Overview screen's numbers, in one call: DE progress, KPI groups, budget, latest ITA, reflections."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from de_core.budget import BudgetSummary, budget_summary
from de_core.ita import ItaYear, latest_ita
from de_core.progress import GroupSummary, StageProgress, group_summaries, kpi_statuses, stage_progress
from de_core.workbook import Record, Workbook
from de_core.years import as_of, settings_for


@dataclass
class Overview:
    fiscal_year: int | None
    as_of: date
    office_name: str = ""
    stages: list[StageProgress] = field(default_factory=list)
    groups: list[GroupSummary] = field(default_factory=list)
    budget: BudgetSummary | None = None
    ita: ItaYear | None = None
    ita_target: Decimal = Decimal(95)
    reflections: list[Record] = field(default_factory=list)

    @property
    def steps_total(self) -> int:
        return sum(s.total for s in self.stages)

    @property
    def kpis_total(self) -> int:
        return sum(g.total for g in self.groups)


def latest_reflections(wb: Workbook, fiscal_year: int | None, n: int = 3) -> list[Record]:
    """The n newest reflections of the year (by date, then by sheet order)."""
    rows = wb.rows("reflections", fiscal_year)
    return sorted(rows, key=lambda r: (r.get("written_on") or date.min, r["_row"]), reverse=True)[:n]


def build_overview(wb: Workbook, fiscal_year: int | None, today: date) -> Overview:
    """Everything the Overview shows for one fiscal year, as of the settings' date or today."""
    settings = settings_for(wb, fiscal_year)
    day = as_of(wb, fiscal_year, today)
    return Overview(
        fiscal_year=fiscal_year,
        as_of=day,
        office_name=settings.get("office_name") or "",
        stages=stage_progress(wb.rows("de_steps", fiscal_year), day),
        groups=group_summaries(wb, kpi_statuses(wb, fiscal_year, day)),
        budget=budget_summary(wb, fiscal_year),
        ita=latest_ita(wb, fiscal_year),
        ita_target=settings.get("ita_target") or Decimal(95),
        reflections=latest_reflections(wb, fiscal_year),
    )
