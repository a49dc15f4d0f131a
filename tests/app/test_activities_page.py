"""The Activities page: Gantt on BE months with the as-of line, quarter spread from the seed's months, detail."""

import json

from tests.app.conftest import assert_clean, page_text
from tests.app.htmlblocks import tables

PAGE = "pages/activities.py"


def _charts(at):
    """Each plotly chart's figure JSON, parsed, and as readable text (Thai and <br> unescaped)."""
    return [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("plotly_chart")]


def test_activities_page_charts_the_seed_activities_with_the_late_one_flagged(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "กิจกรรมและไทม์ไลน์" in text and "ล่าช้ากว่าแผน 1 กิจกรรม" in text
    gantt, quarters = _charts(at)
    assert "ต.ค.<br>2565" in gantt and "2023-06-30" in gantt and "ล่าช้า" in gantt
    assert "5.5 การกลั่นกรองรายงานตัวชี้วัด ITA Online" in gantt
    assert "2,500 บาท" in quarters and "23,750 บาท" in quarters
    assert "กิจกรรมและงบประมาณกระจายทั่วทุกไตรมาส" not in text  # Q1 holds activities but no budget: said so
    assert "ไตรมาส 1 (ต.ค.–ธ.ค.) มีกิจกรรม 3 รายการ" in text and "แต่ไม่มีงบประมาณตามแผน" in text
    assert "ไม่มีไตรมาสใดมีกิจกรรมหรืองบประมาณเกินครึ่งหนึ่งของทั้งปี" in text
    assert "KPI: สำนักงานฯ 1, ผู้บริหาร 4" in gantt and "kpi-" not in gantt  # KPIs named by group and number


def test_activity_detail_shows_sub_activities_budget_expenses_and_reflections(run_page, store):
    at = run_page(PAGE)
    at.selectbox(key="act_detail").select("act-5").run()
    assert_clean(at)
    text = page_text(at)
    assert "ตามแผน\n40,000 บาท" in text and "ใช้จริง\n29,190 บาท" in text and "คงเหลือ\n10,810 บาท" in text
    assert "ประชุมคณะกรรมการกลั่นกรองรายงานตัวชี้วัด ITA Online" in text
    assert "3,600 บาท" in text and "kpi-office-1" not in text and "act-5" not in text  # named, never by id
    expenses = next(tb for tb in tables(at) if tb[0][-1] == "กิจกรรม" and "จำนวนเงิน" in tb[0])
    assert ["16 มิ.ย. 2566", "3,600 บาท"] == [expenses[-1][0], expenses[-1][2]] and expenses[-1][3].startswith("5.6 ")
    assert "บันทึกการประชุมคณะกรรมการกลั่นกรองรายงานตัวชี้วัด ITA Online" in text
    assert "อบรมเสริมสร้างจริยธรรมมีผู้เข้าร่วม ๕๒ จาก ๖๐ คน" in text


def test_activity_detail_follows_a_changed_budget_and_a_new_expense(run_page, store):
    store.update("activities", "act-5", {"budget": "๔๕,๐๐๐ บาท"})
    store.append("expenses", [{"id": "exp-99", "fiscal_year": "2566", "activity_id": "act-5-07",
                               "spent_on": "12/07/2566", "item": "ค่าอาหารว่าง", "amount": "1,200 บาท"}])
    at = run_page(PAGE)
    at.selectbox(key="act_detail").select("act-5").run()
    text = page_text(at)
    assert "ตามแผน\n45,000 บาท" in text and "ใช้จริง\n30,390 บาท" in text
    assert "26,250 บาท" in _charts(at)[1]  # Q3 and Q4: 22,500 of act-5 + 3,750 of act-4


def test_filters_narrow_the_gantt_to_the_late_activity(run_page, store):
    at = run_page(PAGE)
    at.multiselect(key="act_status").select("late").run()
    assert_clean(at)
    gantt = _charts(at)[0]
    assert "5.5 การกลั่นกรอง" in gantt and "5.4 การประชุม" not in gantt


def test_a_crowded_quarter_warns_and_bad_dates_are_listed_not_fatal(run_page, store):
    store.update("activities", "act-4", {"period": "ก.ค. - ก.ย. ๒๕๖๖", "planned_start": "", "planned_end": ""})
    store.update("activities", "act-6", {"period": "เดือนหน้า"})
    store.update("activities", "act-3", {"period": ""})
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "ไตรมาส 4 (ก.ค.–ก.ย.) ใช้งบประมาณตามแผน" in text
    assert "3 สรุปผล" not in text and "อ่านวันที่ไม่ได้" in text and "ไม่มีระยะเวลาหรือวันที่ตามแผน" in text
    assert "ยังไม่มีวันที่" in text


def test_activities_page_in_english_uses_ce_months(run_page, store):
    at = run_page(PAGE, "en")
    assert_clean(at)
    gantt = _charts(at)[0]
    assert "Oct<br>2022" in gantt and "late" in gantt
    assert "1 activity behind plan" in page_text(at)


def test_a_year_without_activities_says_which_tab_to_fill(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page(PAGE)
    assert_clean(at)
    assert "ยังไม่มีกิจกรรมของปีนี้" in page_text(at)
