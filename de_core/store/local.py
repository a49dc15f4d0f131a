"""The embedded default: the workbook in one SQLite file, cells kept as text exactly as a sheet holds them."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, Tab, load_schema
from de_core.store.base import (
    AUDIT_TAB,
    AppendResult,
    SchemaMismatch,
    StoreUnavailable,
    UpdateResult,
    audits_of,
    column_positions,
    locate_row,
    plan_appends,
    row_cells,
)
from de_core.store.workbook_file import raw_of

DEFAULT_PATH = Path("data") / "workbook.sqlite"
PATH_ENV = "DE_DASHBOARD_DB"

_DDL = """
CREATE TABLE IF NOT EXISTS tabs (title TEXT PRIMARY KEY, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sheet_rows (
  title TEXT NOT NULL, rownum INTEGER NOT NULL, cells TEXT NOT NULL, PRIMARY KEY (title, rownum)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def default_path() -> Path:
    """Where the embedded workbook lives: $DE_DASHBOARD_DB, else data/workbook.sqlite."""
    return Path(os.environ.get(PATH_ENV) or DEFAULT_PATH)


class SQLiteStore:
    """A workbook in a SQLite file. Safe with several sessions and processes writing at once."""

    name = "sqlite"

    def __init__(self, path: str | Path, schema: Schema | None = None, timeout: float = 30.0,
                 on_damage: Callable[[Exception], Exception | None] | None = None):
        """on_damage: after a failed read or write, the error naming the file's own damage, or None (then the
        failure reads as busy). de_core.ops.config passes the health check of the file."""
        self.path = Path(path)
        self.schema = schema or load_schema()
        self.timeout = timeout
        self.on_damage = on_damage
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(_DDL)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise _unavailable(exc) from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            yield conn
        except sqlite3.DatabaseError as exc:  # busy, or the file damaged since it was opened ("not a database")
            if type(exc) not in (sqlite3.DatabaseError, sqlite3.OperationalError):
                raise  # IntegrityError and the like say nothing about the file
            raise (self.on_damage(exc) if self.on_damage else None) or _unavailable(exc) from exc
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # ----- set-up -------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        with self._connect() as conn:
            return conn.execute("SELECT COUNT(*) FROM tabs").fetchone()[0] == 0

    def initialize(self, raw: RawWorkbook | None = None) -> bool:
        """Create every schema tab with its Thai header row (and the given rows) when the file is empty.

        Returns True when it filled the file, False when it already held a workbook (a restart never duplicates).
        """
        with self._write() as conn:
            if conn.execute("SELECT COUNT(*) FROM tabs").fetchone()[0]:
                return False
            tabs = list(raw.tabs.values()) if raw else []
            present = {self.schema.find_tab(t.title).key for t in tabs if self.schema.find_tab(t.title)}
            tabs += [RawTab(t.th, [t.headers("th")]) for t in self.schema.tabs if t.key not in present]
            for position, tab in enumerate(tabs):
                self._insert_tab(conn, tab, position)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('created_at', ?)", (datetime.now(UTC).isoformat(),))
            return True

    def add_missing_tabs(self) -> list[str]:
        """Add, with their Thai header rows, the schema tabs a workbook made by an older version lacks (newer tabs
        such as the ITA rules). Returns the titles added; an up-to-date workbook is not written at all."""
        with self._connect() as conn:
            titles = [row[0] for row in conn.execute("SELECT title FROM tabs")]
        present = {tab.key for tab in (self.schema.find_tab(t) for t in titles) if tab is not None}
        missing = [t for t in self.schema.tabs if t.key not in present]
        if not titles or not missing:
            return []
        with self._write() as conn:
            last = conn.execute("SELECT COALESCE(MAX(position), -1) FROM tabs").fetchone()[0]
            have = {row[0] for row in conn.execute("SELECT title FROM tabs")}
            added = [t.th for t in missing if t.th not in have]
            for offset, tab in enumerate(t for t in missing if t.th not in have):
                self._insert_tab(conn, RawTab(tab.th, [tab.headers("th")]), last + 1 + offset)
        return added

    @staticmethod
    def _insert_tab(conn: sqlite3.Connection, tab: RawTab, position: int) -> None:
        conn.execute("INSERT INTO tabs VALUES (?, ?)", (tab.title, position))
        conn.executemany(
            "INSERT INTO sheet_rows VALUES (?, ?, ?)",
            [(tab.title, i + 1, json.dumps(row, ensure_ascii=False)) for i, row in enumerate(tab.rows)],
        )

    # ----- reads --------------------------------------------------------------------------------
    def read_all(self) -> RawWorkbook:
        """Every tab, in sheet order, in one query. Blank rows keep their place so addresses stay true."""
        with self._connect() as conn:
            return raw_of(conn, self.path)

    # ----- writes -------------------------------------------------------------------------------
    def _title(self, conn: sqlite3.Connection, tab_key: str) -> tuple[Tab, str]:
        tab = self.schema.tab(tab_key)
        for (title,) in conn.execute("SELECT title FROM tabs ORDER BY position"):
            found = self.schema.find_tab(title)
            if found is not None and found.key == tab_key:
                return tab, title
        raise SchemaMismatch(f"ไม่พบแท็บ «{tab.th}»", f"Tab «{tab.en}» ({tab.th}) is missing",
                             "สร้างแท็บนี้ก่อน แล้วลองอีกครั้ง", "Create this tab, then try again")

    def _tab_rows(self, conn: sqlite3.Connection, tab_key: str) -> tuple[Tab, str, dict[int, list[str]]]:
        tab, title = self._title(conn, tab_key)
        rows = {n: json.loads(c) for n, c in conn.execute(
            "SELECT rownum, cells FROM sheet_rows WHERE title = ? ORDER BY rownum", (title,))}
        return tab, title, rows

    @staticmethod
    def _as_list(rows: dict[int, list[str]]) -> list[list[str]]:
        size = max(rows, default=0)
        return [rows.get(n, []) for n in range(1, size + 1)]

    def append(self, tab_key: str, rows: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows after the last row. An id already present with the same content changes nothing."""
        result = AppendResult()
        with self._write() as conn:
            tab, title, existing = self._tab_rows(conn, tab_key)
            grid = self._as_list(existing)
            pending = plan_appends(tab, grid, rows, result)
            self._insert(conn, title, len(grid), [cells for _row_id, cells in pending])
        return result

    @staticmethod
    def _insert(conn: sqlite3.Connection, title: str, after: int, rows: list[list[str]]) -> None:
        conn.executemany("INSERT INTO sheet_rows VALUES (?, ?, ?)", [
            (title, after + 1 + i, json.dumps(cells, ensure_ascii=False)) for i, cells in enumerate(rows)])

    def _append_audit(self, conn: sqlite3.Connection, audits: list[Mapping[str, Any]]) -> None:
        """Audit rows after the audit tab's last row, inside the caller's transaction (fresh ids: no id check)."""
        if not audits:
            return
        tab, title = self._title(conn, AUDIT_TAB)
        head = conn.execute("SELECT cells FROM sheet_rows WHERE title = ? AND rownum = 1", (title,)).fetchone()
        end = conn.execute("SELECT MAX(rownum) FROM sheet_rows WHERE title = ?", (title,)).fetchone()[0] or 0
        pending = plan_appends(tab, [json.loads(head[0]) if head else []], audits, AppendResult())
        self._insert(conn, title, end, [cells for _row_id, cells in pending])

    def append_audited(self, tab_key: str, rows: list[Mapping[str, Any]],
                       audits: list[Mapping[str, Any]]) -> AppendResult:
        """Append rows and the audit row of each appended row in ONE transaction: a crash (even kill -9) at any
        point leaves both or neither. A row already present with the same content adds neither."""
        result = AppendResult()
        with self._write() as conn:
            tab, title, existing = self._tab_rows(conn, tab_key)
            grid = self._as_list(existing)
            pending = plan_appends(tab, grid, rows, result)
            self._insert(conn, title, len(grid), [cells for _row_id, cells in pending])
            self._append_audit(conn, audits_of(tab, rows, audits, result.appended))
        return result

    def update(self, tab_key: str, row_id: str, values: Mapping[str, Any]) -> UpdateResult:
        """Change cells of the one row whose id is row_id; refuse when it is gone or ambiguous."""
        with self._write() as conn:
            return self._update(conn, tab_key, row_id, values)

    def update_audited(self, tab_key: str, row_id: str, values: Mapping[str, Any],
                       audit: Callable[[UpdateResult], Mapping[str, Any] | None]) -> UpdateResult:
        """Update and write the audit row `audit(result)` (None: none) in ONE transaction: both or neither."""
        with self._write() as conn:
            result = self._update(conn, tab_key, row_id, values)
            row = audit(result)
            self._append_audit(conn, [row] if row is not None else [])
        return result

    def _update(self, conn: sqlite3.Connection, tab_key: str, row_id: str,
                values: Mapping[str, Any]) -> UpdateResult:
        tab, title, existing = self._tab_rows(conn, tab_key)
        grid = self._as_list(existing)
        rownum, positions, _id_pos = locate_row(tab, grid, row_id, list(values.keys()))
        cells = list(grid[rownum - 1])
        new = row_cells(positions, values, len(cells))
        before = {k: (cells[p] if p < len(cells) else "") for k, p in positions.items()}
        cells += [""] * (len(new) - len(cells))
        for pos in positions.values():
            cells[pos] = new[pos]
        conn.execute("UPDATE sheet_rows SET cells = ? WHERE title = ? AND rownum = ?",
                     (json.dumps(cells, ensure_ascii=False), title, rownum))
        after = {k: cells[p] for k, p in positions.items()}
        return UpdateResult(row_id, rownum, before, after)

    def fill_missing_ids(self, tab_key: str, make_id: Callable[[str], str]) -> list[str]:
        """Give every non-blank row without an id a fresh one (the editor action in Data health)."""
        filled = []
        with self._write() as conn:
            tab, title, existing = self._tab_rows(conn, tab_key)
            header = existing.get(1, [])
            id_pos = column_positions(tab, header, [tab.id_column])[tab.id_column]
            for rownum, cells in existing.items():
                if rownum == 1 or not any(c.strip() for c in cells):
                    continue
                if id_pos < len(cells) and cells[id_pos].strip():
                    continue
                new = make_id(tab_key)
                cells = cells + [""] * (id_pos + 1 - len(cells))
                cells[id_pos] = new
                conn.execute("UPDATE sheet_rows SET cells = ? WHERE title = ? AND rownum = ?",
                             (json.dumps(cells, ensure_ascii=False), title, rownum))
                filled.append(new)
        return filled

    def ensure_columns(self, tab_key: str, headers: list[str]) -> list[str]:
        """Add header cells the tab lacks (unknown columns an import keeps). Returns the headers added."""
        with self._write() as conn:
            _tab, title, existing = self._tab_rows(conn, tab_key)
            header = list(existing.get(1, []))
            added = [h for h in headers if h not in header]
            if added:
                header += added
                conn.execute("INSERT OR REPLACE INTO sheet_rows VALUES (?, 1, ?)",
                             (title, json.dumps(header, ensure_ascii=False)))
        return added


def _unavailable(exc: Exception) -> StoreUnavailable:
    return StoreUnavailable(
        "ฐานข้อมูลในเครื่องไม่ว่างหรือเปิดไม่ได้ในขณะนี้", "The local workbook is busy or cannot be opened",
        "รอสักครู่แล้วลองอีกครั้ง ข้อความที่พิมพ์ไว้ยังอยู่", f"Wait a moment and try again ({type(exc).__name__})",
    )

