"""Thai calendar (Buddhist Era, fiscal year Oct..Sep) and every display format for dates and numbers."""

from __future__ import annotations

import calendar
import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

__all__ = [
    "BE_OFFSET",
    "DASH",
    "THAI_MONTHS_ABBR",
    "THAI_MONTHS_FULL",
    "EN_MONTHS_ABBR",
    "EN_MONTHS_FULL",
    "to_be",
    "to_ce",
    "last_day",
    "fiscal_year_of",
    "fiscal_year_bounds",
    "fiscal_quarter",
    "fiscal_months",
    "month_span",
    "format_date",
    "format_month",
    "format_month_range",
    "format_datetime",
    "format_number",
    "format_baht",
    "format_percent",
    "format_score",
]

BE_OFFSET = 543
#: Shown for a missing value.
DASH = "–"

# Index 1..12; index 0 is an empty placeholder so that THAI_MONTHS_ABBR[5] == "พ.ค.".
THAI_MONTHS_ABBR: tuple[str, ...] = (
    "", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
THAI_MONTHS_FULL: tuple[str, ...] = (
    "", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
EN_MONTHS_ABBR: tuple[str, ...] = (
    "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
EN_MONTHS_FULL: tuple[str, ...] = (
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

Number = Decimal | int | float


def to_be(year_ce: int) -> int:
    """Buddhist-Era year of a CE year (2023 -> 2566)."""
    return year_ce + BE_OFFSET


def to_ce(year_be: int) -> int:
    """CE year of a Buddhist-Era year (2566 -> 2023)."""
    return year_be - BE_OFFSET


def last_day(year_ce: int, month: int) -> date:
    """The last day of a month."""
    return date(year_ce, month, calendar.monthrange(year_ce, month)[1])


def fiscal_year_of(d: date) -> int:
    """Thai fiscal year (BE) containing d: 1 Oct 2022 .. 30 Sep 2023 is FY2566."""
    return to_be(d.year + 1 if d.month >= 10 else d.year)


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of fiscal year fy_be (BE): 1 Oct of the previous CE year .. 30 Sep."""
    ce = to_ce(fy_be)
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def fiscal_quarter(d: date) -> int:
    """Fiscal quarter 1..4 of d: Q1 Oct-Dec, Q2 Jan-Mar, Q3 Apr-Jun, Q4 Jul-Sep."""
    return (d.month - 10) % 12 // 3 + 1


def fiscal_months(fy_be: int) -> list[tuple[int, int]]:
    """The twelve (CE year, month) pairs of fiscal year fy_be, October first."""
    ce = to_ce(fy_be)
    return [(ce - 1, m) for m in (10, 11, 12)] + [(ce, m) for m in range(1, 10)]


def month_span(start: date, end: date) -> list[tuple[int, int]]:
    """Every (CE year, month) the range start..end touches, in order; empty when end < start."""
    out: list[tuple[int, int]] = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _year(year_ce: int, lang: str) -> int:
    return year_ce if lang == "en" else to_be(year_ce)


def _month_name(month: int, lang: str) -> str:
    return EN_MONTHS_ABBR[month] if lang == "en" else THAI_MONTHS_ABBR[month]


def format_date(d: date | None, lang: str = "th") -> str:
    """"15 พ.ค. 2566" (Thai, BE) or "15 May 2023" (lang="en"); None -> "–"."""
    if d is None:
        return DASH
    return f"{d.day} {_month_name(d.month, lang)} {_year(d.year, lang)}"


def format_month(year_ce: int, month: int, lang: str = "th") -> str:
    """"พ.ค. 2566" or "May 2023"."""
    return f"{_month_name(month, lang)} {_year(year_ce, lang)}"


def _ym(x: date | tuple[int, int] | None) -> tuple[int, int] | None:
    if x is None:
        return None
    if isinstance(x, date):
        return x.year, x.month
    return int(x[0]), int(x[1])


def format_month_range(
    start: date | tuple[int, int] | None, end: date | tuple[int, int] | None, lang: str = "th"
) -> str:
    """"พ.ค. – ส.ค. 2566" (year once when both months share it) / "May – Aug 2023"; one month alone if equal."""
    a, b = _ym(start), _ym(end)
    if a is None and b is None:
        return DASH
    if a is None or b is None or a == b:
        y, m = a or b  # type: ignore[misc]
        return format_month(y, m, lang)
    if a[0] == b[0]:
        return f"{_month_name(a[1], lang)} – {format_month(b[0], b[1], lang)}"
    return f"{format_month(a[0], a[1], lang)} – {format_month(b[0], b[1], lang)}"


def format_datetime(dt: datetime | date | None, lang: str = "th") -> str:
    """"15 พ.ค. 2566 10:30" / "15 May 2023 10:30"; a plain date is shown without time; None -> "–"."""
    if dt is None:
        return DASH
    if not isinstance(dt, datetime):
        return format_date(dt, lang)
    return f"{format_date(dt.date(), lang)} {dt.hour:02d}:{dt.minute:02d}"


def _to_decimal(x: Number) -> Decimal | None:
    if isinstance(x, float):
        if not math.isfinite(x):
            return None
        x = Decimal(repr(x))  # repr keeps what the user sees (2.675, not 2.67499999...)
    d = Decimal(x)
    return d if d.is_finite() else None


def format_number(x: Number | None, decimals: int = 0) -> str:
    """Thousands separators and a fixed number of decimals, rounded half-up ("12,345"); None -> "–"."""
    if x is None:
        return DASH
    try:
        d = _to_decimal(x)
    except (InvalidOperation, ValueError, TypeError):
        return DASH
    if d is None:
        return DASH
    decimals = max(0, int(decimals))
    with localcontext() as ctx:
        ctx.prec = max(28, d.adjusted() + decimals + 5)
        q = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if q.is_zero():
            q = abs(q)  # never show "-0"
    return f"{q:,.{decimals}f}"


def format_baht(x: Number | None, lang: str = "th", decimals: int = 0) -> str:
    """"10,000 บาท" (Thai) or "฿10,000" (English); None -> "–"."""
    text = format_number(x, decimals)
    if text == DASH:
        return DASH
    if lang == "en":
        return f"-฿{text[1:]}" if text.startswith("-") else f"฿{text}"
    return f"{text} บาท"


def format_percent(x: Number | None, decimals: int = 1) -> str:
    """"95.5%" (x is already in percent points); None -> "–"."""
    text = format_number(x, decimals)
    return DASH if text == DASH else f"{text}%"


def format_score(x: Number | None) -> str:
    """An ITA score with two decimals, "94.99"; None -> "–"."""
    return format_number(x, 2)
