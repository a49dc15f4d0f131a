"""Form input: checked with Thai and English messages, written as text that reads back to the same values."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook
from de_core.writing.forms import (
    ANSWER_LIMIT,
    CELL_LIMIT,
    build_row,
    date_choices,
    default_day,
    new_key,
    prepare,
    saved_at,
    validate,
)
from de_core.writing.ids import copy_id, form_id
from de_core.writing.submission import compact

FY = 2566
KNOWN = {"activities": {"act-4", "act-5", "act-5-07"}, "kpis": {"kpi-exec-2", "kpi-sup-1"}}
REFLECTION = {
    "activity_id": "act-5-07", "kpi_ids": ["kpi-exec-2", "kpi-sup-1"], "author_group": "supervisors",
    "author_role": "ศึกษานิเทศก์", "written_on": date(2023, 5, 15),
    "what": "ชี้แจงผู้ประเมิน EIT ได้ ๒ กลุ่ม\nแต่กลุ่มที่ ๒ มาน้อย", "so_what": "=HYPERLINK(\"http://x\",\"y\")",
    "now_what": "+cmd ส่งหนังสือเชิญล่วงหน้า", "characteristics": ["honesty", "public_mind"],
    "declarations": ["network"], "confidence": "at_risk",
    "evidence": "www.example.go.th/a.pdf\nhttps://drive.example.com/x",
}
EXPENSE = {"activity_id": "act-4", "spent_on": date(2023, 2, 8), "item": "ค่าอาหารว่าง", "amount": "๒,๔๐๐ บาท",
           "evidence": "", "note": "ตัวอย่าง"}
READING = {"kpi_id": "kpi-sup-1", "value": "80%", "measured_on": date(2023, 6, 30), "evidence": "", "note": ""}


def read_back(tab_key: str, row: dict[str, str], schema) -> dict:
    """Write a built row into a one-tab workbook (Thai headers) and parse it the way the app reads the sheet."""
    tab = schema.tab(tab_key)
    cells = [row.get(c.key, "") for c in tab.columns]
    raw = RawWorkbook(tabs={tab.th: RawTab(tab.th, [tab.headers("th"), cells])})
    wb = parse_workbook(raw, schema)
    assert [i for i in wb.issues if i.tab_key == tab_key and i.severity == "error"] == []
    return wb.records[tab_key][0]


def test_a_valid_reflection_becomes_one_row_of_text_with_its_own_id():
    prepared = prepare("reflection", REFLECTION, FY, KNOWN, "ref-abc")
    assert prepared.problems == []
    sub = prepared.submission
    assert (sub.key, sub.tab, sub.op, sub.row_id) == ("ref-abc", "reflections", "append", "ref-abc")
    row = sub.values
    assert row["id"] == "ref-abc" and row["fiscal_year"] == "2566"
    assert row["written_on"] == "15/05/2566"
    assert row["author_group"] == "ศึกษานิเทศก์" and row["confidence"] == "มีความเสี่ยง"
    assert row["characteristics"] == "ซื่อสัตย์สุจริต, จิตสาธารณะ" and row["declarations"] == "การสร้างเครือข่าย"
    assert row["kpi_ids"] == "kpi-exec-2, kpi-sup-1"
    assert row["evidence"] == "https://www.example.go.th/a.pdf, https://drive.example.com/x"
    assert all(isinstance(v, str) for v in row.values())


def test_formula_looking_answers_are_kept_exactly_as_typed():
    row = build_row("reflection", REFLECTION, FY)
    assert row["so_what"] == "=HYPERLINK(\"http://x\",\"y\")"
    assert row["now_what"].startswith("+cmd")
    assert row["what"] == REFLECTION["what"]  # new lines kept


@pytest.mark.parametrize("kind, values, tab", [
    ("reflection", REFLECTION, "reflections"), ("expense", EXPENSE, "expenses"),
    ("kpi_reading", READING, "kpi_readings"),
])
def test_every_written_row_reads_back_to_the_same_values(kind, values, tab, schema):
    record = read_back(tab, {"id": "x-1", **build_row(kind, values, FY, schema)}, schema)
    assert record["fiscal_year"] == FY
    for key, typed in values.items():
        if key == "evidence":
            assert record[key] == [u if "://" in u else "https://" + u for u in typed.split()]
        elif key == "amount":
            assert record[key] == Decimal(2400)
        elif key == "value":
            assert record[key] == Decimal(80)
        else:
            assert record[key] == (typed or None), key


@pytest.mark.parametrize("day", [date(2022, 10, 1), date(2023, 9, 30), date(2023, 2, 28), date(2022, 12, 31)])
def test_dates_at_the_edges_of_the_fiscal_year_round_trip(day, schema):
    record = read_back("expenses", {"id": "x", **build_row("expense", {**EXPENSE, "spent_on": day}, FY)}, schema)
    assert record["spent_on"] == day


def test_a_leap_day_in_the_next_fiscal_year_round_trips(schema):
    row = build_row("expense", {**EXPENSE, "spent_on": date(2024, 2, 29)}, 2567)
    assert row["spent_on"] == "29/02/2567"
    assert read_back("expenses", {"id": "x", **row}, schema)["spent_on"] == date(2024, 2, 29)


def test_missing_required_fields_are_each_named_in_thai_and_english():
    problems = validate("reflection", {}, FY, KNOWN)
    assert [p.field for p in problems] == ["activity_id", "author_group", "written_on", "what", "so_what",
                                           "now_what"]
    assert problems[3].th == "กรุณากรอก «เกิดอะไรขึ้น (What?)»"
    assert problems[3].en == "«What happened?» is required"
    assert problems[3].message("en") == problems[3].en


def test_blank_text_made_of_spaces_counts_as_missing():
    problems = validate("reflection", {**REFLECTION, "what": "  \n "}, FY, KNOWN)
    assert [p.field for p in problems] == ["what"]


def test_an_answer_longer_than_the_limit_says_how_long_it_is_and_by_how_much_to_shorten_it():
    problems = validate("reflection", {**REFLECTION, "now_what": "ก" * 20_000}, FY, KNOWN)
    (p,) = problems
    assert p.field == "now_what"
    assert "«จะปรับอะไร (Now what?)»" in p.th and "20,000" in p.th and "12,000" in p.th and "8,000" in p.th
    assert "is 20,000 characters; the limit is 12,000: shorten it by 8,000" in p.en and "kept" in p.en
    assert validate("reflection", {**REFLECTION, "now_what": "ก" * ANSWER_LIMIT}, FY, KNOWN) == []


def test_the_answer_limit_lets_a_long_paste_through_and_a_full_entry_still_fits_its_audit_cell():
    assert ANSWER_LIMIT == 12_000  # raised from 5,000 (#15, finding 9); a Google Sheets cell holds 50,000
    full = {**REFLECTION, "what": "ก" * 12_000, "so_what": "ข\n" * 6_000, "now_what": "ค" * 12_000,
            "evidence": ", ".join(f"https://www.example.go.th/{i:04d}.pdf" for i in range(110))}
    prepared = prepare("reflection", full, FY, KNOWN, author="officer@example.go.th")
    assert prepared.problems == [] and len(compact(prepared.submission.values)) <= CELL_LIMIT


def test_an_entry_whose_audit_cell_would_overflow_a_sheet_cell_is_refused_before_it_is_sent():
    quoted = "\"" * 12_000  # every quote doubles in the audit row's JSON
    prepared = prepare("reflection", {**REFLECTION, "what": quoted, "so_what": quoted, "now_what": quoted}, FY,
                       KNOWN, author="officer@example.go.th")
    (p,) = prepared.problems
    assert prepared.submission is None and p.field == "_entry"
    assert "50,000" in p.th and "50,000" in p.en and "shorten" in p.en


def test_short_fields_say_the_same_when_a_paste_is_too_long():
    (p,) = validate("expense", {**EXPENSE, "item": "ร" * 650}, FY, KNOWN)
    assert p.field == "item" and "650" in p.th and "500" in p.th and "150" in p.th


def test_a_bad_link_is_refused_with_the_parser_message():
    (p,) = validate("reflection", {**REFLECTION, "evidence": "https://ok.example.com, ftp://files/x"}, FY, KNOWN)
    assert p.field == "evidence" and "ลิงก์ที่ 2" in p.th and "http" in p.en


@pytest.mark.parametrize("day", [date(2022, 9, 30), date(2023, 10, 1)])
def test_a_date_outside_the_selected_fiscal_year_is_refused(day):
    (p,) = validate("reflection", {**REFLECTION, "written_on": day}, FY, KNOWN)
    assert "ปีงบประมาณ 2566" in p.th and "1 ต.ค. 2565" in p.th and "30 ก.ย. 2566" in p.th
    assert "fiscal year 2566" in p.en


def test_unknown_ids_and_dropdown_values_are_refused():
    problems = validate("reflection", {**REFLECTION, "activity_id": "act-99", "kpi_ids": ["kpi-sup-1", "kpi-x"],
                                       "confidence": "maybe", "characteristics": ["honesty", "bravery"]}, FY, KNOWN)
    assert {p.field for p in problems} == {"activity_id", "kpi_ids", "confidence", "characteristics"}
    assert any("kpi-x" in p.th for p in problems)


def test_an_expense_needs_a_positive_readable_amount():
    assert validate("expense", EXPENSE, FY, KNOWN) == []
    for amount, word in (("หนึ่งพัน", "«จำนวนเงิน»"), ("0", "มากกว่า 0"), ("-50", "ติดลบ"), ("ไม่ใช้งบประมาณ", "มากกว่า 0")):
        (p,) = validate("expense", {**EXPENSE, "amount": amount}, FY, KNOWN)
        assert p.field == "amount" and word in p.th


def test_a_kpi_reading_accepts_numbers_percent_thai_digits_and_yes_no():
    for value in ("80", "80%", "๘๐", "ใช่", "ไม่มี"):
        assert validate("kpi_reading", {**READING, "value": value}, FY, KNOWN) == [], value
    (p,) = validate("kpi_reading", {**READING, "value": "ดีมาก"}, FY, KNOWN)
    assert p.field == "value"


def test_a_started_activity_needs_its_start_and_a_finished_one_both_dates_in_order():
    def fields(values):
        return [p.field for p in validate("activity_result", values, FY, KNOWN)]

    assert fields({"status": "in_progress"}) == ["actual_start"]
    assert fields({"status": "done", "actual_start": date(2023, 5, 1)}) == ["actual_end"]
    assert fields({"status": "done", "actual_start": date(2023, 5, 9), "actual_end": date(2023, 5, 1)}) == \
        ["actual_end"]
    assert fields({"status": "planned"}) == []


def test_an_activity_result_updates_only_what_was_given_and_adds_new_evidence_to_the_old():
    existing = {"id": "act-5", "evidence": ["https://old.example.com/1"]}
    prepared = prepare("activity_result", {"status": "done", "actual_start": date(2023, 5, 1),
                                           "actual_end": date(2023, 8, 31), "evidence": "new.example.com/2"},
                       FY, KNOWN, "upd-1", row_id="act-5", existing=existing)
    sub = prepared.submission
    assert (sub.key, sub.op, sub.row_id) == ("upd-1", "update", "act-5")
    assert sub.values == {"status": "เสร็จแล้ว", "actual_start": "01/05/2566", "actual_end": "31/08/2566",
                          "evidence": "https://old.example.com/1, https://new.example.com/2"}
    only_status = prepare("activity_result", {"status": "planned"}, FY, KNOWN, "upd-2", row_id="act-5")
    assert only_status.submission.values == {"status": "ตามแผน"}


def test_an_activity_result_for_an_unknown_activity_is_refused():
    prepared = prepare("activity_result", {"status": "planned"}, FY, KNOWN, "upd-1", row_id="act-404")
    assert prepared.submission is None and prepared.problems[0].field == "row_id"


def test_an_update_form_gets_a_fresh_submission_key_and_an_append_form_none():
    assert new_key("activity_result").startswith("upd-") and new_key("activity_result") != new_key("activity_result")
    with pytest.raises(ValueError):
        new_key("reflection")  # its id comes from what was typed and who typed it


def test_the_date_picker_offers_every_day_of_the_year_and_starts_inside_it():
    days = date_choices(2567)
    assert days[0] == date(2023, 10, 1) and days[-1] == date(2024, 9, 30) and len(days) == 366
    assert len(date_choices(FY)) == 365
    assert default_day(FY, date(2026, 11, 25)) == date(2023, 9, 30)
    assert default_day(FY, date(2020, 1, 1)) == date(2022, 10, 1)
    assert default_day(FY, date(2023, 6, 30)) == date(2023, 6, 30)


def test_a_form_row_id_comes_from_its_content_and_author_so_a_save_sent_again_has_the_same_id():
    first = prepare("reflection", REFLECTION, FY, KNOWN, author="officer@example.go.th").submission
    again = prepare("reflection", {**REFLECTION, "what": REFLECTION["what"] + "  "}, FY, KNOWN,
                    author="officer@example.go.th").submission
    assert first.key == again.key == first.row_id == first.values["id"]
    assert first.key.startswith("ref-") and len(first.key) == len("ref-") + 32
    others = [prepare("reflection", REFLECTION, FY, KNOWN, author="deputy@example.go.th"),
              prepare("reflection", {**REFLECTION, "what": "อีกเรื่องหนึ่ง"}, FY, KNOWN, author="officer@example.go.th"),
              prepare("reflection", {**REFLECTION, "written_on": date(2024, 5, 15)}, 2567, KNOWN,
                      author="officer@example.go.th")]
    assert len({first.key, *(p.submission.key for p in others)}) == 4
    expense = prepare("expense", EXPENSE, FY, KNOWN, author="officer@example.go.th").submission
    assert expense.key.startswith("exp-") and expense.key == prepare(
        "expense", EXPENSE, FY, KNOWN, author="officer@example.go.th").submission.key


def test_form_ids_do_not_depend_on_the_order_of_the_fields_or_on_the_process():
    one = form_id("expenses", "a@example.go.th", {"item": "x", "fiscal_year": "2566"})
    assert one == form_id("expenses", "a@example.go.th", {"fiscal_year": "2566", "item": "x"})
    assert one == "exp-" + hashlib.sha256(
        b"expenses\x1fa@example.go.th\x1ffiscal_year=2566\x1fitem=x").hexdigest()[:32]


def test_a_true_duplicate_saved_on_purpose_gets_the_first_free_numbered_id():
    assert copy_id("exp-abc", {"exp-abc"}) == "exp-abc-2"
    assert copy_id("exp-abc", {"exp-abc", "exp-abc-2", "exp-abc-3"}) == "exp-abc-4"


def test_when_a_row_was_saved_is_read_from_its_audit_row_in_bangkok_time(schema):
    audit, refl = schema.tab("audit"), schema.tab("reflections")
    raw = RawWorkbook(tabs={
        audit.th: RawTab(audit.th, [audit.headers("th"),
                                    ["aud-1", "2023-05-15T03:05:00+00:00", "x", "append", "reflections", "ref-1"],
                                    ["aud-2", "2023-05-15T11:00:00+07:00", "x", "update", "reflections", "ref-1"]]),
        refl.th: RawTab(refl.th, [refl.headers("th"), ["ref-1", "2566"], ["ref-2", "2566"]])})
    wb = parse_workbook(raw, schema)
    at = saved_at(wb, "reflections", "ref-1")
    assert (at.hour, at.minute, at.utcoffset().total_seconds()) == (10, 5, 7 * 3600)
    assert saved_at(wb, "reflections", "ref-2") is None  # typed by hand: no audit row
