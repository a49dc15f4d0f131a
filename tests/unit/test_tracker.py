"""The DE stage tracker's view model: stages and steps in order, late steps, filters, empty and odd data."""

from datetime import date

from de_core.cycle.tracker import build_tracker, status_label, table_rows
from tests.unit.directors_data import step, workbook_of

TODAY = date(2023, 11, 20)


def test_demo_tracker_has_16_steps_in_5_stages_in_step_order(demo_wb, today):
    view = build_tracker(demo_wb, 2566, today)
    assert [b.stage for b in view.stages] == ["vision", "kra", "kpi", "act", "reflection"]
    assert [[r.step["step_no"] for r in b.rows] for b in view.stages] == [
        ["1.1", "1.2", "1.3", "1.4"], ["2.1", "2.2", "2.3"], ["3.1", "3.2", "3.3"], ["4.1", "4.2", "4.3"],
        ["5.1", "5.2", "5.3"]]
    assert (view.total, view.done, view.late, view.shown) == (16, 10, 1, 16)


def test_demo_act_stage_bar_is_one_late_and_two_in_progress_and_reflection_one_in_progress_two_not_started(
        demo_wb, today):
    segments = {b.stage: b.segments for b in build_tracker(demo_wb, 2566, today).stages}
    assert segments["act"] == {"done": 0, "late": 1, "in_progress": 2, "not_started": 0}
    assert segments["reflection"] == {"done": 0, "late": 0, "in_progress": 1, "not_started": 2}
    assert segments["vision"] == {"done": 4, "late": 0, "in_progress": 0, "not_started": 0}


def test_filtering_by_late_keeps_step_4_3_only_and_leaves_progress_alone(demo_wb, today):
    view = build_tracker(demo_wb, 2566, today).filtered(statuses=["late"])
    assert [r.step["id"] for b in view.stages for r in b.rows] == ["step-4.3"]
    assert (view.total, view.done, view.shown) == (16, 10, 1)


def test_filtering_by_stored_status_also_keeps_late_steps_of_that_status(demo_wb, today):
    view = build_tracker(demo_wb, 2566, today).filtered(statuses=["in_progress"])
    assert [r.step["step_no"] for b in view.stages for r in b.rows] == ["4.1", "4.2", "4.3", "5.1"]


def test_filtering_by_owner_lists_that_owners_steps(demo_wb, today):
    tracker = build_tracker(demo_wb, 2566, today)
    assert "ศึกษานิเทศก์ผู้รับผิดชอบโครงการ" in tracker.owners and len(tracker.owners) == 4
    view = tracker.filtered(owners=["ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"])
    assert [r.step["step_no"] for b in view.stages for r in b.rows] == ["1.1", "1.4", "3.3"]


def test_the_sheet_drives_the_steps_ten_steps_in_a_stage_sort_numerically():
    wb = workbook_of(de_steps=[step(f"1.{n}", "วิสัยทัศน์ (Vision)", "ยังไม่เริ่ม") for n in (10, 2, 1, 9)])
    vision = build_tracker(wb, 2567, TODAY).stages[0]
    assert [r.step["step_no"] for r in vision.rows] == ["1.1", "1.2", "1.9", "1.10"]
    assert vision.progress.total == 4


def test_steps_without_a_readable_stage_are_kept_under_no_stage():
    wb = workbook_of(de_steps=[step("9.1", "", "กำลังดำเนินการ", "1/11/2566"), step("1.1", "1", "เสร็จแล้ว")])
    view = build_tracker(wb, 2567, TODAY)
    assert view.stages[-1].stage is None and [r.step["step_no"] for r in view.stages[-1].rows] == ["9.1"]
    assert view.stages[-1].segments == {"done": 0, "late": 1, "in_progress": 0, "not_started": 0}
    assert view.total == 2 and view.late == 1


def test_a_new_year_with_no_steps_has_empty_stages_and_no_no_stage_block():
    view = build_tracker(workbook_of(settings=[{"office_name": "สพม."}]), 2567, TODAY)
    assert len(view.stages) == 5 and view.total == 0 and view.shown == 0 and view.owners == []


def test_table_rows_show_era_dates_the_late_label_and_the_first_evidence_link(demo_wb, today):
    view = build_tracker(demo_wb, 2566, today)
    act = {r["no"]: r for r in table_rows(demo_wb, view.stages[3].rows, "th")}
    assert act["4.3"]["status"] == "ล่าช้า" and act["4.3"]["due"] == "15 มิ.ย. 2566" and act["4.3"]["late"]
    assert act["4.3"]["evidence"] is None and act["4.3"]["links"] == 0 and act["4.3"]["done"] == ""
    assert act["4.1"]["status"] == "กำลังดำเนินการ"
    assert act["4.1"]["evidence"] == "https://demo.sujarit.example/fy2566/evidence/ev-09.pdf"
    vision = table_rows(demo_wb, view.stages[0].rows, "en")
    assert vision[0]["done"] == "10 Oct 2022" and vision[0]["status"] == "done"


def test_status_labels_cover_the_computed_late_status_in_both_languages(demo_wb):
    assert [status_label(demo_wb, s, "th") for s in ("not_started", "late")] == ["ยังไม่เริ่ม", "ล่าช้า"]
    assert status_label(demo_wb, "late", "en") == "late"
