"""The Best Practice report as PDF, printed by Debian's Chromium on this machine (#17): A4, every Thai heading
extracted intact, a page number and the demo note on every page, and page images to look at
(artifacts/report-pdf/). The text is read back with poppler's pdftotext (apt-get installs poppler-utils like the
browser harness installs chromium): pypdf 7 drops the Thai marks Chromium writes as ActualText spans ("ที่" reads
"ที"), so it cannot tell a good PDF from a broken one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from de_core.documents.report import build_report
from de_core.documents.report.pdf import render_pdf
from de_core.ops.demo import DEMO_AS_OF, demo_workbook
from de_core.sheet.workbook import parse_workbook
from tests.browser.conftest import ARTIFACTS, ensure_chromium

pytestmark = pytest.mark.browser
OUT = ARTIFACTS.parent / "report-pdf"
FY = 2566


def ensure_poppler() -> None:
    """pdftotext and pdftoppm, installed with apt-get when missing (root only; skipped elsewhere, failed in CI)."""
    if shutil.which("pdftotext") and shutil.which("pdftoppm"):
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        if os.environ.get("CI"):
            pytest.fail("CI cannot install poppler-utils (needs root and apt-get)")
        pytest.skip("the PDF checks need poppler-utils: `sudo apt-get install -y poppler-utils`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "poppler-utils"], check=True, env=env, stdout=subprocess.DEVNULL)


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u2060]+", "", text)


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """(report, its PDF file, seconds Chromium took)."""
    chromium = ensure_chromium()
    ensure_poppler()
    report = build_report(parse_workbook(demo_workbook()), FY, "th", DEMO_AS_OF)
    start = time.monotonic()
    data = render_pdf(report, chromium)
    seconds = time.monotonic() - start
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "best-practice-2566-th-demo.pdf"
    path.write_bytes(data)
    return report, path, seconds


def test_the_pdf_is_a4_and_its_thai_headings_come_back_intact(demo):
    report, path, seconds = demo
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    assert "(A4)" in info and page_count(path) >= 30
    text = pdf_text(path)
    for exact in ("สารบัญ", "คำนำ", "ปัจจัยความสำเร็จ", "บทเรียนที่ได้รับ (Lesson Learned)", "เอกสารอ้างอิง",
                  "3.2 การดำเนินงานตามกิจกรรม", "ประสิทธิภาพของการดำเนินงาน"):
        assert exact in text, exact  # vowels and tone marks in their places, ำ whole, no stray spaces
    squeezed = squeeze(text)
    missing = [s.heading for s in report.sections if squeeze(s.heading) not in squeezed]
    assert missing == []
    assert "ไม่ใช้งบประมาณ" in squeezed and "50,000บาท" in squeezed
    assert seconds < 60


def test_every_page_has_its_number_and_the_demo_note(demo):
    _report, path, _seconds = demo
    for page in range(1, page_count(path) + 1):
        text = pdf_text(path, page)
        assert "ข้อมูลตัวอย่าง (demo) ไม่ใช่รายงานจริงของสำนักงาน" in text, page
        if page > 1:  # the cover has none
            assert re.search(rf"^\s*-\s*{page}(\s|-|$)", text, re.M), page


def test_the_pages_render_to_images_to_look_at(demo):
    _report, path, _seconds = demo
    for old in OUT.glob("page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(OUT / "page")], check=True)
    images = sorted(OUT.glob("page-*.png"))
    assert len(images) == page_count(path) and all(p.stat().st_size > 10_000 for p in images)


def test_an_init_workbook_prints_with_placeholders(tmp_path):
    from de_core.ops.setup import Office, init_embedded
    from de_core.store.local import SQLiteStore

    chromium = ensure_chromium()
    ensure_poppler()
    result = init_embedded(tmp_path / "office.sqlite", Office(office_name="สำนักงานเขตพื้นที่การศึกษาทดลอง"))
    wb = parse_workbook(SQLiteStore(result.path).read_all())
    path = tmp_path / "init.pdf"
    path.write_bytes(render_pdf(build_report(wb, result.fiscal_year, "th", DEMO_AS_OF), chromium))
    text = pdf_text(path)
    assert "ยังไม่มีเนื้อหา" in text and "สำนักงานเขตพื้นที่การศึกษาทดลอง" in text and "ข้อมูลตัวอย่าง" not in text


def test_the_command_line_writes_the_same_report_as_pdf(tmp_path, monkeypatch):
    import io

    from de_core.ops.cli import main

    ensure_chromium()
    ensure_poppler()
    monkeypatch.setenv("DE_DASHBOARD_DB", str(tmp_path / "workbook.sqlite"))
    path = tmp_path / "report.pdf"
    out = io.StringIO()
    code = main(["report", "--year", "2566", "--format", "pdf", "--out", str(path), "--secrets",
                 str(tmp_path / "none.toml")], out=out, err=io.StringIO())
    assert code == 0 and "(pdf," in out.getvalue()
    assert "ปัจจัยความสำเร็จ" in pdf_text(path) and page_count(path) >= 30


TEXT_WIDTH_PX = 605  # 16 cm, the A4 page inside the report's margins, in CSS pixels
TOO_WIDE = """() => { const words = new Intl.Segmenter('th', {granularity: 'word'}); const out = [];
  for (const cell of document.querySelectorAll('td, th')) {
    const style = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      for (const word of words.segment(node.data)) {
        if (!word.isWordLike) continue;
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word.segment.length);
        const width = [...range.getClientRects()].reduce((sum, box) => sum + box.width, 0);
        if (width > room + 0.5) out.push([word.segment, Math.round(width), Math.round(room)]);
      } } }
  return out; }"""


def test_no_word_of_the_demo_report_is_wider_than_its_table_column(chromium_context, tmp_path):
    """A table column narrower than a word would have Chromium cut the word (ศึกษานิเทศ|ก์): every word ICU finds
    in a cell fits the cell, laid out as printed."""
    from de_core.documents.report import render_html

    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(build_report(parse_workbook(demo_workbook()), FY, "th", DEMO_AS_OF)), "utf-8")
    tab = chromium_context.new_page()
    try:
        tab.set_viewport_size({"width": TEXT_WIDTH_PX, "height": 900})
        tab.emulate_media(media="print")
        tab.goto(page_file.as_uri())
        tab.evaluate("document.fonts.ready")
        assert tab.evaluate(TOO_WIDE) == []
    finally:
        tab.close()
