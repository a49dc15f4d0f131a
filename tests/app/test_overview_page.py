"""The Overview shows the seed's real figures, and follows the data when the sheet changes. Rows of figures are
bullet graphs (DE stages, KRA groups, the budget), the late list a table that shows item and owner whole."""

import json
import re

from tests.app.conftest import assert_clean, page_text
from tests.app.htmlblocks import bullets, tables

STAGES = ("วิสัยทัศน์ (Vision)", "เป้าหมายร่วม (KRA)", "ตัวชี้วัด (KPI)", "ดำเนินกิจกรรม (ACT)", "สะท้อนผล (Reflection)")


def due_rows(at) -> list[list[str]]:
    """The late / due table's rows (no header): item (kind, number, due date under it), owner, status."""
    (due,) = [t for t in tables(at) if t and t[0][:2] in (["รายการ", "ผู้รับผิดชอบ"], ["Item", "Owner"])]
    return due[1:]


def charts(at) -> dict[str, dict]:
    """The page's plotly figures by widget key (the key ends the element id)."""
    return {c.proto.id.split("-", 2)[2]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def test_overview_shows_the_seed_allocation_and_planned_budget(run_page, store):
    at = run_page()
    assert_clean(at)
    text = page_text(at)
    assert "50,000 บาท" in text
    assert "ปีงบประมาณ พ.ศ. 2566" in text
    assert "30 มิ.ย. 2566" in text
    spent = bullets(at)["ใช้จริง"]
    assert spent.value == "35,610 บาท จาก 50,000 บาท (71%)" and spent.bar == 71.22
    assert "คงเหลือ\n14,390 บาท" in text and "ov_budget" not in charts(at)  # a bullet graph, not a gauge


def test_overview_says_spending_is_ahead_of_the_plan_to_date(run_page, store):
    spent = bullets(run_page())["ใช้จริง"]
    assert spent.note == "แผนสะสมถึงสิ้น มิ.ย. 2566: 26,250 บาท" and spent.mark == 52.5 and spent.tone == "warn"


def test_overview_counts_steps_per_stage_and_kpis_per_group_as_bullet_graphs(run_page, store):
    at = run_page()
    seen = bullets(at)
    assert [seen[s].value for s in STAGES] == ["4/4 ขั้นตอน", "3/3 ขั้นตอน", "3/3 ขั้นตอน", "0/3 ขั้นตอน", "0/3 ขั้นตอน"]
    act = seen["ดำเนินกิจกรรม (ACT)"]
    assert act.note == "ล่าช้า 1 ขั้นตอน" and act.bar == 0 and round(act.mark) == 33  # 1 of 3 steps due by now
    groups = [seen[g] for g in ("สำนักงานฯ", "ผู้บริหาร", "ศึกษานิเทศก์", "บุคลากร")]
    assert [g.value for g in groups] == ["0/1 (0%)", "3/5 (60%)", "2/5 (40%)", "1/3 (33%)"]
    assert groups[1].bar == 60 and groups[1].mark == 100 and not at.get("plotly_chart")  # no gauges for rows


def test_overview_shows_last_year_s_ita_while_this_year_has_no_iit_or_eit_result_yet(run_page, store):
    at = run_page()
    assert_clean(at)
    text = page_text(at)
    assert "ov_ita" not in charts(at) and "ITA ปีงบประมาณ 2565 (ผลล่าสุด)\n86.17 ระดับ A" in text
    assert "ขาดอีก 8.83 คะแนนถึง AA" in text and "ปี 2566 ยังไม่มีคะแนนรวม" in text


def test_overview_shows_the_ita_gauge_in_band_colours_and_the_points_to_aa(run_page, store):
    store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "96.00"})
    at = run_page()
    ita = charts(at)["ov_ita"]["data"][0]
    assert ita["value"] == 93.47 and ita["mode"] == "gauge+number" and ita["gauge"]["threshold"]["value"] == 95
    assert "ระดับ A" in ita["title"]["text"] and len(ita["gauge"]["steps"]) == 7
    assert "ขาดอีก 1.53 คะแนนถึง AA" in page_text(at)


def test_overview_lists_step_4_3_activity_5_5_and_the_late_adaptation_as_late(run_page, store):
    at = run_page()
    (step, activity, adaptation, due) = due_rows(at)
    assert step == ["สรุปผลข้อมูลที่เก็บได้ทุกครั้งในการดำเนินกิจกรรมแต่ละครั้งเพื่อสะท้อนผลในการดำเนินงานกิจกรรมต่อไป"
                    " · ขั้นตอน DE 4.3 · กำหนด 15 มิ.ย. 2566", "ศึกษานิเทศก์ผู้รับผิดชอบโครงการ", "ล่าช้า 15 วัน"]
    assert activity[0].endswith("กิจกรรม 5.5 · กำหนด 23 มิ.ย. 2566") and activity[2] == "ล่าช้า 7 วัน"
    assert adaptation[0] == "เลื่อนการชี้แจงผู้ประเมิน IIT ขึ้นมาทำปลายเดือน มิ.ย. · การปรับเปลี่ยน · กำหนด 23 มิ.ย. 2566"
    assert adaptation[2] == "ล่าช้า 7 วัน" and due[0].endswith("การปรับเปลี่ยน · กำหนด 30 มิ.ย. 2566")
    assert "ล่าช้า 3 · ครบกำหนดเดือนนี้ 1" in page_text(at) and not at.dataframe


def test_overview_follows_a_changed_budget_and_step_status(run_page, store):
    store.update("activities", "act-5", {"budget": "๔๕,๐๐๐ บาท"})
    store.update("de_steps", "step-5.3", {"status": "เสร็จแล้ว"})
    at = run_page()
    assert "ตามแผน\n55,000 บาท" in page_text(at)
    assert bullets(at)["สะท้อนผล (Reflection)"].value == "1/3 ขั้นตอน"


def test_overview_follows_a_finished_step_and_a_better_oit_score(run_page, store):
    store.update("de_steps", "step-4.3", {"status": "เสร็จแล้ว", "done_on": "29/06/2566"})
    store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "100"})
    at = run_page()
    assert_clean(at)
    assert [row[0].split(" · ")[1] for row in due_rows(at)] == ["กิจกรรม 5.5", "การปรับเปลี่ยน", "การปรับเปลี่ยน"]
    assert charts(at)["ov_ita"]["data"][0]["value"] == 95.07
    assert "ถึงระดับ AA แล้ว" in page_text(at)


def test_overview_in_english_uses_english_labels_and_ce_dates(run_page, store):
    at = run_page(lang="en")
    assert_clean(at)
    text = page_text(at)
    assert "Project overview" in text and "30 Jun 2023" in text and "฿50,000" in text
    assert "ITA, FY2565 (latest result)\n86.17 level A" in text and due_rows(at)[0][2] == "15 days late"
    assert bullets(at)["ACT"].note == "1 step late" and bullets(at)["Executives"].value == "3/5 (60%)"


def test_new_fiscal_year_with_nothing_entered_shows_what_to_enter(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE",
                               "allocation": "50,000"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page()
    assert_clean(at)
    text = page_text(at)
    assert "ยังไม่มีขั้นตอน DE ของปีนี้" in text and "ยังไม่มีตัวชี้วัดของปีนี้" in text
    assert "ยังไม่มีคะแนน ITA ปี 2567" in text and "ITA ปีงบประมาณ 2565 (ผลล่าสุด)\n86.17 ระดับ A" in text
    assert "ไม่มีงานล่าช้า" in text and "บันทึกในแท็บ «สะท้อนผล»" in text
    assert set(charts(at)) == set() and bullets(at)["ใช้จริง"].value == "0 บาท จาก 50,000 บาท (0%)"


def test_a_long_late_list_shows_its_first_ten_and_says_how_many_more_and_where(run_page, store):
    store.append("de_steps", [{"id": f"step-9.{i}", "fiscal_year": "2566", "stage": "ดำเนินกิจกรรม (ACT)",
                               "step_no": f"9.{i}", "title": f"ขั้นตอนทดสอบ {i}", "status": "กำลังดำเนินการ",
                               "due_on": f"{i}/05/2566"} for i in range(1, 13)])
    at = run_page()
    assert_clean(at)
    due = due_rows(at)
    assert len(due) == 10 and [row[0].split(" · ")[0] for row in due[:3]] == [f"ขั้นตอนทดสอบ {i}" for i in (1, 2, 3)]
    assert "ล่าช้า 15 · ครบกำหนดเดือนนี้ 1" in page_text(at)  # 12 steps, step 4.3, activity 5.5, adaptation 4
    assert "และอีก 6 รายการ" in page_text(at)


def test_the_office_name_from_the_sheet_is_shown_as_typed_never_as_markdown(run_page, store):
    hostile = "![x](http://evil.example/x.png) **แดง** :red[ด่วน] $x^2$ <b>b</b>"
    sid = next(r[0] for r in store.read_all().tabs["ตั้งค่า"].rows[1:] if r and r[0])
    store.update("settings", sid, {"office_name": hostile})
    at = run_page()
    assert_clean(at)
    (caption,) = [c.value for c in at.caption if "evil" in c.value]
    office = caption.split(" · ")[0]
    unescaped = re.findall(r"(?<!\\)[!\[\]()*:$<>]", office)  # a Markdown character without its backslash
    shown = office.replace("\\", "").replace("\u2060", "")  # the joiner that keeps a link from being autolinked
    assert not unescaped and shown == hostile, office


def test_overview_shows_the_de_loop_in_one_line_of_figures_with_the_way_to_the_adaptation_log(run_page, store):
    at = run_page("pages/overview.py")
    assert_clean(at)
    (loop,) = [h.proto.body for h in at.get("html") if "ปรับแล้วปีนี้" in h.proto.body]
    found = dict(re.findall(r'sj-fig-label">([^<]*)</div><div class="sj-fig-value">([^<]*)<', loop))
    assert found == {"กำลังปรับ": "4", "ปรับล่าช้า": "1", "ปรับแล้วปีนี้": "4", "สะท้อนผลที่นำไปปรับ": "7 จาก 8"}
    assert "sj-figs-box" in loop  # figures that wrap: two to a row on a phone
    assert ("adaptation-log", "บันทึกการปรับเปลี่ยน") in [(p.proto.page, p.proto.label) for p in at.get("page_link")]
    english = run_page("pages/overview.py", lang="en")
    assert "Reflections adapted" in page_text(english) and "7 of 8" in page_text(english)
