"""The ITA page's view model: scores per tool, gap to AA, what-if, history, OIT checklist, the ITA activities."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from de_core.activities.budget import top_level_id
from de_core.ita.checks import ita_issues
from de_core.ita.oit import OitChecklist, oit_checklist
from de_core.ita.score import (
    DEFAULT_PASS,
    DEFAULT_TARGET,
    HUNDRED,
    INDICATORS,
    TOOLS,
    Band,
    ItaYear,
    Needed,
    band_for,
    headroom,
    ita_year,
    ita_years,
    min_score_needed,
    round2,
    weighted_total,
)
from de_core.sheet.cells import CellIssue
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import as_of, settings_for

# Activities about the ITA: the title or note names a tool or an OIT item code (O1–O43).
ITA_TERMS = re.compile(r"(?<![A-Za-z])(ITA|IIT|EIT|OIT)(?![A-Za-z])|(?<![A-Za-z0-9])O\d{1,2}(?!\d)")
OPEN = frozenset({"planned", "in_progress", None})


@dataclass(frozen=True)
class ToolRow:
    tool: str
    score: Decimal | None
    weight: Decimal | None
    points: Decimal | None  # what the tool adds to the total now: weight × score / 100 (exact, not rounded)
    headroom: Decimal | None  # the most it can still add: weight × (100 − score) / 100
    indicators: tuple[tuple[str, Decimal | None], ...] = ()

    @property
    def per_point(self) -> Decimal | None:
        """Total points gained per point of this tool's score (weight / 100)."""
        return None if self.weight is None else round2(self.weight / HUNDRED)


@dataclass(frozen=True)
class WhatIf:
    scores: dict[str, Decimal | None]
    total: Decimal | None
    band: Band | None
    needed_oit: Needed


@dataclass(frozen=True)
class HistoryRow:
    fiscal_year: int
    scores: dict[str, Decimal | None]
    total: Decimal | None
    band: str | None
    official_total: Decimal | None
    national_average: Decimal | None


@dataclass(frozen=True)
class ActivityRow:
    activity: Record
    top_level: bool
    late: bool


@dataclass
class ItaView:
    fiscal_year: int | None
    as_of: date
    year: ItaYear | None
    target: Decimal = DEFAULT_TARGET
    pass_line: Decimal = DEFAULT_PASS
    tools: list[ToolRow] = field(default_factory=list)
    best_tool: str | None = None
    needed_oit: Needed = Needed("unknown")
    what_if: WhatIf | None = None
    history: list[HistoryRow] = field(default_factory=list)
    checklist: OitChecklist | None = None
    activities: list[ActivityRow] = field(default_factory=list)
    issues: list[CellIssue] = field(default_factory=list)

    @property
    def gap(self) -> Decimal | None:
        return None if self.year is None else self.year.gap(self.target)

    @property
    def has_indicators(self) -> bool:
        return any(s is not None for row in self.tools for _k, s in row.indicators)


def to_score(value: float | Decimal | str | None) -> Decimal | None:
    """A what-if input as a score: 2 places, half-up, clamped to 0–100; None for blank or not a number."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    try:
        score = round2(Decimal(repr(value) if isinstance(value, float) else value))
    except (InvalidOperation, ValueError):
        return None
    return min(HUNDRED, max(Decimal(0), score))


def tool_rows(year: ItaYear) -> list[ToolRow]:
    """One row per tool: score, weight, points now, headroom, indicator breakdown."""
    rows = []
    for tool in TOOLS:
        score, weight = year.scores.get(tool), year.weights.get(tool)
        points = None if score is None or weight is None else weight * score / HUNDRED
        indicators = tuple((i, year.indicators.get(i)) for i in INDICATORS[tool])
        rows.append(ToolRow(tool, score, weight, points, headroom(score, weight), indicators))
    return rows


def what_if(year: ItaYear, inputs: dict[str, float | Decimal | str | None], target: Decimal) -> WhatIf:
    """Total and band for hypothetical tool scores, and the minimum OIT given the hypothetical IIT and EIT."""
    scores = {tool: to_score(inputs.get(tool)) for tool in TOOLS}
    total = weighted_total(scores, year.weights) if year.weights_ok else None
    return WhatIf(scores, total, band_for(total, year.bands), min_score_needed(target, scores, year.weights))


def history(wb: Workbook) -> list[HistoryRow]:
    """Every scored fiscal year, oldest first: tool scores, computed total and band, official and national."""
    out = []
    for fy in ita_years(wb):
        y = ita_year(wb, fy)
        out.append(HistoryRow(fy, y.scores, y.total, y.band.level if y.band else None, y.official_total,
                              y.national_average))
    return out


def _end(activity: Record) -> date | None:
    period = activity.get("period")
    return activity.get("planned_end") or (period[1] if period else None)


def ita_activities(wb: Workbook, fiscal_year: int | None, day: date) -> list[ActivityRow]:
    """The activity families (top-level + subs) in which any activity names the ITA, its tools or OIT codes."""
    rows = wb.rows("activities", fiscal_year)
    by_id = {r["id"]: r for r in rows if r.get("id")}
    tops = {top_level_id(r.get("id"), by_id) for r in rows
            if ITA_TERMS.search(f"{r.get('title') or ''} {r.get('note') or ''}")}
    out = []
    for r in rows:
        top = top_level_id(r.get("id"), by_id)
        if top is None or top not in tops:
            continue
        end = _end(r)
        late = r.get("status") in OPEN and end is not None and end < day
        out.append(ActivityRow(r, top == r.get("id"), late))
    return out


def build_ita_view(wb: Workbook, fiscal_year: int | None, today: date,
                   inputs: dict[str, float | Decimal | str | None] | None = None) -> ItaView:
    """Everything the ITA page shows for one year; `inputs` are the what-if scores (default: the year's)."""
    day = as_of(wb, fiscal_year, today)
    target = round2(settings_for(wb, fiscal_year).get("ita_target") or DEFAULT_TARGET)
    view = ItaView(fiscal_year, day, None, target, history=history(wb), issues=ita_issues(wb, fiscal_year))
    if fiscal_year is None:
        return view
    view.checklist = oit_checklist(wb, fiscal_year)
    view.activities = ita_activities(wb, fiscal_year, day)
    year = ita_year(wb, fiscal_year)
    view.year = year
    view.pass_line = year.band_min("A", DEFAULT_PASS)
    view.tools = tool_rows(year)
    room = [(r.headroom, r.tool) for r in view.tools if r.headroom is not None and year.weights_ok]
    view.best_tool = max(room)[1] if room and max(room)[0] > 0 else None
    view.needed_oit = min_score_needed(target, year.scores, year.weights)
    view.what_if = what_if(year, year.scores if inputs is None else inputs, target)
    return view
