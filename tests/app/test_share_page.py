"""Share page: the read-only link of the deployed app with ?lang, its QR code, and what a viewer can and cannot do."""

from tests.app.conftest import assert_clean, page_text


def _link(at) -> str:
    return at.get("code")[0].proto.code_text


def test_the_share_page_gives_the_deployed_apps_read_only_link_in_thai(run_page, store):
    at = run_page("pages/share.py", deployed=True)
    assert_clean(at)
    assert _link(at) == "https://de-dashboard.example.go.th/?lang=th"
    text = page_text(at)
    assert "แก้ไขอะไรไม่ได้" in text and "คุณกำลังใช้งานในฐานะผู้ชม" in text
    assert "เครื่องนี้เอง" not in text  # no local-only warning for a real address


def test_the_qr_code_is_shown_and_downloadable(run_page, store):
    at = run_page("pages/share.py", deployed=True)
    assert len(at.get("image")) == 1
    button = at.get("download_button")[0].proto
    assert "QR" in button.label


def test_choosing_english_changes_the_link_language(run_page, store):
    at = run_page("pages/share.py", deployed=True)
    at.segmented_control(key="share_lang").set_value("en").run()
    assert _link(at) == "https://de-dashboard.example.go.th/?lang=en"
    assert "คุณกำลังใช้งานในฐานะผู้ชม" in page_text(at)  # the page itself stays in Thai


def test_in_english_the_page_and_link_are_english(run_page, store):
    at = run_page("pages/share.py", "en", deployed=True)
    assert_clean(at)
    assert _link(at).endswith("/?lang=en")
    assert "What the regional office will see" in page_text(at)


def test_a_localhost_address_warns_that_other_computers_cannot_open_it(run_page, store):
    at = run_page("pages/share.py", url="http://localhost:8501/")
    assert _link(at) == "http://localhost:8501/?lang=th"
    assert "คอมพิวเตอร์เครื่องอื่นเปิดไม่ได้" in page_text(at)
    assert "ผู้แก้ไข" in page_text(at)


def test_the_page_states_the_configured_refresh_time(run_page, store, monkeypatch):
    monkeypatch.setenv("DE_CACHE_TTL", "300")
    at = run_page("pages/share.py", deployed=True)
    assert "ภายใน 300 วินาที" in page_text(at)


def test_without_an_address_the_page_explains_how_to_get_the_link(run_page, store):
    at = run_page("pages/share.py")
    assert_clean(at)
    assert not at.get("code") and "แถบที่อยู่" in page_text(at)
