"""The FY2566 demo workbook from the seed report (sheets_schema/demo/*.csv), as a raw workbook."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, load_schema
from de_core.sheet.workbook import parse_workbook
from de_core.sheet.years import is_demo
from de_core.store.base import SheetStore
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


def fill_new_demo_tabs(store: SheetStore, added: list[str], schema: Schema | None = None) -> list[str]:
    """A demo workbook made by an older version, just given newer tabs (`added`: their titles), gets those tabs'
    demo rows too, so the demo shows what the new tabs are for. Real data (not marked demo) is never touched.
    Returns the keys of the tabs filled."""
    schema = schema or load_schema()
    if not added or not is_demo(parse_workbook(store.read_all(), schema)):
        return []
    demo = demo_workbook(schema)
    filled = []
    for title in added:
        tab = schema.find_tab(title)
        rows = demo.tabs[tab.th].rows[1:] if tab is not None and tab.th in demo.tabs else []
        if rows:
            store.append(tab.key, [dict(zip(tab.column_keys, row, strict=False)) for row in rows])
            filled.append(tab.key)
    return filled
