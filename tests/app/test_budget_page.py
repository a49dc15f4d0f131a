"""The Budget page: the seed's 50,000 baht, spend per activity, burn against the plan, and the coverage gap."""

import json
import re

from tests.app.conftest import assert_clean, page_text
from tests.app.htmlblocks import records, tables

PAGE = "pages/budget.py"


def figures(at) -> dict[str, str]:
    """The page's labelled figures (HTML: label over value)."""
    found = {}
    for h in at.get("html"):
        for label, value in re.findall(r'sj-fig-label">([^<]*)</div><div class="sj-fig-value">([^<]*)<', h.proto.body):
            found[label] = value
    return found


def _charts(at):
    return [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("plotly_chart")]


def test_budget_page_shows_allocation_planned_spent_and_remaining(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    assert figures(at) == {"ได้รับจัดสรร": "50,000 บาท", "ตามแผน": "50,000 บาท", "ใช้จริง": "35,610 บาท",
                           "คงเหลือ": "14,390 บาท"}
    text = page_text(at)
    assert "10,000 บาท" in text and "40,000 บาท" in text and "29,190 บาท" in text and "6,420 บาท" in text
    notes = [r["หมายเหตุ"] for r in records(tables(at)[0])]
    assert notes == ["ไม่ใช้งบประมาณ", "ไม่ใช้งบประมาณ", "ไม่ใช้งบประมาณ", "", "", "ไม่ใช้งบประมาณ"]  # whole, never cut
    assert not at.dataframe


def test_budget_page_says_spending_is_ahead_of_the_cumulative_plan(run_page, store):
    at = run_page(PAGE)
    assert [w.value for w in at.warning][0:1] == [
        "ใช้จ่ายเร็วกว่าแผน: ถึงสิ้น มิ.ย. 2566 ใช้ไปแล้ว 35,610 บาท ขณะที่แผนสะสมถึงเดือนนี้ 26,250 บาท (เกินแผน 9,360 บาท)"]
    assert "ไม่มีการใช้จ่ายเกินแผนหรือนอกแผน" not in page_text(at)  # no all-clear beside a warning


def test_budget_page_says_what_the_quarters_hold(run_page, store):
    text = page_text(run_page(PAGE))
    assert "งบตามแผนรายไตรมาส: 0 บาท / 2,500 บาท / 23,750 บาท / 23,750 บาท · กิจกรรม-เดือน: 4 / 2 / 5 / 6" in text
    assert "ไตรมาส 1 (ต.ค.–ธ.ค.) มีกิจกรรม 3 รายการ (1 สังเคราะห์" in text and "แต่ไม่มีงบประมาณตามแผน" in text


def test_spending_behind_the_plan_is_said_under_the_burn_line_not_as_an_alert(run_page, store):
    store.update("activities", "act-5", {"budget": "๖๐,๐๐๐ บาท"})
    at = run_page(PAGE)
    assert not [w for w in at.warning if "เร็วกว่าแผน" in w.value]
    assert any("ถึงสิ้น มิ.ย. 2566 ใช้ไปแล้ว 35,610 บาท จากแผนสะสม" in c.value for c in at.caption)


def test_burn_and_coverage_charts_carry_the_demo_figures(run_page, store):
    at = run_page(PAGE)
    bars, burn, heat = _charts(at)
    assert "35,610 บาท" in burn and "50,000 บาท" in burn and "ต.ค.<br>2565" in burn
    assert "ช่องว่าง" in heat and "อยู่อย่างพอเพียง" in heat
    assert "ช่องว่าง: อยู่อย่างพอเพียง × การสร้างเครือข่าย" in page_text(at)


def test_an_overspend_and_an_unplanned_expense_raise_alerts(run_page, store):
    store.append("expenses", [
        {"id": "exp-98", "fiscal_year": "2566", "activity_id": "act-4-02", "spent_on": "20/06/2566",
         "item": "ค่าเช่ารถ", "amount": "๕,๐๐๐ บาท"},
        {"id": "exp-99", "fiscal_year": "2566", "activity_id": "act-9", "spent_on": "21/06/2566",
         "item": "ค่าป้าย", "amount": "700"},
    ])
    at = run_page(PAGE)
    assert_clean(at)
    warnings = [w.value for w in at.warning]
    assert any("ใช้จ่ายเกินแผน 1,420 บาท" in w for w in warnings)
    assert any("ค่าป้าย" in w and "700 บาท" in w and "act\\-9" in w for w in warnings)  # an error may name the id
    assert figures(at)["ใช้จริง"] == "41,310 บาท"


def test_a_tag_filling_the_gap_removes_it(run_page, store):
    store.update("activities", "act-6", {"characteristics": "อยู่อย่างพอเพียง"})
    at = run_page(PAGE)
    assert "ครอบคลุมครบทุกคู่" in page_text(at)


def test_budget_page_in_english(run_page, store):
    at = run_page(PAGE, "en")
    assert_clean(at)
    text = page_text(at)
    assert "฿35,610" in text and "No budget" in text and "Gaps: Sufficiency × Build networks" in text


def test_a_year_with_nothing_entered_says_what_to_fill(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "ยังไม่ได้กรอกงบประมาณที่ได้รับจัดสรร" in text and "ยังไม่มีกิจกรรมหรือค่าใช้จ่ายของปีนี้" in text


def test_budget_page_counts_the_harvested_outcomes_per_cell_and_names_out_03_in_the_gap(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert ("ผลลัพธ์ในช่องว่าง «อยู่อย่างพอเพียง × การสร้างเครือข่าย» (ไม่มีกิจกรรมใดครอบคลุม): "
            "ผู้รับผิดชอบโครงการของเขตพื้นที่การศึกษาอื่นในเครือข่าย — ขอชุดความรู้และคลิปบันทึกการอบรมไปใช้ต่อ") in text
    assert "ผลลัพธ์ที่เก็บเกี่ยวในแต่ละช่อง: มีวินัย × การปลูกฝัง 2, อยู่อย่างพอเพียง × การสร้างเครือข่าย 1" in text
    (heat,) = [c for c in _charts(at) if '"heatmap"' in c]
    assert "ช่องว่าง · สะท้อนผล 0<br>ผลลัพธ์ 1" in heat
    assert [(p.proto.page, p.proto.label) for p in at.get("page_link")] == [
        ("harvested-outcomes", "ผลลัพธ์ที่เก็บเกี่ยวทั้งหมด")]
