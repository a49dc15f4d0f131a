"""While a cold refresh runs, the scorecard says how far it is and about how long the rest takes, and shows the
offices already read."""

from __future__ import annotations

import threading
from datetime import date

from streamlit.testing.v1 import AppTest

from de_core.ops.region_demo import demo_office_workbook, demo_offices
from de_core.region.pacer import Pacer
from de_core.region.refresh import Region
from de_core.region.settings import region_settings
from de_ui import region as ui_region
from tests.app.conftest import ROOT, assert_clean, page_text

SECRETS = {"region": {"workbook": "https://docs.google.com/spreadsheets/d/regional-key/edit"}}


def test_the_page_says_how_far_a_cold_refresh_is(db_path, monkeypatch):
    offices = demo_offices(245)
    release = threading.Event()

    def read(office):
        if office.id == offices[37].id:
            release.wait(30)  # the pass stops here: 37 read, 208 to go
        if release.is_set():
            raise OSError("the test is over")  # the rest of the pass ends at once
        return demo_office_workbook(office.source)

    pacer = Pacer(50)
    region = Region(lambda: offices, read, pacer=pacer, today=lambda: date(2023, 6, 30))
    monkeypatch.setattr(ui_region, "REGIONS", {repr(region_settings(SECRETS)): region})
    region.start()
    try:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        at.secrets["region"] = SECRETS["region"]
        at.run()
        at.switch_page("pages/region.py")
        for _ in range(200):
            if region.progress.done >= 37:
                break
            threading.Event().wait(0.05)
        at.run()
        assert_clean(at)
        text = page_text(at)
        assert "กำลังอ่าน 37 จาก 245 สำนักงาน · อีกราว" in text and "นาที" in text
        assert "37 จาก 245" in text, "the offices read so far are shown meanwhile"
    finally:
        release.set()
        region.stop()
