"""Daily backups of the embedded workbook: one consistent copy a day (Bangkok date) beside it, the last seven kept,
never a copy of a damaged file and then nothing deleted."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from de_core.ops.backup import backup_if_due, backups
from de_core.ops.config import open_embedded
from de_core.store.local import SQLiteStore
from de_core.store.workbook_file import WorkbookDamaged
from de_core.writing.submission import BANGKOK
from tests.integration.damaged_files import damage, real_workbook_bytes


def day(n: int, hour: int = 9) -> datetime:
    return datetime(2024, 5, n, hour, tzinfo=BANGKOK)


def _expense_ids(path: Path) -> set[str]:
    rows = SQLiteStore(path).read_all().tabs["ค่าใช้จ่าย"].rows[1:]
    return {r[0] for r in rows if r}


def test_opening_on_nine_days_keeps_the_last_seven_backups_named_by_date_each_with_that_days_data(tmp_path):
    path = tmp_path / "data" / "workbook.sqlite"
    for n in range(1, 10):
        store = open_embedded(path, clock=lambda n=n: day(n))
        store.append("expenses", [{"id": f"e-day-{n}", "fiscal_year": "2566", "item": f"day {n}"}])
    kept = backups(path)
    assert [p.name for _d, p in kept] == [f"workbook-2024-05-0{n}.sqlite" for n in range(3, 10)]
    for n, (_day, copy) in zip(range(3, 10), kept, strict=True):
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        conn.close()
        ids = {i for i in _expense_ids(copy) if i.startswith("e-day-")}
        assert ids == {f"e-day-{k}" for k in range(1, n)}  # the workbook as it was when that day began
    assert sorted(p.name for p in (path.parent / "backups").iterdir()) == [p.name for _d, p in kept]


def test_a_second_open_on_the_same_day_makes_no_second_copy(tmp_path):
    path = tmp_path / "workbook.sqlite"
    open_embedded(path, clock=lambda: day(5, 8)).append("expenses", [{"id": "e-later", "fiscal_year": "2566"}])
    first = backups(path)[0][1].read_bytes()
    open_embedded(path, clock=lambda: day(5, 18))
    assert len(backups(path)) == 1 and backups(path)[0][1].read_bytes() == first


def test_the_date_in_the_name_is_the_date_in_bangkok(tmp_path):
    path = tmp_path / "workbook.sqlite"
    open_embedded(path, clock=lambda: datetime(2024, 5, 14, 23, 30, tzinfo=UTC))  # 06:30 on the 15th in Bangkok
    assert [p.name for _d, p in backups(path)] == ["workbook-2024-05-15.sqlite"]


@pytest.mark.parametrize("kind", ["empty", "truncated", "garbage", "no_tables"])
def test_a_damaged_file_gets_no_backup_and_no_backup_is_deleted(tmp_path, kind):
    path = tmp_path / "workbook.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    old = {f"workbook-2024-04-{n:02d}.sqlite" for n in range(1, 10)}
    for name in old:
        (folder / name).write_bytes(real_workbook_bytes(tmp_path / "source"))
    damage(path, kind)
    with pytest.raises(WorkbookDamaged):
        open_embedded(path, clock=lambda: day(20))
    assert backup_if_due(path, day(20)) is None
    assert {p.name for p in folder.iterdir()} == old


def test_a_backup_holds_what_is_committed_in_the_write_ahead_log_and_not_what_is_still_being_written(tmp_path):
    path = tmp_path / "workbook.sqlite"
    store = open_embedded(path, clock=lambda: day(1))
    reader = sqlite3.connect(path)  # an open connection keeps the log from being folded into the file
    reader.execute("SELECT COUNT(*) FROM tabs").fetchone()
    store.append("expenses", [{"id": "e-committed", "fiscal_year": "2566", "item": "in the log"}])
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO sheet_rows VALUES ('ค่าใช้จ่าย', 999, '[\"e-uncommitted\"]')")
    try:
        made = backup_if_due(path, day(2))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        reader.close()
    ids = _expense_ids(made)
    assert "e-committed" in ids and "e-uncommitted" not in ids
    assert sorted(p.name for p in made.parent.iterdir()) == ["workbook-2024-05-01.sqlite",
                                                            "workbook-2024-05-02.sqlite"]
