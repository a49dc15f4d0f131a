"""Damaged workbook files for the tests: empty, cut in half, garbage, and a SQLite file without the app's tables."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from de_core.ops.demo import demo_workbook
from de_core.store.local import SQLiteStore

KINDS = ("empty", "truncated", "garbage", "no_tables")


def real_workbook_bytes(folder: Path) -> bytes:
    """The bytes of a real workbook holding the demo (made beside, then read)."""
    source = folder / "real-workbook.sqlite"
    if not source.exists():
        SQLiteStore(source).initialize(demo_workbook())
    return source.read_bytes()


def damage(path: Path, kind: str) -> bytes:
    """Write a damaged workbook of that kind at `path`; returns its bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "empty":
        data = b""
    elif kind == "truncated":
        whole = real_workbook_bytes(path.parent / "source")
        data = whole[: len(whole) // 2]
    elif kind == "garbage":
        data = random.Random(15).randbytes(64 * 1024)
    elif kind == "no_tables":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('not a workbook')")
        conn.commit()
        conn.close()
        return path.read_bytes()
    else:
        raise ValueError(kind)
    path.write_bytes(data)
    return data
