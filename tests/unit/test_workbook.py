"""From raw text to records: bad cells become issues with tab and A1 address, never exceptions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook


def _raw(title: str, rows: list[list[str]]) -> RawWorkbook:
    raw = RawWorkbook()
    raw.add(RawTab(title, rows))
    return raw


def test_thai_digits_be_dates_and_baht_text_parse_into_values(schema):
    header = schema.tab("expenses").headers("th")
    wb = parse_workbook(_raw("ค่าใช้จ่าย", [header, ["e1", "๒๕๖๖", "act-4", "๑๕ พ.ค. ๒๕๖๖", "ค่าอาหาร", "๑๐,๐๐๐ บาท"]]))
    row = wb.rows("expenses")[0]
    assert row["fiscal_year"] == 2566 and row["spent_on"] == date(2023, 5, 15) and row["amount"] == Decimal(10000)
    assert [i for i in wb.issues if i.tab_key == "expenses"] == []


def test_text_in_a_number_column_is_reported_by_tab_and_address_with_the_raw_value(schema):
    header = schema.tab("expenses").headers("th")
    wb = parse_workbook(_raw("ค่าใช้จ่าย", [header, [], ["e1", "2566", "act-4", "1/5/2566", "ค่าอาหาร", "สองพัน"]]))
    issue = next(i for i in wb.issues if i.tab_key == "expenses" and i.severity == "error")
    assert (issue.tab, issue.address, issue.raw, issue.column) == ("ค่าใช้จ่าย", "F3", "สองพัน", "amount")
    assert issue.location == "'ค่าใช้จ่าย'!F3"
    assert issue.message_th and issue.message_en and issue.hint_th
    assert wb.rows("expenses")[0]["amount"] is None and wb.rows("expenses")[0]["item"] == "ค่าอาหาร"


def test_missing_tab_gets_one_clear_message_naming_it():
    wb = parse_workbook(RawWorkbook())
    missing = [i for i in wb.issues if i.tab_key == "activities"]
    assert len(missing) == 1 and "กิจกรรม" in missing[0].message_th and missing[0].address == ""
    assert wb.rows("activities") == []


def test_renamed_required_column_is_named_once_and_the_rest_still_reads(schema):
    header = schema.tab("expenses").headers("th")
    header[header.index("จำนวนเงิน")] = "ยอดรวม"
    wb = parse_workbook(_raw("ค่าใช้จ่าย", [header, ["e1", "2566", "act-4", "1/5/2566", "ค่าอาหาร", "100"]]))
    col_issues = [i for i in wb.issues if i.tab_key == "expenses" and i.column == "amount"]
    assert len(col_issues) == 1 and "จำนวนเงิน" in col_issues[0].message_th and col_issues[0].address == "1"
    row = wb.rows("expenses")[0]
    assert row["item"] == "ค่าอาหาร" and row["amount"] is None
    assert row["extra"] == {"ยอดรวม": "100"}


def test_blank_rows_are_skipped_and_blank_ids_and_duplicate_ids_are_flagged(schema):
    header = schema.tab("expenses").headers("th")
    line = ["2566", "act-4", "1/5/2566", "ค่าอาหาร", "100"]
    wb = parse_workbook(_raw("ค่าใช้จ่าย", [header, ["", *line], ["  ", "", ""], ["e1", *line], ["e1", *line]]))
    assert len(wb.rows("expenses")) == 3
    found = {(i.address, i.severity) for i in wb.issues if i.tab_key == "expenses"}
    assert ("A2", "warning") in found and ("A5", "error") in found


def test_required_cell_left_blank_is_reported(schema):
    header = schema.tab("expenses").headers("th")
    wb = parse_workbook(_raw("ค่าใช้จ่าย", [header, ["e1", "2566", "act-4", "1/5/2566", "", "100"]]))
    assert any(i.address == "E2" and "รายการ" in i.message_th for i in wb.issues)


def test_enum_values_are_read_in_thai_or_english(schema):
    header = schema.tab("de_steps").headers("th")
    wb = parse_workbook(_raw("ขั้นตอน DE", [header,
                                            ["s1", "2566", "Vision", "1.1", "a", "done"],
                                            ["s2", "2566", "วิสัยทัศน์ (Vision)", "1.10", "b", "เสร็จแล้ว"]]))
    rows = wb.rows("de_steps")
    assert [(r["stage"], r["status"], r["step_no"]) for r in rows] == [("vision", "done", "1.1"), ("vision", "done", "1.10")]


def test_tabs_are_found_by_english_title_too(schema):
    header = schema.tab("kras").headers("en")
    wb = parse_workbook(_raw("KRA groups", [header, ["k1", "2566", "Office", "x"]]))
    assert wb.rows("kras")[0]["group"] == "office"
    assert wb.titles["kras"] == "KRA groups"


def test_the_demo_workbook_reads_with_no_issue(demo_wb):
    assert [(i.location, i.raw, i.message_en) for i in demo_wb.issues] == []
