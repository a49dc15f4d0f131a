"""Yes/no, links, dropdown values, free text, the BadCell error, and fuzzing every parser."""

from __future__ import annotations

import pickle
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from de_core.sheet import parse
from de_core.sheet.parse import (
    BadCell,
    parse_bool,
    parse_enum,
    parse_enum_list,
    parse_text,
    parse_url,
    parse_urls,
)

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

STATUS = [
    ("not_started", "ยังไม่เริ่ม", "not started", ["ยังไม่ดำเนินการ", "todo"]),
    ("in_progress", "กำลังดำเนินการ", "in progress", ["อยู่ระหว่างดำเนินการ", "doing"]),
    ("done", "เสร็จแล้ว", "done", ["เสร็จ", "complete"]),
]
STAGES = [("vision", "วิสัยทัศน์ (Vision)", "Vision", ["วิสัยทัศน์", "1"]), ("kra", "เป้าหมายร่วม (KRA)", "KRA", ["2"])]


def test_bad_cell_is_a_value_error_with_both_languages_and_hints():
    bad = BadCell("ผิด", "wrong", "แก้แบบนี้", "fix it so")
    assert isinstance(bad, ValueError)
    assert (bad.message_th, bad.message_en, bad.hint_th, bad.hint_en) == ("ผิด", "wrong", "แก้แบบนี้", "fix it so")
    assert bad.message("th") == "ผิด — แก้แบบนี้"
    assert bad.message("en") == "wrong — fix it so"
    assert str(bad).startswith("ผิด")


def test_bad_cell_hints_are_optional_and_it_survives_pickling():
    bad = pickle.loads(pickle.dumps(BadCell("ผิด", "wrong")))
    assert (bad.message_th, bad.message_en, bad.hint_th, bad.hint_en) == ("ผิด", "wrong", "", "")
    assert bad.message("en") == "wrong"


@pytest.mark.parametrize(
    "raw",
    ["ใช่", "จริง", "มี", "ผ่าน", "เสร็จ", "yes", "YES", "y", "Y", "true", "TRUE", "True", "1", "๑", "✓", "✔", "☑",
     "✔️", " ใช่ "],
)
def test_yes_words_and_ticks_are_true(raw):
    assert parse_bool(raw) is True


@pytest.mark.parametrize(
    "raw", ["ไม่ใช่", "ไม่จริง", "ไม่มี", "ไม่ผ่าน", "no", "NO", "n", "false", "FALSE", "0", "๐", "x", "X", "✗", "✘",
            "ไม่ ใช่"],
)
def test_no_words_crosses_and_x_are_false(raw):
    assert parse_bool(raw) is False


def test_a_blank_yes_no_cell_is_none():
    assert parse_bool("") is None
    assert parse_bool("-") is None


@pytest.mark.parametrize("raw", ["maybe", "อาจจะ", "2", "yess", "ใช่ไหม"])
def test_other_words_are_not_yes_or_no(raw):
    with pytest.raises(BadCell):
        parse_bool(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.example.go.th/x", "https://www.example.go.th/x"),
        ("http://example.com", "http://example.com"),
        ("www.example.go.th/x", "https://www.example.go.th/x"),
        ("example.go.th/report.pdf?id=1#p2", "https://example.go.th/report.pdf?id=1#p2"),
        ("HTTPS://Example.com/A", "https://Example.com/A"),
        ("http://localhost:8501/app", "http://localhost:8501/app"),
        ("https://192.168.1.10/x", "https://192.168.1.10/x"),
        ("https://drive.google.com/file/d/abc/view?usp=sharing", "https://drive.google.com/file/d/abc/view?usp=sharing"),
        ("  https://www.example.go.th/x\u200b ", "https://www.example.go.th/x"),
        ("https://สพฐ.ไทย/ข่าว", "https://สพฐ.ไทย/ข่าว"),
    ],
)
def test_single_links_are_accepted_and_given_https_when_bare(raw, expected):
    assert parse_url(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "ftp://example.com/x", "file:///etc/passwd",
     "mailto:someone@example.com", "someone@example.com", "https://example.com/a b", "example", "https://", "http:/x.com",
     "1.5", "https://example", "https://-bad-.com", "https://exa<mple.com", "=IMPORTXML(\"x\")", "https://x.y:99999/",
     "https://" + "a" * 1990 + ".com"],
)
def test_other_schemes_spaces_and_hosts_without_a_dot_are_bad_links(raw):
    with pytest.raises(BadCell):
        parse_url(raw)


def test_a_blank_link_is_none_and_no_links_is_an_empty_list():
    assert parse_url("") is None
    assert parse_urls("") == []
    assert parse_urls(" , \n") == []


def test_several_links_split_on_commas_semicolons_new_lines_and_spaces_without_duplicates():
    raw = "https://a.go.th/1, www.b.go.th/2;https://a.go.th/1\nhttps://c.go.th/3 https://d.go.th/4"
    assert parse_urls(raw) == ["https://a.go.th/1", "https://www.b.go.th/2", "https://c.go.th/3", "https://d.go.th/4"]


def test_a_bad_link_among_several_is_named_in_the_message():
    with pytest.raises(BadCell) as info:
        parse_urls("https://a.go.th/1, javascript:alert(1)")
    assert "ลิงก์ที่ 2" in info.value.message_th
    assert "javascript" in info.value.message_en


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("ยังไม่เริ่ม", "not_started"), ("not_started", "not_started"), ("Not Started", "not_started"),
     ("todo", "not_started"), ("กำลัง ดำเนินการ", "in_progress"), ("IN PROGRESS", "in_progress"),
     ("in-progress", "in_progress"), ("อยู่ระหว่าง\u200bดำเนินการ", "in_progress"), ("เสร็จแล้ว", "done"),
     ("Complete", "done")],
)
def test_dropdown_values_match_key_thai_english_or_alias_and_return_the_key(raw, expected):
    assert parse_enum(raw, STATUS) == expected


def test_dropdown_aliases_may_be_digits_in_either_script():
    assert parse_enum("1", STAGES) == "vision"
    assert parse_enum("๒", STAGES) == "kra"
    assert parse_enum("วิสัยทัศน์ (vision)", STAGES) == "vision"


def test_an_unknown_dropdown_value_lists_the_allowed_thai_values():
    with pytest.raises(BadCell) as info:
        parse_enum("ยกเลิก", STATUS)
    assert "ค่าที่ใช้ได้: ยังไม่เริ่ม, กำลังดำเนินการ, เสร็จแล้ว" in info.value.message_th
    assert "not started, in progress, done" in info.value.message_en


def test_a_blank_dropdown_is_none_and_a_blank_list_is_empty():
    assert parse_enum(" ", STATUS) is None
    assert parse_enum_list("", STATUS) == []


def test_dropdown_lists_split_and_return_unique_keys_in_order():
    assert parse_enum_list("เสร็จแล้ว, todo;done\nin progress", STATUS) == ["done", "not_started", "in_progress"]


def test_a_dropdown_list_with_one_bad_value_is_a_bad_cell_naming_it():
    with pytest.raises(BadCell) as info:
        parse_enum_list("done, ไม่รู้", STATUS)
    assert "«ไม่รู้»" in info.value.message_th


def test_free_text_keeps_internal_new_lines_and_spacing():
    assert parse_text("  บรรทัดแรก\r\n  บรรทัดที่สอง  ") == "บรรทัดแรก\n  บรรทัดที่สอง"


def test_free_text_loses_only_zero_width_characters_and_is_composed():
    assert parse_text("สุ\u200bจริต e\u0301") == "สุจริต \u00e9"


def test_blank_free_text_is_none():
    assert parse_text("") is None
    assert parse_text(" \n\u200b ") is None
    assert parse_text("-") is None


def test_formulas_stay_text_in_free_text():
    assert parse_text("=1+1") == "=1+1"


# ---------------------------------------------------------------- fuzzing: BadCell only, right types
def _check(result, ok) -> None:
    assert result is None or ok(result), repr(result)


CHECKS = {
    parse.parse_number: lambda v: isinstance(v, Decimal) and v.is_finite(),
    parse.parse_int: lambda v: isinstance(v, int) and not isinstance(v, bool),
    parse.parse_baht: lambda v: isinstance(v, Decimal) and v.is_finite() and v >= 0,
    parse.parse_percent: lambda v: isinstance(v, Decimal) and v.is_finite(),
    parse.parse_score: lambda v: isinstance(v, Decimal) and 0 <= v <= 100,
    parse.parse_measure: lambda v: isinstance(v, Decimal) and v.is_finite(),
    parse.parse_date: lambda v: isinstance(v, date),
    parse.parse_month: lambda v: isinstance(v, tuple) and 1 <= v[1] <= 12,
    parse.parse_month_range: lambda v: isinstance(v[0], date) and isinstance(v[1], date) and v[0] <= v[1],
    parse.parse_fiscal_year: lambda v: isinstance(v, int) and 2400 <= v <= 2700,
    parse.parse_bool: lambda v: isinstance(v, bool),
    parse.parse_url: lambda v: isinstance(v, str) and v.startswith(("http://", "https://")) and " " not in v,
    parse.parse_text: lambda v: isinstance(v, str) and v != "",
    parse.parse_urls: lambda v: isinstance(v, list) and all(isinstance(u, str) for u in v),
    (lambda raw: parse.parse_enum(raw, STATUS)): lambda v: v in {"not_started", "in_progress", "done"},
    (lambda raw: parse.parse_enum_list(raw, STATUS)): lambda v: isinstance(v, list),
}

TRICKY = [
    "", " ", "-", "—", "–", "=IMPORTXML(\"http://x\", \"//a\")", "=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)",
    "NaN", "nan", "Infinity", "-Infinity", "inf", "1e309", "1E+15", "0x1F", "1_000", "๑๒๓", "١٢٣", "１２３", "𝟙𝟚𝟛",
    "9" * 40, "๙" * 40, "1" * 5000, "1,2,3", "1.2.3", "..", ",", "(", ")", "()", "(-)", "฿", "%", "ร้อยละ",
    "ล้าน", "1 ล้าน ล้าน", "9" * 30 + " ล้าน", "31/02/2566", "99/99/9999", "00/00/0000", "0000-00-00",
    "9999-12-31", "2400-01-01 - 9999-12-31", "80000", "20000", "79999.999", "ต.ค. - ", " - ต.ค. 2565",
    "ก.พ. - ก.พ.", "0/2565", "2566-13", "FY", "FY99999", "พ.ศ.", "💥🔥", "👍", "✓✓", "\x00", "\x00\x01",
    "\ud7ff", "\U0010ffff", "\u202e", "a\u0301" * 50, "javascript:alert(1)", "http://[::1", "http://[::1]:x",
    "https://a..b", "https://" + "x" * 3000, "http://example.com:0", "//example.com", ":", "::", "x:", "1:2",
    "ตัวอย่าง (demo)", "\n\n\n", "\t", "\u2028", "ไม่ใช้งบประมาณ", "no budget", "TRUE", "FALSE", "✗",
]
FRAGMENTS = [
    "1", "12", "2566", "66", "๒๕๖๖", "/", "-", ".", ",", " ", "พ.ค.", "ส.ค.", "May", "ถึง", "to", "บาท", "%",
    "คะแนน", "ล้าน", "(", ")", "+", "−", "T", ":", "http://", "www.", ".go.th", "ปีงบประมาณ", "พ.ศ.", "FY",
    "ใช่", "x", "✓", "\u200b", "\u00a0", "\n", ";", "=", "e", "45061",
]
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    st.sampled_from(TRICKY),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join),
)


@FAST
@given(TEXTS)
def test_every_parser_on_any_text_returns_the_right_type_or_raises_bad_cell_only(raw):
    for fn, ok in CHECKS.items():
        try:
            result = fn(raw)
        except BadCell as bad:
            assert bad.message_th and bad.message_en
            assert len(bad.message_th) < 400 and len(bad.message_en) < 400
        else:
            _check(result, ok)


@pytest.mark.parametrize("raw", TRICKY)
def test_every_parser_on_tricky_strings_raises_only_bad_cell(raw):
    for fn, ok in CHECKS.items():
        try:
            _check(fn(raw), ok)
        except BadCell:
            pass


@pytest.mark.parametrize("raw", ["9" * 1_000_000, "๙," * 200_000, "a" * 1_000_000, "พ.ค. - " * 50_000, "😀" * 100_000])
def test_every_parser_copes_with_huge_cells(raw):
    for fn, ok in CHECKS.items():
        try:
            _check(fn(raw), ok)
        except BadCell:
            pass


def test_parsers_tolerate_non_string_values_without_other_exceptions():
    assert parse.parse_number(None) is None  # type: ignore[arg-type]
    assert parse.parse_int(5) == 5  # type: ignore[arg-type]
    with pytest.raises(BadCell):
        parse.parse_number(float("nan"))  # type: ignore[arg-type]
