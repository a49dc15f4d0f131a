"""Thai by default, English by ?lang=en or the sidebar switch; the choice stays in the session and in the URL."""

import re

import pytest

from tests.app.conftest import PAGES, assert_clean

THAI = re.compile("[\u0e00-\u0e7f]")


def _title(at) -> str:
    return at.title[0].value


def _url_lang(at) -> str | None:
    value = at.query_params.get("lang")
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("page", PAGES)
def test_lang_en_in_the_url_turns_every_page_title_english(run_page, page):
    at = run_page(page, "en")
    assert_clean(at)
    assert not THAI.search(_title(at)), _title(at)
    assert _url_lang(at) == "en"


def test_thai_is_the_default_and_is_written_into_the_url(run_page):
    at = run_page()
    assert THAI.search(_title(at))
    assert _url_lang(at) == "th"


def test_the_language_is_remembered_when_another_page_drops_the_query(run_page):
    at = run_page(lang="en")
    at.query_params.clear()  # a menu click opens the next page without query parameters
    at.switch_page("pages/data_health.py").run()
    assert_clean(at)
    assert _title(at) == "Data health"
    assert _url_lang(at) == "en"  # and the URL gets it back, so a reload or a copied link keeps English


def test_the_switch_changes_the_whole_page_at_once_and_keeps_lang_in_the_url(run_page):
    at = run_page()
    at.segmented_control(key="_lang_switch").set_value("en").run()
    assert_clean(at)
    assert _title(at) == "Project overview" and _url_lang(at) == "en"
    at.switch_page("pages/data.py").run()
    assert _title(at) == "Import and export" and _url_lang(at) == "en"


def test_unselecting_the_current_language_keeps_it(run_page):
    at = run_page(lang="en")
    at.segmented_control(key="_lang_switch").set_value(None).run()
    assert _title(at) == "Project overview"
    assert at.session_state["_lang_switch"] == "en" and _url_lang(at) == "en"


def test_an_unknown_language_in_the_url_falls_back_to_thai(run_page):
    at = run_page(lang="fr")
    assert_clean(at)
    assert THAI.search(_title(at)) and _url_lang(at) == "th"


def test_switching_to_thai_from_an_english_link_wins_over_the_link(run_page):
    at = run_page(lang="en")
    at.segmented_control(key="_lang_switch").set_value("th").run()
    assert _title(at) == "ภาพรวมโครงการ" and _url_lang(at) == "th"
