"""The outcome harvesting page (issue #19): everyone reads the year's outcomes, newest first; an editor records one
and sees it in the list; a viewer never gets the form; what was typed stays when the entry cannot be saved yet."""

from __future__ import annotations

from datetime import date

from tests.app.conftest import assert_clean, page_text
from tests.app.formfill import records, submit
from tests.app.htmlblocks import after_field

PAGE = "pages/outcomes.py"
OUTCOME = {
    "observed_on": date(2023, 6, 20), "actor": "คณะกรรมการสถานศึกษาในเครือข่าย",
    "change": "เชิญสำนักงานไปเล่าวิธีเผยแพร่ข้อมูล O1–O43 ให้โรงเรียนฟัง\nและขอแบบฟอร์มไปใช้", "place": "โรงเรียนในสังกัด",
    "significance": "=โรงเรียนเริ่มเผยแพร่ข้อมูลเอง", "contribution": "กิจกรรมที่ ๕ เผยแพร่วิธีทำไว้บนเว็บไซต์",
    "substantiation": "หนังสือเชิญ", "substantiated_by": "ผู้อำนวยการโรงเรียน", "characteristics": ["honesty"],
    "declarations": ["network"], "activity_id": "act-5-09", "kpi_ids": ["kpi-sup-2"],
    "evidence": "https://www.example.go.th/invite.pdf", "note": "บันทึกจากการประชุม",
}
WIDGETS = {"observed_on": "selectbox", "activity_id": "selectbox", "characteristics": "multiselect",
           "declarations": "multiselect", "kpi_ids": "multiselect", "actor": "text_input", "place": "text_input",
           "substantiated_by": "text_input", "note": "text_input"}


def fill(at, values: dict):
    for name, value in values.items():
        getattr(at, WIDGETS.get(name, "text_area"))(key=f"harvest.{name}").set_value(value)
    return at


def test_the_outcomes_page_lists_the_demo_outcomes_newest_first_in_thai(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "ผลลัพธ์ที่เก็บเกี่ยว (Outcome Harvesting)" in text and "3 ผลลัพธ์ ใหม่สุดก่อน" in text
    first, second = text.index("28 มิ.ย. 2566 · เครือข่ายเขตพื้นที่การศึกษาสุจริต"), text.index("26 พ.ค. 2566")
    assert first < second < text.index("15 ก.พ. 2566 · สำนักงานเขตพื้นที่การศึกษา")
    assert "ผู้รับผิดชอบโครงการของเขตพื้นที่การศึกษาอื่นในเครือข่าย" in text
    assert "คุณลักษณะ / ปฏิญญา: อยู่อย่างพอเพียง, การสร้างเครือข่าย" in text
    assert "KPI: ผู้บริหาร 3 · " in text and "kpi-exec-3" not in text and "act-4-01" not in text
    assert at.get("form") and at.button(key="harvest._submit")  # the local editor gets the form under the list


def test_the_outcomes_page_in_english(run_page, store):
    at = run_page(PAGE, lang="en")
    assert_clean(at)
    text = page_text(at)
    assert "Harvested outcomes (Outcome Harvesting)" in text and "3 outcomes, newest first" in text
    assert "28 Jun 2023" in text and "Characteristics / declarations: Sufficiency, Build networks" in text
    assert at.text_input(key="harvest.actor").label == "Who changed (person, group or body)"


def test_an_editor_saves_an_outcome_with_every_field_and_it_appears_in_the_list(run_page, store):
    at = submit(fill(run_page(PAGE), OUTCOME), "harvest")
    assert_clean(at)
    (row,) = [r for r in records(store, "outcomes") if r.get("actor") == OUTCOME["actor"]]
    for key, typed in OUTCOME.items():
        want = [typed] if key == "evidence" else typed
        assert row[key] == want, key
    assert row["fiscal_year"] == 2566 and row["id"]
    text = page_text(at)
    assert "บันทึกแล้ว" in text and "4 ผลลัพธ์ ใหม่สุดก่อน" in text
    assert "เชิญสำนักงานไปเล่าวิธีเผยแพร่ข้อมูล O1–O43 ให้โรงเรียนฟัง" in text
    assert text.index("20 มิ.ย. 2566 · โรงเรียนในสังกัด") < text.index("26 พ.ค. 2566")  # newest first
    assert at.text_input(key="harvest.actor").value == ""  # a fresh form for the next outcome
    (audit,) = [a for a in records(store, "audit") if a["row_id"] == row["id"]]
    assert (audit["action"], audit["tab"]) == ("append", "outcomes")


def test_an_outcome_without_who_changed_is_not_saved_and_the_typed_text_stays(run_page, store):
    before = len(records(store, "outcomes"))
    at = submit(fill(run_page(PAGE), {"change": "ข้อความที่พิมพ์ไว้ยาว ๆ", "place": "ห้องประชุม"}), "harvest")
    assert_clean(at)
    assert after_field(at, "harvest.actor") == "กรุณากรอก «ใครเปลี่ยน (บุคคล กลุ่ม หรือหน่วยงาน)»"
    assert at.text_area(key="harvest.change").value == "ข้อความที่พิมพ์ไว้ยาว ๆ"
    assert at.text_input(key="harvest.place").value == "ห้องประชุม"
    assert len(records(store, "outcomes")) == before


def test_a_viewer_reads_the_outcomes_and_gets_the_sign_in_prompt_never_the_form(run_page, store):
    at = run_page(PAGE, deployed=True)
    assert_clean(at)
    text = page_text(at)
    assert "ผู้รับผิดชอบโครงการของเขตพื้นที่การศึกษาอื่นในเครือข่าย" in text
    assert "บันทึกผลลัพธ์ใหม่ได้เฉพาะผู้แก้ไขที่ลงชื่อเข้าใช้" in text
    assert not at.get("form") and not [b for b in at.button if b.key == "harvest._submit"]
    assert not [w for w in at.text_area if (w.key or "").startswith("harvest.")]
