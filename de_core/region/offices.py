"""The regional workbook's list of offices (tab สำนักงานในเขต): one row per office, its source named in one cell."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, load_schema
from de_core.sheet.workbook import parse_workbook
from de_core.store.base import StoreError
from de_core.store.google.book import spreadsheet_key
from sheets_schema import ENUMS_FILE, SCHEMA_DIR

REGION_TABS_FILE = SCHEMA_DIR / "region_tabs.toml"
GOOGLE, EMBEDDED, DEMO, POSTGRES = "google", "embedded", "demo", "postgresql"
_FILE = re.compile(r"\.(sqlite|sqlite3|db)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def region_schema() -> Schema:
    """The regional workbook's tabs (sheets_schema/region_tabs.toml)."""
    return load_schema(REGION_TABS_FILE, ENUMS_FILE)


def source_kind(source: str) -> str:
    """demo:<n> is a generated demo office, postgresql:<office key> an office of the PostgreSQL store, a path
    ending in .sqlite an embedded workbook, anything else a Google Sheet (its URL or key)."""
    text = source.strip()
    if text.lower().startswith("demo:"):
        return DEMO
    if text.lower().startswith("postgresql:"):
        return POSTGRES
    return EMBEDDED if _FILE.search(text) else GOOGLE


@dataclass(frozen=True)
class Office:
    """One office of the region, as its row in the regional workbook says."""

    id: str
    name: str
    area: str
    source: str
    note: str = ""
    row: int = 0

    @property
    def kind(self) -> str:
        return source_kind(self.source)

    @property
    def key(self) -> str:
        """The spreadsheet key of a Google office ("" when the cell is no sheet URL or key), the office key of a
        PostgreSQL one, else the source."""
        if self.kind == POSTGRES:
            return self.source.strip().split(":", 1)[1].strip()
        if self.kind != GOOGLE:
            return self.source.strip()
        try:
            return spreadsheet_key(self.source)
        except StoreError:
            return ""


def offices_from(raw: RawWorkbook) -> list[Office]:
    """The offices listed in a regional workbook, in sheet order; a row without a source or an id is skipped (Data
    health of the region names it: missing_rows). Ids repeated: the first row wins."""
    wb = parse_workbook(raw, region_schema())
    seen: set[str] = set()
    out: list[Office] = []
    for rec in wb.rows("offices"):
        oid, source = (rec.get("id") or "").strip(), (rec.get("source") or "").strip()
        if not oid or not source or oid in seen:
            continue
        seen.add(oid)
        out.append(Office(oid, rec.get("name") or oid, rec.get("area") or "", source, rec.get("note") or "",
                          rec["_row"]))
    return out


def skipped_rows(raw: RawWorkbook) -> list[int]:
    """Sheet rows of the offices tab left out: no id, no source, or an id already used above."""
    wb = parse_workbook(raw, region_schema())
    seen: set[str] = set()
    bad = []
    for rec in wb.rows("offices"):
        oid, source = (rec.get("id") or "").strip(), (rec.get("source") or "").strip()
        if not oid or not source or oid in seen:
            bad.append(rec["_row"])
        seen.add(oid)
    return bad


def offices_workbook(offices: list[Office], schema: Schema | None = None) -> RawWorkbook:
    """A regional workbook holding these offices (Thai headers): the demo region, a new regional file."""
    tab = (schema or region_schema()).tab("offices")
    raw = RawWorkbook(source="region")
    raw.add(RawTab(tab.th, [tab.headers("th")] + [[o.id, o.name, o.area, o.source, o.note] for o in offices]))
    return raw
