"""`de-dashboard report --year 2566 --format docx|pdf|html --out FILE` on the embedded workbook, as a fresh clone
runs it: the same report as the page, a clear message and exit 1 for a missing year or a PDF without Chromium (#17).
The PDF itself is made in tests/browser/test_report_pdf.py, where Chromium is installed."""

from __future__ import annotations

import io
import zipfile

import pytest

from de_core.ops import cli_report
from de_core.ops.cli import main


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("DE_DASHBOARD_DB", str(tmp_path / "workbook.sqlite"))
    none = str(tmp_path / "no-secrets.toml")

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main([*args, "--secrets", none], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return run


def test_the_docx_report_of_the_demo_year(cli, tmp_path):
    path = tmp_path / "out" / "report.docx"
    code, out, _ = cli("report", "--year", "2566", "--format", "docx", "--out", str(path))
    assert code == 0 and "wrote the FY2566 report (docx" in out and "demo data" in out
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "50,000 บาท" in body and " TOC " in body and "บทเรียนที่ได้รับ (Lesson Learned)" in body


def test_the_format_follows_the_file_name_and_the_html_has_every_section(cli, tmp_path):
    path = tmp_path / "report.html"
    code, _out, _ = cli("report", "--out", str(path))  # the current year of the settings: 2566 on the demo
    page = path.read_text(encoding="utf-8")
    assert code == 0 and page.startswith("<!doctype html>")
    for heading in ("คำนำ", "สารบัญ", "3.3 ประสิทธิภาพของการดำเนินงาน", "8.2.2 แนวทางในการพัฒนาผลงาน/นวัตกรรมใหม่",
                    "เอกสารอ้างอิง"):
        assert heading in page, heading


def test_an_english_report(cli, tmp_path):
    path = tmp_path / "report-en.html"
    assert cli("report", "--year", "2566", "--lang", "en", "--out", str(path))[0] == 0
    assert "6. Lessons learned" in path.read_text(encoding="utf-8")


def test_a_year_that_is_not_there_fails_with_a_reason(cli, tmp_path):
    code, out, _ = cli("report", "--year", "2599", "--out", str(tmp_path / "x.docx"))
    assert code == 1 and "2599" in out and not (tmp_path / "x.docx").exists()


def test_a_pdf_without_chromium_says_how_to_get_it(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(cli_report, "find_chromium", lambda: None)
    code, out, _ = cli("report", "--year", "2566", "--format", "pdf", "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "apt-get install chromium" in out and not (tmp_path / "r.pdf").exists()


def test_a_bad_format_is_a_usage_error(cli, tmp_path):
    assert cli("report", "--format", "odt", "--out", str(tmp_path / "r.odt"))[0] == 2
