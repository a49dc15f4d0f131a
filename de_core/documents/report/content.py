"""The rows of the tab เนื้อหารายงาน (report_sections) as the blocks of their section.

A row is one piece of a section, in its `order` (then sheet order): a paragraph (with an optional sub-heading,
numbered "5.1", "5.2" … within the section), a numbered item ("1)", "2)" …), a table header or row (consecutive
rows make one table, the first cell numbered), a figure (a captioned placeholder with its link), or `data`: where
the section's table or diagram from the other tabs goes (after the rows when no row says where).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from de_core.documents.report.model import Block, Table, Translator
from de_core.documents.report.structure import SectionSpec
from de_core.sheet.workbook import Record, Workbook

CELLS = ("cell_1", "cell_2", "cell_3")
WIDTHS = {1: [100], 2: [40, 60], 3: [30, 35, 35]}
LAST = Decimal(10**9)


def order_key(rec: Record) -> tuple[Decimal, int]:
    """Rows sort by their order (a blank order after the numbered ones), then as they stand in the sheet."""
    order = rec.get("order")
    return (order if order is not None else LAST, rec.get("_row", 0))


def section_rows(wb: Workbook, fiscal_year: int | None) -> dict[str, list[Record]]:
    """The year's rows of the tab by section key, each list in its order (rows without a section are left out)."""
    out: dict[str, list[Record]] = {}
    for rec in wb.rows("report_sections", fiscal_year):
        if rec.get("section"):
            out.setdefault(rec["section"], []).append(rec)
    return {key: sorted(rows, key=order_key) for key, rows in out.items()}


def row_kind(rec: Record) -> str:
    """The row's kind; a blank kind is a table row when a table cell is filled, else a paragraph."""
    if rec.get("kind"):
        return rec["kind"]
    return "row" if any(rec.get(c) for c in CELLS) else "paragraph"


def _cells(rec: Record) -> list[str]:
    return [rec.get(c) or "" for c in CELLS]


def default_headers(key: str, tr: Translator) -> list[str]:
    """The columns of a section's table when its rows bring no header row (the seed's lessons table)."""
    if key == "6":
        return [tr("report.lesson_principle"), tr("report.lesson_caution"), tr("report.lesson_guidance")]
    return []


class _TableBuilder:
    def __init__(self, headers: list[str]) -> None:
        self.headers = headers
        self.rows: list[list[str]] = []

    def block(self) -> Block:
        filled = [i for row in [self.headers, *self.rows] for i, cell in enumerate(row) if cell]
        width = max(filled, default=0) + 1
        headers = self.headers[:width] if any(self.headers) else []
        rows = [(row + [""] * width)[:width] for row in self.rows]
        for n, row in enumerate(rows, start=1):
            row[0] = f"{n}. {row[0]}" if row[0] else row[0]
        return Block("table", table=Table(headers, rows, widths=WIDTHS.get(width, [])))


def _place(data: list[Block], caption: str) -> list[Block]:
    """The section's generated blocks at a data row: its text captions a diagram, or stands above a table."""
    if not caption:
        return list(data)
    if any(b.kind == "flowchart" for b in data):
        return [replace(b, text=caption) if b.kind == "flowchart" else b for b in data]
    return [Block("paragraph", caption), *data]


def row_blocks(spec: SectionSpec, rows: list[Record], data: list[Block], tr: Translator) -> list[Block]:
    """The blocks of one section: its rows in order, with the generated `data` placed where a data row says."""
    blocks: list[Block] = []
    items = subs = 0
    table: _TableBuilder | None = None
    placed = False

    def flush() -> None:
        nonlocal table
        if table is not None and table.rows:
            blocks.append(table.block())
        table = None

    for rec in rows:
        kind, source = row_kind(rec), rec.get("id") or ""
        if kind == "header":
            flush()
            table = _TableBuilder(_cells(rec))
            continue
        if kind == "row":
            table = table or _TableBuilder(default_headers(spec.key, tr))
            table.rows.append(_cells(rec))
            continue
        flush()
        text, title = rec.get("text") or "", rec.get("title") or ""
        if kind == "data":
            if not placed:
                blocks += _place(data, text)
                placed = True
        elif kind == "figure":
            blocks.append(Block("figure", text or title, url=rec.get("url") or "", source=source))
        elif kind == "item":
            items += 1
            blocks.append(Block("item", text or title, label=f"{items})", source=source))
        else:
            if title:
                subs += 1
                label = f"{spec.number}.{subs}" if spec.number else ""
                blocks.append(Block("subheading", title, label=label, source=source))
            if text:
                blocks.append(Block("paragraph", text, source=source))
    flush()
    if not placed:
        blocks += data
    return blocks
