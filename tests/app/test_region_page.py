"""The regional scorecard on the demo region (no Google account): both languages, the totals, an office opened
read-only from it."""

from __future__ import annotations

import pytest

from de_ui import region as ui_region
from tests.app.conftest import assert_clean, page_text

PAGE = "pages/region.py"


@pytest.fixture(autouse=True)
def fresh_regions(monkeypatch):
    monkeypatch.setattr(ui_region, "REGIONS", {})


@pytest.mark.parametrize(("lang", "words"), [
    ("th", ["ภาพรวมสำนักงานในเขต", "เขตตัวอย่าง (demo)", "การกระจายระดับ ITA", "สำนักงานเขตพื้นที่การศึกษาตัวอย่าง 3",
            "อ่านได้ทุกสำนักงาน", "ยังไม่มีคะแนน", "ขาดถึง AA"]),
    ("en", ["Offices of the region", "Demo region", "ITA bands", "สำนักงานเขตพื้นที่การศึกษาตัวอย่าง 3",
            "Every office could be read", "no score yet", "Gap to AA"]),
])
def test_the_demo_region_scorecard_shows_every_office_in_both_languages(run_page, lang, words):
    at = run_page(PAGE, lang)
    assert_clean(at)
    text = page_text(at)
    for word in words:
        assert word in text, word
    for n in range(1, 7):
        assert f"ตัวอย่าง {n} (demo)" in text
    assert "▲" in text or "▼" in text, "arrows against the previous year"


def test_the_scorecard_filters_by_name_and_sorts_by_name(run_page):
    at = run_page(PAGE, "en")
    at.text_input(key=ui_region.FIND_KEY).set_value("ตัวอย่าง 4").run()
    assert_clean(at)
    text = page_text(at)
    assert "Showing 1 of 7 offices" in text and "ตัวอย่าง 4 (demo)" in text and "ตัวอย่าง 5 (demo)" not in text


def test_the_scorecard_downloads_as_xlsx(run_page):
    at = run_page(PAGE, "en")
    buttons = [b for b in at.get("download_button") if "xlsx" in str(b.proto.label)]
    assert buttons, "an .xlsx download"


def test_an_office_opened_from_the_scorecard_is_shown_read_only(run_page, db_path):
    at = run_page(None, "th", url="http://127.0.0.1:8501/region-scorecard")
    at.switch_page(PAGE)
    at.run()
    links = [h.proto.body for h in at.get("html") if "dashboard?office=" in h.proto.body]
    assert links, "each office's name links to its own pages"
    at.query_params["office"] = "demo-002"
    at.switch_page("pages/overview.py")
    at.run()
    assert_clean(at)
    assert "กำลังดูหน้าของ สำนักงานเขตพื้นที่การศึกษาตัวอย่าง 2" in page_text(at)
    at.switch_page("pages/results.py")
    at.run()
    assert not at.get("form"), "a viewed office offers no form to write with, even on loopback"


def test_an_office_id_the_region_does_not_list_is_forgotten_and_the_editor_keeps_editing(run_page):
    at = run_page(None, "th")
    at.query_params["office"] = "no-such-office"
    at.switch_page("pages/reflect.py")
    at.run()
    assert_clean(at)
    assert "กำลังดูหน้าของ" not in page_text(at)
    assert [w for w in at.text_area if w.key == "reflect.what"], "this machine's editor still has the form"
    assert "office" not in at.query_params


def test_on_an_office_of_its_own_a_demo_office_id_opens_nothing(run_page, store):
    sid = next(r[0] for r in store.read_all().tabs["ตั้งค่า"].rows[1:] if r and r[0])
    store.update("settings", sid, {"is_demo": "FALSE", "note": ""})  # this server's own data, no [region]
    at = run_page(None, "th")
    at.query_params["office"] = "demo-002"
    at.switch_page("pages/overview.py")
    at.run()
    assert_clean(at)
    assert "สำนักงานเขตพื้นที่การศึกษาตัวอย่าง 2" not in page_text(at)


def test_a_changed_region_setting_stops_the_old_refresh(run_page):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import ROOT

    run_page(PAGE, "th")
    (old,) = ui_region.REGIONS.values()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["region"] = {"name": "เขตทดสอบ", "refresh_minutes": 30}  # still the demo region, other settings
    at.run()
    at.switch_page(PAGE).run()
    assert_clean(at)
    (new,) = ui_region.REGIONS.values()
    assert new is not old and old._stop.is_set(), "one refresh thread (one pacer) per server, never two"
