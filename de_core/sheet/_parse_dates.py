"""Date, month, month-range and fiscal-year cell parsers (private; import them from de_core.sheet.parse)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from de_core.sheet._parse_base import BadCell, prep, show
from de_core.thaidate import EN_MONTHS_ABBR, THAI_MONTHS_ABBR, THAI_MONTHS_FULL, last_day, to_ce

__all__ = ["parse_date", "parse_month", "parse_month_range", "parse_fiscal_year"]

_SHEETS_EPOCH = date(1899, 12, 30)
_INFORMAL = ("มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา")

# Thai month words -> month number, keyed without dots and spaces ("พค", "พฤษภาคม", "พฤษภา").
_TH_KEYS: dict[str, int] = {}
_th_patterns: list[str] = []
for _m in range(1, 13):
    _abbr_parts = [p for p in THAI_MONTHS_ABBR[_m].split(".") if p]
    _TH_KEYS["".join(_abbr_parts)] = _m
    _th_patterns.append(r"\.?\s*".join(map(re.escape, _abbr_parts)) + r"\.?")
    for _word in (THAI_MONTHS_FULL[_m], _INFORMAL[_m - 1]):
        _TH_KEYS[_word] = _m
        _th_patterns.append(re.escape(_word))
_TH_KEYS["กรกฏาคม"] = _TH_KEYS["กรกฏา"] = 7  # the very common ฏ/ฎ misspelling
_th_patterns += ["กรกฏาคม", "กรกฏา"]
_TH_MON = "(?:" + "|".join(sorted(_th_patterns, key=len, reverse=True)) + ")"
_EN_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_EN_KEYS = {name.lower(): i for i, name in enumerate(EN_MONTHS_ABBR) if name}

_ERA = r"(?:(?P<era>พ\.?\s*ศ\.?|ค\.?\s*ศ\.?|b\.?\s?e\.?|a\.?\s?d\.?|c\.?\s?e\.?)\s*)?"
_TIME = (
    r"(?:(?:\s*,?\s*(?:เวลา\s*)?|T)(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<ss>\d{2})(?:\.\d+)?)?"
    r"\s*(?:น\.?|นาฬิกา|(?P<ampm>[ap]\.?m\.?))?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$"
)
_Y = r"(?P<y>\d{4}|\d{2})"
_F = re.I
_PREFIX = re.compile(
    r"^(?:ณ\s*)?วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?\s*ที่\s*"
    r"|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+",
    _F,
)
_SERIAL = re.compile(r"^(?P<n>\d{5})(?:\.\d+)?$")
_ISO = re.compile(r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})" + _TIME, _F)
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)" + _Y + _TIME, _F)
_TH_DMY = re.compile(r"^(?P<d>\d{1,2})[\s\-/]*(?P<mon>" + _TH_MON + r")[\s\-/,]*" + _ERA + _Y + _TIME, _F)
_EN_DMY = re.compile(
    r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/]*(?P<mon>" + _EN_MON + r")[\s\-/,]*" + _ERA + _Y + _TIME, _F
)
_EN_MDY = re.compile(r"^(?P<mon>" + _EN_MON + r")[\s\-/]*(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s,\-/]+" + _Y + _TIME, _F)
_TH_MY = re.compile(r"^(?P<mon>" + _TH_MON + r")[\s\-/,]*" + _ERA + _Y + "$", _F)
_EN_MY = re.compile(r"^(?P<mon>" + _EN_MON + r")[\s\-/,']*" + _ERA + _Y + "$", _F)
_NUM_MY = re.compile(r"^(?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})$")
_NUM_YM = re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})$")
_MON_ONLY = re.compile(r"^(?:(?P<d>\d{1,2})\s*)?(?P<mon>" + _TH_MON + "|" + _EN_MON + ")$", _F)
_DAY_ONLY = re.compile(r"^\d{1,2}$")
_RANGE_SEP = re.compile(r"\s*(?:จนถึง|ถึง|[–—~]|-)\s*|\s+(?:to|until)\s+", _F)
_FY = re.compile(
    r"^(?:(?:ปีงบประมาณ|ปีงบ\.?|ปี|fiscal\s*year|fy)\s*[:.]?\s*)?" + _ERA + r"(?P<y>\d,\d{3}|\d{4}|\d{2})$", _F
)

_DATE_HINT = ("พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 15/05/2566 หรือ 15 พ.ค. 2566",
              "Type day/month/year, e.g. 15/05/2566 or 15 May 2023")
_MONTH_HINT = ("พิมพ์เดือนและปี เช่น ต.ค. 2565 หรือ 10/2565", "Type a month and year, e.g. ต.ค. 2565 or Oct 2022")
_RANGE_HINT = ("พิมพ์ช่วงเดือน เช่น พ.ค. - ส.ค. 2566 หรือ ต.ค. 2565 - ม.ค. 2566",
               "Type a month range, e.g. May - Aug 2023")


class _Part(NamedTuple):
    year: int | None  # CE
    month: int | None
    day: int | None


def _month_of(word: str) -> int:
    key = re.sub(r"[.\s]", "", word).lower()
    return _TH_KEYS[key] if key in _TH_KEYS else _EN_KEYS[key[:3]]


def _era(m: re.Match[str]) -> str | None:
    era = (m.groupdict().get("era") or "").lower()
    return None if not era else ("BE" if era[0] in "พb" else "CE")


def _year_ce(text: str, raw: str, *, english: bool = False, era: str | None = None) -> int:
    """CE year from a typed year: >= 2400 is BE, 1900-2200 is CE, 2 digits BE (CE in English forms)."""
    y = int(text.replace(",", ""))
    if len(text) == 2:
        return 2000 + y if era == "CE" or (english and era != "BE") else to_ce(2500 + y)
    if y >= 2400 and era != "CE":
        return to_ce(y)
    if 1900 <= y <= 2200 and era != "BE":
        return y
    raise BadCell(f"ปีไม่ถูกต้อง: {show(raw)}", f"Not a valid year: {show(raw)}",
                  "ใช้ปี พ.ศ. 4 หลัก เช่น 2566 (หรือ ค.ศ. เช่น 2023)", "Use a 4-digit year, e.g. 2566 (BE) or 2023")


def _make_date(y: int, m: int, d: int, raw: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise BadCell(f"ไม่มีวันที่นี้ในปฏิทิน: {show(raw)}", f"No such date: {show(raw)}",
                      "ตรวจวันและเดือนอีกครั้ง (เช่น 31/02 ไม่มีจริง)",
                      "Check the day and month (e.g. 31/02 does not exist)") from None


def _check_time(m: re.Match[str], raw: str) -> None:
    if m.group("hh") is None:
        return
    hh, mi, ss = int(m.group("hh")), int(m.group("mi")), int(m.group("ss") or 0)
    if hh > (12 if m.group("ampm") else 23) or mi > 59 or ss > 59:
        raise BadCell(f"เวลาไม่ถูกต้อง: {show(raw)}", f"Not a valid time: {show(raw)}", "เช่น 10:30", "e.g. 10:30")


def _match_date(s: str, raw: str) -> date | None:
    """A full date in any accepted form, None when no form matches; BadCell when it matches but is invalid."""
    if m := _SERIAL.match(s):
        n = int(m.group("n"))
        return _SHEETS_EPOCH + timedelta(days=n) if 20000 <= n <= 80000 else None
    s = _PREFIX.sub("", s, count=1)
    if m := _ISO.match(s):
        y, mo, d = _year_ce(m.group("y"), raw), int(m.group("m")), int(m.group("d"))
    elif m := _NUMERIC.match(s):
        a, b = int(m.group("a")), int(m.group("b"))
        d, mo = (b, a) if b > 12 >= a else (a, b)  # D/M (Thai); M/D only when the day cannot be a month
        y = _year_ce(m.group("y"), raw)
    elif m := _TH_DMY.match(s):
        d, mo, y = int(m.group("d")), _month_of(m.group("mon")), _year_ce(m.group("y"), raw, era=_era(m))
    elif (m := _EN_DMY.match(s)) or (m := _EN_MDY.match(s)):
        d, mo = int(m.group("d")), _month_of(m.group("mon"))
        y = _year_ce(m.group("y"), raw, english=True, era=_era(m))
    else:
        return None
    _check_time(m, raw)
    return _make_date(y, mo, d, raw)


def _match_month(s: str, raw: str) -> tuple[int, int] | None:
    """(CE year, month) for a month-and-year text, None when no month form matches."""
    if (m := _TH_MY.match(s)) or (m := _EN_MY.match(s)):
        english = _TH_MY.match(s) is None
        return _year_ce(m.group("y"), raw, english=english, era=_era(m)), _month_of(m.group("mon"))
    if (m := _NUM_MY.match(s)) or (m := _NUM_YM.match(s)):
        month = int(m.group("m"))
        if not 1 <= month <= 12:
            raise BadCell(f"เดือนต้องอยู่ระหว่าง 1–12: {show(raw)}", f"Month must be 1–12: {show(raw)}", *_MONTH_HINT)
        return _year_ce(m.group("y"), raw), month
    return None


def parse_date(raw: str) -> date | None:
    """A date from Thai/BE, ISO, English or Sheets-serial text; None when blank. Raises BadCell."""
    s = prep(raw)
    if s is None:
        return None
    found = _match_date(s, s)
    if found is None:
        raise BadCell(f"อ่านเป็นวันที่ไม่ได้: {show(s)}", f"Not a date: {show(s)}", *_DATE_HINT)
    return found


def parse_month(raw: str) -> tuple[int, int] | None:
    """(CE year, month) from "ต.ค. ๒๕๖๕", "10/2565", "Oct 2022" (or a full date); None when blank. Raises BadCell."""
    s = prep(raw)
    if s is None:
        return None
    if (ym := _match_month(s, s)) is not None:
        return ym
    if (d := _match_date(s, s)) is not None:
        return d.year, d.month
    if _MON_ONLY.match(s):
        raise BadCell(f"ไม่ได้ระบุปี: {show(s)}", f"The year is missing: {show(s)}", *_MONTH_HINT)
    raise BadCell(f"อ่านเป็นเดือนไม่ได้: {show(s)}", f"Not a month: {show(s)}", *_MONTH_HINT)


def _side(text: str, raw: str) -> _Part | None:
    """One side of a range: a full date, a month with year, a month (maybe with a day) or a bare day."""
    if (d := _match_date(text, raw)) is not None:
        return _Part(d.year, d.month, d.day)
    if (ym := _match_month(text, raw)) is not None:
        return _Part(ym[0], ym[1], None)
    if m := _MON_ONLY.match(text):
        return _Part(None, _month_of(m.group("mon")), int(m.group("d")) if m.group("d") else None)
    if _DAY_ONLY.match(text):
        return _Part(None, None, int(text))
    return None


def _combine(left: _Part, right: _Part, raw: str) -> tuple[date, date] | None:
    if right.month is None or (left.month is None and left.day is None):
        return None
    if left.month is None:  # "1 - 15 พ.ค. 2566": the bare day takes the right side's month
        left = _Part(right.year, right.month, left.day)
    if left.year is None and right.year is None:
        raise BadCell(f"ไม่ได้ระบุปี: {show(raw)}", f"The year is missing: {show(raw)}", *_RANGE_HINT)
    if left.year is None:  # one trailing year belongs to the end month; a later start month is the year before
        left = left._replace(year=right.year if left.month <= right.month else right.year - 1)  # type: ignore
    if right.year is None:
        right = right._replace(year=left.year if right.month >= left.month else left.year + 1)  # type: ignore
    assert left.year is not None and right.year is not None and left.month is not None
    start = _make_date(left.year, left.month, left.day or 1, raw)
    end = last_day(right.year, right.month) if right.day is None else _make_date(right.year, right.month,
                                                                                right.day, raw)
    if end < start:
        raise BadCell(f"วันสิ้นสุดอยู่ก่อนวันเริ่ม: {show(raw)}", f"The range ends before it starts: {show(raw)}",
                      *_RANGE_HINT)
    return start, end


def parse_month_range(raw: str) -> tuple[date, date] | None:
    """(first day, last day) of a month range such as "พ.ค.- ส.ค. ๒๕๖๖"; None when blank. Raises BadCell."""
    s = prep(raw)
    if s is None:
        return None
    whole = _side(s, s)
    if whole is not None and whole.month is not None:
        if whole.year is None:
            raise BadCell(f"ไม่ได้ระบุปี: {show(s)}", f"The year is missing: {show(s)}", *_RANGE_HINT)
        if whole.day is not None:
            d = date(whole.year, whole.month, whole.day)
            return d, d
        return date(whole.year, whole.month, 1), last_day(whole.year, whole.month)
    # Try every separator; spaced separators and words first, a bare "-" (also inside dates) last.
    cuts = sorted(_RANGE_SEP.finditer(s), key=lambda m: (m.group().strip() == m.group() == "-", m.start()))
    first_error: BadCell | None = None
    for cut in cuts:
        try:
            left, right = _side(s[: cut.start()], s), _side(s[cut.end():], s)
            if left is not None and right is not None and (span := _combine(left, right, s)) is not None:
                return span
        except BadCell as exc:
            first_error = first_error or exc
    if first_error is not None:
        raise first_error
    raise BadCell(f"อ่านเป็นช่วงเดือนไม่ได้: {show(s)}", f"Not a month range: {show(s)}", *_RANGE_HINT)


def parse_fiscal_year(raw: str) -> int | None:
    """Fiscal year as a BE year from "2566", "ปีงบประมาณ พ.ศ. ๒๕๖๖", "FY2023", "66"; None when blank. Raises BadCell."""
    s = prep(raw)
    if s is None:
        return None
    m = _FY.match(s)
    if m is None:
        raise BadCell(f"อ่านเป็นปีงบประมาณไม่ได้: {show(s)}", f"Not a fiscal year: {show(s)}",
                      "พิมพ์ปี พ.ศ. เช่น 2566", "Type the BE year, e.g. 2566")
    be = _year_ce(m.group("y"), s, era=_era(m)) + 543
    if not 2400 <= be <= 2700:
        raise BadCell(f"ปีงบประมาณต้องอยู่ระหว่าง 2400–2700: {show(s)}",
                      f"Fiscal year must be 2400–2700 (BE): {show(s)}", "พิมพ์ปี พ.ศ. เช่น 2566",
                      "Type the BE year, e.g. 2566")
    return be
