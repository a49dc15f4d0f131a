"""Whether data is the demo is a mark in the data (the settings row), not a property of the store: the demo says
so on every page and keeps its fixed as-of date; real data has no banner and is shown as of today."""

from __future__ import annotations

from de_ui.data import refresh
from tests.app.conftest import PAGES, assert_clean, page_text

DEMO_SAYS = "ข้อมูลตัวอย่าง (demo) ปีงบประมาณ 2566"


def test_the_demo_says_so_on_every_page_and_keeps_its_as_of_date(run_page, store):
    for page in PAGES:
        at = run_page(page)
        assert_clean(at)
        assert DEMO_SAYS in page_text(at), page
    assert "30 มิ.ย. 2566" in page_text(run_page())


def test_real_data_has_no_demo_banner_and_is_shown_as_of_today(run_page, store):
    store.update("settings", "fy-2566", {"is_demo": "FALSE"})
    at = run_page()
    assert_clean(at)
    text = page_text(at)
    assert DEMO_SAYS not in text
    assert "ตัวเลข ณ วันที่ 30 มิ.ย. 2566" not in text  # the demo's fixed date is for the demo only
    assert "ตัวเลข ณ วันที่" in text


def test_a_demo_filled_before_the_mark_existed_is_known_by_its_note_and_other_data_is_real(run_page, store):
    store.update("settings", "fy-2566", {"is_demo": ""})  # a workbook or sheet filled with the demo earlier
    assert DEMO_SAYS in page_text(run_page())
    store.update("settings", "fy-2566", {"note": "ข้อมูลของสำนักงาน"})
    refresh()
    assert DEMO_SAYS not in page_text(run_page())


def test_the_meeting_board_carries_a_short_demo_mark(db_path, store):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params["meeting"] = "1"
    at.run()
    assert_clean(at)
    assert "ข้อมูลตัวอย่าง (demo)" in [c.value for c in at.caption]
    assert DEMO_SAYS not in page_text(at)



def test_the_demo_s_report_says_it_is_the_demo_and_real_data_s_does_not(run_page, store):
    says = "ไม่ใช่รายงานจริงของสำนักงาน"  # beside "ข้อมูลตัวอย่าง (demo)", escaped for Markdown
    assert says in page_text(run_page("pages/report.py"))
    store.update("settings", "fy-2566", {"is_demo": "FALSE"})
    refresh()  # as the refresh button does: the cached workbook is read again
    assert says not in page_text(run_page("pages/report.py"))
