"""A real region over the fake Sheets server in AppTest: an office that cannot be read shows its reason on the
scorecard and on the regional Data health, and the rest of the page is whole."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from de_core.region.offices import offices_workbook as regional_workbook
from de_core.region.offices import region_schema
from de_core.store.local import SQLiteStore
from de_ui import region as ui_region
from tests.app.conftest import ROOT, assert_clean, page_text
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.region_support import FOLDER, put_offices, token_client

PAGE = "pages/region.py"


@pytest.fixture
def region_secrets(fake_sheets, db_path, tmp_path, monkeypatch):  # noqa: F811
    offices = put_offices(fake_sheets, 4)
    path = tmp_path / "region.sqlite"
    SQLiteStore(path, schema=region_schema()).initialize(regional_workbook(offices))
    monkeypatch.setattr(ui_region, "REGIONS", {})
    monkeypatch.setattr(ui_region, "CLIENT_FACTORY", lambda fields: token_client(fake_sheets))
    yield {"region": {"workbook": str(path), "drive_folder": FOLDER},
           "connections": {"gsheets": {"client_email": "region@demo.iam.gserviceaccount.com"}}}, offices
    for found in ui_region.REGIONS.values():
        found.stop()


def _run(secrets: dict, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for name, value in secrets.items():
        at.secrets[name] = value
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    at.run()
    (found,) = ui_region.REGIONS.values()
    assert found.wait_first_pass(60)
    at.run()
    return at


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_office_not_shared_shows_its_reason_and_the_rest_is_whole(fake_sheets, region_secrets, lang):  # noqa: F811
    secrets, offices = region_secrets
    fake_sheets.forbid(offices[1].key)
    at = _run(secrets, lang)
    assert_clean(at)
    text = page_text(at)
    for office in offices:
        assert office.name in text
    reason = "ยังไม่ได้แชร์ให้บัญชีบริการ" if lang == "th" else "not shared with the service account"
    assert reason in text
    health = [w.value for w in at.warning if "ตัวอย่าง 2" in w.value]
    assert health, "the office is on the regional Data health list"
    assert ("3 จาก 4" if lang == "th" else "3 of 4") in text, "the other three are read"


def test_an_office_that_was_read_keeps_its_figures_when_its_sheet_goes(fake_sheets, region_secrets):  # noqa: F811
    secrets, offices = region_secrets
    at = _run(secrets, "en")
    (found,) = ui_region.REGIONS.values()
    fake_sheets.forbid(offices[0].key)
    fake_sheets.drive.touch(offices[0].key)
    found.interval = 0
    found.refresh()
    at.run()
    assert_clean(at)
    text = page_text(at)
    assert "figures from the last good read" in text and "4 of 4" in text


def test_an_office_that_cannot_be_read_is_never_shown_with_this_servers_data(fake_sheets, region_secrets,  # noqa: F811
                                                                             monkeypatch):
    from de_core.region import refresh as refresh_module

    secrets, offices = region_secrets
    monkeypatch.setattr(refresh_module, "KEPT_WORKBOOKS", 0)  # nothing kept: the office view has to read
    at = _run(secrets, "th")
    fake_sheets.forbid(offices[1].key)
    at.query_params["office"] = offices[1].id
    at.switch_page("pages/overview.py")
    at.run()
    assert_clean(at)
    text = page_text(at)
    assert f"ยังอ่านข้อมูลของ {offices[1].name} ไม่ได้" in text and "ยังไม่ได้แชร์ให้บัญชีบริการ" in text
    assert "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ" not in text  # this server's own office: never under its name
