"""de_core.sheet.text: normalisation used by header matching, enum matching and every cell parser."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from de_core.sheet.text import (
    ZERO_WIDTH,
    fold,
    normalize,
    normalize_light,
    split_multi,
    thai_digits_to_arabic,
)

FAST = settings(max_examples=200, deadline=None)


def test_zero_width_set_holds_exactly_the_six_invisible_characters():
    assert ZERO_WIDTH == {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


def test_normalize_composes_to_nfc():
    assert normalize("e\u0301") == "\u00e9"


def test_normalize_removes_every_zero_width_character():
    assert normalize("สุ\u200bจ\u200cริ\u200dต\u2060\ufeff\u00ad") == "สุจริต"


def test_normalize_turns_nbsp_and_other_unicode_spaces_into_one_space():
    assert normalize("a\u00a0b\u2003c\u202fd\u3000e") == "a b c d e"


def test_normalize_folds_runs_of_whitespace_and_newlines_and_strips():
    assert normalize("  ตามแผน \n\n\t งาน\r\n ") == "ตามแผน งาน"


def test_normalize_leaves_thai_text_and_digits_alone():
    assert normalize("งบประมาณ ๑๐,๐๐๐ บาท") == "งบประมาณ ๑๐,๐๐๐ บาท"


def test_normalize_of_blank_or_only_invisible_text_is_empty():
    assert normalize("") == ""
    assert normalize(" \u200b\u00a0\n") == ""


def test_normalize_light_keeps_internal_new_lines_but_unifies_line_endings():
    assert normalize_light("  บรรทัดแรก\r\nบรรทัด\u200bสอง\r  ") == "บรรทัดแรก\nบรรทัดสอง"


def test_fold_ignores_latin_case_and_spacing_but_keeps_thai():
    assert fold("  In  Progress ") == fold("in progress") == "in progress"
    assert fold("กำลัง\u200bดำเนินการ") == "กำลังดำเนินการ"
    assert fold("STRASSE") == fold("straße")


def test_thai_digits_become_arabic_digits():
    assert thai_digits_to_arabic("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert thai_digits_to_arabic("๑๐,๐๐๐ บาท") == "10,000 บาท"
    assert thai_digits_to_arabic("abc") == "abc"


def test_split_multi_splits_on_commas_semicolons_and_new_lines():
    assert split_multi("kpi-1, kpi-2;kpi-3\nkpi-4\r\nkpi-5") == ["kpi-1", "kpi-2", "kpi-3", "kpi-4", "kpi-5"]


def test_split_multi_drops_empties_keeps_order_and_removes_duplicates():
    assert split_multi(" b ,, a ;\n\n b , a,c ") == ["b", "a", "c"]


def test_split_multi_normalizes_each_value():
    assert split_multi("ซื่อสัตย์\u200bสุจริต ,  มีวินัย\u00a0") == ["ซื่อสัตย์สุจริต", "มีวินัย"]


def test_split_multi_of_a_blank_cell_is_an_empty_list():
    assert split_multi("") == []
    assert split_multi(" , ; \n ") == []


@FAST
@given(st.text())
def test_normalize_is_idempotent(s):
    once = normalize(s)
    assert normalize(once) == once


@FAST
@given(st.text())
def test_normalize_output_is_nfc_single_spaced_and_stripped(s):
    out = normalize(s)
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()
    assert "  " not in out
    assert not any(ch in ZERO_WIDTH for ch in out)
    assert all(ch == " " or not ch.isspace() for ch in out)


@FAST
@given(st.text())
def test_split_multi_returns_unique_normalized_non_empty_values(s):
    parts = split_multi(s)
    assert len(parts) == len(set(parts))
    assert all(p and normalize(p) == p for p in parts)
