"""The app on a workbook made by `de-dashboard init`: every page opens in Thai and English without the demo
banner, and its empty states say what to fill in and where."""

from __future__ import annotations

from datetime import datetime

import pytest

from de_core.ops.setup import Office, init_embedded
from de_core.writing.submission import BANGKOK
from tests.app.conftest import PAGES, assert_clean, page_text

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK)  # FY2570


@pytest.fixture
def own_office(db_path):
    init_embedded(db_path, Office("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1", "โครงการเขตสุจริต"), NOW)
    return db_path


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_page_opens_on_an_init_workbook_without_the_demo_banner(run_page, own_office, lang):
    for page in PAGES:
        at = run_page(page, lang)
        assert_clean(at)
        text = page_text(at)
        assert "ข้อมูลตัวอย่าง (demo)" not in text and "Demo data (FY2566)" not in text, page
        assert "2566" not in text, f"{page} shows something of the demo year"


def test_the_empty_pages_say_what_to_fill_in_where(run_page, own_office):
    said = {page: page_text(run_page(page)) for page in ("pages/overview.py", "pages/kpis.py", "pages/ita.py",
                                                         "pages/activities.py", "pages/de_tracker.py")}
    for page, text in said.items():
        assert "แท็บ" in text, f"{page} does not say which tab to fill in:\n{text[:400]}"
    assert "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1" in said["pages/overview.py"]


def test_without_a_region_an_office_of_its_own_sees_no_made_up_region(run_page, own_office):
    text = page_text(run_page("pages/region.py"))
    assert "ยังไม่ได้ตั้งค่าเขต" in text and "Regional view" in text
    assert "เขตตัวอย่าง (demo)" not in text and "ปีงบประมาณ" not in text  # no scorecard of generated offices
