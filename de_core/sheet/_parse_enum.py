"""Dropdown (enum) cells: the option whose key, Thai or English label or alias matches the typed text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from de_core.sheet._parse_base import BadCell, as_text, prep, show
from de_core.sheet.text import fold, split_multi, thai_digits_to_arabic

EnumOption = tuple[str, str, str, Sequence[str]]


@lru_cache(maxsize=4096)
def _enum_key(s: str) -> str:
    return re.sub(r"[\s_\-]+", "", fold(thai_digits_to_arabic(s)))


def _enum_index(options: Sequence[EnumOption]) -> dict[str, str]:
    """Matching key → option key; the first option listing a candidate wins, as in a scan in list order."""
    index: dict[str, str] = {}
    for key, th, en, aliases in options:
        for candidate in (key, th, en, *aliases):
            index.setdefault(_enum_key(candidate), key)
    return index


def enum_parser(options: Sequence[EnumOption]) -> Callable[[str], str | None]:
    """parse_enum with its options fixed: the matching table is built once (the workbook parses whole columns)."""
    index = _enum_index(options)
    allowed_th = ", ".join(th for _k, th, _e, _a in options)
    allowed_en = ", ".join(en for _k, _t, en, _a in options)

    def parse_one(raw: str) -> str | None:
        s = prep(raw)
        if s is None:
            return None
        wanted = _enum_key(s)
        if wanted and wanted in index:
            return index[wanted]
        raise BadCell(f"ไม่มีค่านี้ในรายการ: {show(s)} — ค่าที่ใช้ได้: {allowed_th}",
                      f"Not an allowed value: {show(s)} — allowed: {allowed_en}",
                      "เลือกจากรายการแบบเลื่อนลง (dropdown)", "Pick a value from the dropdown list")

    return parse_one


def enum_list_parser(options: Sequence[EnumOption]) -> Callable[[str], list[str]]:
    """parse_enum_list with its options fixed (see enum_parser)."""
    one = enum_parser(options)

    def parse_list(raw: str) -> list[str]:
        text = as_text(raw)
        if len(text) > 20_000:
            raise BadCell(f"ข้อความยาวเกินไป: {show(text)}", f"Too long: {show(text)}")
        out: list[str] = []
        for item in split_multi(text):
            key = one(item)
            if key is not None and key not in out:
                out.append(key)
        return out

    return parse_list


def parse_enum(raw: str, options: Sequence[EnumOption]) -> str | None:
    """The key of the option whose key, Thai, English label or alias matches (ignoring case/spaces). Raises BadCell."""
    return enum_parser(options)(raw)


def parse_enum_list(raw: str, options: Sequence[EnumOption]) -> list[str]:
    """Several dropdown values separated by commas, semicolons or new lines -> their keys; [] when blank."""
    return enum_list_parser(options)(raw)
