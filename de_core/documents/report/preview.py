"""The report's tables for an on-screen preview in st.table, whose cells are Markdown: sheet text made literal."""

from __future__ import annotations

from de_core.display.mdtext import md_escape_lines
from de_core.documents.report.model import Table


def markdown_cell(text: str) -> str:
    """Text shown exactly as typed in a Markdown cell: every Markdown character escaped, line breaks kept."""
    return md_escape_lines(text)


PREVIEW_ROWS = 30  # body rows per table on screen; the downloaded files hold every row
PREVIEW_LINES = 20  # lines per cell on screen (a year's lessons can fill one cell with thousands)


def _clip(text: str) -> str:
    lines = text.split("\n")
    return text if len(lines) <= PREVIEW_LINES else "\n".join([*lines[:PREVIEW_LINES], "…"])


def preview_rows(table: Table, limit: int = PREVIEW_ROWS) -> tuple[list[str], list[list[str]], int]:
    """(headers, the first `limit` body rows plus the total row, as escaped Markdown cells of at most PREVIEW_LINES
    lines, and how many body rows the preview leaves to the files)."""
    shown = table.rows[:limit] + ([table.total] if table.total else [])
    return ([markdown_cell(h) for h in table.headers], [[markdown_cell(_clip(c)) for c in row] for row in shown],
            max(0, len(table.rows) - limit))
