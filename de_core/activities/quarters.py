"""Quarter spread: top-level activities and their planned budget per fiscal quarter, and the crowding warnings.

An activity counts in every fiscal quarter its planned months touch (one activity-month per month) and its
planned budget is spread evenly over those months (DECISIONS.md: Quarters). Sub-activities never add budget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal

from de_core.activities.timeline import ordered, planned_range
from de_core.sheet.workbook import Record
from de_core.thaidate import fiscal_months, fiscal_quarter, month_span

ZERO = Decimal(0)
CROWDED_SHARE = Decimal("0.5")  # the seed's lesson: no quarter should carry more than half
Month = tuple[int, int]


def activity_months(act: Record, fiscal_year: int) -> list[Month]:
    """The (CE year, month) pairs of the activity's planned range that fall inside the fiscal year."""
    planned = planned_range(act)
    if planned is None:
        return []
    year = set(fiscal_months(fiscal_year))
    return [m for m in month_span(*planned) if m in year]


def spread_evenly(amount: Decimal, months: list[Month]) -> dict[Month, Decimal]:
    """amount split over the months to the satang; the last month takes the rounding so the parts add up."""
    if not months:
        return {}
    part = (amount / len(months)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    out = dict.fromkeys(months, part)
    out[months[-1]] = amount - part * (len(months) - 1)
    return out


def quarter_of(month: Month) -> int:
    """Fiscal quarter 1..4 of a (year, month) pair."""
    return fiscal_quarter(date(month[0], month[1], 1))


@dataclass
class QuarterLoad:
    quarter: int
    activity_months: int = 0
    activities: list[Record] = field(default_factory=list)
    budget: Decimal = ZERO

    @property
    def is_gap(self) -> bool:
        return self.activity_months == 0


@dataclass
class SpreadWarning:
    """kind: crowded_activities | crowded_budget | no_budget (activities but no planned budget while the year has
    some) | gap (no activity) | no_dates; share in 0..1 for the crowded kinds."""

    kind: str
    quarter: int | None = None
    share: Decimal | None = None
    activities: list[Record] = field(default_factory=list)


@dataclass
class QuarterSpread:
    quarters: list[QuarterLoad]
    monthly: dict[Month, Decimal] = field(default_factory=dict)
    undated: list[Record] = field(default_factory=list)

    @property
    def activity_months(self) -> int:
        return sum(q.activity_months for q in self.quarters)

    @property
    def budget(self) -> Decimal:
        return sum((q.budget for q in self.quarters), ZERO)

    @property
    def warnings(self) -> list[SpreadWarning]:
        """More than half of the activity-months or of the budget in one quarter; quarters with activities but no
        budget; empty quarters; undated activities."""
        out: list[SpreadWarning] = []
        for q in self.quarters:
            if self.activity_months and (share := Decimal(q.activity_months) / self.activity_months) > CROWDED_SHARE:
                out.append(SpreadWarning("crowded_activities", q.quarter, share, q.activities))
            if self.budget > 0 and (share := q.budget / self.budget) > CROWDED_SHARE:
                out.append(SpreadWarning("crowded_budget", q.quarter, share, q.activities))
        if self.budget > 0:
            out += [SpreadWarning("no_budget", q.quarter, activities=q.activities) for q in self.quarters
                    if q.activity_months and not q.budget]
        if self.activity_months:
            out += [SpreadWarning("gap", q.quarter) for q in self.quarters if q.is_gap]
        if self.undated:
            out.append(SpreadWarning("no_dates", activities=self.undated))
        return out


def quarter_spread(activities: list[Record], fiscal_year: int) -> QuarterSpread:
    """Activity-months and evenly spread planned budget per fiscal quarter, over top-level activities only."""
    spread = QuarterSpread([QuarterLoad(q) for q in (1, 2, 3, 4)])
    for act, depth in ordered(activities):
        if depth:
            continue  # a sub-activity: its parent carries the budget and the count
        months = activity_months(act, fiscal_year)
        if not months:
            spread.undated.append(act)
            continue
        touched: set[int] = set()  # ordered() yields each activity once: a quarter lists it once
        for month, amount in spread_evenly(act.get("budget") or ZERO, months).items():
            load = spread.quarters[quarter_of(month) - 1]
            load.activity_months += 1
            load.budget += amount
            if load.quarter not in touched:
                touched.add(load.quarter)
                load.activities.append(act)
            spread.monthly[month] = spread.monthly.get(month, ZERO) + amount
    return spread
