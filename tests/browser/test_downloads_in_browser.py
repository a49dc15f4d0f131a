"""Downloads in a real browser (report, workbook, CSV): made only on the click (deferred), and they are the real files."""

import io
import re
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import wait_ready

pytestmark = pytest.mark.browser


NAMES: list[str] = []  # the file names the browser was given, in order (the demo's say "-demo")


def _download(tab, label: str | re.Pattern) -> bytes:
    with tab.expect_download() as info:
        tab.get_by_role("button", name=label).click()
    data = Path(info.value.path()).read_bytes()
    NAMES.append(info.value.suggested_filename)
    wait_ready(tab)  # a download button reruns the page: let it settle before the next click
    return data


def test_the_word_and_printable_reports_download_with_the_seed_figures(open_app):
    tab = open_app("/best-practice-report?lang=th")
    docx = _download(tab, "ดาวน์โหลด Word (.docx)")
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    assert "50,000 บาท" in body and "TH SarabunPSK" in body
    html = _download(tab, "ดาวน์โหลดฉบับพิมพ์ (.html)").decode("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "50,000 บาท" in html
    assert "ข้อมูลตัวอย่าง (demo)" in html
    assert NAMES[-2:] == ["best-practice-2566-th-demo.docx", "best-practice-2566-th-demo.html"]
    assert tab.locator('[data-testid="stException"]').count() == 0


def test_the_workbook_and_csv_exports_download_with_the_sheet_cells(open_app):
    tab = open_app("/import-export?lang=th")
    xlsx = zipfile.ZipFile(io.BytesIO(_download(tab, "ดาวน์โหลดทั้งสมุดงาน (.xlsx)")))
    sheets = xlsx.read("xl/workbook.xml").decode("utf-8")
    assert "ค่าใช้จ่าย" in sheets and "ขั้นตอน DE" in sheets
    bundle = zipfile.ZipFile(io.BytesIO(_download(tab, "ดาวน์โหลดทุกแท็บ (.zip ของไฟล์ CSV)")))
    names = bundle.namelist()
    assert len(names) >= 15 and all(n.endswith(".csv") for n in names)
    text = bundle.read("expenses.csv").decode("utf-8-sig")
    assert text.startswith("รหัส,") and "exp-01" in text
    one = _download(tab, re.compile(r"«ตั้งค่า» \(\.csv\)"))
    assert one.decode("utf-8-sig").count("\n") >= 2
    assert NAMES[-3:] == ["sujarit-de-workbook-demo.xlsx", "sujarit-de-csv-demo.zip", "settings-demo.csv"]
    assert tab.locator('[data-testid="stException"]').count() == 0
