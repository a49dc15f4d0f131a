"""Daily backups of the embedded workbook: a consistent copy beside it, once a day, the last seven kept.

    data/workbook.sqlite  →  data/backups/workbook-2024-05-15.sqlite   (the ISO date in Bangkok)

A copy is made with SQLite's online backup API, so it is consistent even while another process writes (the
workbook is in WAL mode), into a temporary name that is renamed into place once complete and checked. A file
that fails the health check is never copied, and then no backup is deleted either.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import tempfile
from datetime import date, datetime
from pathlib import Path

from de_core.store.workbook_file import diagnose, read_write_uri
from de_core.writing.submission import BANGKOK, bangkok_now

KEEP = 7
FOLDER = "backups"

log = logging.getLogger(__name__)


def backups_folder(path: Path) -> Path:
    """The folder holding the workbook's backups: `backups/` beside it."""
    return Path(os.path.abspath(path)).parent / FOLDER


def backup_path(path: Path, day: date) -> Path:
    """The backup of `day`: <folder>/backups/<workbook name>-YYYY-MM-DD<suffix>."""
    return backups_folder(path) / f"{path.stem}-{day.isoformat()}{path.suffix or '.sqlite'}"


def backups(path: Path) -> list[tuple[date, Path]]:
    """The workbook's backups, oldest first, by the date in their names (other files are ignored)."""
    folder = backups_folder(path)
    pattern = re.compile(re.escape(path.stem) + r"-(\d{4}-\d{2}-\d{2})" + re.escape(path.suffix or ".sqlite"))
    found = []
    for item in folder.glob(f"{path.stem}-*") if folder.is_dir() else []:
        match = pattern.fullmatch(item.name)
        if match and item.is_file():
            with contextlib.suppress(ValueError):
                found.append((date.fromisoformat(match.group(1)), item))
    return sorted(found)


def newest_backup(path: Path) -> Path | None:
    """The most recent backup of the workbook, or None when there is none."""
    found = backups(path)
    return found[-1][1] if found else None


def backup_if_due(path: Path, now: datetime | None = None, keep: int = KEEP, checked: bool = False) -> Path | None:
    """Today's backup (Bangkok date) of a healthy workbook, when there is none yet; then only the newest `keep`
    backups are kept. Returns the new backup, or None when it was not due, the file fails the check (nothing is
    copied or deleted then) or the copy could not be made (logged; the app goes on).

    `checked`: the caller has just run the health check on the file (the app's open does), so it is not run twice.
    """
    day = (now or bangkok_now()).astimezone(BANGKOK).date()
    target = backup_path(path, day)
    if target.exists():
        return None
    try:
        if not checked and diagnose(path, timeout=5.0) is not None:
            return None
        _copy(path, target)
    except (OSError, sqlite3.Error) as exc:
        log.warning("no backup of %s today: %s", path, exc)
        return None
    _prune(path, keep)
    return target


def _copy(path: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        src = sqlite3.connect(read_write_uri(path), uri=True, timeout=30.0)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a standalone file: no -wal beside the copy
                if dst.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("the copy failed its check")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _prune(path: Path, keep: int) -> None:
    for _day, old in backups(path)[:-keep] if keep > 0 else []:
        try:
            old.unlink()
        except OSError as exc:
            log.warning("could not delete the old backup %s: %s", old, exc)
