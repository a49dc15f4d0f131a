"""The Overview screen's numbers, in one call: ITA, DE progress, KPI groups, budget, what is late, reflections and
the DE loop (adaptations open, late and done; reflections adapted)."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from de_core.activities.budget import BudgetPace, BudgetSummary, budget_summary, budget_view
from de_core.cycle.loop import LoopCounts, loop_counts
from de_core.cycle.progress import (
    DueItem,
    GroupSummary,
    StageProgress,
    due_items,
    group_summaries,
    kpi_statuses,
    stage_progress,
)
from de_core.display.i18n import translate
from de_core.display.mdtext import md_escape_line
from de_core.ita.score import ItaYear, ita_year, latest_ita
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import as_of, settings_for
from de_core.thaidate import format_date, format_score

DEFAULT_ITA_TARGET = Decimal(95)
DUE_SHOWN = 10  # rows of the late / due table on the overview; the DE tracker and activities pages list them all
MEETING_DUE_SHOWN = 3  # the meeting board's first screen holds the longest late only, in large type


@dataclass
class Overview:
    fiscal_year: int | None
    as_of: date
    office_name: str = ""
    stages: list[StageProgress] = field(default_factory=list)
    groups: list[GroupSummary] = field(default_factory=list)
    budget: BudgetSummary | None = None
    pace: BudgetPace | None = None  # cumulative plan and spend to the end of the as-of month
    ita: ItaYear | None = None  # the selected year's ITA, only when its total can be computed
    ita_previous: ItaYear | None = None  # the newest earlier year with a total (context while ita is None)
    ita_target: Decimal = DEFAULT_ITA_TARGET
    due: list[DueItem] = field(default_factory=list)
    reflections: list[Record] = field(default_factory=list)
    read_at: datetime | None = None
    loop: LoopCounts | None = None  # the year's adaptations by state and the reflections adapted (issue #19)

    @property
    def steps_total(self) -> int:
        return sum(s.total for s in self.stages)

    @property
    def steps_done(self) -> int:
        return sum(s.done for s in self.stages)

    @property
    def kpis_total(self) -> int:
        return sum(g.total for g in self.groups)

    @property
    def kpis_met(self) -> int:
        return sum(g.met for g in self.groups)

    @property
    def late(self) -> list[DueItem]:
        return [d for d in self.due if d.late]

    @property
    def due_this_month(self) -> list[DueItem]:
        return [d for d in self.due if not d.late]

    @property
    def due_shown(self) -> list[DueItem]:
        """The first DUE_SHOWN of the late / due list (the longest late first): a glance, not the whole list."""
        return self.due[:DUE_SHOWN]

    @property
    def due_hidden(self) -> int:
        return max(0, len(self.due) - DUE_SHOWN)

    def due_for(self, meeting: bool = False) -> list[DueItem]:
        """The rows of the late / due table: on the meeting board only the MEETING_DUE_SHOWN longest late (what
        fits a projector's first screen beside the ITA score, KPI groups and budget), else due_shown."""
        return self.late[:MEETING_DUE_SHOWN] if meeting else self.due_shown

    def hidden_for(self, meeting: bool = False) -> int:
        """How many late or due items the table leaves out ("and N more")."""
        return len(self.due) - len(self.due_for(meeting))

    def ita_headline(self, lang: str = "th") -> str:
        """"อีก 1.53 คะแนนถึง AA" (the points still to go), or that the target is reached."""
        gap = self.ita_gap
        return translate("overview.ita_gap", lang, gap=format_score(gap)) if gap else \
            translate("overview.ita_reached", lang)

    def ita_previous_line(self, lang: str = "th") -> str:
        """The latest earlier year's total and band, shown while the selected year has no ITA score yet (a caption:
        the band is sheet text, escaped)."""
        prev = self.ita_previous
        if prev is None:
            return ""
        return translate("overview.ita_previous", lang, fy=prev.fiscal_year, score=format_score(prev.total),
                         band=md_escape_line(prev.band.level) if prev.band else "–")

    @property
    def ita_gap(self) -> Decimal | None:
        """Points the selected year's ITA still needs to reach the target (0 when reached)."""
        return self.ita.gap(self.ita_target) if self.ita else None

    @property
    def budget_used_share(self) -> float | None:
        """Spent / allocation (None without an allocation)."""
        if self.budget is None or not self.budget.allocation:
            return None
        return float(self.budget.spent / self.budget.allocation)


def latest_reflections(wb: Workbook, fiscal_year: int | None, n: int = 3) -> list[Record]:
    """The n newest reflections of the year (by date, then the lower one on the sheet first)."""
    rows = wb.rows("reflections", fiscal_year)
    return heapq.nlargest(n, rows, key=lambda r: (r.get("written_on") or date.min, r["_row"]))


def _ita(wb: Workbook, fiscal_year: int | None) -> tuple[ItaYear | None, ItaYear | None]:
    if fiscal_year is None:
        return None, None
    current = ita_year(wb, fiscal_year)
    if current.total is not None:
        return current, None
    return None, latest_ita(wb, fiscal_year - 1)


def build_overview(wb: Workbook, fiscal_year: int | None, today: date) -> Overview:
    """Everything the Overview shows for one fiscal year, as of the settings' date or today."""
    settings = settings_for(wb, fiscal_year)
    day = as_of(wb, fiscal_year, today)
    ita, previous = _ita(wb, fiscal_year)
    money = budget_view(wb, fiscal_year, day) if fiscal_year is not None else None
    return Overview(
        fiscal_year=fiscal_year,
        as_of=day,
        office_name=settings.get("office_name") or "",
        stages=stage_progress(wb.rows("de_steps", fiscal_year), day),
        groups=group_summaries(wb, kpi_statuses(wb, fiscal_year, day)),
        budget=money.summary if money else budget_summary(wb, fiscal_year),
        pace=money.pace if money else None,
        ita=ita,
        ita_previous=previous,
        ita_target=settings.get("ita_target") or DEFAULT_ITA_TARGET,
        due=due_items(wb, fiscal_year, day),
        reflections=latest_reflections(wb, fiscal_year),
        read_at=wb.read_at,
        loop=loop_counts(wb, fiscal_year, day) if fiscal_year is not None else None,
    )


def due_rows(items: list[DueItem], lang: str = "th") -> list[dict[str, object]]:
    """One display row per late or due item: kind, number, title, owner, BE due date, how late."""
    return [{
        "no": d.number, "kind": translate(f"overview.kind_{d.kind}", lang),
        "state": translate("overview.days_late", lang, n=d.days_late) if d.late
        else translate("overview.due_soon", lang),
        "due": format_date(d.due, lang), "title": d.title, "owner": d.record.get("owner") or "",
        "late": d.late,
    } for d in items]
