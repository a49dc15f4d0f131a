"""Write the report (#17): editors write and reorder the rows of a section of the tab เนื้อหารายงาน through the Writer
(audited), see the section live as the report will show it, and keep their text when a save fails; viewers get no
form."""

from __future__ import annotations

import json

import pytest

from de_core.sheet.workbook import parse_workbook
from de_core.store import StoreError
from de_core.store.local import SQLiteStore
from tests.app.conftest import assert_clean, page_text

PAGE = "pages/report_write.py"


def rows(store, section: str | None = None) -> list[dict]:
    wb = parse_workbook(store.read_all())
    return [r for r in wb.rows("report_sections", 2566) if section is None or r["section"] == section]


def audits(store, row_id: str) -> list[dict]:
    wb = parse_workbook(store.read_all())
    return [a for a in wb.rows("audit") if a.get("tab") == "report_sections" and a.get("row_id") == row_id]


def open_section(run_page, key: str):
    at = run_page(PAGE)
    at.selectbox(key="rwrite.section").set_value(key).run()
    return at


def test_an_editor_picks_a_section_and_sees_its_rows_and_the_section_as_the_report_shows_it(run_page, store):
    at = open_section(run_page, "5")
    assert_clean(at)
    text = page_text(at)
    assert "แถวในหัวข้อนี้ (11)" in text
    assert "5.1 สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ" in text  # the preview numbers it
    assert "5.10 ผู้รับผิดชอบกิจกรรมโครงการเขตพื้นที่การศึกษาสุจริต" in text
    options = at.selectbox(key="rwrite.section").options
    assert options[:3] == ["คำนำ", "แบบรายงานผลงาน/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)",
                           "1 ความสำคัญของผลงาน/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)"]
    assert options[-1] == "เอกสารอ้างอิง" and len(options) == 28


def test_a_viewer_gets_no_form(run_page, store):
    at = run_page(PAGE, deployed=True)
    assert_clean(at)
    keys = {w.key for kind in ("selectbox", "text_area", "text_input", "button") for w in at.get(kind)}
    assert not any(k and k.startswith("rwrite.") for k in keys)


def test_editing_a_row_shows_the_text_live_then_saves_it_audited(run_page, store):
    at = open_section(run_page, "8.1")
    at.button(key="rwrite.edit.rs-8.1-01").click().run()
    box = at.text_area(key="rwrite.f.rs-8.1-01.text")
    assert box.value.startswith("ในการดำเนินงานกิจกรรมโครงการเขตพื้นที่การศึกษาสุจริต")
    box.input("ข้อเสนอแนะฉบับใหม่ *ยังไม่บันทึก*").run()
    assert "ข้อเสนอแนะฉบับใหม่ *ยังไม่บันทึก*" in page_text(at)  # the live preview, as typed
    assert rows(store, "8.1")[0]["text"].startswith("ในการดำเนินงาน")  # nothing saved yet
    at.button(key="rwrite.save").click().run()
    assert_clean(at)
    assert rows(store, "8.1")[0]["text"] == "ข้อเสนอแนะฉบับใหม่ *ยังไม่บันทึก*"
    (audit,) = audits(store, "rs-8.1-01")
    assert audit["action"] == "update" and json.loads(audit["after"]) == {"text": "ข้อเสนอแนะฉบับใหม่ *ยังไม่บันทึก*"}
    assert "บันทึกแล้ว (แถว rs-8.1-01)" in page_text(at)


def test_a_new_row_goes_at_the_end_of_its_section_with_a_new_id_once(run_page, store):
    at = open_section(run_page, "7.2")
    at.button(key="rwrite.add").click().run()
    at.selectbox(key="rwrite.f.new.kind").set_value("item").run()
    at.text_area(key="rwrite.f.new.text").input("ได้รับเกียรติบัตรระดับภาค").run()
    at.button(key="rwrite.save").click().run()
    assert_clean(at)
    (first, new) = rows(store, "7.2")
    assert new["id"].startswith("rs-") and new["id"] != first["id"] and len(new["id"]) == 35
    assert (new["kind"], new["text"], int(new["order"]), new["fiscal_year"]) == ("item", "ได้รับเกียรติบัตรระดับภาค", 2,
                                                                                  2566)
    raw = store.read_all().tabs["เนื้อหารายงาน"]
    stored = next(r for r in raw.rows if r[0] == new["id"])
    assert "7.2 การได้รับการยอมรับ/รางวัลที่ได้รับ" in stored and "ข้อย่อย" in stored  # typed as staff type
    assert len(audits(store, new["id"])) == 1
    assert "1) ได้รับเกียรติบัตรระดับภาค" in page_text(at)


def test_moving_a_row_down_renumbers_the_section_through_the_writer(run_page, store):
    at = open_section(run_page, "5")
    at.button(key="rwrite.down.rs-5-02").click().run()
    assert_clean(at)
    order = [r["id"] for r in sorted(rows(store, "5"), key=lambda r: r["order"])]
    assert order[:3] == ["rs-5-01", "rs-5-03", "rs-5-02"]
    assert [a["action"] for a in audits(store, "rs-5-02")] == ["update"]
    assert "เรียงลำดับใหม่แล้ว (2 แถว)" in page_text(at)
    assert at.button(key="rwrite.up.rs-5-01").disabled


def test_a_failed_save_keeps_the_text_says_why_and_sends_it_again(run_page, store, monkeypatch):
    real = SQLiteStore.update_audited
    left = {"n": 1}

    def update(self, tab_key, row_id, values, audit):
        if tab_key == "report_sections" and left["n"]:
            left["n"] -= 1
            raise StoreError("ชีตไม่ตอบ", "The sheet did not answer")  # not retryable: no outbox, the form keeps it
        return real(self, tab_key, row_id, values, audit)

    monkeypatch.setattr(SQLiteStore, "update_audited", update)
    at = open_section(run_page, "7.2")
    at.button(key="rwrite.edit.rs-7.2-01").click().run()
    at.text_area(key="rwrite.f.rs-7.2-01.text").input("ข้อความยาวที่ห้ามหาย " * 50).run()
    at.button(key="rwrite.save").click().run()
    assert_clean(at)
    assert "ชีตไม่ตอบ" in page_text(at)
    assert at.text_area(key="rwrite.f.rs-7.2-01.text").value == "ข้อความยาวที่ห้ามหาย " * 50
    assert not rows(store, "7.2")[0]["text"].startswith("ข้อความยาว")
    at.button(key="rwrite.retry").click().run()
    assert rows(store, "7.2")[0]["text"] == ("ข้อความยาวที่ห้ามหาย " * 50).strip()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_page_opens_on_an_init_workbook(run_page, db_path, lang):
    from de_core.ops.setup import Office, init_embedded

    init_embedded(db_path, Office(office_name="สำนักงานทดลอง"))
    at = run_page(PAGE, lang)
    assert_clean(at)
    assert ("ยังไม่มีแถว" if lang == "th" else "No rows in this section yet") in page_text(at)


def test_the_cover_fields_are_written_to_the_year_s_settings_row(run_page, store):
    at = open_section(run_page, "form")
    at.text_input(key="rwrite.cover.author_role").input("ศึกษานิเทศก์ชำนาญการพิเศษ")  # a form: sent on submit
    at.button(key="rwrite.cover._submit").click().run()
    assert_clean(at)
    settings = parse_workbook(store.read_all()).rows("settings")[0]
    assert settings["author_role"] == "ศึกษานิเทศก์ชำนาญการพิเศษ" and settings["category"] == "ผู้รับผิดชอบโครงการ"
    assert "ตำแหน่ง ศึกษานิเทศก์ชำนาญการพิเศษ" in page_text(run_page("pages/report.py"))


def test_a_settings_tab_without_the_cover_columns_gains_them_on_save(run_page, db_path):
    from de_core.ops.demo import demo_workbook

    raw = demo_workbook()
    settings = raw.tabs["ตั้งค่า"]
    settings.rows[:] = [row[:12] for row in settings.rows]  # as a sheet made before the cover's columns
    SQLiteStore(db_path).initialize(raw)
    at = open_section(run_page, "form")
    at.text_input(key="rwrite.cover.author_role").input("ผู้อำนวยการกลุ่มนิเทศ")
    at.button(key="rwrite.cover._submit").click().run()
    assert_clean(at)
    store = SQLiteStore(db_path)
    assert "ตำแหน่งผู้จัดทำรายงาน" in store.read_all().tabs["ตั้งค่า"].header
    assert parse_workbook(store.read_all()).rows("settings")[0]["author_role"] == "ผู้อำนวยการกลุ่มนิเทศ"
