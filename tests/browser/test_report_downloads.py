"""The report's downloads in a real browser: made only on the click (deferred), and they are the real files."""

import io
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def _download(tab, label: str) -> bytes:
    with tab.expect_download() as info:
        tab.get_by_role("button", name=label).click()
    return Path(info.value.path()).read_bytes()


def test_the_word_and_printable_reports_download_with_the_seed_figures(open_app):
    tab = open_app("/best-practice-report?lang=th")
    docx = _download(tab, "ดาวน์โหลด Word (.docx)")
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    assert "50,000 บาท" in body and "TH SarabunPSK" in body
    html = _download(tab, "ดาวน์โหลดฉบับพิมพ์ (.html)").decode("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "50,000 บาท" in html
    assert tab.locator('[data-testid="stException"]').count() == 0
