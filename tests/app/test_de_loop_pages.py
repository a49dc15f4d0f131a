"""The DE loop's pages (issue #19): bad rows typed in the sheet are listed on Data health by address and never break a
page; the sensemaking page in meeting mode is read-only; a meeting is recorded; both languages."""

from __future__ import annotations

from datetime import date

import pytest

from de_core.sheet.workbook import parse_workbook
from tests.app.conftest import assert_clean, page_text

LOOP_PAGES = ("pages/reflections.py", "pages/adaptations.py", "pages/sensemaking.py", "pages/overview.py",
              "pages/kpis.py", "pages/data_health.py")


@pytest.fixture
def bad_loop(store):
    """The demo with three kinds of bad loop rows typed in the sheet."""
    store.update("adaptations", "adp-08", {"due_on": "01/06/2566"})  # before its reflection (20 มิ.ย. 2566)
    store.update("adaptations", "adp-04", {"status": "รอดูก่อน"})  # no such status
    store.append("kpis", [{"id": "kpi-old", "fiscal_year": "2565", "kra_id": "kra-office", "kpi": "ตัวชี้วัดปีก่อน",
                           "measure_type": "ร้อยละ"}])
    store.update("adaptations", "adp-05", {"kpi_ids": "kpi-old"})  # a KPI of another year
    return store


def _health_rows(at) -> list[dict]:
    return at.dataframe[0].value.to_dict("records")


def test_bad_loop_rows_are_listed_by_address_on_data_health(run_page, bad_loop):
    at = run_page("pages/data_health.py")
    assert_clean(at)
    rows = {(r["แท็บ"], r["ช่อง"]): r for r in _health_rows(at)}
    assert rows[("การปรับเปลี่ยน", "H9")]["ปัญหา"].startswith("«กำหนดเสร็จ» 1 มิ.ย. 2566 อยู่ก่อนวันที่เขียนการสะท้อนผล")
    assert rows[("การปรับเปลี่ยน", "I5")]["ค่าที่พิมพ์"] == "รอดูก่อน"
    assert rows[("การปรับเปลี่ยน", "M6")]["ปัญหา"] == "«kpi-old» เป็นของปีงบประมาณ 2565 แต่แถวนี้เป็นปี 2566"


@pytest.mark.parametrize("lang", [None, "en"])
def test_every_loop_page_opens_whole_with_bad_rows(run_page, bad_loop, lang):
    for page in LOOP_PAGES:
        at = run_page(page, lang=lang)
        assert_clean(at)
    at = run_page("pages/adaptations.py", lang=lang)
    text = page_text(at)
    assert ("Adaptation log" if lang else "บันทึกการปรับเปลี่ยน") in text
    assert "รอดูก่อน" not in text  # an unreadable status shows as none, and Data health names the cell


def test_the_adaptation_log_in_english(run_page, store):
    at = run_page("pages/adaptations.py", lang="en")
    assert_clean(at)
    text = page_text(at)
    assert "agreed · 7 days late" in text and "from the reflection of · 4 May 2023" in text


def test_sensemaking_in_meeting_mode_is_read_only_even_for_an_editor(run_page, store):
    at = run_page("pages/sensemaking.py")
    assert [w for w in at.text_area if w.key == "meeting.notes"]  # this machine's editor gets the forms
    at.query_params["meeting"] = "1"
    at.run()
    assert_clean(at)
    assert not [w for w in [*at.text_area, *at.text_input] if str(w.key).startswith(("meeting.", "sense."))]
    assert "โหมดประชุม: แสดงอย่างเดียวและอัปเดตเอง" in page_text(at)
    assert "การปรับเปลี่ยนที่ยังไม่เสร็จ (4, ล่าช้า 1)" in page_text(at)


def test_an_editor_records_the_meeting_on_the_sensemaking_page(run_page, store):
    at = run_page("pages/sensemaking.py")
    at.selectbox(key="meeting.held_on").set_value(date(2023, 6, 30))
    at.selectbox(key="meeting.kind").set_value("sensemaking")
    at.text_input(key="meeting.title").set_value("สะท้อนผลสิ้นไตรมาส ๓")
    at.text_area(key="meeting.attendees").set_value("รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา, ศึกษานิเทศก์")
    at.text_area(key="meeting.notes").set_value("ทบทวนการปรับเปลี่ยนที่ค้าง\n=ไม่ใช่สูตร")
    at.button(key="meeting._submit").click().run()
    assert_clean(at)
    (row,) = [m for m in parse_workbook(store.read_all()).rows("meetings") if m["held_on"] == date(2023, 6, 30)]
    assert (row["kind"], row["notes"]) == ("sensemaking", "ทบทวนการปรับเปลี่ยนที่ค้าง\n=ไม่ใช่สูตร")
    assert "ตั้งแต่การประชุมครั้งก่อน «สะท้อนผลก่อนกลั่นกรองรายงาน OIT»" in page_text(at)  # same day: still the last


def test_a_long_adaptation_log_is_paged_and_the_meeting_reads_the_first_open_ones(run_page, store):
    store.append("adaptations", [{"id": f"adp-bulk-{i:03d}", "fiscal_year": "2566", "decision": f"ปรับข้อที่ {i}",
                                  "status": "เห็นชอบแล้ว", "proposed_on": "01/06/2566"} for i in range(70)])
    at = run_page("pages/adaptations.py")
    assert_clean(at)
    assert "แสดง 1–50 จาก 79 รายการ" in page_text(at) and at.number_input(key="loop.page").value == 1
    at.number_input(key="loop.page").set_value(2).run()
    assert "แสดง 51–79 จาก 79 รายการ" in page_text(at) and "ปรับข้อที่ 69" in page_text(at)
    at = run_page("pages/sensemaking.py")
    assert_clean(at)
    assert "การปรับเปลี่ยนที่ยังไม่เสร็จ (74, ล่าช้า 1)" in page_text(at)
    assert [link for link in at.get("page_link") if "และอีก 54 รายการ" in link.proto.label]
