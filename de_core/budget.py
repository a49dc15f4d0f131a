"""Budget: allocation, planned (top-level activities only), spent (expenses tab), per activity."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from de_core.workbook import Record, Workbook
from de_core.years import settings_for

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
