"""A damaged embedded workbook (0 bytes, cut short, garbage, not the app's) is named, never refilled or overwritten;
the demo goes only into a new file, made under a temporary name and linked into place in one step."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from de_core.ops.config import open_embedded
from de_core.store import StoreError
from de_core.store.local import SQLiteStore
from de_core.store.workbook_file import WorkbookDamaged, diagnose
from tests.integration.damaged_files import KINDS, damage, real_workbook_bytes

EXPECTED_KIND = {"empty": "empty", "truncated": "damaged", "garbage": "not_sqlite", "no_tables": "not_workbook"}


def _folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("kind", KINDS)
def test_opening_a_damaged_file_names_the_problem_and_the_path_and_changes_no_byte(tmp_path, kind):
    path = tmp_path / "data" / "workbook.sqlite"
    before = damage(path, kind)
    listing = _folder_listing(path.parent)
    with pytest.raises(WorkbookDamaged) as caught:
        open_embedded(path)
    err = caught.value
    assert err.diagnosis.kind == EXPECTED_KIND[kind]
    assert str(path) in err.message_th and str(path) in err.message_en
    assert "เขียนทับ" in err.message_th and "overwrite" in err.message_en
    assert str(path.parent / "backups") in err.hint_th and str(path.parent / "backups") in err.hint_en
    assert "workbook.sqlite-wal" in err.hint_en and "FY2566 demo" in err.hint_en
    assert not err.retryable
    assert path.read_bytes() == before
    assert _folder_listing(path.parent) == listing  # no -wal, -shm, temporary file or backup left beside it


@pytest.mark.parametrize("kind", KINDS)
def test_the_check_tells_each_kind_of_damage_apart_and_passes_a_healthy_workbook(tmp_path, kind):
    path = tmp_path / "workbook.sqlite"
    damage(path, kind)
    assert diagnose(path).kind == EXPECTED_KIND[kind]
    healthy = tmp_path / "healthy.sqlite"
    healthy.write_bytes(real_workbook_bytes(tmp_path / "source"))
    assert diagnose(healthy) is None


def test_a_workbook_garbled_in_the_middle_fails_the_quick_check(tmp_path):
    whole = bytearray(real_workbook_bytes(tmp_path / "source"))
    middle = len(whole) // 2
    whole[middle: middle + 16384] = bytes(range(256)) * 64
    path = tmp_path / "workbook.sqlite"
    path.write_bytes(bytes(whole))
    with pytest.raises(WorkbookDamaged) as caught:
        open_embedded(path)
    assert caught.value.diagnosis.kind == "damaged"
    assert path.read_bytes() == bytes(whole)


def test_a_file_with_the_apps_tables_but_no_tab_is_not_refilled_with_the_demo(tmp_path):
    path = tmp_path / "workbook.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE tabs (title TEXT PRIMARY KEY, position INTEGER NOT NULL);"
                       "CREATE TABLE sheet_rows (title TEXT, rownum INTEGER, cells TEXT);")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(WorkbookDamaged) as caught:
        open_embedded(path)
    assert "no tab at all" in caught.value.message_en
    assert path.read_bytes() == before


def test_the_restore_hint_names_the_newest_backup(tmp_path):
    path = tmp_path / "workbook.sqlite"
    backups = tmp_path / "backups"
    backups.mkdir()
    for day in ("2024-05-01", "2024-05-03", "2024-05-02"):
        (backups / f"workbook-{day}.sqlite").write_bytes(real_workbook_bytes(tmp_path / "source"))
    damage(path, "garbage")
    with pytest.raises(WorkbookDamaged) as caught:
        open_embedded(path)
    assert str(backups / "workbook-2024-05-03.sqlite") in caught.value.hint_th
    assert str(backups / "workbook-2024-05-03.sqlite") in caught.value.hint_en


def test_the_demo_is_made_under_a_temporary_name_in_the_same_folder_then_linked_into_place(tmp_path, monkeypatch):
    path = tmp_path / "data" / "workbook.sqlite"
    filled: list[Path] = []
    real = SQLiteStore.initialize

    def initialize(self, raw=None):
        filled.append(self.path)
        assert not path.exists()  # nothing is at the real path while the demo is written
        return real(self, raw)

    monkeypatch.setattr(SQLiteStore, "initialize", initialize)
    store = open_embedded(path)
    assert len(filled) == 1 and filled[0].parent == path.parent and filled[0] != path
    assert len(store.read_all().tabs["กิจกรรม"].rows) > 6
    assert [n for n in _folder_listing(path.parent) if n != "backups"] == ["workbook.sqlite"]  # no temporary left


def test_a_crash_while_the_demo_is_written_leaves_no_workbook_and_the_next_start_makes_it(tmp_path, monkeypatch):
    path = tmp_path / "workbook.sqlite"
    real = SQLiteStore.initialize

    def crash(self, raw=None):
        real(self, None)  # half-way: the tabs are there, the demo rows are not
        raise KeyboardInterrupt

    monkeypatch.setattr(SQLiteStore, "initialize", crash)
    with pytest.raises(KeyboardInterrupt):
        open_embedded(path)
    assert not path.exists()
    assert _folder_listing(tmp_path) == []
    monkeypatch.setattr(SQLiteStore, "initialize", real)
    assert len(open_embedded(path).read_all().tabs["กิจกรรม"].rows) > 6


def test_a_workbook_another_process_made_meanwhile_is_kept_not_replaced_by_the_demo(tmp_path, monkeypatch):
    path = tmp_path / "workbook.sqlite"
    theirs = real_workbook_bytes(tmp_path / "source")
    real = SQLiteStore.initialize

    def race(self, raw=None):
        assert self.path != path  # the demo goes into a temporary file, never into the real path
        path.write_bytes(theirs)  # the other process wins the race while this one fills its temporary file
        return real(self, raw)

    monkeypatch.setattr(SQLiteStore, "initialize", race)
    open_embedded(path)
    assert path.read_bytes() == theirs


@pytest.mark.parametrize("kind", ["truncated", "garbage"])
def test_a_file_damaged_while_the_app_runs_is_named_on_the_next_read_and_write(tmp_path, kind):
    path = tmp_path / "workbook.sqlite"
    store = open_embedded(path)
    before = damage(path, kind)
    for attempt in (store.read_all,
                    lambda: store.append("expenses", [{"id": "e-late", "fiscal_year": "2566", "item": "x"}])):
        with pytest.raises(WorkbookDamaged) as caught:
            attempt()
        assert str(path) in caught.value.message_th and not caught.value.retryable
    assert path.read_bytes() == before


def test_a_file_emptied_while_the_app_runs_takes_no_entry(tmp_path):
    path = tmp_path / "workbook.sqlite"
    store = open_embedded(path)
    path.write_bytes(b"")
    with pytest.raises(StoreError) as caught:
        store.append("expenses", [{"id": "e-late", "fiscal_year": "2566", "item": "x"}])
    assert isinstance(caught.value, WorkbookDamaged) and str(path) in caught.value.message_en
    assert os.path.getsize(path) == 0 or diagnose(path) is not None  # never a workbook again by itself
