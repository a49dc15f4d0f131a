"""The Best Practice report: every section of the seed's table of contents, the tables from the other tabs, the text
from the tab เนื้อหารายงาน, in .docx and printable HTML, sheet text escaped, placeholders where nothing is written."""

import io
import re
import zipfile
from datetime import date

from docx import Document
from docx.oxml.ns import qn

from de_core.documents.report import build_report, render_docx, render_html
from de_core.documents.report.model import Table
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook

FY = 2566


def _tab(raw, title: str) -> tuple[RawTab, dict[str, int]]:
    tab = raw.tabs[title]
    return tab, {h: i for i, h in enumerate(tab.header)}


def test_the_sections_follow_the_seed_table_of_contents_in_order(demo_wb, today):
    report = build_report(demo_wb, FY, "th", today)
    assert [s.key for s in report.sections] == [
        "foreword", "form", "details", "1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2", "3.3", "3.4", "4",
        "4.1", "4.2", "4.3", "5", "6", "7", "7.1", "7.2", "8", "8.1", "8.2", "8.2.1", "8.2.2", "references"]
    assert report.section("1.1").heading == "1.1 เหตุผลที่เกิดจากแรงบันดาลใจความจำเป็นปัญหาหรือความต้องการ"
    assert report.section("6").heading == "6. บทเรียนที่ได้รับ (Lesson Learned)"
    assert [s.key for s in report.sections if not s.in_toc] == ["foreword", "details"]


def test_the_budget_table_has_activities_4_and_5_with_10000_and_40000_and_a_50000_total(demo_wb, today):
    budget = build_report(demo_wb, FY, "th", today).table("3.4")
    by_no = {row[0]: row for row in budget.rows}
    assert list(by_no) == ["1", "2", "3", "4", "5", "6"]
    assert by_no["4"][3] == "10,000 บาท" and by_no["5"][3] == "40,000 บาท"
    assert by_no["1"][3] == "ไม่ใช้งบประมาณ"
    assert by_no["5"][2] == "พ.ค. – ส.ค. 2566" and by_no["3"][2] == "พ.ย. – ธ.ค. 2565"
    assert budget.total == ["", "รวม", "", "50,000 บาท"]
    assert "5.11 กิจกรรมสรุปและรายงานผลการดำเนินงาน" in by_no["5"][1]


def test_the_kra_kpi_table_lists_the_14_kpis_by_group_under_the_vision(demo_wb, today):
    de = build_report(demo_wb, FY, "th", today).table("3.3")
    assert len(de.rows) == 14
    assert de.rows[0][0].startswith("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ") and all(r[0] == "" for r in de.rows[1:])
    assert [r[1] for r in de.rows if r[1]] == ["สำนักงานฯ", "ผู้บริหาร", "ศึกษานิเทศก์", "บุคลากร"]
    assert de.spans()[(0, 0)] == 14 and de.spans()[(1, 1)] == 5
    assert de.rows[0][2].startswith("1. สำนักงานเขตพื้นที่การศึกษาผ่านเกณฑ์") and "AA" in de.rows[0][2]


def test_the_steps_table_has_the_16_de_steps_stage_by_stage(demo_wb, today):
    steps = build_report(demo_wb, FY, "th", today).table("3.2")
    assert len(steps.rows) == 16 and steps.headers[:2] == ["ชั้น", "ขั้นตอนการดำเนินงาน"]
    assert [r[0] for r in steps.rows if r[0]] == [
        "ชั้นกำหนดวิสัยทัศน์ร่วมกัน (Vision)", "ชั้นวิเคราะห์ความซับซ้อนเพื่อกำหนดเป้าหมายร่วมกัน (KRA)",
        "ชั้นกำหนดตัวชี้วัดความสำเร็จร่วมกัน (KPI)", "ชั้นดำเนินกิจกรรมและเก็บข้อมูลเพื่อแสดงผลการเปลี่ยนแปลง (ACT)",
        "ชั้นสะท้อนผลการดำเนินกิจกรรม (Reflection)"]
    assert steps.rows[0][1].startswith("1.1. มอบหมายผู้รับผิดชอบ") and steps.rows[0][3] == "เสร็จแล้ว (10 ต.ค. 2565)"
    assert steps.rows[-1][3] == "ยังไม่เริ่ม"


def test_the_flowchart_of_3_1_is_drawn_from_the_de_steps(demo_wb, today):
    section = build_report(demo_wb, FY, "th", today).section("3.1")
    flow = next(b for b in section.blocks if b.kind == "flowchart")
    assert [len(s.steps) for s in flow.flow.stages] == [4, 3, 3, 3, 3]
    assert flow.flow.stages[4].steps[2] == ("5.3", "นำผลการดำเนินงานที่สมบูรณ์เผยแพร่ต่อสาธารณะ เพื่อประโยชน์ต่อทางราชการต่อไป")
    assert flow.label == "ภาพประกอบ 2" and flow.text.startswith("ขั้นตอนการพัฒนาผลงานนวัตกรรม")  # the seed's caption
    assert "ปลอดทุจริตที่ยั่งยืน" in flow.flow.goal  # the vision
    assert [b.kind for b in section.blocks] == ["paragraph", "figure", "paragraph", "flowchart"]


def test_a_changed_step_changes_the_flowchart_and_the_steps_table(demo_raw, today):
    tab, col = _tab(demo_raw, "ขั้นตอน DE")
    next(r for r in tab.rows if r[0] == "step-5.3")[col["ขั้นตอน"]] = "เผยแพร่ผ่านเว็บไซต์และเพจ"
    report = build_report(parse_workbook(demo_raw), FY, "th", today)
    flow = next(b for b in report.section("3.1").blocks if b.kind == "flowchart").flow
    assert flow.stages[4].steps[2] == ("5.3", "เผยแพร่ผ่านเว็บไซต์และเพจ")
    assert report.table("3.2").rows[-1][1] == "5.3. เผยแพร่ผ่านเว็บไซต์และเพจ"


def test_objectives_give_2_1_2_2_and_the_4_1_results_table(demo_wb, today):
    report = build_report(demo_wb, FY, "th", today)
    assert [b.label for b in report.section("2.1").blocks] == ["2.1.1", "2.1.2", "2.1.3"]
    labels = [b.label for b in report.section("2.2").blocks]
    assert labels == ["2.2.1", "1)", "2)", "3)", "2.2.2", "1)", "2)", "3)"]
    results = report.table("4.1")
    assert results.headers == ["วัตถุประสงค์", "ผลการดำเนินงาน", "หลักฐาน"] and len(results.rows) == 3


def test_the_lessons_table_is_principle_caution_guidance_from_the_sheet(demo_wb, today):
    lessons = build_report(demo_wb, FY, "th", today).table("6")
    assert lessons.headers == ["หลักการที่ได้เรียนรู้การพัฒนาผลงาน/นวัตกรรม", "ข้อสังเกตหรือข้อควรระวังการพัฒนาผลงาน/นวัตกรรม",
                               "แนวทางจากการพัฒนาผลงาน/นวัตกรรมเพื่อให้ประสบความสำเร็จมากยิ่งขึ้น"]
    assert len(lessons.rows) == 5 and all(len(r) == 3 for r in lessons.rows)
    assert lessons.rows[0][0].startswith("1. หลักการทำงานอย่างเป็นขั้นตอน")
    assert "กระจายกิจกรรมแต่ละไตรมาส ไม่กระจุกในไตรมาสเดียว" in lessons.rows[0][2]


def test_rows_reordered_in_the_sheet_reorder_the_section_and_renumber_it(demo_raw, today):
    tab, col = _tab(demo_raw, "เนื้อหารายงาน")
    for row in tab.rows[1:]:
        if row[0] == "rs-5-02":
            row[col["ลำดับ"]] = "99"  # the first success factor goes last
    blocks = build_report(parse_workbook(demo_raw), FY, "th", today).section("5").blocks
    heads = [(b.label, b.text) for b in blocks if b.kind == "subheading"]
    assert heads[0] == ("5.1", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน")
    assert heads[-1] == ("5.10", "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ")


def test_4_2_without_table_rows_of_its_own_shows_what_the_activities_are_tagged_with(demo_raw, today):
    tab, col = _tab(demo_raw, "เนื้อหารายงาน")
    tab.rows[1:] = [r for r in tab.rows[1:] if r[col["หัวข้อ"]] != "4.2 ผลสัมฤทธิ์ของงาน"]
    section = build_report(parse_workbook(demo_raw), FY, "th", today).section("4.2")
    chars, decls = section.tables()
    assert [r[0] for r in chars.rows] == ["1. ทักษะกระบวนการคิด", "2. มีวินัย", "3. ซื่อสัตย์สุจริต", "4. อยู่อย่างพอเพียง",
                                          "5. จิตสาธารณะ"]
    assert [r[0] for r in decls.rows] == ["1. การปลูกฝัง", "2. การป้องกัน", "3. การสร้างเครือข่าย"]


def test_the_report_follows_a_changed_budget(demo_raw, today, schema):
    tab, col = _tab(demo_raw, "กิจกรรม")
    next(r for r in tab.rows if r[0] == "act-5")[col["งบประมาณที่ใช้"]] = "๔๕,๐๐๐ บาท"
    budget = build_report(parse_workbook(demo_raw, schema), FY, "th", today).table("3.4")
    assert {r[0]: r[3] for r in budget.rows}["5"] == "45,000 บาท" and budget.total[3] == "55,000 บาท"


def test_an_empty_workbook_gives_every_section_a_placeholder_saying_what_to_enter(schema, today):
    report = build_report(parse_workbook(RawWorkbook(), schema), None, "th", today)
    leaves = [s for s in report.sections if s.key not in ("1", "2", "3", "4", "7", "8", "8.2", "details")]
    for section in leaves:
        kinds = {b.kind for b in section.blocks}
        assert kinds <= {"placeholder", "facts", "checklist"} and kinds, section.key
    assert "แท็บ «เนื้อหารายงาน»" in report.section("1.1").blocks[0].text
    assert "แท็บ «ขั้นตอน DE»" in report.section("3.1").blocks[0].text
    assert "ตั้งค่า" in report.subtitle and "ตั้งค่า" in report.cover.title
    assert "<table" not in render_html(report)
    assert len(Document(io.BytesIO(render_docx(report))).tables) == 0


def test_the_english_report_uses_english_headings_and_ce_dates(demo_wb, today):
    report = build_report(demo_wb, FY, "en", today)
    budget = report.table("3.4")
    assert budget.headers == ["No.", "Activity", "Period", "Budget"] and budget.total[3] == "฿50,000"
    assert report.section("6").heading == "6. Lessons learned"
    assert report.table("3.2").rows[0][3] == "done (10 Oct 2022)"


def test_the_cover_and_form_name_the_author_by_role_from_settings(demo_wb, today):
    report = build_report(demo_wb, FY, "th", today)
    assert report.cover.title.startswith("รูปแบบการขับเคลื่อนเขตพื้นที่การศึกษาสุจริต")
    assert "ตำแหน่ง ศึกษานิเทศก์ ผู้รับผิดชอบกิจกรรมเขตพื้นที่การศึกษาสุจริต" in report.cover.lines
    assert "กระทรวงศึกษาธิการ" in report.cover.lines and "ประเภท ผู้รับผิดชอบโครงการ" in report.cover.lines
    facts, category, chars = report.section("form").blocks
    assert ("ผู้จัดทำ (ตำแหน่ง)", "ศึกษานิเทศก์ ผู้รับผิดชอบกิจกรรมเขตพื้นที่การศึกษาสุจริต") in facts.pairs
    assert [on for on, _ in category.checks] == [False, False, True]
    assert all(on for on, _ in chars.checks) and len(chars.checks) == 5
    signature = report.section("foreword").blocks[-1]
    assert (signature.kind, signature.text, signature.label) == (
        "signature", "ศึกษานิเทศก์ ผู้รับผิดชอบกิจกรรมเขตพื้นที่การศึกษาสุจริต", "มิถุนายน 2566")


def test_figures_are_numbered_captioned_placeholders_with_their_link(demo_raw, today):
    tab, col = _tab(demo_raw, "เนื้อหารายงาน")
    next(r for r in tab.rows if r[0] == "rs-7.1-02")[col["ลิงก์ภาพ"]] = "https://demo.sujarit.example/web.png"
    report = build_report(parse_workbook(demo_raw), FY, "th", today)
    figures = [b for s in report.sections for b in s.blocks if b.kind in ("figure", "flowchart")]
    assert [b.label for b in figures] == [f"ภาพประกอบ {n}" for n in range(1, 6)]
    page = render_html(report)
    assert "https://demo.sujarit.example/web.png" in page and 'href="https://demo' not in page
    assert page.count("ยังไม่มีภาพ: ใส่ลิงก์ภาพ") == 3


def test_the_docx_has_a_toc_field_page_numbers_updates_on_open_and_the_seed_figures(demo_wb, today):
    data = render_docx(build_report(demo_wb, FY, "th", today))
    doc = Document(io.BytesIO(data))
    parts = zipfile.ZipFile(io.BytesIO(data))
    body, settings = parts.read("word/document.xml").decode(), parts.read("word/settings.xml").decode()
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-3" \\h \\z \\u </w:instrText>', body)
    assert '<w:updateFields w:val="true"/>' in settings
    headers = "".join(parts.read(n).decode() for n in parts.namelist() if n.startswith("word/header"))
    assert "> PAGE </w:instrText>" in headers
    footers = "".join(parts.read(n).decode() for n in parts.namelist() if n.startswith("word/footer"))
    assert footers.count("ข้อมูลตัวอย่าง (demo)") == 2  # every page, the cover's too
    page = doc.sections[0]
    assert (round(page.page_width.cm, 1), round(page.left_margin.cm, 1)) == (21.0, 3.0)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["แบบรายงานผลงาน/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)",
                            "1. ความสำคัญของผลงาน/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)"]
    assert headings[-2:] == ["เอกสารอ้างอิง", "ภาคผนวก บันทึกการเรียนรู้ (Learning log)"]  # the appendix comes last
    assert "8.2.2 แนวทางในการพัฒนาผลงาน/นวัตกรรมใหม่" in headings
    budget = next(t for t in doc.tables if t.rows[0].cells[-1].text == "งบประมาณที่ใช้")
    rows = [[c.text for c in row.cells] for row in budget.rows]
    assert ["4", "10,000 บาท"] == [rows[4][0], rows[4][3]] and rows[-1][1:] == ["รวม", "", "50,000 บาท"]
    assert budget.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the header row repeats on each page


def test_every_docx_run_names_a_thai_font_for_complex_script_text(demo_wb, today):
    doc = Document(io.BytesIO(render_docx(build_report(demo_wb, FY, "th", today))))
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert len(runs) > 300
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert fonts.get(qn("w:cs")) in ("TH SarabunPSK", "Segoe UI Symbol"), run.text
    normal = doc.styles["Normal"].element.rPr
    assert normal.rFonts.get(qn("w:cs")) == "TH SarabunPSK" and normal.find(qn("w:szCs")).get(qn("w:val")) == "32"


def test_the_html_is_printable_with_the_bundled_font_page_numbers_and_the_demo_mark(demo_wb, today):
    page = render_html(build_report(demo_wb, FY, "th", today))
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page
    assert "font-family: 'Sarabun'" in page and "data:font/woff2;base64," in page and "U+0E01-0E5B" in page
    assert "@page" in page and 'counter(page)' in page and "font-size: 16pt" in page
    assert '<div class="demo-mark"' in page and "ข้อมูลตัวอย่าง (demo) ไม่ใช่รายงานจริงของสำนักงาน" in page
    assert "<td>10,000 บาท</td>" in page and "<td>40,000 บาท</td>" in page and "<td>50,000 บาท</td>" in page
    assert 'class="flow-stage"' in page and page.count('class="flow-stage"') == 5
    assert "สำนักงาน\u2060ฯ" in page  # a word joiner keeps ICU from splitting the word before ฯ


def test_real_data_has_no_demo_mark(demo_raw, today):
    tab, col = _tab(demo_raw, "ตั้งค่า")
    tab.rows[1][col["ข้อมูลตัวอย่าง"]] = "FALSE"
    report = build_report(parse_workbook(demo_raw), FY, "th", today)
    assert not report.demo and "demo-mark" not in render_html(report).split("</style>")[1]
    parts = zipfile.ZipFile(io.BytesIO(render_docx(report)))
    assert not any("ข้อมูลตัวอย่าง" in parts.read(n).decode() for n in parts.namelist() if n.endswith(".xml"))


def test_html_and_docx_keep_script_typed_into_a_section_as_text(demo_raw):
    tab, col = _tab(demo_raw, "เนื้อหารายงาน")
    row = next(r for r in tab.rows if r[0] == "rs-6-03")
    row[col["ตาราง ช่อง 2"]] = '<script>alert("x")</script> & <b>ตัวหนา</b>'
    report = build_report(parse_workbook(demo_raw), FY, "th", date(2023, 6, 30))
    page = render_html(report)
    assert "<script>" not in page and "<b>ตัวหนา" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;ตัวหนา&lt;/b&gt;" in page
    doc = Document(io.BytesIO(render_docx(report)))
    assert any('<script>alert("x")</script>' in c.text for t in doc.tables for row in t.rows for c in row.cells)


def test_the_preview_cells_show_sheet_text_literally_with_line_breaks():
    from de_core.documents.report.preview import markdown_cell, preview_rows

    assert markdown_cell("1. ข้อ *หนึ่ง*\n<b>x</b>") == r"1\. ข้อ \*หนึ่ง\*" + "  \n" + r"\<b\>x\</b\>"
    headers, rows, hidden = preview_rows(Table(["ที่ (No.)"], [["4"]], total=["50,000 บาท"]))
    assert hidden == 0
    assert headers == [r"ที่ \(No\.\)"] and rows == [["4"], ["50,000 บาท"]]


def test_a_long_table_previews_its_first_rows_and_the_total_and_counts_the_rest():
    from de_core.documents.report.preview import preview_rows

    table = Table(["ที่"], [[str(i)] for i in range(1, 101)], total=["รวม"])
    headers, rows, hidden = preview_rows(table, limit=30)
    assert [r[0] for r in rows] == [*map(str, range(1, 31)), "รวม"] and hidden == 70
    assert preview_rows(table, limit=500)[2] == 0


def test_a_cell_of_thousands_of_lines_previews_its_first_twenty_then_an_ellipsis():
    from de_core.documents.report.preview import preview_rows

    cell = "\n".join(f"บทเรียน {i}" for i in range(1, 5001))
    _, rows, _ = preview_rows(Table(["บทเรียน"], [[cell]]))
    lines = rows[0][0].split("  \n")
    assert len(lines) == 21 and lines[0] == "บทเรียน 1" and lines[19] == "บทเรียน 20" and lines[-1] == "…"
