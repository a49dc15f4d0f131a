"""One office's figures for the regional scorecard, per fiscal year: computed once when the office is read (in the
refresh's thread), so a rerun of the scorecard only arranges numbers already made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from de_core.ita.oit import oit_checklist
from de_core.sheet.workbook import Workbook
from de_core.sheet.years import as_of, is_demo
from de_core.summary.overview import build_overview

ADAPTATION_CLOSED = frozenset({"done", "dropped"})


@dataclass(frozen=True)
class OfficeYear:
    """What the scorecard shows of one office in one fiscal year."""

    fiscal_year: int
    as_of: date
    office_name: str = ""
    ita_total: Decimal | None = None  # the year's computed ITA total (None while the year has no IIT/EIT)
    band: str = ""
    ita_gap: Decimal | None = None  # points still needed to the target (AA, 95 unless the settings say)
    oit_projected: Decimal | None = None  # the OIT checklist's projection: shown when there is no total
    stages: tuple[tuple[str, int, int], ...] = ()  # (stage, done, total) in stage order
    groups: tuple[tuple[str, int, int], ...] = ()  # (KRA group, KPIs met, KPIs) in the seed's order
    budget_used: float | None = None  # spent / allocation
    spent: Decimal | None = None
    allocation: Decimal | None = None
    oit_share: Decimal | None = None  # % of the OIT items published (or checked)
    late_items: int = 0
    late_adaptations: int | None = None  # None: the workbook has no adaptations tab
    demo: bool = False

    @property
    def steps_done(self) -> int:
        return sum(d for _, d, _ in self.stages)

    @property
    def steps_total(self) -> int:
        return sum(t for _, _, t in self.stages)

    @property
    def kpis_met(self) -> int:
        return sum(m for _, m, _ in self.groups)

    @property
    def kpis_total(self) -> int:
        return sum(t for _, _, t in self.groups)

    @property
    def steps_share(self) -> float | None:
        return self.steps_done / self.steps_total if self.steps_total else None

    @property
    def kpis_share(self) -> float | None:
        return self.kpis_met / self.kpis_total if self.kpis_total else None

    @property
    def ita_or_projection(self) -> Decimal | None:
        """The ITA total, else the OIT projection (what the scorecard sorts and compares by)."""
        return self.ita_total if self.ita_total is not None else self.oit_projected


def late_adaptations(wb: Workbook, fiscal_year: int, day: date) -> int | None:
    """Adaptations due before `day` and neither done nor dropped (None when the workbook has no adaptations tab)."""
    if "adaptations" not in wb.records:
        return None
    return sum(1 for r in wb.rows("adaptations", fiscal_year)
               if isinstance(r.get("due_on"), date) and r["due_on"] < day and r.get("status") not in ADAPTATION_CLOSED)


def office_year(wb: Workbook, fiscal_year: int, today: date) -> OfficeYear:
    """The scorecard's figures of one office and year, as of the settings' date (demo) or today."""
    view = build_overview(wb, fiscal_year, today)
    oit = oit_checklist(wb, fiscal_year)
    day = as_of(wb, fiscal_year, today)
    ita = view.ita
    return OfficeYear(
        fiscal_year=fiscal_year, as_of=day, office_name=view.office_name,
        ita_total=ita.total if ita else None, band=ita.band.level if ita and ita.band else "",
        ita_gap=view.ita_gap, oit_projected=oit.projected_oit,
        stages=tuple((s.stage, s.done, s.total) for s in view.stages),
        groups=tuple((g.group, g.met, g.total) for g in view.groups),
        budget_used=view.budget_used_share, spent=view.budget.spent if view.budget else None,
        allocation=view.budget.allocation if view.budget else None, oit_share=oit.percent,
        late_items=sum(d.kind != "adaptation" for d in view.late), late_adaptations=late_adaptations(wb, fiscal_year, day),
        demo=is_demo(wb, fiscal_year),
    )


def office_years(wb: Workbook, today: date) -> dict[int, OfficeYear]:
    """Every fiscal year the workbook has, with its figures."""
    return {fy: office_year(wb, fy, today) for fy in wb.fiscal_years()}
