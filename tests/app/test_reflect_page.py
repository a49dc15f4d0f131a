"""The reflection form: one row per entry with every field, nothing typed is lost, double clicks add nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from de_core.store import PermissionDenied, StoreUnavailable
from de_core.store.local import SQLiteStore
from de_core.thaidate import format_datetime
from de_core.writing.actor import LOCAL_EDITOR
from de_core.writing.outbox import Outbox
from de_core.writing.submission import BANGKOK, Submission
from tests.app.conftest import assert_clean, page_text
from tests.app.formfill import REFLECTION, fill, records, reflections_by, submit
from tests.app.htmlblocks import after_field

PAGE = "pages/reflect.py"


@pytest.fixture
def break_appends(monkeypatch):
    """Make the next `times` appends to the reflections tab fail with `error` (after landing, if landed)."""

    def install(error, times: int = 1, landed: bool = False):
        real = SQLiteStore.append_audited
        left = {"n": times}

        def append(self, tab_key, rows, audits):
            if tab_key == "reflections" and left["n"] > 0:
                left["n"] -= 1
                if landed:
                    real(self, tab_key, rows, audits)
                raise error
            return real(self, tab_key, rows, audits)

        monkeypatch.setattr(SQLiteStore, "append_audited", append)

    return install


def test_an_editor_on_this_machine_sees_the_form_and_the_no_sign_in_banner(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    assert "ทำงานในเครื่องนี้ในฐานะผู้แก้ไข (ไม่ต้องลงชื่อ)" in page_text(at)
    keys = {w.key for kind in ("selectbox", "multiselect", "text_area", "text_input", "radio") for w in at.get(kind)}
    assert {f"reflect.{name}" for name in REFLECTION} <= keys
    assert at.selectbox(key="reflect.written_on").format_func(at.selectbox(key="reflect.written_on").value) == \
        "30 มิ.ย. 2566"


def test_submitting_a_reflection_appends_exactly_one_row_with_all_fields(run_page, store):
    before = len(records(store, "reflections"))
    at = submit(fill(run_page(PAGE), "reflect", REFLECTION), "reflect")
    assert_clean(at)
    assert len(records(store, "reflections")) == before + 1
    (row,) = reflections_by(store, activity_id="act-5-07")
    for key, typed in REFLECTION.items():
        assert row[key] == (["https://www.example.go.th/ev.pdf"] if key == "evidence" else typed), key
    assert "บันทึกแล้ว" in page_text(at) and row["id"] not in page_text(at)  # no internal id on the screen
    assert "act-5-07" not in page_text(at)  # the saved activity is named, as on the form
    assert at.text_area(key="reflect.what").value == ""  # a fresh form for the next entry
    (audit,) = [a for a in records(store, "audit") if a["row_id"] == row["id"]]
    assert (audit["who"], audit["action"], audit["tab"]) == ("local-editor", "append", "reflections")


def test_formula_looking_text_is_stored_as_the_text_that_was_typed(run_page, store):
    submit(fill(run_page(PAGE), "reflect", REFLECTION), "reflect")
    raw = store.read_all().tabs["สะท้อนผล"]
    cells = dict(zip(raw.rows[0], raw.rows[-1], strict=False))
    assert cells["หมายความว่าอย่างไร (So what?)"] == "=HYPERLINK(\"http://x.example.com\")"
    assert cells["จะปรับอะไร (Now what?)"] == "+cmd ส่งหนังสือเชิญล่วงหน้า ๒ สัปดาห์"


def test_the_new_reflection_shows_on_the_overview_at_once(run_page, store):
    at = submit(fill(run_page(PAGE), "reflect", {**REFLECTION, "written_on": REFLECTION["written_on"].replace(
        month=6, day=29), "what": "ทดสอบการแสดงผลทันที"}), "reflect")
    at.switch_page("pages/overview.py").run()
    assert "ทดสอบการแสดงผลทันที" in page_text(at)


def test_a_form_with_problems_writes_nothing_and_keeps_the_text(run_page, store):
    before = len(records(store, "reflections"))
    at = submit(fill(run_page(PAGE), "reflect", {"what": "ข้อความยาวที่พิมพ์ไว้", "evidence": "ftp://x"}), "reflect")
    assert_clean(at)
    text = page_text(at)
    assert "ยังบันทึกไม่ได้ กรุณาแก้ 5 ช่อง: «กิจกรรม (หรือกิจกรรมย่อย)», «กลุ่มของผู้เขียน»" in text
    assert "กรุณากรอก «จะปรับเปลี่ยนอะไร (Now what?)»" in text and "«จะปรับอะไร" not in text  # named as labelled
    assert "ลิงก์ที่ 1" in text
    assert after_field(at, "reflect.now_what") == "กรุณากรอก «จะปรับเปลี่ยนอะไร (Now what?)»"  # right under its box
    assert after_field(at, "reflect.activity_id") == "กรุณากรอก «กิจกรรม (หรือกิจกรรมย่อย)»"
    assert after_field(at, "reflect.what") is None  # filled in: nothing under it
    assert at.text_area(key="reflect.what").value == "ข้อความยาวที่พิมพ์ไว้"
    assert len(records(store, "reflections")) == before


def test_problems_speak_english_and_name_the_fields_as_labelled(run_page, store):
    at = submit(fill(run_page(PAGE, lang="en"), "reflect", {"what": "x"}), "reflect")
    assert "Not saved yet: please fix 4 fields: «Activity (or sub-activity)», «Author's group»" in page_text(at)
    assert after_field(at, "reflect.so_what") == "«What does it mean? (So what?)» is required"


def test_clicking_save_twice_with_the_same_text_leaves_one_row(run_page, store):
    at = submit(fill(run_page(PAGE), "reflect", REFLECTION), "reflect")
    submit(fill(at, "reflect", REFLECTION), "reflect")
    assert len(reflections_by(store, activity_id="act-5-07")) == 1
    assert len([a for a in records(store, "audit") if a["tab"] == "reflections"]) == 1


def test_a_click_whose_reply_was_lost_then_a_second_click_leave_one_row(run_page, store, break_appends):
    break_appends(StoreUnavailable("ไม่ว่าง", "busy"), landed=True)
    at = submit(fill(run_page(PAGE), "reflect", REFLECTION), "reflect")
    assert at.text_area(key="reflect.what").value == REFLECTION["what"]
    at = submit(at, "reflect")
    assert_clean(at)
    assert len(reflections_by(store, activity_id="act-5-07")) == 1
    assert "รอส่ง" not in page_text(at)  # the waiting copy was settled by the confirmed write


def test_a_failed_write_keeps_the_text_and_the_outbox_delivers_it_once_later(run_page, store, break_appends):
    break_appends(StoreUnavailable("ที่เก็บข้อมูลไม่ว่าง", "busy"))
    at = submit(fill(run_page(PAGE), "reflect", REFLECTION), "reflect")
    assert_clean(at)
    text = page_text(at)
    assert "รายการนี้เก็บไว้ในเครื่อง (กล่องรอส่ง)" in text and "ที่เก็บข้อมูลไม่ว่าง" in text
    assert at.text_area(key="reflect.now_what").value == REFLECTION["now_what"]
    assert reflections_by(store, activity_id="act-5-07") == []
    at.run()
    assert "รอส่ง 1 รายการ" in page_text(at)
    at.button(key="outbox.send_now").click().run()
    assert_clean(at)
    assert len(reflections_by(store, activity_id="act-5-07")) == 1
    assert "รอส่ง" not in page_text(at) and "บันทึกแล้ว" in page_text(at)
    submit(fill(at, "reflect", REFLECTION), "reflect")  # the same text sent again: still one row
    assert len(reflections_by(store, activity_id="act-5-07")) == 1


def test_a_refused_write_explains_what_to_do_and_retry_saves_once(run_page, store, break_appends):
    break_appends(PermissionDenied("ชีตนี้ยังไม่ได้แชร์ให้บัญชีบริการ", "not shared", "แชร์ชีตให้บัญชีบริการ",
                                   "share it"))
    at = submit(fill(run_page(PAGE), "reflect", REFLECTION), "reflect")
    text = page_text(at)
    assert "บันทึกไม่สำเร็จ: ชีตนี้ยังไม่ได้แชร์ให้บัญชีบริการ" in text and "แชร์ชีตให้บัญชีบริการ" in text
    assert "ข้อความที่พิมพ์ไว้ยังอยู่ในแบบฟอร์ม" in text
    assert at.text_area(key="reflect.what").value == REFLECTION["what"]
    at.button(key="reflect._retry").click().run()
    assert_clean(at)
    assert len(reflections_by(store, activity_id="act-5-07")) == 1
    assert "บันทึกแล้ว" in page_text(at)


def test_the_form_speaks_english_with_ce_dates(run_page, store):
    at = run_page(PAGE, lang="en")
    assert_clean(at)
    text = page_text(at)
    assert "Reflect after an activity" in text and "Working on this machine as an editor" in text
    box = at.selectbox(key="reflect.written_on")
    assert box.format_func(box.value) == "30 Jun 2023"


def test_an_outbox_item_the_sheet_refuses_is_shown_with_its_text_until_dismissed(run_page, store, db_path):
    clash = Submission.append("reflections", {"id": "ref-01", "fiscal_year": "2566", "what": "ข้อความที่รอส่ง"})
    Outbox(db_path.parent / "outbox.sqlite").put(clash, LOCAL_EDITOR, None, datetime(2023, 1, 1, tzinfo=UTC))
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "ส่งรายการในแท็บ «สะท้อนผล» ไม่ได้" in text and "ข้อความที่รอส่ง" in text and "ref-01" in text
    at.button(key="outbox.dismiss.ref-01").click().run()
    assert "ข้อความที่รอส่ง" not in page_text(at)
    assert [r["what"] for r in reflections_by(store, id="ref-01")] != ["ข้อความที่รอส่ง"]


def test_the_same_reflection_sent_again_from_a_new_session_is_recognised_and_can_be_saved_as_a_new_entry(
        run_page, store):
    """#15, finding 7: saves whose confirmation was lost (a kill -9) were saved again and became duplicates."""
    first = submit(fill(run_page(PAGE), "reflect", REFLECTION), "reflect")
    assert_clean(first)
    (row,) = reflections_by(store, activity_id="act-5-07")
    at = submit(fill(run_page(PAGE), "reflect", REFLECTION), "reflect")  # a new session, the same entry
    assert_clean(at)
    assert len(reflections_by(store, activity_id="act-5-07")) == 1
    (audit,) = [a for a in records(store, "audit") if a["row_id"] == row["id"]]
    when = format_datetime(datetime.fromisoformat(str(audit["at"])).astimezone(BANGKOK))
    assert f"บันทึกไว้แล้วเมื่อ {when}" in page_text(at) and row["id"] not in page_text(at)  # no ids where people read
    at.button(key="reflect._again").click().run()  # a true second entry with the same text, on purpose
    assert_clean(at)
    rows = reflections_by(store, activity_id="act-5-07")
    assert sorted(r["id"] for r in rows) == [row["id"], row["id"] + "-2"]
    assert len([a for a in records(store, "audit") if a["tab"] == "reflections"]) == 2
    assert "บันทึกแล้ว" in page_text(at) and row["id"] not in page_text(at)


def test_already_saved_speaks_english_too(run_page, store):
    submit(fill(run_page(PAGE, lang="en"), "reflect", REFLECTION), "reflect")
    at = submit(fill(run_page(PAGE, lang="en"), "reflect", REFLECTION), "reflect")
    assert "Already saved on" in page_text(at)
    assert at.button(key="reflect._again").label == "Save again as a new entry"


def test_a_long_pasted_answer_is_kept_in_the_box_and_the_form_says_by_how_much_to_shorten_it(run_page, store):
    """#15, finding 9: a paste over the limit left the box empty, with no message."""
    long_text = ("ผลการประเมินรอบที่ ๒ " * 1000)[:20_000]
    at = submit(fill(run_page(PAGE), "reflect", {**REFLECTION, "what": long_text}), "reflect")
    assert_clean(at)
    text = page_text(at)
    assert ("«เกิดอะไรขึ้น เทียบกับที่คาดไว้ (What?)» มี 20,000 ตัวอักษร เกินที่รับได้ 12,000 ตัวอักษร: "
            "กรุณาย่อลง 8,000 ตัวอักษร") in text
    assert at.text_area(key="reflect.what").value == long_text
    assert reflections_by(store, activity_id="act-5-07") == []
    at = submit(fill(at, "reflect", {"what": long_text[:6_000]}), "reflect")
    assert_clean(at)
    (row,) = reflections_by(store, activity_id="act-5-07")
    assert row["what"] == long_text[:6_000].strip()


def test_no_text_box_of_the_form_drops_a_long_paste_in_the_browser(run_page, store):
    at = run_page(PAGE)
    boxes = [*at.text_area, *at.text_input]
    assert boxes and all(box.proto.max_chars == 0 for box in boxes), [b.key for b in boxes if b.proto.max_chars]
