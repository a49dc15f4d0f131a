"""The app on the Google backend: a configuration a person got wrong shows a message, never a traceback."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import ROOT, assert_clean, page_text

ACCOUNT = {"type": "service_account", "client_email": "de-dashboard@demo.iam.gserviceaccount.com",
           "token_uri": "https://oauth2.googleapis.com/token"}


def _run(gsheets: dict, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["connections"] = {"gsheets": gsheets}
    if lang:
        at.query_params["lang"] = lang
    at.run()
    return at


def test_a_bad_service_account_key_shows_the_thai_message_and_the_fix(db_path):
    at = _run({"spreadsheet": "https://docs.google.com/spreadsheets/d/abc/edit", **ACCOUNT})
    assert_clean(at)
    text = page_text(at)
    assert "ไฟล์กุญแจบริการ (service account) ไม่ถูกต้อง" in text and "private_key" in text
    assert ".streamlit/secrets.toml" in text


def test_a_sheet_url_that_is_not_a_sheet_shows_a_message(db_path):
    at = _run({"spreadsheet": "https://example.com/not-a-sheet", **ACCOUNT})
    assert_clean(at)
    assert "ที่อยู่ของ Google Sheet ไม่ถูกต้อง" in page_text(at)
