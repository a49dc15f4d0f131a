"""The DE stage tracker shows every step of the demo by stage, late steps, filters, and follows the sheet."""

import json

from tests.app.conftest import assert_clean, page_text
from tests.app.htmlblocks import late_rows, records, tables

PAGE = "pages/de_tracker.py"


def stage_tables(at) -> list[dict[str, dict[str, str]]]:
    """Each stage's table (HTML, wrapping): {step number: {column key: cell}}."""
    keys = {"ข้อ": "no", "Step": "no", "ขั้นตอน": "title", "Title": "title", "สถานะ": "status", "Status": "status",
            "ผู้รับผิดชอบ": "owner", "Owner": "owner", "กำหนดเสร็จ": "due", "Due": "due", "วันที่เสร็จ": "done",
            "Done on": "done", "หลักฐาน": "evidence", "Evidence": "evidence", "จำนวนลิงก์": "links", "Links": "links"}
    return [{r["no"]: r for r in ({keys[h]: v for h, v in rec.items()} for rec in records(tb))} for tb in tables(at)]


def steps_shown(at) -> list[str]:
    return [no for table in stage_tables(at) for no in table]


def test_tracker_shows_16_steps_and_the_progress_of_each_stage(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    assert steps_shown(at) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2",
                               "4.3", "5.1", "5.2", "5.3"]
    heads = [h.value for h in at.subheader]
    assert heads == ["วิสัยทัศน์ (Vision) · 4/4 ขั้นตอน", "เป้าหมายร่วม (KRA) · 3/3 ขั้นตอน",
                     "ตัวชี้วัด (KPI) · 3/3 ขั้นตอน", "ดำเนินกิจกรรม (ACT) · 0/3 ขั้นตอน",
                     "สะท้อนผล (Reflection) · 0/3 ขั้นตอน"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["เสร็จแล้ว"] == "10/16 ขั้นตอน" and metrics["ขั้นตอนที่ล่าช้า"] == "1"


def test_the_late_step_4_3_is_marked_late_with_its_buddhist_era_due_date(run_page, store):
    at = run_page(PAGE)
    act = stage_tables(at)[3]
    assert act["4.3"]["status"] == "ล่าช้า" and act["4.3"]["due"] == "15 มิ.ย. 2566" and late_rows(at)[3] == [
        False, False, False, True]
    assert act["4.1"]["status"] == "กำลังดำเนินการ" and act["4.1"]["evidence"] == "เปิดหลักฐาน"
    assert act["4.3"]["evidence"] == "" and act["4.3"]["links"] == "0"  # no evidence: blank, never "None"
    assert 'href="https://demo.sujarit.example/fy2566/evidence/ev-09.pdf"' in "".join(h.proto.body for h in at.get("html"))
    assert act["4.3"]["title"].startswith("สรุปผลข้อมูลที่เก็บได้ทุกครั้ง") and "ล่าช้า 1 ขั้นตอน" in page_text(at)


def test_the_stage_bars_stack_the_real_counts(run_page, store):
    at = run_page(PAGE)
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    by_name = {b["name"]: dict(zip(b["y"], b["x"], strict=True)) for b in bars}
    assert by_name["เสร็จแล้ว"]["วิสัยทัศน์ (Vision)"] == 4 and by_name["ล่าช้า"]["ดำเนินกิจกรรม (ACT)"] == 1
    assert by_name["ยังไม่เริ่ม"]["สะท้อนผล (Reflection)"] == 2


def test_filtering_by_late_and_by_owner_narrows_the_rows(run_page, store):
    at = run_page(PAGE)
    at.multiselect(key="tracker_status").select("late").run()
    assert steps_shown(at) == ["4.3"]
    at.multiselect(key="tracker_status").unselect("late").run()
    at.multiselect(key="tracker_owner").select("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา").run()
    assert_clean(at)
    assert steps_shown(at) == ["1.1", "1.4", "3.3"]
    assert {m.label: m.value for m in at.metric}["ขั้นตอนที่แสดง"] == "3"


def test_tracker_follows_a_step_finished_in_the_sheet(run_page, store):
    store.update("de_steps", "step-4.3", {"status": "เสร็จแล้ว", "done_on": "๒๙ มิ.ย. ๒๕๖๖"})
    at = run_page(PAGE)
    assert "ดำเนินกิจกรรม (ACT) · 1/3 ขั้นตอน" in [h.value for h in at.subheader]
    act = stage_tables(at)[3]
    assert act["4.3"]["status"] == "เสร็จแล้ว" and act["4.3"]["done"] == "29 มิ.ย. 2566"
    assert {m.label: m.value for m in at.metric}["ขั้นตอนที่ล่าช้า"] == "0"


def test_tracker_in_english_uses_ce_dates(run_page, store):
    at = run_page(PAGE, "en")
    assert_clean(at)
    act = stage_tables(at)[3]
    assert act["4.3"]["status"] == "late" and act["4.3"]["due"] == "15 Jun 2023"


def test_a_new_year_without_steps_says_which_tab_to_fill(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page(PAGE)
    assert_clean(at)
    assert "เพิ่มในแท็บ «ขั้นตอน DE»" in page_text(at) and not tables(at)
