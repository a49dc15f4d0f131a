"""The DE stage tracker's view model: every step by stage, progress per stage, late steps, filters."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date

from de_core.cycle.progress import STAGES, StageProgress, is_late_step, number_key, stage_progress
from de_core.display.i18n import translate
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import as_of
from de_core.thaidate import format_date

LATE = "late"
STATUS_FILTERS = ("not_started", "in_progress", "done", LATE)


@dataclass(frozen=True)
class StepRow:
    step: Record
    late: bool

    @property
    def status(self) -> str:
        """The status to show: "late" wins over the stored one (computed, never stored); blank = not started."""
        return LATE if self.late else (self.step.get("status") or "not_started")

    def matches(self, statuses: Collection[str], owners: Collection[str]) -> bool:
        """Whether the row passes the filters (an empty filter lets everything through)."""
        status_ok = not statuses or self.status in statuses or self.step.get("status") in statuses
        return status_ok and (not owners or (self.step.get("owner") or "") in owners)


@dataclass
class StageBlock:
    stage: str | None  # None: steps whose stage cell is blank or unreadable
    progress: StageProgress
    rows: list[StepRow] = field(default_factory=list)

    @property
    def segments(self) -> dict[str, int]:
        """Steps per bar segment (done / late / in progress / not started) over ALL the stage's steps."""
        p = self.progress
        return {"done": p.done, LATE: p.late, "in_progress": p.in_progress - p.late_in_progress,
                "not_started": p.total - p.done - p.in_progress - (p.late - p.late_in_progress)}


@dataclass
class Tracker:
    fiscal_year: int | None
    as_of: date
    stages: list[StageBlock] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(b.progress.total for b in self.stages)

    @property
    def done(self) -> int:
        return sum(b.progress.done for b in self.stages)

    @property
    def late(self) -> int:
        return sum(b.progress.late for b in self.stages)

    @property
    def shown(self) -> int:
        return sum(len(b.rows) for b in self.stages)

    def filtered(self, statuses: Collection[str] = (), owners: Collection[str] = ()) -> Tracker:
        """The same tracker with only the rows that pass the filters (progress stays over every step)."""
        blocks = [replace(b, rows=[r for r in b.rows if r.matches(statuses, owners)]) for b in self.stages]
        return replace(self, stages=blocks)


def build_tracker(wb: Workbook, fiscal_year: int | None, today: date) -> Tracker:
    """Steps of the year grouped by stage in step order, with per-stage progress and late flags."""
    day = as_of(wb, fiscal_year, today)
    steps = sorted(wb.rows("de_steps", fiscal_year), key=lambda s: (number_key(s.get("step_no")), s["_row"]))
    progress = {p.stage: p for p in stage_progress(steps, day)}
    out = Tracker(fiscal_year, day, owners=sorted({s["owner"] for s in steps if s.get("owner")}))
    unknown = [s for s in steps if s.get("stage") not in STAGES]
    for stage in (*STAGES, None):
        mine = unknown if stage is None else [s for s in steps if s.get("stage") == stage]
        if stage is None and not mine:
            continue
        block = StageBlock(stage, progress.get(stage or "") or _progress_of(mine, day))
        block.rows = [StepRow(s, is_late_step(s, day)) for s in mine]
        out.stages.append(block)
    return out


def _progress_of(steps: list[Record], day: date) -> StageProgress:
    """Progress of steps that belong to no known stage (counted the same way)."""
    out = StageProgress("")
    for step in steps:
        out.add(step, day)
    return out


def status_label(wb: Workbook, status: str, lang: str = "th") -> str:
    """The label of a step status, including the computed "late"."""
    if status == LATE:
        return translate("tracker.status_late", lang)
    return wb.schema.enum_label("step_status", status, lang)


def table_rows(wb: Workbook, rows: list[StepRow], lang: str = "th") -> list[dict[str, object]]:
    """One display row per step: number, title, status label, owner, BE dates, first evidence link, link count."""
    out: list[dict[str, object]] = []
    for row in rows:
        s = row.step
        links = s.get("evidence") or []
        out.append({
            "no": s.get("step_no") or "", "title": s.get("title") or "", "status": status_label(wb, row.status, lang),
            "owner": s.get("owner") or "", "due": format_date(s.get("due_on"), lang),
            "done": format_date(s.get("done_on"), lang) if s.get("done_on") else "",
            "evidence": links[0] if links else None, "links": len(links), "late": row.late,
        })
    return out
