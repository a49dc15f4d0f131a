"""Sheet text made safe for the files the app writes: nothing a person typed can make an export fail or run.

- .xlsx and .docx are XML: they cannot hold most control characters (NUL, ESC, the vertical tab Word pastes, …).
  Each one is replaced by a visible "�" (U+FFFD), so the file opens and the reader sees where text was damaged;
  `unholdable` lists the cells, by tab and A1 address, for the page to say so.
- .xlsx tab titles cannot contain / \\ ? * : [ ], start or end with an apostrophe, or pass 31 characters, and must be
  unique: `sheet_titles` makes every title legal and unique, changing as little as it can.
- CSV opened in a spreadsheet runs a cell that begins with = + - @, a tab or a carriage return as a formula (OWASP
  "CSV injection"). `csv_cell` puts an apostrophe in front of such a cell, as OWASP advises, with one exception:
  a plain number ("-5", "-1,200.50", "+66") is left alone, because a spreadsheet reads it as that number and runs
  nothing. A Thai list item such as "- ติดตามผล" does get the apostrophe: a spreadsheet would try to run it.
"""

from __future__ import annotations

import re

from de_core.sheet.cells import a1
from de_core.sheet.raw import RawWorkbook

REPLACEMENT = "\ufffd"
# What XML 1.0 cannot hold (tab, newline and carriage return it can), plus the two non-characters.
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TITLE_BAD = re.compile(r"[/\\?*:\[\]]")
TITLE_MAX = 31
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def holdable(text: str) -> str:
    """The text with every character an XML file cannot hold replaced by a visible "�"."""
    return _UNHOLDABLE.sub(REPLACEMENT, text)


def unholdable(raw: RawWorkbook) -> list[tuple[str, str]]:
    """(tab title, A1 address) of every cell holding a character an .xlsx or .docx cannot, in sheet order."""
    return [(title, a1(c, r)) for title, tab in raw.tabs.items() for r, row in enumerate(tab.rows, start=1)
            for c, value in enumerate(row) if _UNHOLDABLE.search(value)]


def sheet_titles(titles: list[str]) -> list[str]:
    """Legal, unique .xlsx tab titles for these titles, in order (each changed only where it must be)."""
    out: list[str] = []
    taken: set[str] = set()
    for title in titles:
        base = holdable(_TITLE_BAD.sub("_", title)).strip().strip("'").strip() or "tab"
        name, n = base[:TITLE_MAX], 2
        while name.casefold() in taken:  # Excel compares tab titles without case
            suffix = f" ({n})"
            name, n = base[:TITLE_MAX - len(suffix)] + suffix, n + 1
        taken.add(name.casefold())
        out.append(name)
    return out


def csv_cell(text: str) -> str:
    """The cell as a CSV may carry it: one that a spreadsheet would run as a formula gets a leading apostrophe."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text
