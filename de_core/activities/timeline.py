"""Activity timeline: planned and actual ranges, computed lateness, Gantt rows and the rows with date problems."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from de_core.cycle.progress import kpi_group
from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import fiscal_year_bounds

CLOSED = frozenset({"done", "cancelled"})
STATUSES = ("planned", "in_progress", "done", "late", "cancelled")
DATE_COLUMNS = ("period", "planned_start", "planned_end", "actual_start", "actual_end")
Range = tuple[date, date]


def activity_key(act: Record) -> str:
    """The activity's id, or '#<sheet row>' for a row typed without one (it is still shown)."""
    return act.get("id") or f"#{act.get('_row')}"


def _range(start: date | None, end: date | None) -> Range | None:
    return (start, end) if start and end and start <= end else None


def planned_range(act: Record) -> Range | None:
    """planned_start/planned_end when given, else the `period` months; None when missing or end < start."""
    period = act.get("period") or (None, None)
    return _range(act.get("planned_start") or period[0], act.get("planned_end") or period[1])


def actual_range(act: Record, as_of: date) -> Range | None:
    """actual_start .. actual_end; an activity started but not finished runs to the as-of date."""
    start, end = act.get("actual_start"), act.get("actual_end")
    if start and not end and act.get("status") not in CLOSED:
        end = max(start, as_of)
    return _range(start, end)


def is_late(act: Record, as_of: date) -> bool:
    """Late = planned end before the as-of date and not done or cancelled. Computed, never stored."""
    planned = planned_range(act)
    return bool(planned and planned[1] < as_of and act.get("status") not in CLOSED)


def display_status(act: Record, as_of: date) -> str:
    """The status the screen shows: 'late' wins over the stored status; a blank status counts as planned."""
    return "late" if is_late(act, as_of) else (act.get("status") or "planned")


def shorten(text: str, limit: int = 42) -> str:
    """text cut to about `limit` characters with "…", never between a Thai letter and its vowel/tone mark."""
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 0 and unicodedata.category(text[cut]) == "Mn":
        cut -= 1
    return text[:cut] + "…"


@dataclass
class GanttRow:
    """One activity on the timeline (depth 1 = a sub-activity), with what its hover and filters need."""

    activity: Record
    key: str
    depth: int
    status: str
    planned: Range | None
    actual: Range | None
    groups: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """'5.3 ประชุมเชิงปฏิบัติการ…' shortened for an axis; sub-activities indented."""
        title = " ".join(str(self.activity.get("title") or "").split())
        return ("· " * self.depth + f"{self.activity.get('no') or ''} {shorten(title)}").strip()

    @property
    def late(self) -> bool:
        return self.status == "late"


@dataclass
class DateProblem:
    """An activity whose dates cannot be charted as typed: reason key and the cells to fix."""

    activity: Record
    reason: str  # missing | reversed | actual_reversed | outside_year | unreadable
    cells: list[str] = field(default_factory=list)


@dataclass
class Timeline:
    fiscal_year: int
    as_of: date
    rows: list[GanttRow] = field(default_factory=list)
    problems: list[DateProblem] = field(default_factory=list)

    @property
    def owners(self) -> list[str]:
        return sorted({r.activity["owner"] for r in self.rows if r.activity.get("owner")})

    def filtered(self, owners: Iterable[str] = (), statuses: Iterable[str] = (),
                 groups: Iterable[str] = ()) -> list[GanttRow]:
        """The rows matching every non-empty filter (owner, shown status, KRA group of a linked KPI)."""
        owners, statuses, groups = set(owners), set(statuses), set(groups)
        return [r for r in self.rows
                if (not owners or r.activity.get("owner") in owners)
                and (not statuses or r.status in statuses)
                and (not groups or groups & set(r.groups))]


def ordered(activities: list[Record]) -> list[tuple[Record, int]]:
    """Activities in sheet order with each parent followed by its sub-activities, and their depth."""
    keys = {activity_key(a) for a in activities}
    children: dict[str, list[Record]] = {}
    for act in activities:
        parent = act.get("parent_id")
        if parent and parent in keys and parent != activity_key(act):
            children.setdefault(parent, []).append(act)
    out: list[tuple[Record, int]] = []
    seen: set[str] = set()

    def visit(act: Record, depth: int) -> None:
        if activity_key(act) in seen:
            return
        seen.add(activity_key(act))
        out.append((act, depth))
        for child in children.get(activity_key(act), []):
            visit(child, depth + 1)

    for act in activities:
        parent = act.get("parent_id")
        if not (parent and parent in keys and parent != activity_key(act)):
            visit(act, 0)
    for act in activities:  # a parent cycle leaves rows unvisited: show them at the top level
        visit(act, 0)
    return out


def date_cells(wb: Workbook) -> dict[str | None, list[str]]:
    """Activity id -> the addresses of its unreadable date cells, in the order of wb.issues."""
    out: dict[str | None, list[str]] = {}
    for i in wb.issues:
        if i.tab_key == "activities" and i.column in DATE_COLUMNS:
            out.setdefault(i.row_id, []).append(i.address)
    return out


def date_problem(wb: Workbook, act: Record, fiscal_year: int,
                 cells_by_id: dict[str | None, list[str]] | None = None) -> DateProblem | None:
    """Why an activity's dates are unusable (unreadable cell, missing, reversed, outside the year), or None.

    `cells_by_id` is date_cells(wb), passed in when asking about many activities."""
    index = date_cells(wb) if cells_by_id is None else cells_by_id
    cells = list(index.get(act["id"], [])) if act.get("id") else []
    planned = planned_range(act)
    first, last = fiscal_year_bounds(fiscal_year)
    start, end = act.get("actual_start"), act.get("actual_end")
    if cells:
        reason = "unreadable"
    elif planned is None:
        period = act.get("period") or (None, None)
        begin, finish = act.get("planned_start") or period[0], act.get("planned_end") or period[1]
        reason = "reversed" if begin and finish else "missing"
    elif planned[1] < first or planned[0] > last:
        reason = "outside_year"
    elif start and end and end < start:
        reason = "actual_reversed"
    else:
        return None
    return DateProblem(act, reason, cells)


def build_timeline(wb: Workbook, fiscal_year: int, as_of: date) -> Timeline:
    """Every activity of the year as a Gantt row (sub-activities under their parent) plus its date problems."""
    out = Timeline(fiscal_year, as_of)
    kras = wb.by_id("kras")
    kpi_groups = {k: kpi_group(wb, kpi, kras) for k, kpi in wb.by_id("kpis").items()}
    cells = date_cells(wb)
    for act, depth in ordered(wb.rows("activities", fiscal_year)):
        groups = sorted({g for k in act.get("kpi_ids") or [] if (g := kpi_groups.get(k))})
        out.rows.append(GanttRow(act, activity_key(act), depth, display_status(act, as_of), planned_range(act),
                                 actual_range(act, as_of), groups))
        problem = date_problem(wb, act, fiscal_year, cells)
        if problem:
            out.problems.append(problem)
    return out
