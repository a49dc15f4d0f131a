"""Typed text never breaks an export: control characters shown as "�", legal tab titles, no CSV formulas (#15)."""

import io
import zipfile
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from de_core.documents.export import read_csv, tab_csv
from de_core.documents.report import build_report, render_docx
from de_core.documents.safe_text import REPLACEMENT, csv_cell, holdable, sheet_titles, unholdable
from de_core.documents.xlsx import write_xlsx
from de_core.ops.demo import demo_workbook
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook

HOSTILE = ["ก่อน\x0bหลัง", "NUL\x00", "ESC\x1b[31m", "ขึ้นบรรทัด\nใหม่\tแท็บ"]


def test_characters_a_file_cannot_hold_show_as_a_visible_mark_and_tab_newline_stay():
    assert holdable("ก่อน\x0bหลัง") == f"ก่อน{REPLACEMENT}หลัง"
    assert holdable("a\x00b\x1bc\x08") == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}"
    assert holdable("บรรทัด\nใหม่\tแท็บ\r") == "บรรทัด\nใหม่\tแท็บ\r"


def test_the_xlsx_export_opens_with_control_characters_and_hostile_tab_titles():
    raw = RawWorkbook()
    raw.add(RawTab("กิจกรรม/ปี: [2566]?", [["รหัส", "หมายเหตุ"], *[["r", text] for text in HOSTILE]]))
    raw.add(RawTab("'ยาวมาก" + "ก" * 40, [["a"]]))
    raw.add(RawTab("กิจกรรม_ปี_ _2566__", [["b"]]))  # the same title once the first is made legal
    book = load_workbook(io.BytesIO(write_xlsx(raw)))
    assert book.sheetnames[0] == "กิจกรรม_ปี_ _2566__" and len(set(book.sheetnames)) == 3
    assert all(len(n) <= 31 and not n.startswith("'") for n in book.sheetnames)
    notes = [c.value for (c,) in book.worksheets[0].iter_rows(min_row=2, min_col=2, max_col=2)]
    assert notes == [holdable(t) for t in HOSTILE] and REPLACEMENT in notes[0]
    assert unholdable(raw) == [("กิจกรรม/ปี: [2566]?", "B2"), ("กิจกรรม/ปี: [2566]?", "B3"),
                               ("กิจกรรม/ปี: [2566]?", "B4")]


def test_sheet_titles_change_only_what_they_must_and_stay_unique_without_case():
    assert sheet_titles(["กิจกรรม", "ค่าใช้จ่าย"]) == ["กิจกรรม", "ค่าใช้จ่าย"]
    assert sheet_titles(["Notes", "notes", ""]) == ["Notes", "notes (2)", "tab"]


def test_the_word_report_is_made_when_sheet_text_holds_control_characters():
    raw = demo_workbook()
    rows = raw.tabs["กิจกรรม"].rows
    rows[1] = [*rows[1][:4], "ประชุม\x0bจาก Word\x00", *rows[1][5:]]  # an activity's title
    data = render_docx(build_report(parse_workbook(raw), 2566, "th", date(2023, 9, 30)))
    doc = Document(io.BytesIO(data))
    cells = [c.text for table in doc.tables for row in table.rows for c in row.cells]
    assert zipfile.is_zipfile(io.BytesIO(data)) and any(f"{REPLACEMENT}จาก Word{REPLACEMENT}" in c for c in cells)


@pytest.mark.parametrize(("cell", "safe"), [
    ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=2", "'\t=2"), ("\r=2", "'\r=2"), ("-2+3+cmd", "'-2+3+cmd"), ("- ติดตามผลทุกเดือน", "'- ติดตามผลทุกเดือน"),
    ("-5", "-5"), ("-1,200.50", "-1,200.50"), ("+66", "+66"), ("ก-ข", "ก-ข"), ("๑๐,๐๐๐ บาท", "๑๐,๐๐๐ บาท"),
])
def test_csv_cells_a_spreadsheet_would_run_get_an_apostrophe_and_plain_numbers_do_not(cell, safe):
    assert csv_cell(cell) == safe
    assert read_csv(tab_csv(RawTab("x", [["h"], [cell]])))[1] == [safe]
