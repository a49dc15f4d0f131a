"""Dates, months, month ranges and fiscal years: Buddhist Era, Thai month names, Thai digits."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from de_core.sheet.parse import BadCell, parse_date, parse_fiscal_year, parse_month, parse_month_range
from de_core.sheet.text import THAI_DIGITS
from de_core.thaidate import (
    EN_MONTHS_ABBR,
    EN_MONTHS_FULL,
    THAI_MONTHS_ABBR,
    THAI_MONTHS_FULL,
    format_date,
    format_month_range,
    last_day,
    to_be,
)

FAST = settings(max_examples=200, deadline=None)
MAY_15 = date(2023, 5, 15)


def to_thai_digits(s: str) -> str:
    return "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in s)


@pytest.mark.parametrize(
    "raw",
    [
        "15/05/2566", "15/5/2566", "15-05-2566", "15.05.2566", "15/05/66", "๑๕/๐๕/๒๕๖๖",
        "2023-05-15", "2566-05-15", "2023-05-15T10:30:00", "2023-05-15 10:30:00", "2023-05-15T10:30:00Z",
        "15 พ.ค. 2566", "15 พ.ค.66", "15 พ.ค. พ.ศ. 2566", "15 พค 2566", "15พ.ค.2566", "๑๕ พฤษภาคม ๒๕๖๖",
        "วันที่ 15 พฤษภาคม พ.ศ. 2566", "วันจันทร์ที่ 15 พฤษภาคม 2566", "15 พฤษภา 66",
        "15 May 2023", "May 15, 2023", "15-May-2023", "15 may 2023", "15 MAY 2023", "May 15th, 2023",
        "Monday, May 15, 2023", "15-May-23", "15 May, 2023",
        "15/05/2023", "5/15/2023", "5/15/2566", "15/05/2566 10:30", "15/5/2566 0:00:00", "45061", "45061.4375",
    ],
)
def test_the_same_day_typed_every_way_parses_to_15_may_2023(raw):
    assert parse_date(raw) == MAY_15


@pytest.mark.parametrize("raw", ["", "  ", "-", "—", "\u200b"])
def test_a_blank_date_cell_is_none(raw):
    assert parse_date(raw) is None


def test_slash_dates_are_day_first_when_both_numbers_could_be_months():
    assert parse_date("03/04/2566") == date(2023, 4, 3)


def test_slash_dates_are_month_first_only_when_the_second_number_cannot_be_a_month():
    assert parse_date("04/13/2023") == date(2023, 4, 13)
    assert parse_date("13/04/2566") == date(2023, 4, 13)


def test_two_digit_years_are_buddhist_era_in_thai_forms_and_ce_in_english_forms():
    assert parse_date("01/10/65") == date(2022, 10, 1)
    assert parse_date("1 ต.ค. 65") == date(2022, 10, 1)
    assert parse_date("1 Oct 22") == date(2022, 10, 1)


def test_every_thai_month_abbreviation_and_full_name_is_understood():
    for month in range(1, 13):
        expected = date(2023, month, 1)
        assert parse_date(f"1 {THAI_MONTHS_ABBR[month]} 2566") == expected
        assert parse_date(f"1 {THAI_MONTHS_ABBR[month].replace('.', '')} 2566") == expected
        assert parse_date(f"1 {THAI_MONTHS_FULL[month]} 2566") == expected
        assert parse_date(f"1 {EN_MONTHS_ABBR[month]} 2023") == expected
        assert parse_date(f"1 {EN_MONTHS_FULL[month].upper()} 2023") == expected


def test_the_common_misspelling_of_july_is_accepted():
    assert parse_date("1 กรกฏาคม 2566") == date(2023, 7, 1)


def test_google_sheets_serial_numbers_are_dates():
    assert parse_date("45061") == MAY_15
    assert parse_date("20000") == date(1954, 10, 3)


@pytest.mark.parametrize("raw", ["31/02/2566", "29/02/2566", "30 ก.พ. 2566", "2023-02-31", "31 Apr 2023"])
def test_dates_that_do_not_exist_are_bad_cells_with_a_clear_message(raw):
    with pytest.raises(BadCell) as info:
        parse_date(raw)
    assert info.value.message_th.startswith("ไม่มีวันที่นี้ในปฏิทิน")
    assert info.value.message_en.startswith("No such date")


def test_a_leap_day_in_a_leap_year_is_fine():
    assert parse_date("29/02/2567") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "raw",
    ["abc", "2566", "15/05", "15/05/2300", "15/05/1800", "15/05/566", "13/13/2566", "32/01/2566",
     "15 ABC 2566", "2023-05-15T25:00", "=TODAY()", "12345", "99999", "15/05-2566", "พ.ค. 2566"],
)
def test_things_that_are_not_dates_are_bad_cells(raw):
    with pytest.raises(BadCell):
        parse_date(raw)


def test_a_bad_date_message_explains_how_to_type_one():
    with pytest.raises(BadCell) as info:
        parse_date("เมื่อวาน")
    assert info.value.message_th == "อ่านเป็นวันที่ไม่ได้: «เมื่อวาน»"
    assert "15/05/2566" in info.value.hint_th


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("ต.ค. ๒๕๖๕", (2022, 10)), ("ต.ค.2565", (2022, 10)), ("ตุลาคม 2565", (2022, 10)), ("10/2565", (2022, 10)),
     ("Oct 2022", (2022, 10)), ("october 2022", (2022, 10)), ("ต.ค. 65", (2022, 10)), ("2022-10", (2022, 10)),
     ("2565-10", (2022, 10)), ("ต.ค. พ.ศ. 2565", (2022, 10)), ("15 ต.ค. 2565", (2022, 10))],
)
def test_months_parse_to_ce_year_and_month(raw, expected):
    assert parse_month(raw) == expected


@pytest.mark.parametrize("raw", ["ต.ค.", "13/2565", "0/2565", "abc", "ต.ค. 2300"])
def test_bad_months_are_bad_cells(raw):
    with pytest.raises(BadCell):
        parse_month(raw)


def test_a_blank_month_is_none():
    assert parse_month(" ") is None


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [
        ("พ.ค.- ส.ค. ๒๕๖๖", date(2023, 5, 1), date(2023, 8, 31)),
        ("ต.ค. ๒๕๖๕", date(2022, 10, 1), date(2022, 10, 31)),
        ("พ.ย. ๒๕๖๕", date(2022, 11, 1), date(2022, 11, 30)),
        ("พ.ย. - ธ.ค. ๒๕๖๕", date(2022, 11, 1), date(2022, 12, 31)),
        ("ก.ย.๒๕๖๖", date(2023, 9, 1), date(2023, 9, 30)),
        ("ก.พ. - ก.ย. ๒๕๖๖", date(2023, 2, 1), date(2023, 9, 30)),
        ("ต.ค. 2565 - ม.ค. 2566", date(2022, 10, 1), date(2023, 1, 31)),
        ("พ.ย. - ม.ค. 2566", date(2022, 11, 1), date(2023, 1, 31)),
        ("พ.ค. – ส.ค. 2566", date(2023, 5, 1), date(2023, 8, 31)),
        ("พ.ค. — ส.ค. 2566", date(2023, 5, 1), date(2023, 8, 31)),
        ("พ.ค. ถึง ส.ค. 2566", date(2023, 5, 1), date(2023, 8, 31)),
        ("พ.ค.ถึงส.ค.2566", date(2023, 5, 1), date(2023, 8, 31)),
        ("May to Aug 2023", date(2023, 5, 1), date(2023, 8, 31)),
        ("May - Aug 2023", date(2023, 5, 1), date(2023, 8, 31)),
        ("Nov 2022 - Jan 2023", date(2022, 11, 1), date(2023, 1, 31)),
        ("พฤษภาคม - สิงหาคม 2566", date(2023, 5, 1), date(2023, 8, 31)),
        ("ก.พ. - ก.ย. 66", date(2023, 2, 1), date(2023, 9, 30)),
        ("1 พ.ค. 2566 - 15 ส.ค. 2566", date(2023, 5, 1), date(2023, 8, 15)),
        ("1 พ.ค. - 15 ส.ค. 2566", date(2023, 5, 1), date(2023, 8, 15)),
        ("01/05/2566 - 15/08/2566", date(2023, 5, 1), date(2023, 8, 15)),
        ("2023-05-01 - 2023-08-15", date(2023, 5, 1), date(2023, 8, 15)),
        ("1 - 15 พ.ค. 2566", date(2023, 5, 1), date(2023, 5, 15)),
        ("15 พ.ค. 2566", date(2023, 5, 15), date(2023, 5, 15)),
        ("ก.พ. 2567", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_month_ranges_run_from_the_first_to_the_last_day(raw, start, end):
    assert parse_month_range(raw) == (start, end)


@pytest.mark.parametrize("raw", ["ส.ค. - พ.ค. 2566 - 2565", "ส.ค. 2566 - พ.ค. 2566", "15 ส.ค. 2566 - 1 พ.ค. 2566"])
def test_a_range_that_ends_before_it_starts_is_a_bad_cell(raw):
    with pytest.raises(BadCell):
        parse_month_range(raw)


def test_a_range_ending_before_its_start_says_so():
    with pytest.raises(BadCell) as info:
        parse_month_range("ส.ค. 2566 - พ.ค. 2566")
    assert "ก่อนวันเริ่ม" in info.value.message_th


@pytest.mark.parametrize("raw", ["พ.ค. - ส.ค.", "ต.ค.", "abc", "พ.ค. - xyz 2566", "31/02/2566 - 1/3/2566", "-5"])
def test_ranges_without_a_year_or_unreadable_are_bad_cells(raw):
    with pytest.raises(BadCell):
        parse_month_range(raw)


def test_a_blank_range_is_none():
    assert parse_month_range("") is None
    assert parse_month_range("—") is None


@pytest.mark.parametrize(
    "raw",
    ["2566", "๒๕๖๖", "พ.ศ. 2566", "ปีงบประมาณ 2566", "ปีงบประมาณ พ.ศ. ๒๕๖๖", "FY2566", "FY 2566", "fy2566",
     "66", "2023", "FY2023", "ปีงบ 66", "2,566"],
)
def test_fiscal_years_come_back_as_buddhist_era_years(raw):
    assert parse_fiscal_year(raw) == 2566


@pytest.mark.parametrize("raw", ["2800", "2300", "1800", "FY", "ปีงบประมาณ", "25666", "abc", "2566.5", "พ.ศ. 2023"])
def test_fiscal_years_outside_the_plausible_range_are_bad_cells(raw):
    with pytest.raises(BadCell):
        parse_fiscal_year(raw)


def test_a_blank_fiscal_year_is_none():
    assert parse_fiscal_year(" ") is None


def _forms(d: date) -> list[str]:
    be, dd, mm = to_be(d.year), f"{d.day:02d}", f"{d.month:02d}"
    forms = [
        f"{dd}/{mm}/{be}",
        f"{d.day}/{d.month}/{be}",
        to_thai_digits(f"{dd}/{mm}/{be}"),
        f"{dd}-{mm}-{be}",
        f"{dd}.{mm}.{be}",
        f"{dd}/{mm}/{d.year}",
        d.isoformat(),
        f"{be}-{mm}-{dd}",
        datetime(d.year, d.month, d.day, 10, 30).isoformat(),
        format_date(d),
        to_thai_digits(format_date(d)),
        to_thai_digits(f"{d.day} {THAI_MONTHS_FULL[d.month]} พ.ศ. {be}"),
        f"วันที่ {d.day} {THAI_MONTHS_FULL[d.month]} {be}",
        format_date(d, "en"),
        f"{EN_MONTHS_FULL[d.month]} {d.day}, {d.year}",
        f"{dd}-{EN_MONTHS_ABBR[d.month]}-{d.year}",
    ]
    if 2500 <= be <= 2599:
        forms.append(f"{dd}/{mm}/{be % 100:02d}")
        forms.append(f"{d.day} {THAI_MONTHS_ABBR[d.month]}{be % 100:02d}")
    if d.day > 12:
        forms.append(f"{d.month}/{d.day}/{d.year}")  # Google Sheets US display
    serial = (d - date(1899, 12, 30)).days
    if 20000 <= serial <= 80000:
        forms.append(str(serial))
    return forms


@FAST
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_any_date_formatted_in_thai_iso_be_and_english_forms_parses_back(d):
    for text in _forms(d):
        assert parse_date(text) == d, text


@FAST
@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=0, max_value=30),
    st.sampled_from(["th", "en"]),
)
def test_any_formatted_month_range_parses_back_to_whole_months(start, extra_months, lang):
    index = start.year * 12 + start.month - 1 + extra_months
    end_year, end_month = divmod(index, 12)
    text = format_month_range(start, (end_year, end_month + 1), lang)
    assert parse_month_range(text) == (start.replace(day=1), last_day(end_year, end_month + 1)), text
    assert parse_month_range(to_thai_digits(text)) == (start.replace(day=1), last_day(end_year, end_month + 1))


@FAST
@given(st.integers(min_value=2400, max_value=2700), st.sampled_from(["{}", "ปีงบประมาณ {}", "FY{}", "พ.ศ. {}"]))
def test_any_plausible_fiscal_year_parses_back(fy, template):
    assert parse_fiscal_year(template.format(fy)) == fy
    assert parse_fiscal_year(to_thai_digits(template.format(fy))) == fy
