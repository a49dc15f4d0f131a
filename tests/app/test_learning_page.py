"""The learning log page (issue #19): per KRA group in time order, a group picker, CSV and .xlsx downloads, Thai and
English, sheet text shown as typed."""

from __future__ import annotations

from tests.app.conftest import assert_clean, html_text, page_text

PAGE = "pages/learning.py"


def tables(at) -> list[str]:
    """The text of each HTML table on the page, in page order."""
    return [html_text(h.proto.body) for h in at.get("html") if "<table" in h.proto.body]


def downloads(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_the_log_shows_every_group_with_the_adp_02_story_in_date_order(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    assert [s.value for s in at.subheader] == ["สำนักงานฯ", "ผู้บริหาร", "ศึกษานิเทศก์", "บุคลากร"]
    assert downloads(at) == ["ดาวน์โหลด CSV", "ดาวน์โหลด Excel (.xlsx)"]
    executives = tables(at)[1]  # one table per group, in the subheadings' order
    order = [executives.index(mark) for mark in ("21 ธ.ค. 2565", "27 ม.ค. 2566", "10 ก.พ. 2566")]
    assert order == sorted(order)
    assert "ไม่ต้องนัดซ้ำ" in executives and "เสนอการปรับเปลี่ยน" in executives


def test_the_group_picker_narrows_the_log_and_the_english_page_uses_english_words(run_page, store):
    at = run_page(PAGE, lang="en")
    assert_clean(at)
    assert at.title[0].value == "Learning log by KRA group"
    assert downloads(at) == ["Download CSV", "Download Excel (.xlsx)"]
    at.selectbox(key="learning.group").set_value("staff").run()
    assert_clean(at)
    assert [s.value for s in at.subheader] == ["Staff"]
    text = page_text(at)
    assert "21 Dec 2022" in text and "adaptation dropped" in text and "Why dropped" in text


def test_sheet_text_in_the_log_is_shown_as_typed_never_as_markup(run_page, store):
    store.update("reflections", "ref-02", {"what": "**ประชุม** <b>ยาว</b> <script>alert(1)</script>"})
    at = run_page(PAGE)
    assert_clean(at)
    assert "**ประชุม** <b>ยาว</b> <script>alert(1)</script>" in page_text(at)
    body = "".join(h.proto.body for h in at.get("html"))
    assert "<script>" not in body and "&lt;script&gt;" in body
