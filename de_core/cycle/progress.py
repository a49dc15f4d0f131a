"""DE stage progress, KPI attainment and what is late or due: pure functions of the records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import last_day

STAGES = ("vision", "kra", "kpi", "act", "reflection")
GROUPS = ("office", "executives", "supervisors", "staff")
CLOSED = frozenset({"done", "cancelled"})


def number_key(no: object) -> tuple:
    """Sort key for step and item numbers typed as text: "1.2" < "1.10"; text without digits sorts last."""
    parts = [int(n) for n in re.findall(r"\d+", str(no or ""))]
    return (0, parts) if parts else (1, [])


@dataclass
class StageProgress:
    stage: str
    done: int = 0
    total: int = 0
    in_progress: int = 0
    late: int = 0
    late_in_progress: int = 0
    due: int = 0  # steps due by the day counted (done or not): where the stage should be by now

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0

    def add(self, step: Record, today: date) -> None:
        """Count one step in."""
        late = is_late_step(step, today)
        self.total += 1
        self.done += step.get("status") == "done"
        self.in_progress += step.get("status") == "in_progress"
        self.late += late
        self.late_in_progress += late and step.get("status") == "in_progress"
        self.due += bool(step.get("due_on") and step["due_on"] <= today)


def is_late_step(step: Record, today: date) -> bool:
    """A step is late when its due date has passed and it is not done. Never stored, always computed."""
    return bool(step.get("due_on") and step["due_on"] < today and step.get("status") != "done")


def stage_progress(steps: list[Record], today: date) -> list[StageProgress]:
    """Steps done / total per DE stage, in stage order (every stage listed, even when empty)."""
    out = {s: StageProgress(s) for s in STAGES}
    for step in steps:
        sp = out.get(step.get("stage") or "")
        if sp is not None:
            sp.add(step, today)
    return list(out.values())


@dataclass
class KpiStatus:
    kpi: Record
    readings: list[Record] = field(default_factory=list)

    @property
    def latest(self) -> Record | None:
        return self.readings[-1] if self.readings else None

    @property
    def actual(self) -> Decimal | None:
        return self.latest["value"] if self.latest else None

    @property
    def target(self) -> Decimal | None:
        if self.kpi.get("measure_type") == "yesno":
            return self.kpi.get("target") if self.kpi.get("target") is not None else Decimal(1)
        return self.kpi.get("target")

    @property
    def baseline(self) -> Decimal | None:
        return self.kpi.get("baseline")

    @property
    def qualitative(self) -> bool:
        """Yes/no KPIs are shown as met / not met, not on a scale."""
        return self.kpi.get("measure_type") == "yesno"

    @property
    def trend(self) -> list[tuple[date, Decimal]]:
        """The dated readings in time order (what a trend line draws)."""
        return [(r["measured_on"], r["value"]) for r in self.readings if r.get("measured_on")]

    @property
    def state(self) -> str:
        """"met", "not_met", "no_reading", or "no_target" (a reading but nothing to compare it with)."""
        if self.actual is None:
            return "no_reading"
        return {True: "met", False: "not_met", None: "no_target"}[self.met]

    @property
    def met(self) -> bool | None:
        """Whether the latest reading reaches the target in its direction (None: no reading or no target)."""
        actual, target = self.actual, self.target
        if actual is None or target is None:
            return None
        if self.kpi.get("direction") == "lower":
            return actual <= target
        return actual >= target

    @property
    def attainment(self) -> float | None:
        """Actual / target capped at 100% (inverse when lower is better); None without reading or target."""
        actual, target = self.actual, self.target
        if actual is None or target is None:
            return None
        if self.kpi.get("direction") == "lower":
            if actual <= 0:
                return 1.0
            return min(1.0, float(target / actual))
        if target <= 0:
            return 1.0
        return max(0.0, min(1.0, float(actual / target)))


def kpi_statuses(wb: Workbook, fiscal_year: int | None, today: date | None = None) -> list[KpiStatus]:
    """Every KPI of the year with its readings in date order (readings after `today` are left out)."""
    readings: dict[str, list[Record]] = {}
    for r in wb.rows("kpi_readings", fiscal_year):
        if r.get("value") is None or r.get("kpi_id") is None:
            continue
        if today and r.get("measured_on") and r["measured_on"] > today:
            continue
        readings.setdefault(r["kpi_id"], []).append(r)
    for rows in readings.values():
        rows.sort(key=lambda r: (r.get("measured_on") or date.min, r["_row"]))
    return [KpiStatus(k, readings.get(k.get("id") or "", [])) for k in wb.rows("kpis", fiscal_year)]


def kpi_group(wb: Workbook, kpi: Record, kras: dict[str, Record] | None = None) -> str | None:
    """The KRA group of a KPI (through its KRA row); pass `kras` (wb.by_id("kras")) when asking for many KPIs."""
    kra = (wb.by_id("kras") if kras is None else kras).get(kpi.get("kra_id") or "")
    return kra.get("group") if kra else None


@dataclass
class GroupSummary:
    group: str
    met: int = 0
    total: int = 0
    measured: int = 0

    @property
    def share(self) -> float:
        return self.met / self.total if self.total else 0.0


def group_summaries(wb: Workbook, statuses: list[KpiStatus]) -> list[GroupSummary]:
    """KPIs met / total per KRA group, in the seed's group order."""
    out = {g: GroupSummary(g) for g in GROUPS}
    kras = wb.by_id("kras")
    for st in statuses:
        gs = out.get(kpi_group(wb, st.kpi, kras) or "")
        if gs is None:
            continue
        gs.total += 1
        gs.measured += st.actual is not None
        gs.met += st.met is True
    return list(out.values())


def activity_due(activity: Record) -> date | None:
    """An activity's planned end: the planned end date, else the last day of its period."""
    period = activity.get("period")
    return activity.get("planned_end") or (period[1] if period else None)


@dataclass(frozen=True)
class DueItem:
    kind: str  # "step" | "activity" | "adaptation"
    record: Record
    due: date
    days_late: int  # 0 when not late yet

    @property
    def late(self) -> bool:
        return self.days_late > 0

    @property
    def number(self) -> str:
        return str(self.record.get("step_no") or self.record.get("no") or "")

    @property
    def title(self) -> str:
        """What is due: a step's or an activity's title, an adaptation's decision."""
        return str(self.record.get("title") or self.record.get("decision") or "")


def due_items(wb: Workbook, fiscal_year: int | None, today: date) -> list[DueItem]:
    """Steps, activities and adaptations not closed (done or cancelled; an adaptation done or dropped) that are
    late, then those due by the end of this month."""
    month_end = last_day(today.year, today.month)
    candidates = [("step", s, s.get("due_on")) for s in wb.rows("de_steps", fiscal_year)]
    candidates += [("activity", a, activity_due(a)) for a in wb.rows("activities", fiscal_year)]
    candidates += [("adaptation", a, a.get("due_on")) for a in wb.rows("adaptations", fiscal_year)
                   if a.get("status") != "dropped"]
    found = [DueItem(kind, record, due, max(0, (today - due).days))
             for kind, record, due in candidates
             if due is not None and due <= month_end and record.get("status") not in CLOSED]
    order = {"step": 0, "activity": 1, "adaptation": 2}
    return sorted(found, key=lambda d: (not d.late, d.due, order[d.kind], number_key(d.number)))
