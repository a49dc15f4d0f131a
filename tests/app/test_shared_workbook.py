"""One parsed workbook is shared by every session (st.cache_resource) with what is derived from it: no page may
change it, and a refresh, another day's view or another language never shows figures made for something else."""

from __future__ import annotations

import pytest

from de_core.sheet.workbook import parse_workbook
from de_ui.data import _load, backend
from tests.app.conftest import PAGES, assert_clean, page_text
from tests.app.htmlblocks import bullets, read, tables
from tests.app.test_overview_page import charts


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_page_changes_the_workbook_every_session_shares(run_page, store, lang):
    for page in PAGES:
        assert_clean(run_page(page, lang))
        at = run_page(page, lang)
        at.run()  # a warm rerun on the same shared objects
        assert_clean(at)
    shared = _load(backend())
    fresh = parse_workbook(store.read_all())
    assert shared.records == fresh.records
    assert shared.issues == fresh.issues
    assert shared.headers == fresh.headers and shared.titles == fresh.titles


def test_the_overview_figures_follow_the_refreshed_data_not_the_last_drawing(run_page, store):
    at = run_page()
    assert bullets(at)["ใช้จริง"].value == "35,610 บาท จาก 50,000 บาท (71%)"
    store.update("settings", "fy-2566", {"allocation": "๖๐,๐๐๐ บาท"})
    store.update("expenses", "exp-01", {"amount": "1,000"})
    at.button(key="refresh").click().run()
    assert_clean(at)
    assert bullets(at)["ใช้จริง"].value == "34,510 บาท จาก 60,000 บาท (58%)"


def test_switching_language_redraws_the_shared_figures_in_that_language(run_page, store):
    store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "96.00"})  # draws the ITA gauge
    at = run_page()
    assert "ITA ปีงบประมาณ 2566" in charts(at)["ov_ita"]["data"][0]["title"]["text"] and "ใช้จริง" in bullets(at)
    at.segmented_control(key="_lang_switch").set_value("en").run()
    assert_clean(at)
    assert "ITA, FY2566" in charts(at)["ov_ita"]["data"][0]["title"]["text"]
    assert {"Spent", "Executives"} <= set(bullets(at))
    assert "ITA, FY2566" not in charts(run_page())["ov_ita"]["data"][0]["title"]["text"]


def test_meeting_mode_gets_its_own_larger_figures_and_the_normal_view_keeps_its_own(run_page, store):
    store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "96.00"})  # a year with a total draws the gauge
    normal = charts(run_page())["ov_ita"]["layout"]["height"]
    at = run_page()
    at.query_params["meeting"] = "1"
    at.run()
    assert_clean(at)
    assert charts(at)["ov_ita"]["layout"]["height"] > normal
    assert charts(run_page())["ov_ita"]["layout"]["height"] == normal
    assert "ขาดอีก" in page_text(run_page())


def test_a_replaced_workbook_lets_go_of_what_was_derived_from_it(run_page, store):
    run_page()
    old = _load(backend())
    old.derived("probe", lambda: "made from the old data")
    at = run_page()
    at.button(key="refresh").click().run()
    assert_clean(at)
    assert _load(backend()) is not old
    assert old.derived("probe", lambda: "gone") == "gone"  # views pointing back at it no longer keep it alive


def test_one_sessions_filters_never_show_in_another_sessions_page(run_page, store):
    filtered = run_page("pages/kpis.py")
    filtered.multiselect(key="kpis_groups").set_value(["executives"]).run()
    assert_clean(filtered)
    shown = len(read(filtered).bullets)
    everything = len(read(run_page("pages/kpis.py")).bullets)
    assert 0 < shown < everything
    tracker = run_page("pages/de_tracker.py")
    tracker.multiselect(key="tracker_status").set_value(["late"]).run()
    assert_clean(tracker)
    late_only = len(tables(tracker))
    assert late_only < len(tables(run_page("pages/de_tracker.py")))
