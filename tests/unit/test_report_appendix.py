"""The Best Practice report's appendix (issue #19): the learning log per KRA group after the seed's sections (their
order untouched), in the model, the printable HTML and the .docx; an empty log is one line, not an empty table."""

from __future__ import annotations

import io
import re

from docx import Document

from de_core.documents.report import build_report, render_docx, render_html
from tests.unit.itadata import demo_with

FY = 2566
TITLE = "ภาคผนวก บันทึกการเรียนรู้ (Learning log)"
COLUMNS = ["วันที่", "ประเภท", "เรื่อง", "รายละเอียด"]


def test_the_appendix_follows_the_references_and_leaves_the_seed_sections_as_they_are(demo_wb, today):
    report = build_report(demo_wb, FY, "th", today)
    assert report.sections[-1].key == "references"
    assert all(not s.key.startswith("appendix") for s in report.sections)
    assert [s.key for s in report.parts][-2:] == ["references", "appendix-learning"]
    appendix = report.section("appendix-learning")
    assert (appendix.heading, appendix.in_toc, appendix.level) == (TITLE, True, 1)
    subheadings = [b.text for b in appendix.blocks if b.kind == "subheading"]
    assert subheadings == ["สำนักงานฯ", "ผู้บริหาร", "ศึกษานิเทศก์", "บุคลากร"]


def test_the_executives_table_tells_the_adp_02_story_in_date_order(demo_wb, today):
    appendix = build_report(demo_wb, FY, "th", today).section("appendix-learning")
    executives = appendix.tables()[1]
    assert executives.headers == COLUMNS
    assert [r[:2] for r in executives.rows[:3]] == [["21 ธ.ค. 2565", "เสนอการปรับเปลี่ยน"],
                                                   ["27 ม.ค. 2566", "ปรับแล้ว"], ["10 ก.พ. 2566", "สะท้อนผล"]]
    assert "ไม่ต้องนัดซ้ำ" in executives.rows[1][3]  # the effect seen after the change


def test_the_printable_html_lists_the_appendix_in_the_contents_and_prints_it_after_the_references(demo_wb, today):
    page = render_html(build_report(demo_wb, FY, "th", today))
    toc = page[page.index("<nav"):page.index("</nav>")]
    assert toc.index("เอกสารอ้างอิง") < toc.index("ภาคผนวก บันทึกการเรียนรู้")
    appendix = page[page.index('<section id="s-appendix-learning">'):]
    assert page.index('<section id="s-references">') < page.index('<section id="s-appendix-learning">')
    assert 'class="newpage"' in appendix[:200]
    assert re.search(r"<td>27 ม\.ค\. 2566</td><td>ปรับแล้ว</td><td>ผู้รับผิดชอบหลักเตรียมร่างแนวทาง", appendix)


def test_the_docx_ends_with_the_appendix_heading_and_its_tables(demo_wb, today):
    doc = Document(io.BytesIO(render_docx(build_report(demo_wb, FY, "en", today))))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-1] == "Appendix: Learning log"
    tables = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Date", "Kind", "What", "Detail"]]
    assert len(tables) == 4  # one per KRA group
    done = [[c.text for c in row.cells] for row in tables[1].rows if row.cells[1].text == "adaptation done"]
    assert done[0][0] == "27 Jan 2023" and done[0][2].startswith("ผู้รับผิดชอบหลักเตรียมร่างแนวทาง")


def test_an_empty_log_is_one_placeholder_line_and_no_table(today):
    wb = demo_with(drops={"reflections": [f"ref-0{n}" for n in range(1, 9)],
                          "adaptations": [f"adp-0{n}" for n in range(1, 10)],
                          "outcomes": ["out-01", "out-02", "out-03"]})
    report = build_report(wb, FY, "th", today)
    appendix = report.section("appendix-learning")
    assert [b.kind for b in appendix.blocks] == ["placeholder"]
    assert appendix.blocks[0].text.startswith("ยังไม่มีบันทึกการเรียนรู้ของปีงบประมาณนี้")
    doc = Document(io.BytesIO(render_docx(report)))
    assert not [t for t in doc.tables if [c.text for c in t.rows[0].cells] == COLUMNS]
    assert any(p.text.startswith("ยังไม่มีบันทึกการเรียนรู้") for p in doc.paragraphs)
