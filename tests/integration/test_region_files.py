"""A regional server reads an office's embedded workbook file without changing it (issue #20: the region never
writes to an office), and a file that is not a workbook is named, not turned into one."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from de_core.ops.demo import demo_workbook
from de_core.region.offices import EMBEDDED, Office
from de_core.region.sources import read_embedded
from de_core.store import StoreError
from de_core.store.local import SQLiteStore


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _office(path) -> Office:
    office = Office("o1", "สำนักงานทดสอบ", "", str(path))
    assert office.kind == EMBEDDED
    return office


def test_an_office_file_is_read_byte_for_byte_unchanged(tmp_path):
    path = tmp_path / "office.sqlite"
    SQLiteStore(path).initialize(demo_workbook())
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # as an office might keep it: no WAL
    before = _digest(path)
    raw = read_embedded(_office(path))
    assert "ตั้งค่า" in raw.tabs and len(raw.tabs["กิจกรรม"].rows) == 20
    assert _digest(path) == before and not (tmp_path / "office.sqlite-wal").exists()


def test_a_database_that_is_not_a_workbook_is_named_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    before = _digest(path)
    with pytest.raises(StoreError) as err:
        read_embedded(_office(path))
    assert "other.db" in err.value.message("th") and _digest(path) == before
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]
