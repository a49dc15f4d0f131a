"""Budget: planned on top-level activities only, spent from the expenses tab, alerts and the monthly burn."""

from datetime import date
from decimal import Decimal

from de_core.activities.budget import budget_summary, budget_view, spent_by_activity
from tests.unit.activity_fixtures import activity, workbook_of

AS_OF = date(2023, 6, 30)


def test_demo_plans_50000_with_activity_4_at_10000_activity_5_at_40000_and_the_rest_0(demo_wb):
    summary = budget_summary(demo_wb, 2566)
    assert summary.allocation == 50000 and summary.planned == 50000
    planned = {line.activity["id"]: line.planned for line in summary.lines}
    assert planned == {"act-1": 0, "act-2": 0, "act-3": 0, "act-4": 10000, "act-5": 40000, "act-6": 0}
    assert [line.activity["id"] for line in summary.lines if line.no_budget] == ["act-1", "act-2", "act-3", "act-6"]


def test_demo_spends_35610_with_the_act_4_family_6420_and_the_act_5_family_29190(demo_wb):
    summary = budget_summary(demo_wb, 2566)
    spent = {line.activity["id"]: line.spent for line in summary.lines}
    assert spent["act-4"] == 6420 and spent["act-5"] == 29190 and summary.spent == 35610
    assert summary.remaining == 14390
    assert {line.activity["id"]: line.remaining for line in summary.lines}["act-5"] == 10810


def test_demo_raises_no_budget_alert(demo_wb, today):
    assert budget_view(demo_wb, 2566, today).alerts == []


def test_own_spend_per_activity_keeps_sub_activities_apart(demo_wb):
    own = spent_by_activity(demo_wb, 2566)
    assert own["act-4"] == 850 and own["act-4-02"] == 3470 and own["act-5-06"] == 12440
    assert "act-5" not in own


def test_overspending_spending_without_a_plan_and_unplanned_lines_raise_alerts():
    wb = workbook_of(
        settings=[{"id": "fy", "office_name": "สพม.", "allocation": "1,000"}],
        activities=[activity("a1", "ม.ค. 2566", "500"), activity("a2", "ก.พ. 2566", "ไม่ใช้ งบประมาณ"),
                    activity("a1-1", "ม.ค. 2566", parent_id="a1")],
        expenses=[
            {"id": "e1", "activity_id": "a1-1", "spent_on": "5/1/2566", "item": "อาหารว่าง", "amount": "700"},
            {"id": "e2", "activity_id": "a2", "spent_on": "5/2/2566", "item": "ถ่ายเอกสาร", "amount": "120"},
            {"id": "e3", "activity_id": "zz", "spent_on": "5/2/2566", "item": "ค่าเดินทาง", "amount": "300"},
            {"id": "e4", "activity_id": "a1", "spent_on": "5/2/2565", "item": "ปีก่อน", "amount": "10"},
        ],
    )
    alerts = {a.kind: a for a in budget_view(wb, 2566, AS_OF).alerts}
    assert alerts["overspent"].amount == 210 and alerts["overspent"].activity["id"] == "a1"
    assert alerts["spent_without_budget"].amount == 120
    assert alerts["unplanned_expense"].expense["id"] == "e3"
    assert alerts["spent_over_allocation"].amount == 130
    assert alerts["off_curve"].expense["id"] == "e4"
    assert "over_allocation" not in alerts


def test_a_plan_above_the_allocation_is_flagged():
    wb = workbook_of(settings=[{"id": "fy", "office_name": "สพม.", "allocation": "100"}],
                     activities=[activity("a1", "ม.ค. 2566", "250")])
    alerts = budget_view(wb, 2566, AS_OF).alerts
    assert [(a.kind, a.amount) for a in alerts] == [("over_allocation", Decimal(150))]


def test_demo_burn_climbs_to_35610_by_june_against_a_plan_reaching_50000_in_september(demo_wb, today):
    burn = budget_view(demo_wb, 2566, today).burn
    assert [p.month for p in burn][0] == (2022, 10) and len(burn) == 12
    assert [p.spent for p in burn[4:9]] == [2100, 4800, 4800, 20500, 35610]
    assert [p.spent for p in burn[9:]] == [None, None, None]
    assert burn[4].planned == 1250 and burn[8].planned == 26250 and burn[-1].planned == 50000


def test_a_line_dated_after_the_as_of_date_extends_the_spent_curve():
    wb = workbook_of(activities=[activity("a1", "ส.ค. 2566", "500")],
                     expenses=[{"id": "e1", "activity_id": "a1", "spent_on": "2/8/2566", "item": "x", "amount": "5"}])
    burn = budget_view(wb, 2566, AS_OF).burn
    assert [p.spent for p in burn[8:]] == [0, 0, 5, None]


def test_an_empty_year_has_no_lines_no_alerts_and_a_flat_burn():
    view = budget_view(workbook_of(), 2566, AS_OF)
    assert view.summary.lines == [] and view.summary.allocation is None and view.alerts == []
    assert {p.planned for p in view.burn} == {0}
