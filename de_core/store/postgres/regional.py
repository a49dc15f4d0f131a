"""Many offices' workbooks in one query, for the regional scorecard (issue #20: postgresql:<office> sources), and the region an
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
from de_core.store.postgres.rows import WORKBOOK, workbooks_from_lines


def read_offices(pool: ConnectionPool, offices: Sequence[str] | None = None) -> dict[str, RawWorkbook]:
    """Every office's workbook the session may read (a regional session: its region's offices; an office
    session: its own), or only the listed ones, in ONE query however many offices (rows.WORKBOOK): office →
    RawWorkbook, as read_all returns it.

    The scorecard parses each with de_core.sheet.workbook.parse_workbook. Raises StoreError (db_errors).
    """
    where = "" if offices is None else "WHERE office = ANY(%(offices)s)"
    params = {} if offices is None else {"offices": list(offices)}
    with db_errors(), pool.connection() as conn:
        lines = conn.cursor(binary=True).execute(WORKBOOK.format(where=where).encode(), params).fetchall()
    return workbooks_from_lines(lines)


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
