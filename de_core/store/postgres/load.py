"""Filling an office's workbook: its tabs with their header rows and whole workbooks copied in cell for cell (one
INSERT per tab, sent in one pipeline), newer tabs added, blank ids filled. Runs inside the store's transaction."""

from __future__ import annotations

from collections.abc import Callable

import psycopg

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema
from de_core.store.base import StoreError
from de_core.store.postgres.rows import CELLS, check_text, jsonb, plan_tab, row_key

BULK = f"""INSERT INTO sheet_rows (office, title, row_id, first_of_id, cells)
SELECT %s, %s, e.item->>0, (e.item->>1)::boolean, {CELLS.format(json="e.item->2")}
FROM jsonb_array_elements(%s) WITH ORDINALITY AS e(item, n)"""
CHUNK = 2000  # rows per INSERT: a ×100 workbook's 20k reflections go in ten statements of a few MB


def titles(conn: psycopg.Connection, office: str) -> list[str]:
    return [t for (t,) in conn.execute("SELECT title FROM tabs WHERE office = %s ORDER BY position", (office,))]


def _lock_office(conn: psycopg.Connection, office: str) -> None:
    """Two processes setting up the same office take turns (the second then finds the tabs made)."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtext('de-office:' || %s))", (office,))


def register(conn: psycopg.Connection, office: str) -> None:
    conn.execute("INSERT INTO offices (office) VALUES (%s) ON CONFLICT DO NOTHING", (office,))


def insert_tab(conn: psycopg.Connection, office: str, schema: Schema, tab: RawTab, position: int,
               replace: bool = False) -> None:
    """One tab with its header row and data rows, cell for cell (`replace`: a tab of that title without rows may
    already be there; its header row and place are replaced)."""
    check_text(tab.title, tab.rows)
    header = [str(c) for c in tab.rows[0]] if tab.rows else None
    conn.execute("INSERT INTO tabs (office, title, position, header) VALUES (%s, %s, %s, %s::text[])"
                 + (" ON CONFLICT (office, title) DO UPDATE SET position = excluded.position, header = excluded.header"
                    if replace else ""),
                 (office, tab.title, position, header))
    planned = plan_tab(schema, tab)
    for start in range(0, len(planned), CHUNK):
        chunk = [[key, first, cells] for key, first, cells in planned[start:start + CHUNK]]
        conn.execute(BULK, (office, tab.title, jsonb(chunk)))


def fill_office(conn: psycopg.Connection, office: str, schema: Schema, raw: RawWorkbook | None) -> bool:
    """Every tab of `raw` (in its order), then the schema tabs it lacks with their Thai header rows, for an office
    without tabs. Returns False, writing nothing, when the office already has tabs."""
    _lock_office(conn, office)
    register(conn, office)
    if titles(conn, office):
        return False
    tabs = list(raw.tabs.values()) if raw else []
    present = {found.key for t in tabs if (found := schema.find_tab(t.title)) is not None}
    tabs += [RawTab(t.th, [t.headers("th")]) for t in schema.tabs if t.key not in present]
    with conn.pipeline():
        for position, tab in enumerate(tabs):
            insert_tab(conn, office, schema, tab, position)
    return True


def fill_empty_office(conn: psycopg.Connection, office: str, schema: Schema, raw: RawWorkbook) -> None:
    """Copy a whole workbook in, cell for cell and in its tab order, into an office that holds no data row (it may
    have the header-only tabs the app makes when it opens an office: those of the same title are replaced, the
    others follow). Raises StoreError when the office already holds data: nothing is written."""
    _lock_office(conn, office)
    register(conn, office)
    if conn.execute("SELECT 1 FROM sheet_rows WHERE office = %s LIMIT 1", (office,)).fetchone():
        raise StoreError(f"สำนักงาน «{office}» มีข้อมูลในฐานข้อมูลอยู่แล้ว จึงไม่คัดลอกทับ",
                         f"Office «{office}» already holds data in the database; nothing was copied over it",
                         "คัดลอกไปยังรหัสสำนักงานใหม่ (--office) หรือให้ผู้ดูแลฐานข้อมูลลบข้อมูลเดิมก่อน",
                         "Copy to a new office key (--office), or have the database's owner remove the old rows first")
    have = titles(conn, office)
    tabs = list(raw.tabs.values())
    present = {found.key for t in tabs if (found := schema.find_tab(t.title)) is not None}
    tabs += [RawTab(t.th, [t.headers("th")]) for t in schema.tabs if t.key not in present and t.th not in raw.tabs]
    with conn.pipeline():
        for position, tab in enumerate(tabs):
            insert_tab(conn, office, schema, tab, position, replace=tab.title in have)
        for offset, title in enumerate(t for t in have if t not in {tab.title for tab in tabs}):
            conn.execute("UPDATE tabs SET position = %s WHERE office = %s AND title = %s",
                         (len(tabs) + offset, office, title))


def add_missing_tabs(conn: psycopg.Connection, office: str, schema: Schema) -> list[str]:
    """The schema tabs an office made by an older version lacks, added after its last tab. Returns the titles."""
    have = titles(conn, office)
    present = {found.key for t in have if (found := schema.find_tab(t)) is not None}
    missing = [t for t in schema.tabs if t.key not in present and t.th not in have]
    if not have or not missing:
        return []
    _lock_office(conn, office)
    have = titles(conn, office)  # again, under the lock
    added = [t for t in missing if t.th not in have]
    last = conn.execute("SELECT coalesce(max(position), -1) FROM tabs WHERE office = %s", (office,)).fetchone()
    for offset, tab in enumerate(added):
        insert_tab(conn, office, schema, RawTab(tab.th, [tab.headers("th")]), (last[0] if last else -1) + 1 + offset)
    return [t.th for t in added]


def fill_ids(conn: psycopg.Connection, office: str, title: str, id_pos: int, make_id: Callable[[], str]) -> list[str]:
    """A fresh id for every non-blank row of the tab without one. Returns the ids given, in sheet order."""
    rows = conn.execute("SELECT seq, cells FROM sheet_rows WHERE office = %s AND title = %s AND row_id = '' "
                        "ORDER BY seq FOR UPDATE", (office, title)).fetchall()
    filled = []
    for seq, cells in rows:
        if not any(c.strip() for c in cells) or (id_pos < len(cells) and cells[id_pos].strip()):
            continue
        cells = list(cells) + [""] * (id_pos + 1 - len(cells))
        cells[id_pos] = make_id()
        conn.execute("UPDATE sheet_rows SET cells = %s::text[], row_id = %s WHERE office = %s AND title = %s "
                     "AND seq = %s", (cells, row_key(cells, id_pos), office, title, seq))
        filled.append(cells[id_pos])
    return filled
