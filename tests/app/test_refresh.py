"""The refresh button really clears the cached workbook: a change made in the sheet shows after a click."""

from tests.app.conftest import assert_clean, page_text


def test_a_sheet_edit_shows_only_after_refresh_when_the_cache_is_warm(run_page, store):
    at = run_page()
    assert "50,000 บาท" in page_text(at)
    store.update("settings", "fy-2566", {"allocation": "๖๐,๐๐๐ บาท"})
    at.run()
    assert "60,000 บาท" not in page_text(at), "a rerun inside the ttl reuses the cached workbook"
    assert_clean(at)
    at.button(key="refresh").click().run()
    assert_clean(at)
    assert "60,000 บาท" in page_text(at)
