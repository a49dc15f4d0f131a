"""The PostgreSQL store: one office's workbook among many in one database, behind the same contract as the SQLite
and Google stores (cells as text, read_all in one query, appends idempotent by id, updates by id).

Every statement runs on a connection of the office's pool (connect.office_pool), whose set-up names the office for
the row-level security policies; the store also names it in every WHERE, so the planner uses the indexes. Appends
are one INSERT ... ON CONFLICT DO NOTHING against the unique index on (office, tab, id): a row already there is
compared afterwards (same content: nothing to do; other content: the whole write is rolled back). An update locks
its row (SELECT ... FOR UPDATE) and is written with its audit row in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import errors as pg
from psycopg_pool import ConnectionPool

from de_core.sheet.raw import RawWorkbook
from de_core.sheet.schema import Schema, Tab, load_schema
from de_core.sheet.text import normalize
from de_core.store.base import (
    AUDIT_TAB,
    AppendResult,
    SchemaMismatch,
    UpdateResult,
    ambiguous,
    audits_of,
    cell_text,
    column_positions,
    conflict,
    not_found,
    row_cells,
    same_content,
)
from de_core.store.postgres import load
from de_core.store.postgres.connect import db_errors, office_pool
from de_core.store.postgres.migrate import check_version
from de_core.store.postgres.rows import (
    CELLS,
    WORKBOOK,
    check_text,
    jsonb,
    row_key,
    tab_of,
    workbooks_from_lines,
)

READ_ALL = WORKBOOK.format(where="WHERE office = %(office)s")
INSERT = f"""INSERT INTO sheet_rows (office, title, row_id, cells)
SELECT %s, %s, e.item->>0, {CELLS.format(json="e.item->1")}
FROM jsonb_array_elements(%s) WITH ORDINALITY AS e(item, n)
ON CONFLICT (office, title, row_id) WHERE row_id <> '' AND first_of_id DO NOTHING RETURNING row_id"""
ROWS_WITH_ID = "SELECT row_id, cells FROM sheet_rows WHERE office = %s AND title = %s AND row_id = ANY(%s) ORDER BY seq"
ROW_NUMBER = "SELECT count(*) + 1 FROM sheet_rows WHERE office = %s AND title = %s AND seq <= %s"
Planned = tuple[str, list[str], dict[str, int], Mapping[str, Any]]


class PostgresStore:
    """One office's workbook in a PostgreSQL database shared by many offices."""

    name = "postgresql"

    def __init__(self, pool: ConnectionPool, office: str, schema: Schema | None = None):
        """`pool` comes from connect.office_pool for this same office (its set-up names the office)."""
        self.pool = pool
        self.office = office
        self.schema = schema or load_schema()

    @contextmanager
    def _tx(self) -> Iterator[psycopg.Connection]:
        """One transaction on a pooled connection: committed at the end, rolled back on any error."""
        with db_errors(), self.pool.connection() as conn:
            yield conn

    def close(self) -> None:
        self.pool.close()

    # ----- set-up (load.py) ---------------------------------------------------------------------
    def is_empty(self) -> bool:
        """Whether the office has no tab yet."""
        with self._tx() as conn:
            return not load.titles(conn, self.office)

    def initialize(self, raw: RawWorkbook | None = None) -> bool:
        """Give an office without tabs every schema tab with its Thai header row (and the given workbook's tabs and
        rows, cell for cell). Returns False, writing nothing, when the office already has tabs."""
        with self._tx() as conn:
            return load.fill_office(conn, self.office, self.schema, raw)

    def copy_in(self, raw: RawWorkbook) -> None:
        """Copy a whole workbook in, cell for cell, to an office without data rows (`de-dashboard copy`).
        Raises StoreError when the office already holds data (nothing written)."""
        with self._tx() as conn:
            load.fill_empty_office(conn, self.office, self.schema, raw)

    def add_missing_tabs(self) -> list[str]:
        """Add, with their Thai header rows, the schema tabs the office lacks (newer tabs). Returns the titles."""
        with self._tx() as conn:
            return load.add_missing_tabs(conn, self.office, self.schema)

    # ----- reads --------------------------------------------------------------------------------
    def read_all(self) -> RawWorkbook:
        """Every tab of the office (all its fiscal years), in sheet order, in one query (rows.WORKBOOK)."""
        with self._tx() as conn:
            lines = conn.cursor(binary=True).execute(READ_ALL, {"office": self.office}).fetchall()
        book = workbooks_from_lines(lines).get(self.office)
        return book or RawWorkbook(source=f"postgresql:{self.office}", read_at=datetime.now(UTC))

    # ----- writes -------------------------------------------------------------------------------
    def _find(self, conn: psycopg.Connection, tab_key: str, lock: bool = False) -> tuple[Tab, str, list[str]]:
        rows = conn.execute("SELECT title, header FROM tabs WHERE office = %s ORDER BY position"
                            + (" FOR UPDATE" if lock else ""), (self.office,)).fetchall()
        found = tab_of(self.schema, [title for title, _h in rows], tab_key)
        if found is None:
            tab = self.schema.tab(tab_key)
            raise SchemaMismatch(f"ไม่พบแท็บ «{tab.th}»", f"Tab «{tab.en}» ({tab.th}) is missing",
                                 "สร้างแท็บนี้ก่อน แล้วลองอีกครั้ง", "Create this tab, then try again")
        tab, title = found
        return tab, title, list(dict(rows)[title] or [])

    def _plan(self, tab: Tab, header: list[str], rows: list[Mapping[str, Any]]) -> list[Planned]:
        """(id, cells, positions, row) of each row under the header. Raises SchemaMismatch before any write."""
        planned = []
        for row in rows:
            positions = column_positions(tab, header, list(row.keys()))
            cells = row_cells(positions, row, 0)
            check_text(tab.th, [cells])
            planned.append((cell_text(row.get(tab.id_column)), cells, positions, row))
        return planned

    def _insert(self, conn: psycopg.Connection, title: str, items: list[tuple[str, list[str]]]) -> list[bool]:
        """Insert rows after the tab's last; whether each went in (False: its id was already there)."""
        if not items:
            return []
        got = conn.execute(INSERT, (self.office, title, jsonb([[normalize(i), c] for i, c in items]))).fetchall()
        left = [row_id for (row_id,) in got]
        went = []
        for row_id, _cells in items:
            key = normalize(row_id)
            went.append(not key or key in left)
            if key in left:
                left.remove(key)
        return went

    def _append(self, conn: psycopg.Connection, tab_key: str, rows: list[Mapping[str, Any]]) -> AppendResult:
        tab, title, header = self._find(conn, tab_key)
        planned = self._plan(tab, header, rows)
        went = self._insert(conn, title, [(row_id, cells) for row_id, cells, _p, _r in planned])
        missed = [p for p, ok in zip(planned, went, strict=True) if not ok]
        there: dict[str, list[list[str]]] = {}
        if missed:
            ids = sorted({normalize(p[0]) for p in missed})
            for row_id, cells in conn.execute(ROWS_WITH_ID, (self.office, title, ids)):
                there.setdefault(row_id, []).append(cells)
        result = AppendResult()
        for (row_id, _cells, positions, row), ok in zip(planned, went, strict=True):
            if ok:
                result.appended.append(row_id)
            elif all(same_content(have, positions, row) for have in there.get(normalize(row_id), [])):
                result.already_present.append(row_id)
            else:
                raise conflict(tab, row_id)  # the transaction is rolled back: nothing of this write stays
        return result

    def _append_audit(self, conn: psycopg.Connection, audits: list[Mapping[str, Any]]) -> None:
        """Audit rows after the audit tab's last row, in the caller's transaction (fresh ids; one sent again with
        the same id is not added twice)."""
        if not audits:
            return
        tab, title, header = self._find(conn, AUDIT_TAB)
        self._insert(conn, title, [(row_id, cells) for row_id, cells, _p, _r in self._plan(tab, header, audits)])

    def append(self, tab_key: str, rows: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows after the last row. An id already present with the same content changes nothing.

        Raises DuplicateIdConflict (same id, other content: nothing written), SchemaMismatch, StoreUnavailable.
        """
        with self._tx() as conn:
            return self._append(conn, tab_key, rows)

    def append_audited(self, tab_key: str, rows: list[Mapping[str, Any]],
                       audits: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows and the audit row of each appended row in ONE transaction: both or neither."""
        with self._tx() as conn:
            result = self._append(conn, tab_key, rows)
            self._append_audit(conn, audits_of(self.schema.tab(tab_key), rows, audits, result.appended))
        return result

    def update(self, tab_key: str, row_id: str, values: Mapping[str, Any]) -> UpdateResult:
        """Change cells of the one row whose id is row_id (locked while it is written).

        Raises RowNotFound, AmbiguousRow, SchemaMismatch, DuplicateIdConflict (a new id already used).
        """
        with self._tx() as conn:
            return self._update(conn, tab_key, row_id, values)

    def update_audited(self, tab_key: str, row_id: str, values: Mapping[str, Any],
                       audit: Callable[[UpdateResult], Mapping[str, Any] | None]) -> UpdateResult:
        """Update and write the audit row `audit(result)` (None: none) in ONE transaction: both or neither."""
        with self._tx() as conn:
            result = self._update(conn, tab_key, row_id, values)
            row = audit(result)
            self._append_audit(conn, [row] if row is not None else [])
        return result

    def _update(self, conn: psycopg.Connection, tab_key: str, row_id: str,
                values: Mapping[str, Any]) -> UpdateResult:
        tab, title, header = self._find(conn, tab_key)
        positions = column_positions(tab, header, list(values.keys()))
        id_pos = column_positions(tab, header, [tab.id_column])[tab.id_column]
        hits = conn.execute("SELECT seq, cells FROM sheet_rows WHERE office = %s AND title = %s AND row_id = %s "
                            "ORDER BY seq FOR UPDATE", (self.office, title, normalize(row_id))).fetchall()
        numbers = [self._row_number(conn, title, seq) for seq, _c in hits[:5]]
        if not hits:
            raise not_found(tab, row_id)
        if len(hits) > 1:
            raise ambiguous(tab, row_id, numbers)
        seq, cells = hits[0]
        new = row_cells(positions, values, len(cells))
        check_text(tab.th, [new])
        before = {k: (cells[p] if p < len(cells) else "") for k, p in positions.items()}
        cells = list(cells) + [""] * (len(new) - len(cells))
        for pos in positions.values():
            cells[pos] = new[pos]
        try:
            conn.execute("UPDATE sheet_rows SET cells = %s::text[], row_id = %s "
                         "WHERE office = %s AND title = %s AND seq = %s",
                         (cells, row_key(cells, id_pos), self.office, title, seq))
        except pg.UniqueViolation as exc:  # the id cell itself was changed to an id another row has
            raise conflict(tab, cells[id_pos]) from exc
        return UpdateResult(row_id, numbers[0], before, {k: cells[p] for k, p in positions.items()})

    def _row_number(self, conn: psycopg.Connection, title: str, seq: int) -> int:
        row = conn.execute(ROW_NUMBER, (self.office, title, seq)).fetchone()
        return int(row[0]) if row else 0

    def fill_missing_ids(self, tab_key: str, make_id: Callable[[str], str]) -> list[str]:
        """Give every non-blank row without an id a fresh one (the editor action in Data health)."""
        with self._tx() as conn:
            tab, title, header = self._find(conn, tab_key)
            id_pos = column_positions(tab, header, [tab.id_column])[tab.id_column]
            return load.fill_ids(conn, self.office, title, id_pos, lambda: make_id(tab_key))

    def ensure_columns(self, tab_key: str, headers: list[str]) -> list[str]:
        """Add header cells the tab lacks (unknown columns an import keeps). Returns the headers added."""
        with self._tx() as conn:
            _tab, title, header = self._find(conn, tab_key, lock=True)
            added = list(dict.fromkeys(h for h in headers if h not in header))
            if added:
                conn.execute("UPDATE tabs SET header = %s::text[] WHERE office = %s AND title = %s",
                             (header + added, self.office, title))
        return added


def open_office(conninfo: str, office: str, pool_size: int = 8, schema: Schema | None = None) -> PostgresStore:
    """The store of one office over the app's connection set-up: the database's migrations checked (a database
    behind or ahead of the app is refused), a new office given every tab with its header row, an office made by an
    older version given the newer tabs. Raises SchemaMismatch and what db_errors maps (StoreUnavailable...)."""
    pool = office_pool(conninfo, office, max_size=pool_size)
    store = PostgresStore(pool, office, schema)
    try:
        with store._tx() as conn:
            check_version(conn)
        if not store.initialize():
            store.add_missing_tabs()
    except BaseException:
        pool.close()
        raise
    return store
