"""The report's tables for an on-screen preview in st.table, whose cells are Markdown: sheet text made literal."""

from __future__ import annotations

from de_core.mdtext import md_escape_lines
from de_core.report.model import Table


def markdown_cell(text: str) -> str:
    """Text shown exactly as typed in a Markdown cell: every Markdown character escaped, line breaks kept."""
    return md_escape_lines(text)


def preview_rows(table: Table) -> tuple[list[str], list[list[str]]]:
    """(headers, rows incl. the total row) as escaped Markdown cells."""
    rows = table.rows + ([table.total] if table.total else [])
    return [markdown_cell(h) for h in table.headers], [[markdown_cell(c) for c in row] for row in rows]
