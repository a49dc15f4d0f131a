"""The learning log (de_core.cycle.learning) as files: CSV (UTF-8 with a BOM, formula-looking cells guarded) and
.xlsx (text cells), through the workbook exports' own writers, so both behave like every other download."""

from __future__ import annotations

from de_core.cycle.learning import GroupLog, log_table
from de_core.display.i18n import translate
from de_core.documents.export import tab_csv
from de_core.documents.xlsx import write_xlsx
from de_core.sheet.raw import RawTab, RawWorkbook

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _tab(log: list[GroupLog], lang: str) -> RawTab:
    headers, rows = log_table(log, lang)
    return RawTab(translate("learning.sheet", lang), [headers, *rows])


def log_csv(log: list[GroupLog], lang: str = "th") -> bytes:
    """The log's flat table as CSV: a cell a spreadsheet would run as a formula gets a leading apostrophe."""
    return tab_csv(_tab(log, lang))


def log_xlsx(log: list[GroupLog], lang: str = "th") -> bytes:
    """The log's flat table as an .xlsx of one sheet, every cell text (so "=1+1" stays text)."""
    book = RawWorkbook(source="learning")
    book.add(_tab(log, lang))
    return write_xlsx(book)


def file_name(fy: int | None, lang: str, demo: bool = False) -> str:
    """"learning-log-2566-th" (and "-demo" for the demo's data), without the extension."""
    return f"learning-log-{fy or 'all'}-{lang}" + ("-demo" if demo else "")
