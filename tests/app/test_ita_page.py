"""The ITA page shows the demo's real figures, follows changed data, and never dies on bad ITA data."""

from __future__ import annotations

import json

from tests.app.conftest import assert_clean, page_text
from tests.app.htmlblocks import tables
from tests.unit.itadata import RESULTS_2566

PAGE = "pages/ita.py"


def _metrics(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta or "") for m in at.metric}


def _results_in(store) -> None:
    """The FY2566 results as they could read after the assessment (the demo, as of 30 มิ.ย. 2566, has no IIT or EIT)."""
    store.update("ita_scores", "ita-2566", RESULTS_2566)


def _table(at, column: str) -> dict[str, list[str]]:
    """The page's HTML table that has this column, as {header: its cells}."""
    found = next(tb for tb in tables(at) if column in tb[0])
    return {h: [row[i] for row in found[1:]] for i, h in enumerate(found[0])}


def test_demo_year_has_its_self_assessed_oit_only_and_says_why_there_is_no_total(run_page, store):
    at = run_page(PAGE)  # as of 30 มิ.ย. 2566 no IIT or EIT result exists yet
    assert_clean(at)
    metrics = _metrics(at)
    assert metrics["IIT · 30%"][0] == "–" and metrics["OIT · 40%"][0] == "83.72" and metrics["คะแนนรวม"][0] == "–"
    assert "คำนวณคะแนนรวมไม่ได้: ยังไม่มีคะแนนของ IIT, EIT" in page_text(at)
    assert "บอกคะแนน OIT ขั้นต่ำไม่ได้" in page_text(at)


def test_demo_scores_total_band_gap_and_minimum_oit(run_page, store):
    _results_in(store)
    at = run_page(PAGE)
    assert_clean(at)
    metrics = _metrics(at)
    assert metrics["IIT · 30%"][0] == "93.12" and metrics["OIT · 40%"][0] == "96.00"
    assert metrics["คะแนนรวม"] == ("93.47", "ระดับ A")
    assert metrics["ขาดอีก (คะแนน)"][0] == "1.53"
    text = page_text(at)
    assert "ต้องได้ OIT อย่างน้อย 99.81 จึงถึง 95.00" in text
    assert "เพิ่มได้มากที่สุด: EIT (ภายนอก)" in text and "2.87" in text
    assert "AA ≥ 95.00 · A ≥ 85.00 · B ≥ 75.00" in text


def test_demo_checklist_percentages_and_projected_oit(run_page, store):
    at = run_page(PAGE)
    metrics = _metrics(at)
    assert metrics["เผยแพร่แล้ว"] == ("36/43 ข้อ", "83.72%")
    assert metrics["OIT คาดการณ์จากรายการ"] == ("83.72", "OIT ที่กรอก 83.72")
    assert "ตรวจแล้ว 27 · เผยแพร่แล้ว 9 · ร่างแล้ว 4 · ยังไม่เริ่ม 3" in page_text(at)
    groups = _table(at, "จำนวนข้อ")
    assert list(groups["ร้อยละ"]) == ["100.0%", "62.5%", "100.0%", "75.0%", "75.0%", "75.0%", "100.0%"]
    items = _table(at, "ลิงก์บนเว็บไซต์")
    assert len(items["ข้อ"]) == 43 and set(items["ข้อสังเกต"]) == {""} and not at.dataframe
    assert items["ผู้ตรวจ"][0] == "คณะกรรมการกลั่นกรองรายงานตัวชี้วัด ITA Online"  # whole, never cut
    assert items["ลิงก์บนเว็บไซต์"][0] == "เปิดลิงก์"


def test_history_chart_has_the_aa_and_pass_lines_and_the_national_average(run_page, store):
    at = run_page(PAGE)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert sorted(s["y0"] for s in spec["layout"]["shapes"]) == [85, 95]
    assert spec["data"][0]["y"] == [86.17, None] and "text" not in spec["data"][0]["mode"]  # no label on the points
    assert spec["data"][-1]["name"] == "ค่าเฉลี่ยประเทศ" and spec["data"][-1]["line"]["dash"] == "dash"


def test_ita_activities_show_beside_the_checklist_with_the_late_screening(run_page, store):
    at = run_page(PAGE)
    acts = _table(at, "กิจกรรม")
    assert list(acts["ที่"])[:3] == ["5", "5.1", "5.2"] and len(acts["ที่"]) == 12
    assert dict(zip(acts["ที่"], acts["สถานะ"], strict=True))["5.5"] == "กำลังดำเนินการ (ล่าช้า)"


def test_what_if_reaches_aa_at_the_minimum_oit_and_not_one_cent_below(run_page, store):
    _results_in(store)
    at = run_page(PAGE)
    at.number_input(key="ita_whatif_oit_2566").set_value(99.81).run()
    assert_clean(at)
    assert _metrics(at)["คะแนนรวมที่ได้"] == ("95.00", "ระดับ AA")
    at.number_input(key="ita_whatif_oit_2566").set_value(99.80).run()
    assert _metrics(at)["คะแนนรวมที่ได้"] == ("94.99", "ระดับ A")


def test_what_if_says_plainly_when_95_is_out_of_reach(run_page, store):
    at = run_page(PAGE, "en")
    at.number_input(key="ita_whatif_iit_2566").set_value(80.0).run()
    at.number_input(key="ita_whatif_eit_2566").set_value(80.0).run()
    text = page_text(at)
    assert "With IIT 80.00 and EIT 80.00, 95.00 is out of reach even with OIT at 100 (it would need 117.49)" in text
    at.button(key="ita_whatif_reset").click().run()
    assert at.number_input(key="ita_whatif_iit_2566").value is None  # no IIT yet on 30 มิ.ย. 2566
    assert at.number_input(key="ita_whatif_oit_2566").value == 83.72


def test_page_in_english(run_page, store):
    at = run_page(PAGE, "en")
    assert_clean(at)
    text = page_text(at)
    assert "ITA: the road to level AA" in text and "Figures as of 30 Jun 2023" in text
    assert _metrics(at)["Total"] == ("–", "Level –")
    assert "The total cannot be computed: no readable score for IIT, EIT yet" in text


def test_page_follows_a_changed_score_and_a_checked_item(run_page, store):
    store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "98.00"})
    store.update("oit_items", "oit-2566-O12", {"status": "ตรวจแล้ว", "url": "https://demo.sujarit.example/o12"})
    at = run_page(PAGE)
    assert_clean(at)
    metrics = _metrics(at)
    assert metrics["คะแนนรวม"] == ("94.27", "ระดับ A") and metrics["ขาดอีก (คะแนน)"][0] == "0.73"
    assert metrics["เผยแพร่แล้ว"] == ("37/43 ข้อ", "86.05%")


def test_official_total_difference_is_shown(run_page, store):
    store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "96.00", "official_total": "93.50"})
    at = run_page(PAGE)
    assert _metrics(at)["ผลที่ประกาศ"][0] == "93.50"
    assert "ต่างจากที่คำนวณ +0.03" in page_text(at)


def test_bad_weights_and_a_bad_score_still_show_what_is_valid(run_page, store):
    _results_in(store)
    store.update("ita_weights", "w-2566-oit", {"weight": "30%"})
    store.update("ita_scores", "ita-2566", {"iit": "193.12"})
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "รวมได้ 90 ไม่ใช่ 100" in text and "คำนวณคะแนนรวมไม่ได้" in text
    assert _metrics(at)["IIT · 30%"][0] == "93.12"  # the mean of the five IIT indicators takes over
    assert _metrics(at)["เผยแพร่แล้ว"] == ("36/43 ข้อ", "83.72%")


def test_ita_problems_are_listed_in_data_health_with_their_cells(run_page, store):
    store.update("ita_weights", "w-2566-oit", {"weight": "30%"})
    store.update("oit_items", "oit-2566-O16", {"url": ""})
    store.append("oit_items", [{"id": "oit-2566-dup", "fiscal_year": "2566", "code": "O5", "title": "ซ้ำ",
                                "group": "9.1", "status": "ร่างแล้ว"}])
    at = run_page("pages/data_health.py")
    assert_clean(at)
    table = at.dataframe[0].value
    cells = set(zip(table["แท็บ"], table["ช่อง"], strict=True))
    assert {("น้ำหนัก ITA", "D5:D7"), ("รายการ OIT", "G17"), ("รายการ OIT", "C45")} <= cells


def test_duplicate_code_and_missing_link_are_flagged_on_the_page(run_page, store):
    store.update("oit_items", "oit-2566-O16", {"url": ""})
    store.append("oit_items", [{"id": "oit-2566-dup", "fiscal_year": "2566", "code": "O5", "title": "ซ้ำ",
                                "group": "9.1", "status": "ร่างแล้ว"}])
    at = run_page(PAGE)
    assert_clean(at)
    assert "1 ข้อยังไม่มีลิงก์ที่ใช้ได้: O16" in page_text(at)
    flags = _table(at, "ลิงก์บนเว็บไซต์")["ข้อสังเกต"]
    assert sorted(f for f in flags if f) == ["ข้อซ้ำกับแถว 6", "ไม่มีลิงก์"]
    assert len(_table(at, "ตำแหน่ง")["ตำแหน่ง"]) == 2


def test_a_new_year_without_a_frame_of_its_own_uses_last_year_s_says_so_and_what_to_enter(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE",
                               "allocation": "50,000"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    store.append("ita_scores", [{"id": "ita-2567", "fiscal_year": "2567", "iit": "95", "eit": "95", "oit": "95"}])
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "ปี 2567 ยังไม่มีกรอบ ITA ของตัวเอง จึงใช้กรอบของปี 2566" in text
    assert "ตรวจกับประกาศของ ป.ป.ช. ปี 2567" in text
    assert "ยังไม่มีรายการ OIT ของปี 2567" in text and "ยังไม่มีกิจกรรมที่เกี่ยวกับ ITA" in text
    assert _metrics(at)["IIT · 30%"][0] == "95.00"
    assert _metrics(at)["คะแนนรวม"][0] == "95.00"


def test_a_year_with_no_ita_scores_shows_where_to_enter_them(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page(PAGE)
    assert_clean(at)
    assert "ยังไม่มีคะแนน ITA ของปี 2567: กรอกที่แท็บ «คะแนน ITA»" in page_text(at)
    assert at.get("plotly_chart"), "the history of earlier years is still drawn"


def test_a_frame_with_a_per_tool_rule_shows_the_capped_level_and_why(run_page, store, tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    from de_core.ita import frames

    example = Path(__file__).parents[1] / "unit" / "fixtures" / "ita_frame_example.toml"  # not the NACC's
    shutil.copy(example, tmp_path / "2566.toml")
    monkeypatch.setattr(frames, "FRAMES_DIR", tmp_path)
    store.update("ita_scores", "ita-2566", {"iit": "100", "eit": "79.99", "oit": "100"})
    store.update("ita_weights", "w-2566-eit", {"weight": "10%"})
    store.update("ita_weights", "w-2566-oit", {"weight": "60%"})
    at = run_page(PAGE)
    assert_clean(at)
    total, band = _metrics(at)["คะแนนรวม"]
    assert total == "98.00" and "A" in band and "AA" not in band
    text = page_text(at)
    assert "คะแนนที่คำนวณได้ 98.00 ถูกจำกัดตามกรอบของปีนี้" in text and "EIT ต่ำกว่า 80.00 จึงให้ระดับไม่เกิน A" in text
