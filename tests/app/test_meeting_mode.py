"""Meeting mode: ?meeting=1 or the toggle hides the menu and sidebar, enlarges the type, and refreshes by itself.

AppTest does not tick `st.fragment(run_every=...)` timers, so the refresh is checked by recording the fragment
the page asks for. Toggle round trips run on the tracker page: AppTest re-runs a page whose URL path equals its
file name (pages/overview.py at "overview") without the entry script, which would hide the sidebar either way.
"""

import streamlit
from streamlit.testing.v1 import AppTest

from tests.app.conftest import ROOT, assert_clean, page_text
from tests.app.htmlblocks import bullets


def run_app(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def meeting_css(at: AppTest) -> bool:
    return any("sujarit-meeting" in h.proto.body for h in at.get("html"))


def test_a_meeting_link_hides_the_sidebar_and_shows_the_board_in_large_type(db_path):
    at = run_app({"meeting": "1"})
    assert_clean(at)
    assert len(at.sidebar.children) == 0 and not at.get("selectbox") and not at.button
    assert meeting_css(at) and at.toggle(key="meeting_mode").value is True
    text = page_text(at)
    assert "ITA ปีงบประมาณ 2565 (ผลล่าสุด)\n86.17 ระดับ A" in text and "ตัวอย่างในเครื่อง" not in text  # no banner
    assert bullets(at)["วิสัยทัศน์ (Vision)"].value == "4/4 ขั้นตอน" and bullets(at)["ผู้บริหาร"].value == "3/5 (60%)"
    assert "ยังไม่มีคะแนน ITA ปี 2566: กรอก" not in text  # what to type where is for a desk, not the projector


def test_the_meeting_board_draws_the_ita_score_kpi_groups_and_budget_first_then_the_late_list(db_path):
    html = "".join(h.proto.body for h in run_app({"meeting": "1"}).get("html"))
    order = [html.index(part) for part in ("ITA ปีงบประมาณ 2565", "ผู้บริหาร", "ใช้จริง", "sj-due", "วิสัยทัศน์ (Vision)")]
    assert order == sorted(order)
    css = next(h.proto.body for h in run_app({"meeting": "1"}).get("html") if "sujarit-meeting" in h.proto.body)
    assert ".sj-table { font-size: 1.6rem !important" in css  # the late list ≥ 20 px (checked in chromium too)


def test_without_meeting_mode_the_sidebar_and_normal_type_stay(db_path):
    at = run_app({})
    assert at.sidebar.selectbox(key="fiscal_year").value == 2566 and not meeting_css(at)
    assert at.toggle(key="meeting_mode").value is False
    assert not meeting_css(run_app({"meeting": "0"}))


def test_meeting_mode_works_in_english(db_path):
    at = run_app({"meeting": "1", "lang": "en"})
    assert_clean(at)
    assert "ITA, FY2565 (latest result)\n86.17 level A" in page_text(at) and len(at.sidebar.children) == 0


def test_the_toggle_turns_meeting_mode_on_and_off_and_writes_the_link(run_page):
    at = run_page("pages/de_tracker.py")
    at.sidebar.selectbox(key="fiscal_year").select(2565).run()
    at.toggle(key="meeting_mode").set_value(True).run()
    assert_clean(at)
    assert at.query_params.get("meeting") == "1" and len(at.sidebar.children) == 0 and meeting_css(at)
    at.toggle(key="meeting_mode").set_value(False).run()
    assert "meeting" not in at.query_params and not meeting_css(at)
    assert at.sidebar.selectbox(key="fiscal_year").value == 2565  # the chosen year survives the meeting


def _record_fragments(monkeypatch) -> list[object]:
    seen: list[object] = []
    real = streamlit.fragment

    def spy(func=None, *, run_every=None, **kwargs):
        seen.append(run_every)
        return real(func, run_every=run_every, **kwargs)

    monkeypatch.setattr(streamlit, "fragment", spy)
    return seen


def test_the_board_is_a_fragment_that_refreshes_every_minute_in_meeting_mode_only(db_path, monkeypatch):
    seen = _record_fragments(monkeypatch)
    at = run_app({"meeting": "1"})
    assert seen == [60] and bullets(at)  # the live part renders inside the fragment
    run_app({})
    assert seen == [60, None]


def test_the_refresh_interval_is_configurable_and_never_under_five_seconds(db_path, monkeypatch):
    seen = _record_fragments(monkeypatch)
    for value in ("30", "1", "soon"):
        monkeypatch.setenv("DE_MEETING_REFRESH", value)
        run_app({"meeting": "1"})
    assert seen == [30, 5, 60]
