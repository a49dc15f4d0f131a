"""Workbook ⇄ .xlsx: export every tab as text cells; read an .xlsx back as a raw workbook."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook as XlsxBook
from openpyxl import load_workbook
from openpyxl.cell.cell import TYPE_STRING

from de_core.documents.safe_text import holdable, sheet_titles
from de_core.sheet.raw import RawTab, RawWorkbook


def write_xlsx(raw: RawWorkbook) -> bytes:
    """The whole workbook as .xlsx bytes. Every cell is written as text, so "=1+1" stays text; characters a file
    cannot hold show as "�" and tab titles are made legal and unique (safe_text), so no typed text breaks it."""
    book = XlsxBook()
    book.remove(book.active)
    tabs = list(raw.tabs.values())
    for tab, title in zip(tabs, sheet_titles([t.title for t in tabs]), strict=True):
        sheet = book.create_sheet(title)
        for r, row in enumerate(tab.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value == "":
                    continue
                cell = sheet.cell(row=r, column=c)
                cell.value = holdable(value)
                cell.data_type = TYPE_STRING
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(source: bytes | str | Path | BinaryIO) -> RawWorkbook:
    """Read an .xlsx as text cells (dates as ISO text, whole numbers without .0). Trailing blanks trimmed.

    Raises ValueError with a Thai + English message when the file is not a readable .xlsx.
    """
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise ValueError("เปิดไฟล์ .xlsx นี้ไม่ได้ / This file is not a readable .xlsx workbook") from exc
    raw = RawWorkbook(source="xlsx")
    for sheet in book.worksheets:
        rows = []
        for values in sheet.iter_rows(values_only=True):
            row = [_cell_text(v) for v in values]
            while row and row[-1] == "":
                row.pop()
            rows.append(row)
        while rows and not rows[-1]:
            rows.pop()
        raw.add(RawTab(sheet.title, rows))
    book.close()
    return raw
