"""Timeline: planned/actual ranges, computed lateness, parent-first rows, filters and the date-problem list."""

from datetime import date

from de_core.activities.timeline import actual_range, build_timeline, display_status, is_late, planned_range
from tests.unit.activity_fixtures import activity, workbook_of

AS_OF = date(2023, 6, 30)


def _rows(wb):
    return wb.rows("activities", 2566)


def test_planned_dates_win_over_the_period_months(demo_wb):
    acts = demo_wb.by_id("activities")
    assert planned_range(acts["act-5-05"]) == (date(2023, 6, 5), date(2023, 6, 23))
    assert planned_range(acts["act-3"]) == (date(2022, 11, 1), date(2022, 12, 31))


def test_a_missing_planned_end_falls_back_to_the_period_end():
    wb = workbook_of(activities=[activity("a1", "มี.ค. - เม.ย. 2566", planned_start="15/3/2566")])
    assert planned_range(_rows(wb)[0]) == (date(2023, 3, 15), date(2023, 4, 30))


def test_demo_has_exactly_one_late_activity_the_screening_5_5(demo_wb, today):
    timeline = build_timeline(demo_wb, 2566, today)
    assert [r.key for r in timeline.rows if r.late] == ["act-5-05"]
    assert timeline.problems == []


def test_late_needs_a_passed_planned_end_and_an_open_status():
    ended = {"period": (date(2023, 5, 1), date(2023, 5, 31))}
    assert is_late({**ended, "status": "in_progress"}, AS_OF)
    assert is_late({**ended, "status": None}, AS_OF)
    assert not is_late({**ended, "status": "done"}, AS_OF)
    assert not is_late({**ended, "status": "cancelled"}, AS_OF)
    assert not is_late({**ended, "status": "planned"}, date(2023, 5, 31))
    assert not is_late({"status": "planned"}, AS_OF)
    assert display_status({**ended, "status": "done"}, AS_OF) == "done"
    assert display_status({"status": None}, AS_OF) == "planned"


def test_an_activity_started_but_not_finished_runs_to_the_as_of_date():
    assert actual_range({"actual_start": date(2023, 5, 3), "status": "in_progress"}, AS_OF) == (
        date(2023, 5, 3), AS_OF)
    assert actual_range({"actual_start": date(2023, 5, 3), "status": "done"}, AS_OF) is None
    assert actual_range({"actual_end": date(2023, 5, 3)}, AS_OF) is None


def test_rows_list_each_parent_before_its_sub_activities(demo_wb, today):
    rows = build_timeline(demo_wb, 2566, today).rows
    keys = [r.key for r in rows]
    assert keys[:7] == ["act-1", "act-2", "act-3", "act-4", "act-4-01", "act-4-02", "act-5"]
    assert keys[-1] == "act-6" and len(rows) == 19
    assert [r.depth for r in rows[3:6]] == [0, 1, 1]
    assert rows[4].label.startswith("· 4.1 ")


def test_bad_and_missing_dates_are_listed_with_the_cells_to_fix():
    wb = workbook_of(activities=[
        activity("a1", "ม.ค. 2566"),
        activity("a2", ""),
        activity("a3", "", planned_start="30/4/2566", planned_end="1/4/2566"),
        activity("a4", "เดือนหน้า"),
        activity("a5", "ม.ค. 2565"),
        activity("a6", "ม.ค. 2566", actual_start="20/1/2566", actual_end="2/1/2566"),
    ])
    timeline = build_timeline(wb, 2566, AS_OF)
    problems = {p.activity["id"]: p for p in timeline.problems}
    assert {k: p.reason for k, p in problems.items()} == {
        "a2": "missing", "a3": "reversed", "a4": "unreadable", "a5": "outside_year", "a6": "actual_reversed"}
    assert problems["a4"].cells == ["F5"]
    assert [r.planned is not None for r in timeline.rows] == [True, False, False, False, True, True]


def test_a_row_without_an_id_is_still_on_the_timeline():
    wb = workbook_of(activities=[activity("", "ม.ค. 2566")])
    rows = build_timeline(wb, 2566, AS_OF).rows
    assert [r.key for r in rows] == ["#2"]


def test_a_parent_cycle_still_shows_every_row_once():
    wb = workbook_of(activities=[activity("a1", "ม.ค. 2566", parent_id="a2"),
                                 activity("a2", "ม.ค. 2566", parent_id="a1")])
    assert sorted(r.key for r in build_timeline(wb, 2566, AS_OF).rows) == ["a1", "a2"]


def test_filters_by_owner_shown_status_and_kra_group_of_linked_kpis(demo_wb, today):
    timeline = build_timeline(demo_wb, 2566, today)
    assert [r.key for r in timeline.filtered(statuses=["late"])] == ["act-5-05"]
    owner = "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"
    assert [r.key for r in timeline.filtered(owners=[owner])] == ["act-5-04", "act-5-10"]
    assert owner in timeline.owners
    office = {r.key for r in timeline.filtered(groups=["office"])}
    assert "act-5-09" in office and "act-3" not in office
    assert len(timeline.filtered()) == 19
    assert timeline.filtered(owners=[owner], statuses=["done"])[0].key == "act-5-04"


def test_an_empty_year_gives_an_empty_timeline():
    timeline = build_timeline(workbook_of(), 2566, AS_OF)
    assert timeline.rows == [] and timeline.problems == [] and timeline.owners == []


def test_each_activity_lists_only_its_own_unreadable_date_cells():
    wb = workbook_of(activities=[
        activity("a1", "เดือนหน้า"), activity("a2", "ม.ค. 2566", planned_start="เมื่อไร", planned_end="เร็วๆ นี้"),
        activity("", "เดือนหน้า"),
    ])
    problems = build_timeline(wb, 2566, AS_OF).problems
    assert [(p.activity["id"], p.reason, p.cells) for p in problems] == [
        ("a1", "unreadable", ["F2"]), ("a2", "unreadable", ["G3", "H3"]), (None, "missing", [])]
