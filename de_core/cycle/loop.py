"""The DE loop: reflection → adaptation → effect. Which adaptation came from which reflection, which are open or
late, which KPIs they touch (for the markers on a KPI's trend), and the proposal one action makes from a
reflection's "Now what?". Pure functions of the records; an older workbook without the tab has no adaptations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from de_core.sheet.schema import Schema
from de_core.sheet.text import normalize, normalize_light
from de_core.sheet.workbook import Record, Workbook
from de_core.writing.forms import be_text
from de_core.writing.submission import Submission

TAB = "adaptations"
STATUSES = ("proposed", "agreed", "in_progress", "done", "dropped")
OPEN = frozenset({"proposed", "agreed", "in_progress"})
CLOSED = frozenset({"done", "dropped"})
CUT = 2_000  # a proposal carries the reflection's answer whole up to here (the sheet cell holds far more)


def adaptations(wb: Workbook, fy: int | None) -> list[Record]:
    """The year's adaptations, oldest proposal first (rows without a date keep their sheet order, last)."""
    rows = wb.rows(TAB, fy)
    return sorted(rows, key=lambda r: (r.get("proposed_on") is None, r.get("proposed_on") or date.min, r["_row"]))


def is_late(adaptation: Record, today: date) -> bool:
    """Late: its due date has passed and it is neither done nor dropped. Never stored, always computed."""
    due = adaptation.get("due_on")
    return bool(due and due < today and adaptation.get("status") not in CLOSED)


def days_late(adaptation: Record, today: date) -> int:
    return (today - adaptation["due_on"]).days if is_late(adaptation, today) else 0


def by_reflection(wb: Workbook, fy: int | None) -> dict[str, list[Record]]:
    """Reflection id → the adaptations proposed from it, oldest first."""
    out: dict[str, list[Record]] = {}
    for row in adaptations(wb, fy):
        if row.get("reflection_id"):
            out.setdefault(row["reflection_id"], []).append(row)
    return out


def touched_kpis(adaptation: Record, reflections: dict[str, Record]) -> list[str]:
    """The KPIs an adaptation changes: its own links, else those of the reflection it came from."""
    own = adaptation.get("kpi_ids") or []
    if own:
        return list(own)
    source = reflections.get(adaptation.get("reflection_id") or "")
    return list(source.get("kpi_ids") or []) if source else []


def kpi_markers(wb: Workbook, fy: int | None, today: date | None = None) -> dict[str, list[Record]]:
    """KPI id → the done adaptations touching it (by done date, done by `today`): what the KPI trend marks, so a
    director sees whether the line moved after them."""
    reflections = wb.by_id("reflections")
    out: dict[str, list[Record]] = {}
    for row in adaptations(wb, fy):
        done = row.get("done_on")
        if row.get("status") != "done" or done is None or (today and done > today):
            continue
        for kpi in touched_kpis(row, reflections):
            out.setdefault(kpi, []).append(row)
    for rows in out.values():
        rows.sort(key=lambda r: (r["done_on"], r["_row"]))
    return out


@dataclass(frozen=True)
class LoopCounts:
    """How many adaptations of the year are in each state, and how many of the open ones are late."""

    by_status: dict[str, int]
    late: int
    reflections: int  # the year's reflections with a "Now what?" answer
    adapted: int  # of those, the ones with at least one adaptation

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def open(self) -> int:
        return sum(n for s, n in self.by_status.items() if s in OPEN)


def loop_counts(wb: Workbook, fy: int | None, today: date) -> LoopCounts:
    rows = wb.rows(TAB, fy)
    counts = Counter(r.get("status") for r in rows if r.get("status"))
    linked = {r.get("reflection_id") for r in rows if r.get("reflection_id")}
    answered = [r for r in wb.rows("reflections", fy) if r.get("now_what") and r.get("id")]
    return LoopCounts({s: counts.get(s, 0) for s in STATUSES}, sum(is_late(r, today) for r in rows),
                      len(answered), sum(r["id"] in linked for r in answered))


def open_adaptations(wb: Workbook, fy: int | None, today: date) -> list[Record]:
    """The open adaptations: late first (most days late first), then by due date, those without one last."""
    rows = [r for r in wb.rows(TAB, fy) if r.get("status") in OPEN]
    return sorted(rows, key=lambda r: (-days_late(r, today), r.get("due_on") is None, r.get("due_on") or date.max,
                                       r["_row"]))


def proposal_id(reflection_id: str) -> str:
    """The id of the adaptation proposed from a reflection: adp-<reflection id>, so proposing twice (a second
    click, a second session) finds the row already there; a second one from it is added on purpose (ids.copy_id)."""
    return f"adp-{reflection_id}"


def proposal(reflection: Record, day: date, schema: Schema) -> Submission:
    """The one action "propose as an adaptation": the reflection's "Now what?" becomes the decision, its "So what?"
    the reason, its activity and KPIs are kept, and the link to it; status proposed, proposed on `day`.

    Raises ValueError when the reflection has no id or no "Now what?" answer."""
    now_what = normalize_light(reflection.get("now_what") or "")
    if not reflection.get("id") or not now_what:
        raise ValueError("a proposal needs a reflection with an id and a Now what? answer")
    row = {
        "id": proposal_id(reflection["id"]),
        "fiscal_year": str(reflection.get("fiscal_year") or ""),
        "reflection_id": reflection["id"],
        "proposed_on": be_text(day),
        "decision": now_what[:CUT],
        "reason": normalize_light(reflection.get("so_what") or "")[:CUT],
        "status": schema.enum_label("adaptation_status", "proposed", "th"),
        "activity_id": normalize(reflection.get("activity_id") or ""),
        "kpi_ids": ", ".join(reflection.get("kpi_ids") or []),
    }
    return Submission.append(TAB, {k: v for k, v in row.items() if v})
