"""Text normalisation shared by header matching, enum matching and the cell parsers (stdlib only)."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ZERO_WIDTH",
    "THAI_DIGITS",
    "normalize",
    "normalize_light",
    "fold",
    "thai_digits_to_arabic",
    "split_multi",
    "is_blank",
]

#: Invisible characters that staff paste in from Word, LINE or web pages; removed before matching.
ZERO_WIDTH: frozenset[str] = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

#: Thai digits ๐..๙ (U+0E50..U+0E59), index = value.
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"

_ZW = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]")
_DIGIT_TABLE = {ord(t): str(i) for i, t in enumerate(THAI_DIGITS)}
_HAS_THAI_DIGIT = re.compile(f"[{THAI_DIGITS}]")
_MULTI_SEP = re.compile(r"[,;，；、\r\n\u2028\u2029\x85]+")


def _strip_zero_width(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    if _ZW.search(s) is None:  # the common case: a regex scan is far cheaper than str.translate with a dict
        return s
    return unicodedata.normalize("NFC", _ZW.sub("", s))


def is_blank(s: str) -> bool:
    """Whether normalize(s) is empty (only spaces and zero-width characters), without building it."""
    return not s or s.isspace() or (_ZW.search(s) is not None and not normalize(s))


def normalize(s: str) -> str:
    """NFC, drop zero-width characters, turn every Unicode space/newline run into one space, strip."""
    # str.split() with no argument splits on every Unicode whitespace (NBSP, U+2000..U+200A, U+3000, newlines...).
    return unicodedata.normalize("NFC", " ".join(_strip_zero_width(s).split()))


def normalize_light(s: str) -> str:
    """NFC, drop zero-width characters, unify line endings to "\\n" and strip; keeps internal spacing."""
    s = _strip_zero_width(s).replace("\r\n", "\n").replace("\r", "\n")
    return s.strip()


def fold(s: str) -> str:
    """normalize() plus casefold, for matching headers and dropdown values (Thai is unaffected)."""
    return unicodedata.normalize("NFC", normalize(s).casefold())


def thai_digits_to_arabic(s: str) -> str:
    """Replace Thai digits ๐-๙ with 0-9; everything else is kept."""
    return s.translate(_DIGIT_TABLE) if _HAS_THAI_DIGIT.search(s) is not None else s


def split_multi(raw: str) -> list[str]:
    """Split a multi-value cell on commas, semicolons and new lines; normalise, drop empties, de-duplicate."""
    out: list[str] = []
    seen: set[str] = set()
    for part in _MULTI_SEP.split(raw):
        item = normalize(part)
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out
