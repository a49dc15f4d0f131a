"""The embedded workbook's file itself: whether it holds a healthy workbook, and making a new one in one step.

Checking only reads: a file that is empty, not a SQLite database, damaged or not the app's workbook is left
byte for byte as it is. A new workbook is filled under a temporary name in the same folder and then linked into
place, so a crash never leaves a half-made workbook and a file already at the path is never replaced. Another
office's file is read without changing it (read_only, for a regional server).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.store.base import StoreError

HEADER = b"SQLite format 3\x00"
APP_TABLES = ("tabs", "sheet_rows")

EMPTY = "empty"  # 0 bytes
MISSING = "missing"  # no file at the path (gone while the app ran)
NOT_SQLITE = "not_sqlite"  # some other file, or garbage
DAMAGED = "damaged"  # a SQLite file cut short, half-written, or failing PRAGMA quick_check
NOT_WORKBOOK = "not_workbook"  # a sound SQLite database without the app's tables (or without any tab)


@dataclass(frozen=True)
class Diagnosis:
    """What is wrong with a workbook file: one of the kinds above, with SQLite's own words or what is missing."""

    kind: str
    detail: str = ""
    missing_tables: tuple[str, ...] = ()


class WorkbookDamaged(StoreError):
    """The workbook file is empty, missing, not a SQLite database, damaged or not the app's workbook.

    Raised when the file is opened (and when a read or write meets such a file later); the file is never
    refilled or overwritten. `path` is the file, `diagnosis` what was found.
    """

    def __init__(self, path: Path, diagnosis: Diagnosis, message_th: str, message_en: str, hint_th: str = "",
                 hint_en: str = ""):
        super().__init__(message_th, message_en, hint_th, hint_en)
        self.path = path
        self.diagnosis = diagnosis


def sidecars(path: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and shared-memory files beside the workbook (they belong to that one file)."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def read_write_uri(path: Path) -> str:
    """A URI that opens an existing file and never creates one (mode=rw)."""
    return path.resolve().as_uri() + "?mode=rw"


def diagnose(path: Path, timeout: float = 30.0) -> Diagnosis | None:
    """What is wrong with the workbook file at `path`, or None when it holds a healthy workbook.

    Reads only: the file is opened without creating it and no statement writes. Runs PRAGMA quick_check.
    Raises sqlite3.OperationalError or OSError when the file cannot be checked at all (busy past `timeout`,
    no permission): that says nothing about its health.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(len(HEADER))
    except FileNotFoundError:
        return Diagnosis(MISSING)
    if not head:
        return Diagnosis(EMPTY)
    if head != HEADER:
        return Diagnosis(NOT_SQLITE)
    conn = sqlite3.connect(read_write_uri(path), uri=True, timeout=timeout, isolation_level=None)
    try:
        return _check(conn)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        return Diagnosis(NOT_SQLITE if "not a database" in str(exc) else DAMAGED, str(exc))
    finally:
        conn.close()


def _check(conn: sqlite3.Connection) -> Diagnosis | None:
    found = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    if found != ["ok"]:
        return Diagnosis(DAMAGED, "; ".join(found))
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = tuple(t for t in APP_TABLES if t not in tables)
    if missing:
        return Diagnosis(NOT_WORKBOOK, missing_tables=missing)
    if conn.execute("SELECT COUNT(*) FROM tabs").fetchone()[0] == 0:
        return Diagnosis(NOT_WORKBOOK)
    return None


def create_new(path: Path, fill: Callable[[Path], None]) -> bool:
    """Make the file at `path` with `fill` only when no file is there. Returns False when one already was.

    `fill` writes a complete workbook into the temporary file it is given (in the same folder); the file is then
    linked to `path` in one step that fails when a file appeared there meanwhile (another process made it), so
    an existing file is never replaced. A crash leaves at most a temporary file, never a half-made workbook.
    """
    if path.exists() or path.is_symlink():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        fill(tmp)
        return _place(tmp, path)
    finally:
        for leftover in (tmp, *sidecars(tmp)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _place(tmp: Path, path: Path) -> bool:
    try:
        os.link(tmp, path)  # atomic, and refuses to replace an existing file
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: rename, which replaces, so look first
        if path.exists():
            return False
        os.replace(tmp, path)
    _sync_folder(path.parent)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_ALL_ROWS = ("SELECT t.title, r.rownum, r.cells FROM tabs t LEFT JOIN sheet_rows r ON r.title = t.title "
             "ORDER BY t.position, r.rownum")


def raw_of(conn: sqlite3.Connection, path: Path) -> RawWorkbook:
    """Every tab of an open workbook database, in sheet order, in one query (blank rows keep their place)."""
    raw = RawWorkbook(source=f"sqlite:{path}", read_at=datetime.now(UTC))
    for title, rownum, cells in conn.execute(_ALL_ROWS).fetchall():
        tab = raw.tabs.get(title) or RawTab(title)
        raw.add(tab)
        if rownum is None:
            continue
        while len(tab.rows) < rownum - 1:
            tab.rows.append([])
        tab.rows.append(json.loads(cells))
    return raw


def read_only(path: str | Path, timeout: float = 10.0) -> RawWorkbook:
    """Another office's workbook file read without changing it (no table made, no journal mode switched: a
    regional server only looks). Raises StoreError when it is not a workbook file of the app or cannot be read."""
    path = Path(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
    except sqlite3.Error as exc:
        raise StoreError(f"เปิดไฟล์ «{path.name}» ไม่ได้", f"Cannot open the file «{path.name}»") from exc
    try:
        return raw_of(conn, path)
    except (sqlite3.Error, ValueError) as exc:
        raise StoreError(f"ไฟล์ «{path.name}» ไม่ใช่สมุดงานของแอปหรืออ่านไม่ได้",
                         f"The file «{path.name}» is not a workbook of the app, or cannot be read") from exc
    finally:
        conn.close()
