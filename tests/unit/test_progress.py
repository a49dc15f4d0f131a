"""DE stage progress, KPI status and what is late or due: the demo's figures, empty and partial data."""

from datetime import date
from decimal import Decimal

from de_core.cycle.progress import (
    KpiStatus,
    activity_due,
    due_items,
    group_summaries,
    is_late_step,
    kpi_statuses,
    number_key,
    stage_progress,
)
from tests.unit.directors_data import step, workbook_of

TODAY = date(2023, 11, 20)  # FY2567, mid-November


def test_demo_stages_are_4_of_4_3_of_3_3_of_3_then_act_and_reflection_partly_done(demo_wb, today):
    stages = stage_progress(demo_wb.rows("de_steps", 2566), today)
    assert [(s.stage, s.done, s.total) for s in stages] == [
        ("vision", 4, 4), ("kra", 3, 3), ("kpi", 3, 3), ("act", 0, 3), ("reflection", 0, 3)]
    act, reflection = stages[3], stages[4]
    assert (act.in_progress, act.late, act.late_in_progress) == (3, 1, 1)
    assert (reflection.in_progress, reflection.late) == (1, 0)


def test_no_steps_still_lists_the_five_stages_with_nothing_done():
    stages = stage_progress([], TODAY)
    assert [s.stage for s in stages] == ["vision", "kra", "kpi", "act", "reflection"]
    assert all(s.total == 0 and s.share == 0.0 for s in stages)


def test_a_step_is_late_only_past_its_due_date_and_not_done():
    wb = workbook_of(de_steps=[step("1.1", "1", "กำลังดำเนินการ", "19/11/2566"), step("1.2", "1", "ยังไม่เริ่ม", "20/11/2566"),
                               step("1.3", "1", "เสร็จแล้ว", "1/11/2566"), step("1.4", "1", "ยังไม่เริ่ม")])
    assert [is_late_step(s, TODAY) for s in wb.rows("de_steps")] == [True, False, False, False]


def test_step_numbers_sort_as_numbers_and_blank_numbers_last():
    assert sorted(["1.10", "", "1.9", "2.1", "1.2"], key=number_key) == ["1.2", "1.9", "1.10", "2.1", ""]


def test_demo_kpis_are_6_met_5_not_met_and_3_without_a_reading(demo_wb, today):
    states = {s.kpi["id"]: s.state for s in kpi_statuses(demo_wb, 2566, today)}
    assert sorted(k for k, v in states.items() if v == "met") == sorted(
        ["kpi-exec-1", "kpi-exec-2", "kpi-exec-5", "kpi-sup-1", "kpi-sup-2", "kpi-staff-1"])
    assert sorted(k for k, v in states.items() if v == "no_reading") == ["kpi-office-1", "kpi-staff-3", "kpi-sup-5"]
    assert list(states.values()).count("not_met") == 5


def test_demo_groups_meet_0_of_1_3_of_5_2_of_5_and_1_of_3(demo_wb, today):
    groups = group_summaries(demo_wb, kpi_statuses(demo_wb, 2566, today))
    assert [(g.group, g.met, g.total, g.measured) for g in groups] == [
        ("office", 0, 1, 0), ("executives", 3, 5, 5), ("supervisors", 2, 5, 4), ("staff", 1, 3, 2)]


def test_a_trend_is_the_dated_readings_in_time_order_and_ignores_readings_after_today(demo_wb, today):
    staff_2 = next(s for s in kpi_statuses(demo_wb, 2566, today) if s.kpi["id"] == "kpi-staff-2")
    assert [(d.isoformat(), v) for d, v in staff_2.trend] == [
        ("2022-12-20", 88), ("2023-02-28", 91), ("2023-05-31", 86), ("2023-06-23", 89)]
    early = next(s for s in kpi_statuses(demo_wb, 2566, date(2023, 3, 1)) if s.kpi["id"] == "kpi-staff-2")
    assert len(early.trend) == 2 and early.actual == 91


def test_lower_is_better_kpis_are_met_at_or_under_target_and_yes_no_kpis_by_yes():
    lower = KpiStatus({"direction": "lower", "target": Decimal(5)}, [{"value": Decimal(4), "_row": 2}])
    higher = KpiStatus({"direction": "higher", "target": Decimal(5)}, [{"value": Decimal(4), "_row": 2}])
    yes_no = KpiStatus({"measure_type": "yesno"}, [{"value": Decimal(1), "_row": 2}])
    assert (lower.state, higher.state, yes_no.state) == ("met", "not_met", "met")
    assert yes_no.qualitative and not higher.qualitative


def test_a_reading_without_a_target_is_no_target_not_no_reading():
    status = KpiStatus({"measure_type": "number"}, [{"value": Decimal(3), "_row": 2}])
    assert status.state == "no_target" and KpiStatus({"target": Decimal(1)}).state == "no_reading"


def test_demo_has_step_4_3_activity_5_5_and_adaptation_4_late_as_of_30_june_2566(demo_wb, today):
    items = due_items(demo_wb, 2566, today)
    assert [(d.kind, d.record["id"], d.days_late) for d in items] == [
        ("step", "step-4.3", 15), ("activity", "act-5-05", 7), ("adaptation", "adp-04", 7), ("adaptation", "adp-07", 0)]
    assert [d.late for d in items] == [True, True, True, False]  # adp-07 is due on the day itself
    assert items[2].title.startswith("เลื่อนการชี้แจงผู้ประเมิน IIT") and items[2].number == ""


def test_due_this_month_lists_open_items_ending_this_month_after_the_late_ones(demo_wb):
    items = due_items(demo_wb, 2566, date(2023, 8, 2))
    late = [d.record["id"] for d in items if d.late]
    due = [d.record["id"] for d in items if not d.late]
    assert late == ["step-4.3", "act-5-05", "adp-04", "adp-07", "act-5-07", "adp-08", "act-5-09"]  # by due date
    assert due == ["step-4.1", "step-4.2", "step-5.1", "act-5", "act-5-10", "act-5-11"]


def test_an_activity_is_due_at_its_planned_end_else_at_the_end_of_its_period():
    wb = workbook_of(activities=[
        {"title": "ก", "period": "พ.ย. ๒๕๖๖", "status": "ตามแผน"},
        {"title": "ข", "period": "พ.ย. ๒๕๖๖", "planned_end": "10/11/2566", "status": "กำลังดำเนินการ"},
        {"title": "ค", "period": "ต.ค. ๒๕๖๖", "status": "เสร็จแล้ว"},
        {"title": "ง", "period": "ต.ค. ๒๕๖๖", "status": "ยกเลิก"},
        {"title": "จ", "status": "ตามแผน"},
    ])
    acts = wb.rows("activities")
    assert [activity_due(a) for a in acts[:2]] == [date(2023, 11, 30), date(2023, 11, 10)]
    items = due_items(wb, 2567, TODAY)
    assert [(d.record["title"], d.late, d.days_late) for d in items] == [("ข", True, 10), ("ก", False, 0)]


def test_a_new_year_with_nothing_entered_has_nothing_due():
    assert due_items(workbook_of(settings=[{"office_name": "สพม."}]), 2567, TODAY) == []
