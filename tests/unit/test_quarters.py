"""Quarter spread: activity-months and planned budget per fiscal quarter, and the seed's crowding lesson."""

from decimal import Decimal

from de_core.activities.quarters import quarter_spread, spread_evenly
from tests.unit.activity_fixtures import activity, workbook_of


def _spread(wb):
    return quarter_spread(wb.rows("activities", 2566), 2566)


def test_demo_spreads_the_planned_budget_0_2500_23750_23750_over_the_quarters(demo_wb):
    spread = _spread(demo_wb)
    assert [q.budget for q in spread.quarters] == [0, 2500, 23750, 23750]
    assert spread.budget == Decimal(50000)


def test_demo_counts_4_2_5_6_activity_months_from_the_seeds_months(demo_wb):
    spread = _spread(demo_wb)
    assert [q.activity_months for q in spread.quarters] == [4, 2, 5, 6]
    assert [[a["id"] for a in q.activities] for q in spread.quarters] == [
        ["act-1", "act-2", "act-3"], ["act-4"], ["act-4", "act-5"], ["act-4", "act-5", "act-6"]]


def test_demo_spread_crowds_no_quarter_but_says_q1_holds_activities_without_budget(demo_wb):
    (warning,) = _spread(demo_wb).warnings  # nothing above half in one quarter (DECISIONS: Quarters)
    assert warning.kind == "no_budget" and warning.quarter == 1
    assert [a["id"] for a in warning.activities] == ["act-1", "act-2", "act-3"]


def test_a_year_without_any_budget_says_nothing_about_quarters_without_budget():
    wb = workbook_of(activities=[activity("a1", "พ.ย. ๒๕๖๕"), activity("a2", "ก.พ. 2566"), activity("a3", "พ.ค. 2566"),
                                 activity("a4", "ส.ค. 2566")])
    assert _spread(wb).warnings == []


def test_crowded_quarter_fires_for_activities_and_budget():
    wb = workbook_of(activities=[
        activity("a1", "ต.ค. ๒๕๖๕"),
        activity("a2", "ก.ค. - ก.ย. ๒๕๖๖", "๓๐,๐๐๐ บาท"),
        activity("a3", "ส.ค. ๒๕๖๖", "10,000"),
        activity("a4", "ก.ย.๒๕๖๖", "ไม่ใช้ งบประมาณ"),
    ])
    warnings = {(w.kind, w.quarter): w for w in _spread(wb).warnings}
    assert warnings[("crowded_activities", 4)].share == Decimal(5) / 6
    assert warnings[("crowded_budget", 4)].share == 1
    assert [a["id"] for a in warnings[("crowded_activities", 4)].activities] == ["a2", "a3", "a4"]
    assert ("gap", 2) in warnings and ("gap", 3) in warnings and ("gap", 1) not in warnings


def test_a_plan_spread_over_all_four_quarters_stays_quiet():
    wb = workbook_of(activities=[
        activity("a1", "พ.ย. ๒๕๖๕", "10,000"), activity("a2", "ก.พ. 2566", "10,000"),
        activity("a3", "พ.ค. 2566", "10,000"), activity("a4", "ส.ค. 2566", "10,000"),
    ])
    spread = _spread(wb)
    assert spread.warnings == []
    assert [q.activity_months for q in spread.quarters] == [1, 1, 1, 1]


def test_exactly_half_in_one_quarter_is_not_crowded():
    wb = workbook_of(activities=[activity("a1", "ต.ค. 2565", "100"), activity("a2", "ก.ค. 2566", "100")])
    assert [w.kind for w in _spread(wb).warnings] == ["gap", "gap"]


def test_sub_activities_never_add_budget_or_months_again():
    wb = workbook_of(activities=[
        activity("a1", "ม.ค. - มี.ค. 2566", "9,000"),
        activity("a1-1", "ม.ค. 2566", "9,000", parent_id="a1"),
    ])
    spread = _spread(wb)
    assert [q.budget for q in spread.quarters] == [0, 9000, 0, 0]
    assert spread.activity_months == 3


def test_activities_without_dates_are_listed_and_their_budget_is_not_spread():
    wb = workbook_of(activities=[activity("a1", "ต.ค. 2565 - ก.ย. 2566", "1,200"), activity("a2", "", "500")])
    spread = _spread(wb)
    assert [a["id"] for a in spread.undated] == ["a2"]
    no_dates = [w for w in spread.warnings if w.kind == "no_dates"]
    assert [a["id"] for a in no_dates[0].activities] == ["a2"]
    assert spread.budget == 1200 and [q.budget for q in spread.quarters] == [300, 300, 300, 300]


def test_months_outside_the_fiscal_year_are_left_out_and_the_budget_stays_in_the_year():
    wb = workbook_of(activities=[activity("a1", "ส.ค. - พ.ย. 2566", "4,000")])
    spread = _spread(wb)
    assert [q.activity_months for q in spread.quarters] == [0, 0, 0, 2]
    assert spread.quarters[3].budget == 4000 and spread.monthly == {(2023, 8): 2000, (2023, 9): 2000}


def test_even_spread_adds_up_to_the_satang():
    parts = spread_evenly(Decimal(10000), [(2023, 1), (2023, 2), (2023, 3)])
    assert list(parts.values()) == [Decimal("3333.33"), Decimal("3333.33"), Decimal("3333.34")]
    assert sum(parts.values()) == 10000
    assert spread_evenly(Decimal(5), []) == {}


def test_an_empty_year_has_four_empty_quarters_and_no_warning():
    spread = _spread(workbook_of())
    assert [q.activity_months for q in spread.quarters] == [0, 0, 0, 0] and spread.warnings == []


def test_each_quarter_lists_an_activity_once_however_many_of_its_months_it_holds():
    wb = workbook_of(activities=[
        activity("a1", "ต.ค. - ธ.ค. 2565"), activity("a2", "ธ.ค. 2565 - ม.ค. 2566"),
        activity("a2-1", "ธ.ค. 2565", parent_id="a2"),
    ])
    spread = _spread(wb)
    assert [[a["id"] for a in q.activities] for q in spread.quarters] == [["a1", "a2"], ["a2"], [], []]
    assert [q.activity_months for q in spread.quarters] == [4, 1, 0, 0]
