"""The FY2566 demo workbook from the seed report (sheets_schema/demo/*.csv), as a raw workbook."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, load_schema
from sheets_schema import DEMO_DIR

DEMO_FISCAL_YEAR = 2566
DEMO_AS_OF = date(2023, 6, 30)


def demo_workbook(schema: Schema | None = None, folder: Path = DEMO_DIR) -> RawWorkbook:
    """Every schema tab filled from the demo CSVs (a tab without a CSV gets its header row only)."""
    schema = schema or load_schema()
    raw = RawWorkbook(source="demo")
    for tab in schema.tabs:
        path = folder / f"{tab.key}.csv"
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                rows = [list(r) for r in csv.reader(fh)]
        else:
            rows = [tab.headers("th")]
        raw.add(RawTab(tab.th, rows))
    return raw
