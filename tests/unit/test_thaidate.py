"""de_core.thaidate: Buddhist Era, the Oct..Sep fiscal year, quarters and every display format."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from de_core.thaidate import (
    EN_MONTHS_ABBR,
    THAI_MONTHS_ABBR,
    THAI_MONTHS_FULL,
    fiscal_months,
    fiscal_quarter,
    fiscal_year_bounds,
    fiscal_year_of,
    format_baht,
    format_date,
    format_datetime,
    format_month,
    format_month_range,
    format_number,
    format_percent,
    format_score,
    last_day,
    month_span,
    to_be,
    to_ce,
)

FAST = settings(max_examples=200, deadline=None)
QUARTER_OF_MONTH = {10: 1, 11: 1, 12: 1, 1: 2, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 4, 8: 4, 9: 4}


def test_month_tables_are_indexed_from_one():
    assert THAI_MONTHS_ABBR[1] == "ม.ค." and THAI_MONTHS_ABBR[5] == "พ.ค." and THAI_MONTHS_ABBR[12] == "ธ.ค."
    assert THAI_MONTHS_FULL[7] == "กรกฎาคม" and THAI_MONTHS_FULL[10] == "ตุลาคม"
    assert EN_MONTHS_ABBR[5] == "May" and EN_MONTHS_ABBR[9] == "Sep"
    assert len(THAI_MONTHS_ABBR) == len(THAI_MONTHS_FULL) == len(EN_MONTHS_ABBR) == 13


def test_buddhist_era_is_ce_plus_543():
    assert to_be(2023) == 2566
    assert to_ce(2566) == 2023


def test_fiscal_year_2566_runs_from_1_october_2022_to_30_september_2023():
    assert fiscal_year_of(date(2022, 10, 1)) == 2566
    assert fiscal_year_of(date(2023, 9, 30)) == 2566
    assert fiscal_year_of(date(2022, 9, 30)) == 2565
    assert fiscal_year_of(date(2023, 10, 1)) == 2567
    assert fiscal_year_bounds(2566) == (date(2022, 10, 1), date(2023, 9, 30))


def test_fiscal_quarters_start_in_october():
    assert fiscal_quarter(date(2022, 10, 1)) == 1
    assert fiscal_quarter(date(2022, 12, 31)) == 1
    assert fiscal_quarter(date(2023, 1, 1)) == 2
    assert fiscal_quarter(date(2023, 6, 30)) == 3
    assert fiscal_quarter(date(2023, 9, 30)) == 4


def test_fiscal_months_are_the_twelve_months_from_october_to_september():
    months = fiscal_months(2566)
    assert months[0] == (2022, 10) and months[2] == (2022, 12) and months[3] == (2023, 1) and months[-1] == (2023, 9)
    assert len(months) == 12


def test_month_span_lists_every_month_a_range_touches():
    assert month_span(date(2023, 5, 20), date(2023, 8, 1)) == [(2023, 5), (2023, 6), (2023, 7), (2023, 8)]
    assert month_span(date(2022, 11, 1), date(2023, 1, 31)) == [(2022, 11), (2022, 12), (2023, 1)]
    assert month_span(date(2023, 5, 1), date(2023, 5, 31)) == [(2023, 5)]
    assert month_span(date(2023, 5, 1), date(2023, 4, 30)) == []


def test_last_day_knows_leap_years():
    assert last_day(2024, 2) == date(2024, 2, 29)
    assert last_day(2023, 2) == date(2023, 2, 28)


def test_dates_show_in_thai_with_buddhist_era_and_in_english_with_ce():
    assert format_date(date(2023, 5, 15)) == "15 พ.ค. 2566"
    assert format_date(date(2023, 5, 15), "en") == "15 May 2023"
    assert format_date(None) == "–"


def test_months_and_month_ranges_show_the_year_once_when_shared():
    assert format_month(2023, 5) == "พ.ค. 2566"
    assert format_month(2023, 5, "en") == "May 2023"
    assert format_month_range(date(2023, 5, 1), date(2023, 8, 31)) == "พ.ค. – ส.ค. 2566"
    assert format_month_range(date(2023, 5, 1), date(2023, 8, 31), "en") == "May – Aug 2023"
    assert format_month_range(date(2022, 10, 1), date(2023, 1, 31)) == "ต.ค. 2565 – ม.ค. 2566"
    assert format_month_range(date(2022, 10, 1), date(2022, 10, 31)) == "ต.ค. 2565"
    assert format_month_range((2023, 5), (2023, 8)) == "พ.ค. – ส.ค. 2566"
    assert format_month_range(None, None) == "–"


def test_date_times_show_hours_and_minutes():
    assert format_datetime(datetime(2023, 5, 15, 10, 30)) == "15 พ.ค. 2566 10:30"
    assert format_datetime(datetime(2023, 5, 15, 9, 5), "en") == "15 May 2023 09:05"
    assert format_datetime(None) == "–"


def test_numbers_show_with_thousands_separators_and_asked_decimals():
    assert format_number(12345) == "12,345"
    assert format_number(Decimal("12345.5"), 2) == "12,345.50"
    assert format_number(2.675, 2) == "2.68"
    assert format_number(Decimal("0.5")) == "1"
    assert format_number(-1234567) == "-1,234,567"
    assert format_number(Decimal("-0.001"), 2) == "0.00"
    assert format_number(None) == "–"
    assert format_number(float("nan")) == "–"
    assert format_number(Decimal("1E+40")) == "10,000,000,000,000,000,000,000,000,000,000,000,000,000"


def test_baht_percent_and_score_formats():
    assert format_baht(10000) == "10,000 บาท"
    assert format_baht(10000, "en") == "฿10,000"
    assert format_baht(Decimal("2500.5"), decimals=2) == "2,500.50 บาท"
    assert format_baht(-5, "en") == "-฿5"
    assert format_baht(None) == "–"
    assert format_percent(Decimal("95.45")) == "95.5%"
    assert format_percent(95, 0) == "95%"
    assert format_percent(None) == "–"
    assert format_score(Decimal("94.99")) == "94.99"
    assert format_score(95) == "95.00"
    assert format_score(None) == "–"


@FAST
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_the_fiscal_year_of_a_date_is_the_one_whose_bounds_contain_it(d):
    fy = fiscal_year_of(d)
    first, last = fiscal_year_bounds(fy)
    assert first <= d <= last
    assert (d.year, d.month) in fiscal_months(fy)
    assert fiscal_quarter(d) == QUARTER_OF_MONTH[d.month]
    assert fiscal_months(fy)[3 * (fiscal_quarter(d) - 1)] == month_span(first, last)[3 * (fiscal_quarter(d) - 1)]


@FAST
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)),
       st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_month_span_is_contiguous_and_covers_both_ends(a, b):
    start, end = min(a, b), max(a, b)
    span = month_span(start, end)
    assert span[0] == (start.year, start.month) and span[-1] == (end.year, end.month)
    assert len(span) == (end.year - start.year) * 12 + end.month - start.month + 1


@pytest.mark.parametrize("month", range(1, 13))
def test_each_month_belongs_to_its_quarter(month):
    assert fiscal_quarter(date(2023, month, 1)) == QUARTER_OF_MONTH[month]
