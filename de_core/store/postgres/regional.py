"""Many offices' workbooks in one round trip, for the regional scorecard (issue #20, not built yet), and the region an
office belongs to (set by an administrator, the tables' owner: an office cannot choose its region).

A regional session is a pool made by connect.office_pool(conninfo, region=...): the row-level security policies let
it read the tabs and rows of every office whose region is that region, and write nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg
from psycopg_pool import ConnectionPool

from de_core.sheet.raw import RawWorkbook
from de_core.store.postgres.connect import db_errors
from de_core.store.postgres.rows import workbook_from_parts
from de_core.store.postgres.store import SNAPSHOT

TABS = "SELECT office, title, header FROM tabs {where} ORDER BY office, position"
ROWS = "SELECT office, title, cells FROM sheet_rows {where} ORDER BY office, title, seq"  # the primary key's order


def read_offices(pool: ConnectionPool, offices: Sequence[str] | None = None) -> dict[str, RawWorkbook]:
    """Every office's workbook the session may read (a regional session: its region's offices; an office
    session: its own), or only the listed ones, in ONE round trip (the tabs and the rows of one snapshot, two
    statements in a pipeline, however many offices): office → RawWorkbook, as read_all returns it.

    The scorecard parses each with de_core.sheet.workbook.parse_workbook. Raises StoreError (db_errors).
    """
    where, params = ("", ()) if offices is None else ("WHERE office = ANY(%s)", (list(offices),))
    with db_errors(), pool.connection() as conn:
        with conn.pipeline(), conn.transaction():
            conn.execute(SNAPSHOT)
            tabs = conn.cursor(binary=True).execute(TABS.format(where=where).encode(), params)
            rows = conn.cursor(binary=True).execute(ROWS.format(where=where).encode(), params)
        found_tabs, found_rows = tabs.fetchall(), rows.fetchall()
    grouped: dict[str, tuple[list, list]] = {}
    for office, title, header in found_tabs:
        grouped.setdefault(office, ([], []))[0].append((title, header))
    for office, title, cells in found_rows:
        grouped[office][1].append((title, cells))
    return {office: workbook_from_parts(t, r, f"postgresql:{office}") for office, (t, r) in grouped.items()}


def set_region(conninfo: str, region: str, offices: Sequence[str]) -> None:
    """Put offices in a region (as the tables' owner: the app's role may not). An office not seen yet is
    registered. Raises StoreError (db_errors)."""
    with db_errors():
        with psycopg.connect(conninfo) as conn:
            conn.cursor().executemany("INSERT INTO offices (office, region) VALUES (%s, %s) "
                                      "ON CONFLICT (office) DO UPDATE SET region = excluded.region",
                                      [(office, region) for office in offices])


def offices_of(conninfo: str, region: str) -> list[str]:
    """The offices of a region, sorted (any role may list them)."""
    with db_errors():
        with psycopg.connect(conninfo) as conn:
            rows = conn.execute("SELECT office FROM offices WHERE region = %s ORDER BY office", (region,))
            return [office for (office,) in rows]
