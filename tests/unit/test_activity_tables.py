"""Screen text of the Activities and Budget pages: escaped sheet text, warnings, and the localized tables."""

from datetime import date

from de_core.activities.budget import budget_view
from de_core.activities.quarters import quarter_spread
from de_core.activities.tables import (
    alert_messages,
    budget_table,
    detail_tables,
    md_escape,
    pace_message,
    problems_table,
    quarters_line,
    spread_messages,
    spread_ok,
)
from de_core.activities.timeline import STATUSES, build_timeline
from de_core.activities.view import activities_view
from de_core.display.i18n import STRINGS
from tests.unit.activity_fixtures import activity, workbook_of


def test_md_escape_makes_links_emphasis_and_html_inert():
    assert md_escape("[x](https://e.example) **b** <i>") == (
        "\\[x\\]\\(\u2060https\\://e\\.example\\) \\*\\*b\\*\\* \\<i\\>")
    assert md_escape(None) == ""


def test_every_status_warning_problem_and_alert_kind_has_both_languages():
    kinds = [f"activities.status_{s}" for s in STATUSES]
    kinds += [f"activities.warn_{k}" for k in ("crowded_activities", "crowded_budget", "no_budget", "gap", "no_dates")]
    kinds += [f"activities.problem_{k}" for k in ("missing", "reversed", "actual_reversed", "outside_year",
                                                   "unreadable")]
    kinds += [f"budget.alert_{k}" for k in ("overspent", "spent_without_budget", "unplanned_expense",
                                            "over_allocation", "spent_over_allocation", "off_curve")]
    kinds += [f"activities.q{q}" for q in (1, 2, 3, 4)]
    assert [k for k in kinds if k not in STRINGS] == []


def test_crowded_quarter_sentence_names_the_quarter_share_and_activities():
    wb = workbook_of(activities=[activity("a1", "ก.ค. - ก.ย. 2566", "900", title="อบรม [ลิงก์](x)"),
                                 activity("a2", "ต.ค. 2565")])
    spread = quarter_spread(wb.rows("activities", 2566), 2566)
    levels, messages = zip(*spread_messages(spread, "th"), strict=True)
    assert messages[0].startswith("ไตรมาส 4 (ก.ค.–ก.ย.) มีกิจกรรม 75% ของทั้งปี")
    assert r"อบรม \[ลิงก์\]\(x\)" in messages[0]
    assert any(m == "ไตรมาส 2 (ม.ค.–มี.ค.) ไม่มีกิจกรรมเลย" for m in messages)
    assert ("info", "ไตรมาส 1 (ต.ค.–ธ.ค.) มีกิจกรรม 1 รายการ (2 กิจกรรม a2) แต่ไม่มีงบประมาณตามแผน") in zip(
        levels, messages, strict=True)
    assert spread_ok(spread, "th") is None  # a crowded quarter: no good news


def test_the_demo_quarters_are_said_as_they_are_not_as_spread_everywhere(demo_wb):
    spread = quarter_spread(demo_wb.rows("activities", 2566), 2566)
    assert quarters_line(spread, "th") == ("งบตามแผนรายไตรมาส: 0 บาท / 2,500 บาท / 23,750 บาท / 23,750 บาท · "
                                           "กิจกรรม-เดือน: 4 / 2 / 5 / 6")
    assert [level for level, _ in spread_messages(spread, "en")] == ["info"]
    assert spread_messages(spread, "en")[0][1].startswith("Q1 (Oct–Dec) has 3 activities (1 ")
    assert spread_ok(spread, "en") == "No quarter holds more than half of the year's activities or budget"


def test_the_burn_line_s_place_against_the_cumulative_plan_is_said_in_words(demo_wb, today):
    pace = budget_view(demo_wb, 2566, today).pace
    assert (pace.month, pace.planned, pace.spent, pace.ahead) == ((2023, 6), 26250, 35610, 9360)
    level, text = pace_message(pace, "en")
    assert level == "warning" and text == ("Spending is ahead of plan: ฿35,610 spent to the end of Jun 2023 against "
                                           "฿26,250 planned by then (฿9,360 ahead)")
    assert pace_message(budget_view(demo_wb, 2566, date(2023, 1, 31)).pace, "th") is None  # nothing planned or spent
    assert pace_message(budget_view(demo_wb, 2566, date(2023, 2, 28)).pace, "th") == ("warning", (
        "ใช้จ่ายเร็วกว่าแผน: ถึงสิ้น ก.พ. 2566 ใช้ไปแล้ว 2,100 บาท ขณะที่แผนสะสมถึงเดือนนี้ 1,250 บาท (เกินแผน 850 บาท)"))


def test_budget_table_shows_baht_with_separators_and_no_budget_rows(demo_wb, today):
    table = budget_table(budget_view(demo_wb, 2566, today).summary, "th")
    assert table["ตามแผน"].tolist()[3:5] == ["10,000 บาท", "40,000 บาท"]
    assert table["ใช้จริง"].tolist()[4] == "29,190 บาท" and table["คงเหลือ"].tolist()[4] == "10,810 บาท"
    assert table["หมายเหตุ"].tolist() == ["ไม่ใช้งบประมาณ"] * 3 + ["", "", "ไม่ใช้งบประมาณ"]


def test_alert_sentences_carry_amounts_in_baht():
    wb = workbook_of(activities=[activity("a1", "ม.ค. 2566", "100")],
                     expenses=[{"id": "e1", "activity_id": "a1", "spent_on": "1/1/2566", "item": "x", "amount": "1,100"}])
    alerts = budget_view(wb, 2566, date(2023, 6, 30)).alerts
    assert alert_messages(alerts, "en") == ["1 กิจกรรม a1: spent ฿1,000 more than planned"]


def test_problem_and_detail_tables_use_the_selected_language(demo_wb, schema, today):
    wb = workbook_of(activities=[activity("a1", "เดือนหน้า")])
    table = problems_table(build_timeline(wb, 2566, today).problems, "en")
    assert table.to_dict("records") == [{"Activity": "1 กิจกรรม a1", "Problem": "A date cannot be read (see Data health)",
                                         "Cells to fix": "F2"}]
    tables = detail_tables(activities_view(demo_wb, 2566, today).detail("act-5"), schema, "th")
    assert len(tables["children"]) == 11 and tables["children"]["สถานะ"].tolist()[4] == "ล่าช้า"
    assert tables["expenses"]["จำนวนเงิน"].tolist()[-1] == "3,600 บาท"
    assert tables["kpis"]["บรรลุ"].tolist() == ["ยังไม่มีผลการวัด", "ยังไม่บรรลุ", "ยังไม่บรรลุ"]
    assert "รหัส KPI" not in tables["kpis"] and "รหัสกิจกรรม" not in tables["expenses"]  # no ids where people read
    assert tables["expenses"]["กิจกรรม"].tolist()[-1].startswith("5.6 อบรมเชิงปฏิบัติการ")
    assert tables["reflections"]["กลุ่มผู้เขียน"].tolist()[0] == "ศึกษานิเทศก์"
