"""Cell addresses and cell issues: every problem in the workbook, named by tab and A1 address."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


def column_letter(index: int) -> str:
    """0-based column index → sheet letters (0 → A, 25 → Z, 26 → AA)."""
    if index < 0:
        raise ValueError("column index must be >= 0")
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(col_index: int, row_number: int) -> str:
    """A1 address of a cell from a 0-based column index and a 1-based sheet row number."""
    return f"{column_letter(col_index)}{row_number}"


def quote_title(title: str) -> str:
    """A sheet title quoted the way Google Sheets writes it in a range ('ตั้งค่า'!A1)."""
    return "'" + title.replace("'", "''") + "'"


@dataclass(frozen=True)
class CellIssue:
    """One problem found in the workbook, with where it is, what was typed and how to fix it."""

    tab: str
    address: str
    raw: str
    message_th: str
    message_en: str
    hint_th: str = ""
    hint_en: str = ""
    severity: str = ERROR
    tab_key: str | None = None
    column: str | None = None
    row_id: str | None = None

    @property
    def location(self) -> str:
        """Tab and address as a person would look it up: 'ตั้งค่า'!D7 (or the tab alone)."""
        return f"{quote_title(self.tab)}!{self.address}" if self.address else quote_title(self.tab)

    def message(self, lang: str = "th") -> str:
        return self.message_th if lang == "th" else self.message_en

    def hint(self, lang: str = "th") -> str:
        return self.hint_th if lang == "th" else self.hint_en
