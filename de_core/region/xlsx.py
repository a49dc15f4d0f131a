"""The scorecard as an .xlsx: the rows as shown (every cell as text, so nothing an office typed runs as a formula)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from de_core.display.i18n import translate
from de_core.documents.xlsx import write_xlsx
from de_core.region.scorecard import Line
from de_core.region.table import COLUMNS, row_cells
from de_core.sheet.raw import RawTab, RawWorkbook


def scorecard_xlsx(lines: list[Line], fiscal_year: int | None, lang: str,
                   local: Callable[[datetime], datetime]) -> bytes:
    """One sheet: the header, then a row per office with its province and the reason it could not be read."""
    headers = [translate(f"region.col_{c}", lang) for c in COLUMNS]
    headers[1:1] = [translate("region.year", lang)]
    rows = [headers]
    for line in lines:
        cells = row_cells(line, lang, local)
        texts = [str(c.text) + (f" ({c.sub})" if c.sub else "") for c in cells]
        texts[1:1] = [str(fiscal_year or "")]
        rows.append(texts)
    raw = RawWorkbook(source="region")
    raw.add(RawTab(translate("region.title", lang)[:31], rows))
    return write_xlsx(raw)
