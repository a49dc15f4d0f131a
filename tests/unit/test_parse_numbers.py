"""Numbers, amounts of baht, percents and scores as staff type them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from de_core.sheet.parse import (
    BadCell,
    parse_baht,
    parse_int,
    parse_measure,
    parse_number,
    parse_percent,
    parse_score,
)
from de_core.sheet.text import THAI_DIGITS

FAST = settings(max_examples=200, deadline=None)


def to_thai_digits(s: str) -> str:
    return "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in s)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", "12"),
        ("12,345.50", "12345.50"),
        ("๑๒,๓๔๕.๕๐", "12345.50"),
        ("+5", "5"),
        ("-5", "-5"),
        ("−5", "-5"),
        ("- 7", "-7"),
        ("  42  ", "42"),
        ("10, 000", "10000"),
        ("95.5 คะแนน", "95.5"),
        ("10,000 บาท", "10000"),
        ("฿10,000", "10000"),
        ("95%", "95"),
        ("ร้อยละ ๙๕", "95"),
        ("3 ครั้ง", "3"),
        ("25 คน", "25"),
        ("25 แห่ง", "25"),
        ("4 เรื่อง", "4"),
        ("43 ข้อ", "43"),
        ("11 รายการ", "11"),
        ("12 points", "12"),
        ("12pts", "12"),
        ("12 PTS", "12"),
        (".5", "0.5"),
        ("0", "0"),
        ("-0", "0"),
        ("(1,000)", "-1000"),
        ("1" * 30, "1" * 30),
    ],
)
def test_numbers_typed_in_common_ways_parse_exactly(raw, expected):
    assert parse_number(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["", "   ", "-", "—", "–", "\u200b", "\u00a0\n"])
def test_blank_cells_and_a_lone_dash_are_no_number(raw):
    assert parse_number(raw) is None
    assert parse_int(raw) is None
    assert parse_percent(raw) is None
    assert parse_score(raw) is None
    assert parse_measure(raw) is None


@pytest.mark.parametrize(
    "raw",
    ["abc", "1,2,3", "12abc", "1.2.3", "NaN", "nan", "Infinity", "-inf", "1e5", "1 000", "--5", "+-5",
     "10 - 20", "1" * 31, "=IMPORTXML(A1)", "+cmd", "%", "บาท", "1,00", "12,34.5", "٣", "１２"],
)
def test_things_that_are_not_numbers_are_bad_cells(raw):
    with pytest.raises(BadCell):
        parse_number(raw)


def test_a_bad_number_says_so_in_thai_and_english_with_a_hint():
    with pytest.raises(BadCell) as info:
        parse_number("abc")
    bad = info.value
    assert bad.message_th == "อ่านเป็นตัวเลขไม่ได้: «abc»"
    assert bad.message_en == "Not a number: «abc»"
    assert "๑๐,๐๐๐" in bad.hint_th and "10,000" in bad.hint_en


def test_a_long_bad_value_is_cut_short_in_the_message():
    with pytest.raises(BadCell) as info:
        parse_number("x" * 150)
    assert len(info.value.message_en) < 80
    assert "…" in info.value.message_en


def test_an_absurdly_long_digit_string_is_refused():
    with pytest.raises(BadCell):
        parse_number("9" * 31)
    with pytest.raises(BadCell):
        parse_number("9" * 100_000)


def test_whole_numbers_parse_as_int():
    assert parse_int("1,000") == 1000
    assert parse_int("๑๒") == 12
    assert parse_int("25 คน") == 25
    assert parse_int("3.0") == 3
    assert isinstance(parse_int("7"), int)


def test_a_fraction_is_not_a_whole_number():
    with pytest.raises(BadCell) as info:
        parse_int("1.5")
    assert "จำนวนเต็ม" in info.value.message_th


@pytest.mark.parametrize(
    "raw",
    ["ไม่ใช้งบประมาณ", "ไม่ใช้ งบประมาณ", "ไม่ใช้งบ", "ไม่มี", "ไม่มีงบประมาณ", "-", "—", "no budget",
     "No Budget", "none", "NONE", " ไม่ใช้\u200bงบประมาณ ", "(ไม่ใช้งบประมาณ)"],
)
def test_no_budget_words_and_a_dash_mean_zero_baht(raw):
    assert parse_baht(raw) == Decimal(0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("๑๐,๐๐๐ บาท", 10000),
        ("๔๐,๐๐๐ บาท", 40000),
        ("10,000", 10000),
        ("10,000.-", 10000),
        ("10,000.- บาท", 10000),
        ("฿10,000", 10000),
        ("10000บาท", 10000),
        ("10,000 บาทถ้วน", 10000),
        ("2,500.50 บาท", Decimal("2500.50")),
        ("1.5 ล้านบาท", 1500000),
        ("1.5 ล้าน", 1500000),
        ("5 หมื่น", 50000),
        ("2 พัน", 2000),
        ("3 แสนบาท", 300000),
        ("0", 0),
    ],
)
def test_amounts_of_baht_typed_by_staff_parse_exactly(raw, expected):
    assert parse_baht(raw) == Decimal(expected)


def test_thai_digits_with_separator_and_unit_parse_as_baht():
    assert parse_baht("๑๐,๐๐๐ บาท") == Decimal(10000)


def test_a_blank_amount_is_none_not_zero():
    assert parse_baht("") is None
    assert parse_baht("  \u200b ") is None


@pytest.mark.parametrize("raw", ["-5", "-10,000 บาท", "(1,000)", "−1 ล้าน"])
def test_negative_amounts_are_bad_cells(raw):
    with pytest.raises(BadCell) as info:
        parse_baht(raw)
    assert "ติดลบ" in info.value.message_th


@pytest.mark.parametrize("raw", ["abc", "10 คน", "95%", "ล้าน", "1,2,3 บาท", "บาท"])
def test_non_amounts_are_bad_cells_with_a_money_hint(raw):
    with pytest.raises(BadCell) as info:
        parse_baht(raw)
    assert "ไม่ใช้งบประมาณ" in info.value.hint_th


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("95%", "95"), ("95 %", "95"), ("ร้อยละ ๙๕", "95"), ("95", "95"), ("95.50", "95.50"), ("0.95", "0.95"),
     ("120%", "120"), ("ร้อยละ 87.57", "87.57")],
)
def test_percents_are_read_as_percent_points_without_guessing(raw, expected):
    assert parse_percent(raw) == Decimal(expected)


def test_a_percent_with_a_money_unit_is_a_bad_cell():
    with pytest.raises(BadCell):
        parse_percent("95 บาท")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("95", "95"), ("94.99", "94.99"), ("95 คะแนน", "95"), ("๙๕.๕ คะแนน", "95.5"), ("95%", "95"),
     ("0", "0"), ("100", "100")],
)
def test_scores_between_zero_and_one_hundred_parse(raw, expected):
    assert parse_score(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["100.01", "101", "-1", "250 คะแนน"])
def test_scores_outside_zero_to_one_hundred_are_bad_cells(raw):
    with pytest.raises(BadCell) as info:
        parse_score(raw)
    assert "0–100" in info.value.message_th


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("80", 80), ("80%", 80), ("๑๒ ครั้ง", 12), ("ใช่", 1), ("ไม่ใช่", 0), ("มี", 1), ("ไม่มี", 0),
     ("TRUE", 1), ("FALSE", 0), ("✓", 1), ("x", 0)],
)
def test_kpi_readings_accept_numbers_and_yes_no_words(raw, expected):
    assert parse_measure(raw) == Decimal(expected)


def test_a_kpi_reading_that_is_neither_number_nor_yes_no_is_a_bad_cell():
    with pytest.raises(BadCell) as info:
        parse_measure("ดีมาก")
    assert "Not a number or yes/no" in info.value.message_en


@FAST
@given(
    n=st.integers(min_value=0, max_value=10**12),
    thai=st.booleans(),
    separators=st.booleans(),
    unit=st.sampled_from(["", " บาท", "บาท"]),
)
def test_any_whole_amount_formatted_as_staff_type_it_parses_back_exactly(n, thai, separators, unit):
    text = f"{n:,}" if separators else str(n)
    if thai:
        text = to_thai_digits(text)
    text += unit
    assert parse_baht(text) == Decimal(n)
    assert parse_number(text) == Decimal(n)


@FAST
@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_any_two_decimal_number_with_separators_parses_back_exactly(x):
    text = f"{x:,.2f}"
    assert parse_number(text) == x
    assert parse_number(to_thai_digits(text)) == x
