"""The Activities screen in one call: timeline, quarter spread, and the detail of one selected activity."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from de_core.activities.budget import ZERO
from de_core.activities.quarters import QuarterSpread, quarter_spread
from de_core.activities.timeline import GanttRow, Timeline, build_timeline
from de_core.cycle.kpis import kpi_names
from de_core.cycle.progress import KpiStatus, kpi_statuses
from de_core.sheet.workbook import Record, Workbook


@dataclass
class ActivityDetail:
    """One activity with everything written about it; lists cover the activity and its sub-activities."""

    row: GanttRow
    parent: Record | None = None
    children: list[GanttRow] = field(default_factory=list)
    planned_budget: Decimal | None = None  # a sub-activity's own breakdown (None: counted in its parent's)
    expenses: list[Record] = field(default_factory=list)
    kpis: list[KpiStatus] = field(default_factory=list)
    unknown_kpis: list[str] = field(default_factory=list)
    evidence: list[Record] = field(default_factory=list)
    reflections: list[Record] = field(default_factory=list)

    @property
    def activity(self) -> Record:
        return self.row.activity

    @property
    def spent(self) -> Decimal:
        return sum((e["amount"] for e in self.expenses if e.get("amount") is not None), ZERO)

    @property
    def remaining(self) -> Decimal | None:
        return None if self.planned_budget is None else self.planned_budget - self.spent

    @property
    def links(self) -> list[str]:
        """The activity's own evidence links (its row's evidence column)."""
        return list(self.activity.get("evidence") or [])


@dataclass
class ActivitiesView:
    wb: Workbook
    fiscal_year: int
    as_of: date
    timeline: Timeline
    spread: QuarterSpread

    @property
    def choices(self) -> dict[str, str]:
        """Activity key -> label, in timeline order, for the detail selector."""
        return {r.key: r.label for r in self.timeline.rows}

    def kpi_names(self, lang: str = "th") -> dict[str, str]:
        """KPI id → "ผู้บริหาร 3" (what the Gantt's hover says instead of the id)."""
        return kpi_names(self.wb, self.fiscal_year, lang)

    def detail(self, key: str | None) -> ActivityDetail | None:
        """The selected activity's detail; None for an unknown key."""
        return activity_detail(self.wb, self.timeline, key, self.as_of)


def _family(timeline: Timeline, key: str) -> list[GanttRow]:
    """The row of `key` followed by every row nested under it (the timeline is parent-first)."""
    rows = timeline.rows
    start = next((i for i, r in enumerate(rows) if r.key == key), None)
    if start is None:
        return []
    out = [rows[start]]
    for row in rows[start + 1:]:
        if row.depth <= rows[start].depth:
            break
        out.append(row)
    return out


def _by_date(column: str):
    return lambda r: (r.get(column) or date.min, r["_row"])


def activity_detail(wb: Workbook, timeline: Timeline, key: str | None, as_of: date) -> ActivityDetail | None:
    """Sub-activities, budget, expenses, linked KPIs, evidence and reflections of one activity and its family."""
    family = _family(timeline, key or "")
    if not family:
        return None
    row, fy = family[0], timeline.fiscal_year
    ids = {r.activity["id"] for r in family if r.activity.get("id")}
    act = row.activity
    parents = wb.by_id("activities")
    statuses = {s.kpi.get("id"): s for s in kpi_statuses(wb, fy, as_of)}
    kpi_ids = act.get("kpi_ids") or []
    return ActivityDetail(
        row=row,
        parent=parents.get(act.get("parent_id") or "") if row.depth else None,
        children=[r for r in family[1:] if r.depth == row.depth + 1],
        planned_budget=act.get("budget") if row.depth else act.get("budget") or ZERO,
        expenses=sorted((e for e in wb.rows("expenses", fy) if e.get("activity_id") in ids), key=_by_date("spent_on")),
        kpis=[statuses[k] for k in kpi_ids if k in statuses],
        unknown_kpis=[k for k in kpi_ids if k not in statuses],
        evidence=sorted((e for e in wb.rows("evidence", fy) if e.get("activity_id") in ids), key=_by_date("added_on")),
        reflections=sorted((r for r in wb.rows("reflections", fy) if r.get("activity_id") in ids),
                           key=_by_date("written_on")),
    )


def activities_view(wb: Workbook, fiscal_year: int, as_of: date) -> ActivitiesView:
    """Timeline rows and date problems, the quarter spread and its warnings, and a detail lookup."""
    return ActivitiesView(wb, fiscal_year, as_of, build_timeline(wb, fiscal_year, as_of),
                          quarter_spread(wb.rows("activities", fiscal_year), fiscal_year))
