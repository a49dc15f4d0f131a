"""Export every tab as CSV (UTF-8 with a BOM so Excel shows Thai) and all of them in one zip."""

from __future__ import annotations

import csv
import io
import zipfile

from de_core.documents.safe_text import csv_cell
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, load_schema

BOM = "\ufeff"
CSV_MIME = "text/csv"
ZIP_MIME = "application/zip"


def tab_csv(tab: RawTab) -> bytes:
    """One tab's cells as the sheet holds them (header row first), as UTF-8 CSV with a BOM; a cell a spreadsheet
    would run as a formula gets a leading apostrophe (safe_text.csv_cell).

    Ragged rows are padded to the widest row so every line has the same number of fields.
    """
    width = max((len(r) for r in tab.rows), default=0)
    out = io.StringIO(newline="")
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    for row in tab.rows:
        writer.writerow([*(csv_cell(c) for c in row), *[""] * (width - len(row))])
    return out.getvalue().encode("utf-8")


def read_csv(data: bytes) -> list[list[str]]:
    """The rows of a CSV written by tab_csv (BOM removed, trailing padding kept)."""
    text = data.decode("utf-8-sig")
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


def csv_name(raw_title: str, schema: Schema | None = None) -> str:
    """A safe file name for a tab: its schema key (activities.csv), else the title without path characters."""
    schema = schema or load_schema()
    tab = schema.find_tab(raw_title)
    if tab is not None:
        return f"{tab.key}.csv"
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in raw_title).strip() or "tab"
    return f"{cleaned}.csv"


def csv_files(raw: RawWorkbook, schema: Schema | None = None) -> dict[str, bytes]:
    """{file name: CSV bytes} for every tab of the workbook, in sheet order."""
    schema = schema or load_schema()
    files: dict[str, bytes] = {}
    for title, tab in raw.tabs.items():
        name = csv_name(title, schema)
        stem = name.removesuffix(".csv")
        n = 2
        while name in files:  # two tabs that map to the same name keep both files
            name, n = f"{stem}-{n}.csv", n + 1
        files[name] = tab_csv(tab)
    return files


def csv_zip(raw: RawWorkbook, schema: Schema | None = None) -> bytes:
    """A zip holding one CSV per tab (see csv_files)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in csv_files(raw, schema).items():
            archive.writestr(name, data)
    return out.getvalue()
