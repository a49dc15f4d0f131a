"""Lenient parsers for hand-typed Google-Sheet cells (Thai digits, BE dates, "๑๐,๐๐๐ บาท").

Every parser takes the cell text, returns None for a blank cell and raises only BadCell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal, localcontext
from urllib.parse import urlsplit

from de_core.sheet._parse_base import BLANK_MARKS, BadCell, as_text, prep, show
from de_core.sheet._parse_dates import parse_date, parse_fiscal_year, parse_month, parse_month_range
from de_core.sheet._parse_enum import EnumOption, enum_list_parser, enum_parser, parse_enum, parse_enum_list
from de_core.sheet.text import fold, normalize, normalize_light, split_multi, thai_digits_to_arabic

__all__ = [
    "BadCell", "parse_number", "parse_int", "parse_baht", "parse_percent", "parse_score", "parse_date",
    "parse_month", "parse_month_range", "parse_fiscal_year", "parse_bool", "parse_measure", "parse_url",
    "parse_urls", "parse_enum", "parse_enum_list", "parse_text", "EnumOption", "split_multi", "enum_parser",
    "enum_list_parser",
]

MAX_DIGITS = 30
MAX_URL = 2000
_MONEY = ("บาทถ้วน", "บาท", "บ.", "฿", "thb", "baht")
_PERCENT = ("%", "ร้อยละ", "เปอร์เซ็นต์", "percent")
_SCORE = ("คะแนน", "points", "point", "pts", "pt", "%", "ร้อยละ")
_COUNTS = ("ครั้ง", "คน", "แห่ง", "เรื่อง", "ข้อ", "รายการ")
_ALL_UNITS = _MONEY + _PERCENT + _SCORE + _COUNTS
_MULTIPLIERS = {"ล้าน": 6, "million": 6, "แสน": 5, "หมื่น": 4, "พัน": 3}
_NO_BUDGET = frozenset({
    "ไม่ใช้งบประมาณ", "ไม่ใช้งบ", "ไม่ใช้", "ไม่มี", "ไม่มีงบประมาณ", "ไม่มีงบ", "ไม่ได้ใช้งบประมาณ", "ไม่ใช้เงิน",
    "nobudget", "none", "nil", "-", "–", "—",
})
_TRUE = frozenset({"ใช่", "จริง", "มี", "ผ่าน", "เสร็จ", "เสร็จแล้ว", "yes", "y", "true", "1", "ok", "✓", "✔", "☑", "✅"})
_FALSE = frozenset({
    "ไม่ใช่", "ไม่จริง", "ไม่มี", "ไม่ผ่าน", "ไม่เสร็จ", "ยังไม่เสร็จ", "ไม่", "no", "n", "false", "0",
    "x", "✗", "✘", "❌", "☐",
})
_NUMBER = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+")
_SIGN = re.compile(r"^([+\-−])\s*(.*)$", re.S)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(?!\d)")
_URL_FORBIDDEN = set('<>"`\\{}|^')

_NUM_HINT = ("พิมพ์เป็นตัวเลข เช่น 10,000 หรือ ๑๐,๐๐๐", "Type a number, e.g. 10,000 or ๑๐,๐๐๐")
_BAHT_HINT = ("พิมพ์จำนวนเงิน เช่น 10,000 หรือ ๑๐,๐๐๐ บาท หรือ ไม่ใช้งบประมาณ",
              "Type an amount, e.g. 10,000 or ๑๐,๐๐๐ บาท, or ไม่ใช้งบประมาณ for none")
_URL_HINT = ("วางลิงก์ที่ขึ้นต้นด้วย https:// เช่น https://www.example.go.th/x",
             "Paste a link starting with https://, e.g. https://www.example.go.th/x")


def _unit_re(units: Sequence[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True))
    return re.compile(rf"^(?P<s1>[+\-−])?\s*(?:(?P<pre>{alt})\s*)?(?P<body>.*?)\s*(?P<post>{alt})?$", re.I | re.S)


_ALL_RE, _MONEY_RE = _unit_re(_ALL_UNITS), _unit_re(_MONEY)
_PERCENT_RE, _SCORE_RE = _unit_re(_PERCENT), _unit_re(_SCORE)
_MULT_RE = re.compile(
    r"^(?P<num>.*?)\s*(?P<mul>ล้าน|million|แสน|หมื่น|พัน)\s*(?:บาทถ้วน|บาท|baht)?\.?$", re.I | re.S
)


def _not_number(s: str, hint: tuple[str, str] = _NUM_HINT) -> BadCell:
    return BadCell(f"อ่านเป็นตัวเลขไม่ได้: {show(s)}", f"Not a number: {show(s)}", *hint)


def _decimal(s: str, units: re.Pattern[str], *, money: bool = False) -> Decimal:
    """The number in s (already prepared), ignoring one unit word on each side; raises BadCell."""
    hint = _BAHT_HINT if money else _NUM_HINT
    negative = False
    text = s
    if len(text) > 2 and text[0] == "(" and text[-1] == ")":  # accounting format: (1,000) is -1000
        negative, text = True, text[1:-1].strip()
    m = units.match(text)
    if m is None:
        raise _not_number(s, hint)
    body = m.group("body")
    if money:
        body = re.sub(r"\.\s*[-–—]$", "", body)  # "10,000.-"
    sign = m.group("s1")
    if (sm := _SIGN.match(body)) is not None:
        if sign is not None:
            raise _not_number(s, hint)
        sign, body = sm.group(1), sm.group(2)
    body = re.sub(r"\s*([,.])\s*", r"\1", body)
    if not _NUMBER.fullmatch(body):
        raise _not_number(s, hint)
    if sum(ch.isdigit() for ch in body) > MAX_DIGITS:
        raise BadCell(f"ตัวเลขยาวเกินไป: {show(s)}", f"Number too long: {show(s)}", *hint)
    value = Decimal(body.replace(",", ""))
    if (sign is not None and sign != "+") != negative and not value.is_zero():
        value = value.copy_negate()  # exact, unlike unary minus under the context precision
    return value


def parse_number(raw: str) -> Decimal | None:
    """A number with Thai or Arabic digits, separators, sign and unit words ("95.5 คะแนน"). Raises BadCell."""
    s = prep(raw)
    return None if s is None else _decimal(s, _ALL_RE)


def parse_int(raw: str) -> int | None:
    """A whole number ("1,000", "๑๒"); a fractional part such as "1.5" is a BadCell."""
    value = parse_number(raw)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise BadCell(f"ต้องเป็นจำนวนเต็ม: {show(raw)}", f"Must be a whole number: {show(raw)}",
                      "พิมพ์โดยไม่มีทศนิยม เช่น 12", "Type it without decimals, e.g. 12")
    return int(value)


def parse_baht(raw: str) -> Decimal | None:
    """An amount of baht ("๑๐,๐๐๐ บาท", "10,000.-", "1.5 ล้าน"); "ไม่ใช้งบประมาณ", "-" -> 0. Raises BadCell."""
    s = thai_digits_to_arabic(normalize(as_text(raw)))
    if not s:
        return None
    if re.sub(r"[\s().]", "", s).casefold() in _NO_BUDGET:
        return Decimal(0)
    s = prep(s)
    if s is None:
        return Decimal(0)
    mult = _MULT_RE.match(s)
    if mult is not None and mult.group("num"):
        with localcontext() as ctx:
            ctx.prec = 80
            value = _decimal(mult.group("num"), _MONEY_RE, money=True).scaleb(_MULTIPLIERS[mult["mul"].lower()])
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
    else:
        value = _decimal(s, _MONEY_RE, money=True)
    if value < 0:
        raise BadCell(f"จำนวนเงินติดลบไม่ได้: {show(s)}", f"An amount cannot be negative: {show(s)}", *_BAHT_HINT)
    return value


def parse_percent(raw: str) -> Decimal | None:
    """Percent points: "95%", "ร้อยละ ๙๕", "95.50"; a bare "0.95" stays 0.95. Raises BadCell."""
    s = prep(raw)
    return None if s is None else _decimal(s, _PERCENT_RE)


def parse_score(raw: str) -> Decimal | None:
    """An ITA-style score 0-100, optionally with "คะแนน" or "%". Raises BadCell (also when out of range)."""
    s = prep(raw)
    if s is None:
        return None
    value = _decimal(s, _SCORE_RE)
    if not 0 <= value <= 100:
        raise BadCell(f"คะแนนต้องอยู่ระหว่าง 0–100: {show(s)}", f"A score must be between 0 and 100: {show(s)}",
                      "เช่น 95.5", "e.g. 95.5")
    return value


def _bool_key(s: str) -> str:
    return re.sub(r"[\s\ufe0e\ufe0f]", "", fold(s))


def parse_bool(raw: str) -> bool | None:
    """Yes/no words in Thai or English, TRUE/FALSE, 1/0, ✓/✗ ("x" is no). Raises BadCell."""
    s = prep(raw)
    if s is None:
        return None
    key = _bool_key(s)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise BadCell(f"อ่านเป็น ใช่/ไม่ใช่ ไม่ได้: {show(s)}", f"Not a yes/no value: {show(s)}",
                  "พิมพ์ ใช่ หรือ ไม่ใช่ (หรือ ✓ / ✗)", "Type yes or no (or ✓ / ✗)")


def parse_measure(raw: str) -> Decimal | None:
    """A KPI reading: a number or percent, or a yes/no word (-> 1 / 0). Raises BadCell."""
    s = prep(raw)
    if s is None:
        return None
    try:
        return _decimal(s, _ALL_RE)
    except BadCell:
        pass
    try:
        return Decimal(1) if parse_bool(s) else Decimal(0)
    except BadCell:
        raise BadCell(f"อ่านเป็นตัวเลขหรือ ใช่/ไม่ใช่ ไม่ได้: {show(s)}", f"Not a number or yes/no: {show(s)}",
                      "พิมพ์ตัวเลข เช่น 80 หรือ 80% หรือ ใช่/ไม่ใช่", "Type a number (80, 80%) or yes/no") from None


def _host_ok(host: str) -> bool:
    if host == "localhost" or ":" in host:  # urlsplit already checked the [IPv6] brackets
        return True
    labels = host.split(".")
    if len(labels) == 4 and all(lab.isdigit() and lab.isascii() for lab in labels):
        return all(int(lab) <= 255 for lab in labels)
    if len(labels) < 2:
        return False
    for lab in labels:
        ok = all(ch.isalnum() or ch == "-" or unicodedata.category(ch)[0] == "M" for ch in lab)
        if not lab or len(lab) > 63 or not ok or lab[0] == "-" or lab[-1] == "-":
            return False
    tld = labels[-1]
    return tld.startswith("xn--") or (len(tld) >= 2 and all(ch.isalpha() or unicodedata.category(ch)[0] == "M"
                                                         for ch in tld))


def _bad_url(s: str, why_th: str, why_en: str) -> BadCell:
    return BadCell(f"ลิงก์ไม่ถูกต้อง ({why_th}): {show(s)}", f"Not a valid link ({why_en}): {show(s)}", *_URL_HINT)


def parse_url(raw: str) -> str | None:
    """One http(s) link; "www.x.go.th/a" gets "https://". Raises BadCell for other schemes, spaces, no host."""
    s = normalize(as_text(raw))
    if not s or s in BLANK_MARKS:
        return None
    if len(s) > MAX_URL:
        raise _bad_url(s, f"ยาวเกิน {MAX_URL:,} ตัวอักษร", f"longer than {MAX_URL:,} characters")
    if " " in s:
        raise _bad_url(s, "มีช่องว่าง", "contains a space")
    if any(ord(ch) < 32 or ord(ch) == 127 or ch in _URL_FORBIDDEN for ch in s):
        raise _bad_url(s, "มีอักขระที่ใช้ในลิงก์ไม่ได้", "contains a character not allowed in links")
    if m := _SCHEME.match(s):
        scheme, rest = m.group(1).lower(), s[m.end():]
        if scheme not in ("http", "https"):
            raise _bad_url(s, "ใช้ได้เฉพาะ http:// หรือ https://", "only http:// and https:// are allowed")
        if not rest.startswith("//"):
            raise _bad_url(s, "ไม่มีชื่อเว็บไซต์", "no host")
        url = f"{scheme}:{rest}"
    else:
        url = ("https:" if s.startswith("//") else "https://") + s
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port
    except ValueError:
        raise _bad_url(s, "รูปแบบผิด", "malformed") from None
    if "@" in parts.netloc:
        raise _bad_url(s, "มีชื่อผู้ใช้ในลิงก์ หรือเป็นอีเมล", "has a user name, or is an e-mail address")
    if not host or not _host_ok(host):
        raise _bad_url(s, "ไม่มีชื่อเว็บไซต์ที่ถูกต้อง", "no valid host name")
    return url


def parse_urls(raw: str) -> list[str]:
    """Several links separated by commas, semicolons, new lines or spaces; [] when blank. Raises BadCell."""
    text = as_text(raw)
    if len(text) > 50 * MAX_URL:
        raise _bad_url(text, "ข้อความยาวเกินไป", "the cell is too long")
    out: list[str] = []
    pieces = [p for part in split_multi(text) for p in part.split(" ")]
    for i, piece in enumerate(pieces, start=1):
        try:
            url = parse_url(piece)
        except BadCell as exc:
            raise BadCell(f"ลิงก์ที่ {i}: {exc.message_th}", f"Link {i}: {exc.message_en}",
                          exc.hint_th, exc.hint_en) from None
        if url is not None and url not in out:
            out.append(url)
    return out


def parse_text(raw: str) -> str | None:
    """Free text kept as typed (NFC, no zero-width characters, stripped, internal new lines kept); None if blank."""
    s = normalize_light(as_text(raw))
    return None if not s or s in BLANK_MARKS else s
