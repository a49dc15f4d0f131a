"""Budget: allocation, planned (top-level activities only), spent (expenses tab), alerts and the monthly burn."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from de_core.activities.quarters import Month, QuarterSpread, quarter_spread
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import settings_for
from de_core.thaidate import fiscal_months

ZERO = Decimal(0)


def top_level_id(activity_id: str | None, activities: dict[str, Record]) -> str | None:
    """The top-level activity an activity (or sub-activity) belongs to; None for an unknown id."""
    seen: set[str] = set()
    current = activity_id
    while current and current in activities and current not in seen:
        seen.add(current)
        parent = activities[current].get("parent_id")
        if not parent or parent not in activities:
            return current
        current = parent
    return None


@dataclass
class ActivityBudget:
    activity: Record
    planned: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.spent

    @property
    def overspent(self) -> bool:
        return self.spent > self.planned

    @property
    def no_budget(self) -> bool:
        """The activity plans no money (the seed's ไม่ใช้งบประมาณ, or a blank budget cell)."""
        return self.planned == 0


@dataclass
class BudgetSummary:
    allocation: Decimal | None
    lines: list[ActivityBudget] = field(default_factory=list)
    unplanned: list[Record] = field(default_factory=list)  # expenses on no known activity

    @property
    def planned(self) -> Decimal:
        return sum((line.planned for line in self.lines), ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((line.spent for line in self.lines), ZERO) + sum((e["amount"] for e in self.unplanned), ZERO)

    @property
    def remaining(self) -> Decimal | None:
        return None if self.allocation is None else self.allocation - self.spent

    @property
    def amounts(self) -> dict[str, Decimal | None]:
        """Allocation, planned, spent and remaining, in that order (the four figures a budget box shows)."""
        return {"allocation": self.allocation, "planned": self.planned, "spent": self.spent,
                "remaining": self.remaining}


def budget_summary(wb: Workbook, fiscal_year: int | None) -> BudgetSummary:
    """Planned and spent per top-level activity; sub-activity amounts are never added to the total again."""
    activities = {a["id"]: a for a in wb.rows("activities", fiscal_year) if a.get("id")}
    out = BudgetSummary(settings_for(wb, fiscal_year).get("allocation"))
    lines = {}
    for act in wb.rows("activities", fiscal_year):
        if act.get("id") and top_level_id(act["id"], activities) == act["id"]:
            lines[act["id"]] = ActivityBudget(act, act.get("budget") or ZERO)
    for exp in wb.rows("expenses", fiscal_year):
        if exp.get("amount") is None:
            continue
        top = top_level_id(exp.get("activity_id"), activities)
        if top in lines:
            lines[top].spent += exp["amount"]
        else:
            out.unplanned.append(exp)
    out.lines = list(lines.values())
    return out


def spent_by_activity(wb: Workbook, fiscal_year: int | None) -> dict[str, Decimal]:
    """Each activity id's own expenses (not its sub-activities'), for breakdowns."""
    out: dict[str, Decimal] = {}
    for exp in wb.rows("expenses", fiscal_year):
        if exp.get("amount") is not None and exp.get("activity_id"):
            out[exp["activity_id"]] = out.get(exp["activity_id"], ZERO) + exp["amount"]
    return out


@dataclass
class BudgetAlert:
    """kind: overspent | spent_without_budget | unplanned_expense | over_allocation | spent_over_allocation |
    off_curve (an expense with no date or dated outside the year); amount = how much is concerned."""

    kind: str
    amount: Decimal
    activity: Record | None = None
    expense: Record | None = None


def budget_alerts(summary: BudgetSummary, expenses: list[Record], fiscal_year: int) -> list[BudgetAlert]:
    """What needs attention: overspending, spending with no plan, totals above the allocation, off-year lines."""
    out: list[BudgetAlert] = []
    for line in summary.lines:
        if line.overspent:
            kind = "spent_without_budget" if line.no_budget else "overspent"
            out.append(BudgetAlert(kind, line.spent - line.planned, line.activity))
    out += [BudgetAlert("unplanned_expense", e["amount"], expense=e) for e in summary.unplanned]
    if summary.allocation is not None:
        if summary.planned > summary.allocation:
            out.append(BudgetAlert("over_allocation", summary.planned - summary.allocation))
        if summary.spent > summary.allocation:
            out.append(BudgetAlert("spent_over_allocation", summary.spent - summary.allocation))
    year = set(fiscal_months(fiscal_year))
    for exp in expenses:
        day = exp.get("spent_on")
        if exp.get("amount") is not None and (day is None or (day.year, day.month) not in year):
            out.append(BudgetAlert("off_curve", exp["amount"], expense=exp))
    return out


@dataclass
class BurnPoint:
    """One month: cumulative planned (the even spread) and cumulative spent (None after the as-of month)."""

    month: Month
    planned: Decimal
    spent: Decimal | None


def burn_curve(expenses: list[Record], monthly_planned: dict[Month, Decimal], fiscal_year: int,
               as_of: date) -> list[BurnPoint]:
    """Cumulative spend by month against the cumulative planned curve, over the fiscal year's twelve months."""
    per_month: dict[Month, Decimal] = {}
    for exp in expenses:
        if exp.get("amount") is not None and exp.get("spent_on"):
            key = (exp["spent_on"].year, exp["spent_on"].month)
            per_month[key] = per_month.get(key, ZERO) + exp["amount"]
    months = fiscal_months(fiscal_year)
    last = max([(as_of.year, as_of.month), *[m for m in per_month if m in months]])
    out: list[BurnPoint] = []
    planned = spent = ZERO
    for month in months:
        planned += monthly_planned.get(month, ZERO)
        spent += per_month.get(month, ZERO)
        out.append(BurnPoint(month, planned, spent if month <= last else None))
    return out


@dataclass(frozen=True)
class BudgetPace:
    """The burn line where it stands: cumulative plan and spend to the end of the as-of month."""

    month: Month
    planned: Decimal
    spent: Decimal

    @property
    def ahead(self) -> Decimal:
        """Baht spent beyond the cumulative plan (negative: under plan)."""
        return self.spent - self.planned


def budget_pace(points: list[BurnPoint], as_of: date) -> BudgetPace | None:
    """Plan and spend to the end of the as-of month; None when that month is outside the year's curve."""
    point = next((p for p in points if p.month == (as_of.year, as_of.month)), None)
    if point is None or point.spent is None:
        return None
    return BudgetPace(point.month, point.planned, point.spent)


@dataclass
class BudgetView:
    fiscal_year: int
    as_of: date
    summary: BudgetSummary
    alerts: list[BudgetAlert] = field(default_factory=list)
    burn: list[BurnPoint] = field(default_factory=list)
    spread: QuarterSpread | None = None

    @property
    def pace(self) -> BudgetPace | None:
        return budget_pace(self.burn, self.as_of)


def budget_view(wb: Workbook, fiscal_year: int, as_of: date) -> BudgetView:
    """The Budget screen in one call: per-activity planned/spent/remaining, alerts, the monthly burn and the
    quarter spread."""
    summary = budget_summary(wb, fiscal_year)
    expenses = wb.rows("expenses", fiscal_year)
    spread = quarter_spread(wb.rows("activities", fiscal_year), fiscal_year)
    return BudgetView(fiscal_year, as_of, summary, budget_alerts(summary, expenses, fiscal_year),
                      burn_curve(expenses, spread.monthly, fiscal_year, as_of), spread)
