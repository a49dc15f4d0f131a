"""A1 notation: parsing ranges (with quoted sheet titles) and formatting them back."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import bad_request

_REF = re.compile(r"^\$?([A-Za-z]{0,3})\$?(\d*)$")
_PLAIN_TITLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CELLISH = re.compile(r"^[A-Za-z]{1,3}\d+$")
_A1ISH = re.compile(r"^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{0,3}\$?\d*)?$|^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$")


@dataclass(frozen=True)
class Bounds:
    """0-based, end-exclusive; ``None`` ends mean "to the edge of the grid"."""

    r0: int
    c0: int
    r1: int | None
    c1: int | None

    def clip(self, rows: int, cols: int) -> Bounds:
        r1 = rows if self.r1 is None else min(self.r1, rows)
        c1 = cols if self.c1 is None else min(self.c1, cols)
        return Bounds(self.r0, self.c0, max(r1, self.r0), max(c1, self.c0))


WHOLE = Bounds(0, 0, None, None)


def col_to_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def index_to_col(index: int) -> str:
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def quote_title(title: str) -> str:
    """Quote a sheet title the way the API echoes it (plain ASCII names stay bare)."""
    if _PLAIN_TITLE.match(title) and not _CELLISH.match(title):
        return title
    return "'" + title.replace("'", "''") + "'"


def split_sheet(text: str) -> tuple[str | None, str | None]:
    """Split ``'My ''tab'''!A1:B2`` into (title, a1). Title None means "first sheet"."""
    text = text.strip()
    if text.startswith("'"):
        i, title = 1, []
        while i < len(text):
            ch = text[i]
            if ch == "'":
                if text[i + 1 : i + 2] == "'":
                    title.append("'")
                    i += 2
                    continue
                rest = text[i + 1 :]
                if rest == "":
                    return "".join(title), None
                if rest.startswith("!"):
                    return "".join(title), rest[1:]
                raise bad_request(f"Unable to parse range: {text}")
            title.append(ch)
            i += 1
        raise bad_request(f"Unable to parse range: {text}")
    if "!" in text:
        title, a1 = text.rsplit("!", 1)
        return title, a1
    if _A1ISH.match(text):
        return None, text
    return text, None


def _ref(part: str, whole: str) -> tuple[int | None, int | None]:
    m = _REF.match(part)
    if not m or (not m.group(1) and not m.group(2)):
        raise bad_request(f"Unable to parse range: {whole}")
    col = col_to_index(m.group(1)) if m.group(1) else None
    row = int(m.group(2)) - 1 if m.group(2) else None
    if row is not None and row < 0:
        raise bad_request(f"Unable to parse range: {whole}")
    return row, col


def parse_bounds(a1: str | None, whole: str) -> Bounds:
    if not a1:
        return WHOLE
    if ":" not in a1:
        row, col = _ref(a1, whole)
        if row is None or col is None:
            raise bad_request(f"Unable to parse range: {whole}")
        return Bounds(row, col, row + 1, col + 1)
    left, right = a1.split(":", 1)
    (ra, ca), (rb, cb) = _ref(left, whole), _ref(right, whole)
    r0, r1 = _span(ra, rb)
    c0, c1 = _span(ca, cb)
    return Bounds(r0, c0, r1, c1)


def _span(a: int | None, b: int | None) -> tuple[int, int | None]:
    if a is not None and b is not None:
        return min(a, b), max(a, b) + 1
    if a is not None:
        return a, None
    if b is not None:
        return 0, b + 1
    return 0, None


def format_range(title: str, b: Bounds) -> str:
    """``Sheet1!A1:C3`` / ``'ตั้งค่า'!B2`` (single cell) with closed bounds."""
    assert b.r1 is not None and b.c1 is not None
    start = f"{index_to_col(b.c0)}{b.r0 + 1}"
    end = f"{index_to_col(max(b.c1 - 1, b.c0))}{max(b.r1, b.r0 + 1)}"
    body = start if start == end else f"{start}:{end}"
    return f"{quote_title(title)}!{body}"


def cell_index(a1: str) -> tuple[int, int]:
    """'B3' -> (2, 1) 0-based (row, col)."""
    row, col = _ref(a1, a1)
    if row is None or col is None:
        raise ValueError(f"not a single cell: {a1}")
    return row, col
