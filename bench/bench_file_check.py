"""The embedded workbook's health check and daily backup at the demo ×1, ×10, ×100 (bench/generate.py).

Per size: the file's size, the health check the app runs once per process when it opens the workbook (header,
PRAGMA quick_check, the app's tables: de_core.store.workbook_file.diagnose), PRAGMA integrity_check for
comparison, the backup of the day (online backup API, a check of the copy, rename; once a day), and the whole
open (check + SQLiteStore) on a day whose backup is already made, as every process start after the first of the
day. Times are medians; the file is warm in the page cache, as on a server that has just written it.

    /work/venv/bin/python -m bench.bench_file_check [--scales 1 10 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from bench.common import mib, ms, quiet, table, timed
from bench.generate import SCALES, scaled_workbook
from de_core.ops.backup import backup_if_due, backup_path
from de_core.ops.config import open_embedded
from de_core.store.local import SQLiteStore
from de_core.store.workbook_file import diagnose
from de_core.writing.submission import BANGKOK

DAY = datetime(2024, 5, 15, 9, tzinfo=BANGKOK)


def integrity_check(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def backup_once(path: Path) -> None:
    backup_path(path, DAY.date()).unlink(missing_ok=True)
    assert backup_if_due(path, DAY, checked=True) is not None


def measure(scale: int, repeat: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "workbook.sqlite"
        SQLiteStore(path).initialize(scaled_workbook(scale))
        assert diagnose(path) is None
        check, _ = timed(lambda: diagnose(path), repeat)
        integrity, _ = timed(lambda: integrity_check(path), repeat)
        backup, _ = timed(lambda: backup_once(path), repeat)
        opened, _ = timed(lambda: open_embedded(path, clock=lambda: DAY), repeat)
        return [f"×{scale}", mib(path.stat().st_size), ms(check), ms(integrity), ms(backup), ms(opened)]


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=list(SCALES))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    quiet()
    rows = [measure(scale, args.repeat) for scale in args.scales]
    out = table("The workbook file: health check and daily backup",
                ["size", "file", "health check (quick_check)", "integrity_check", "daily backup",
                 "open (check, no backup due)"], rows,
                "The check runs once per server process (get_store is cached), never per rerun; the backup once a "
                "day. Neither is on a page's rerun path.")
    print(out)
    return out


if __name__ == "__main__":
    main()
