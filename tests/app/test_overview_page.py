"""The Overview shows the seed's real figures, and follows the data when the sheet changes."""

import json
import re

from tests.app.conftest import assert_clean, page_text


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
    budget = charts(at)["ov_budget"]["data"][0]
    assert budget["value"] == 35610 and budget["gauge"]["axis"]["range"] == [0, 50000]
    assert {m.label: m.value for m in at.metric}["คงเหลือ"] == "14,390 บาท"


def test_overview_counts_steps_per_stage_and_kpis_per_group(run_page, store):
    at = run_page()
    metrics = {m.label: m.value for m in at.metric}
    assert [metrics[s] for s in ("วิสัยทัศน์ (Vision)", "เป้าหมายร่วม (KRA)", "ตัวชี้วัด (KPI)", "ดำเนินกิจกรรม (ACT)",
                                 "สะท้อนผล (Reflection)")] == ["4/4", "3/3", "3/3", "0/3", "0/3"]
    assert [m.delta for m in at.metric if m.label == "ดำเนินกิจกรรม (ACT)"] == ["ล่าช้า 1"]
    figures = charts(at)
    titles = [figures[f"ov_group_{g}"]["data"][0]["title"]["text"]
              for g in ("office", "executives", "supervisors", "staff")]
    assert [t.split("บรรลุ ")[1].split(" ")[0] for t in titles] == ["0/1", "3/5", "2/5", "1/3"]
    assert "ผู้บริหาร" in titles[1] and figures["ov_group_executives"]["data"][0]["value"] == 60


def test_overview_shows_last_year_s_ita_while_this_year_has_no_iit_or_eit_result_yet(run_page, store):
    at = run_page()
    assert_clean(at)
    assert "ov_ita" not in charts(at) and "ปีงบประมาณ 2565: 86.17 คะแนน ระดับ A" in page_text(at)


def test_overview_shows_the_ita_gauge_in_band_colours_and_the_points_to_aa(run_page, store):
    store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "96.00"})
    at = run_page()
    ita = charts(at)["ov_ita"]["data"][0]
    assert ita["value"] == 93.47 and ita["delta"]["reference"] == 95 and ita["gauge"]["threshold"]["value"] == 95
    assert "ระดับ A" in ita["title"]["text"] and len(ita["gauge"]["steps"]) == 7
    assert "ขาดอีก 1.53 คะแนนถึง AA" in page_text(at)


def test_overview_lists_step_4_3_and_activity_5_5_as_late(run_page, store):
    at = run_page()
    due = at.dataframe[0].value
    assert list(due["no"]) == ["4.3", "5.5"] and list(due["state"]) == ["ล่าช้า 15 วัน", "ล่าช้า 7 วัน"]
    assert "ล่าช้า 2 · ครบกำหนดเดือนนี้ 0" in page_text(at)


def test_overview_follows_a_changed_budget_and_step_status(run_page, store):
    store.update("activities", "act-5", {"budget": "๔๕,๐๐๐ บาท"})
    store.update("de_steps", "step-5.3", {"status": "เสร็จแล้ว"})
    at = run_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["ตามแผน"] == "55,000 บาท"
    assert metrics["สะท้อนผล (Reflection)"] == "1/3"


def test_overview_follows_a_finished_step_and_a_better_oit_score(run_page, store):
    store.update("de_steps", "step-4.3", {"status": "เสร็จแล้ว", "done_on": "29/06/2566"})
    store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "100"})
    at = run_page()
    assert_clean(at)
    assert list(at.dataframe[0].value["no"]) == ["5.5"]
    assert charts(at)["ov_ita"]["data"][0]["value"] == 95.07
    assert "ถึงระดับ AA แล้ว" in page_text(at)


def test_overview_in_english_uses_english_labels_and_ce_dates(run_page, store):
    at = run_page(lang="en")
    assert_clean(at)
    text = page_text(at)
    assert "Project overview" in text and "30 Jun 2023" in text and "฿50,000" in text
    assert "FY2565: 86.17 points, level A" in text and list(at.dataframe[0].value["state"])[0] == "15 days late"


def test_new_fiscal_year_with_nothing_entered_shows_what_to_enter(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE",
                               "allocation": "50,000"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page()
    assert_clean(at)
    text = page_text(at)
    assert "ยังไม่มีขั้นตอน DE ของปีนี้" in text and "ยังไม่มีตัวชี้วัดของปีนี้" in text
    assert "ยังไม่มีคะแนน ITA ปี 2567" in text and "ปีงบประมาณ 2565: 86.17 คะแนน ระดับ A" in text
    assert "ไม่มีงานล่าช้า" in text and "บันทึกในแท็บ «สะท้อนผล»" in text
    assert set(charts(at)) == {"ov_budget"}


def test_a_long_late_list_shows_its_first_ten_and_says_how_many_more_and_where(run_page, store):
    store.append("de_steps", [{"id": f"step-9.{i}", "fiscal_year": "2566", "stage": "ดำเนินกิจกรรม (ACT)",
                               "step_no": f"9.{i}", "title": f"ขั้นตอนทดสอบ {i}", "status": "กำลังดำเนินการ",
                               "due_on": f"{i}/05/2566"} for i in range(1, 13)])
    at = run_page()
    assert_clean(at)
    due = at.dataframe[0].value
    assert len(due) == 10 and list(due["no"])[:3] == ["9.1", "9.2", "9.3"]
    assert "ล่าช้า 14 · ครบกำหนดเดือนนี้ 0" in page_text(at)
    assert "และอีก 4 รายการ" in page_text(at)


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
