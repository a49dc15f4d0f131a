"""The Best Practice report carries the seed's figures into its tables, in .docx and HTML, and escapes sheet text."""

import io
from datetime import date

from docx import Document
from docx.oxml.ns import qn

from de_core.documents.report import build_report, render_docx, render_html
from de_core.sheet.raw import RawTab
from de_core.sheet.workbook import parse_workbook

FY = 2566


def test_the_budget_table_has_activities_4_and_5_with_10000_and_40000_and_a_50000_total(demo_wb, today):
    budget = build_report(demo_wb, FY, "th", today).section("budget").table
    by_no = {row[0]: row for row in budget.rows}
    assert list(by_no) == ["1", "2", "3", "4", "5", "6"]
    assert by_no["4"][3] == "10,000 บาท" and by_no["5"][3] == "40,000 บาท"
    assert by_no["1"][3] == "ไม่ใช้งบประมาณ"
    assert by_no["5"][2] == "พ.ค. – ส.ค. 2566" and by_no["3"][2] == "พ.ย. – ธ.ค. 2565"
    assert budget.total == ["", "รวม", "", "50,000 บาท"]
    assert "5.11 กิจกรรมสรุปและรายงานผลการดำเนินงาน" in by_no["5"][1]


def test_the_de_table_lists_the_14_kpis_by_group_under_the_vision(demo_wb, today):
    de = build_report(demo_wb, FY, "th", today).section("de").table
    assert len(de.rows) == 14
    assert de.rows[0][0].startswith("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ") and all(r[0] == "" for r in de.rows[1:])
    assert [r[1] for r in de.rows if r[1]] == ["สำนักงานฯ", "ผู้บริหาร", "ศึกษานิเทศก์", "บุคลากร"]
    assert de.spans()[(0, 0)] == 14 and de.spans()[(1, 1)] == 5
    assert de.rows[0][2].startswith("1. สำนักงานเขตพื้นที่การศึกษาผ่านเกณฑ์") and "AA" in de.rows[0][2]


def test_objectives_characteristics_declarations_and_lessons_come_from_the_data(demo_wb, today):
    report = build_report(demo_wb, FY, "th", today)
    assert len(report.section("objectives").table.rows) == 3
    chars = [row[0] for row in report.section("char").table.rows]
    assert chars == ["1. ทักษะกระบวนการคิด", "2. มีวินัย", "3. ซื่อสัตย์สุจริต", "4. อยู่อย่างพอเพียง", "5. จิตสาธารณะ"]
    assert [row[0] for row in report.section("decl").table.rows] == ["1. การปลูกฝัง", "2. การป้องกัน",
                                                                     "3. การสร้างเครือข่าย"]
    now_whats = [r["now_what"] for r in demo_wb.rows("reflections", FY) if r.get("now_what")]
    assert [row[4] for row in report.section("lessons").table.rows] == now_whats


def test_the_report_follows_changed_data(demo_raw, today, schema):
    tab = demo_raw.tabs["กิจกรรม"]
    budget_col = tab.header.index("งบประมาณที่ใช้")
    row = next(r for r in tab.rows if r[0] == "act-5")
    row[budget_col] = "๔๕,๐๐๐ บาท"
    budget = build_report(parse_workbook(demo_raw, schema), FY, "th", today).section("budget").table
    assert {r[0]: r[3] for r in budget.rows}["5"] == "45,000 บาท" and budget.total[3] == "55,000 บาท"


def test_an_empty_workbook_gives_every_section_a_message_saying_what_to_enter(schema, today):
    from de_core.sheet.raw import RawWorkbook

    report = build_report(parse_workbook(RawWorkbook(), schema), None, "th", today)
    assert all(s.table is None and "แท็บ" in s.empty for s in report.sections)
    assert "ตั้งค่า" in report.subtitle
    assert "<table>" not in render_html(report)
    assert len(Document(io.BytesIO(render_docx(report))).tables) == 0


def test_the_english_report_uses_english_headings_and_ce_dates(demo_wb, today):
    report = build_report(demo_wb, FY, "en", today)
    budget = report.section("budget").table
    assert budget.headers == ["No.", "Activity", "Period", "Budget"] and budget.total[3] == "฿50,000"
    assert ("Data as of", "30 Jun 2023") in report.facts


def test_the_docx_opens_and_its_tables_hold_the_seed_figures(demo_wb, today):
    doc = Document(io.BytesIO(render_docx(build_report(demo_wb, FY, "th", today))))
    assert len(doc.tables) == 6
    de, budget = doc.tables[0], doc.tables[2]
    assert len(de.rows) == 1 + 14
    budget_rows = [[c.text for c in row.cells] for row in budget.rows]
    assert ["4", "10,000 บาท"] == [budget_rows[4][0], budget_rows[4][3]]
    assert ["5", "40,000 บาท"] == [budget_rows[5][0], budget_rows[5][3]]
    assert budget_rows[-1][1:] == ["รวม", "", "50,000 บาท"]
    assert budget.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header row repeats on each page


def test_every_docx_run_names_a_thai_font_for_complex_script_text(demo_wb, today):
    doc = Document(io.BytesIO(render_docx(build_report(demo_wb, FY, "th", today))))
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert len(runs) > 100
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert fonts.get(qn("w:cs")) == "TH SarabunPSK" and fonts.get(qn("w:ascii")) == "TH SarabunPSK"
    normal = doc.styles["Normal"].element.rPr
    assert normal.rFonts.get(qn("w:cs")) == "TH SarabunPSK" and normal.find(qn("w:szCs")).get(qn("w:val")) == "32"


def test_the_html_is_printable_with_the_bundled_font_and_the_seed_figures(demo_wb, today):
    page = render_html(build_report(demo_wb, FY, "th", today))
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page
    assert "font-family: 'Sarabun'" in page and "data:font/woff2;base64," in page and "U+0E01-0E5B" in page
    assert "@media print" in page and "@page" in page
    assert "<td>10,000 บาท</td>" in page and "<td>40,000 บาท</td>" in page and "<td>50,000 บาท</td>" in page
    assert '<td rowspan="14">' in page


def test_html_escapes_script_typed_into_a_reflection(demo_raw, schema):
    tab: RawTab = demo_raw.tabs["สะท้อนผล"]
    now_what = tab.header.index("จะปรับอะไร (Now what?)")
    tab.rows[1][now_what] = '<script>alert("x")</script> & <b>ตัวหนา</b>'
    report = build_report(parse_workbook(demo_raw, schema), FY, "th", date(2023, 6, 30))
    page = render_html(report)
    assert "<script>" not in page and "<b>ตัวหนา" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;ตัวหนา&lt;/b&gt;" in page
    doc = Document(io.BytesIO(render_docx(report)))
    assert any('<script>alert("x")</script>' in c.text for row in doc.tables[5].rows for c in row.cells)


def test_the_preview_cells_show_sheet_text_literally_with_line_breaks():
    from de_core.documents.report.model import Table
    from de_core.documents.report.preview import markdown_cell, preview_rows

    assert markdown_cell("1. ข้อ *หนึ่ง*\n<b>x</b>") == r"1\. ข้อ \*หนึ่ง\*" + "  \n" + r"\<b\>x\</b\>"
    headers, rows, hidden = preview_rows(Table(["ที่ (No.)"], [["4"]], total=["50,000 บาท"]))
    assert hidden == 0
    assert headers == [r"ที่ \(No\.\)"] and rows == [["4"], ["50,000 บาท"]]


def test_a_long_table_previews_its_first_rows_and_the_total_and_counts_the_rest():
    from de_core.documents.report.model import Table
    from de_core.documents.report.preview import preview_rows

    table = Table(["ที่"], [[str(i)] for i in range(1, 101)], total=["รวม"])
    headers, rows, hidden = preview_rows(table, limit=30)
    assert [r[0] for r in rows] == [*map(str, range(1, 31)), "รวม"] and hidden == 70
    assert preview_rows(table, limit=500)[2] == 0


def test_a_cell_of_thousands_of_lines_previews_its_first_twenty_then_an_ellipsis():
    from de_core.documents.report.model import Table
    from de_core.documents.report.preview import preview_rows

    cell = "\n".join(f"บทเรียน {i}" for i in range(1, 5001))
    _, rows, _ = preview_rows(Table(["บทเรียน"], [[cell]]))
    lines = rows[0][0].split("  \n")
    assert len(lines) == 21 and lines[0] == "บทเรียน 1" and lines[19] == "บทเรียน 20" and lines[-1] == "…"
