"""The embedded workbook's health check, in words: what is wrong with the file, where it is, how to restore it.

The check itself (de_core.store.workbook_file.diagnose) runs when the app opens the file, and again whenever a
read or write fails on it (SQLiteStore's on_damage), so a file damaged while the app runs is named the same way.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from de_core.display.i18n import translate
from de_core.ops.backup import backups_folder, newest_backup
from de_core.store.base import StoreError, StoreUnavailable
from de_core.store.workbook_file import Diagnosis, WorkbookDamaged, diagnose, sidecars

MESSAGES = {"empty": "file.empty", "missing": "file.missing", "not_sqlite": "file.not_sqlite",
            "damaged": "file.damaged", "not_workbook": "file.not_workbook"}
AFTER_FAILURE_TIMEOUT = 2.0  # seconds the check after a failed read or write may wait for a busy file


def shown(path: Path) -> str:
    """A path as the messages show it: absolute, in «» like the names in the store's other messages."""
    return f"«{os.path.abspath(path)}»"


def damaged_error(path: Path, found: Diagnosis) -> WorkbookDamaged:
    """The error for a workbook file that failed the check, in Thai and English, with how to restore it."""
    texts = {}
    for lang in ("th", "en"):
        detail = found.detail
        if found.kind == "not_workbook":
            detail = (translate("file.no_tables", lang, tables=", ".join(found.missing_tables))
                      if found.missing_tables else translate("file.no_tabs", lang))
        message = translate(MESSAGES[found.kind], lang, path=shown(path), detail=detail)
        texts[lang] = (message, restore_hint(path, lang))
    return WorkbookDamaged(path, found, texts["th"][0], texts["en"][0], texts["th"][1], texts["en"][1])


def restore_hint(path: Path, lang: str) -> str:
    """How to restore the workbook: the newest backup over it, or the damaged file moved away (then the demo)."""
    wal, shm = sidecars(path)
    newest = newest_backup(path)
    names = {"path": shown(path), "backups": shown(backups_folder(path)), "wal": f"«{wal.name}»",
             "shm": f"«{shm.name}»"}
    if newest is None:
        return translate("file.restore_no_backup", lang, **names)
    return translate("file.restore_backup", lang, backup=shown(newest), **names)


def cannot_open(path: Path, exc: Exception) -> StoreUnavailable:
    """The file could not be made or checked (busy, no permission): nothing is said about its health."""
    detail = f"{type(exc).__name__}: {exc}"
    return StoreUnavailable(
        translate("file.cannot_open", "th", path=shown(path), detail=detail),
        translate("file.cannot_open", "en", path=shown(path), detail=detail),
        translate("file.cannot_open_hint", "th"), translate("file.cannot_open_hint", "en"),
    )


def check_workbook(path: Path) -> None:
    """Pass when the file holds a healthy workbook. Raises WorkbookDamaged (what, where, how to restore) or
    StoreUnavailable (the file could not be checked: busy, no permission)."""
    try:
        found = diagnose(path)
    except (OSError, sqlite3.OperationalError) as exc:
        raise cannot_open(path, exc) from exc
    if found is not None:
        raise damaged_error(path, found)


def on_damage(path: Path) -> Callable[[Exception], StoreError | None]:
    """For SQLiteStore: after a failed read or write, the file's own problem if it has one, else None."""

    def check(_exc: Exception) -> StoreError | None:
        try:
            found = diagnose(path, timeout=AFTER_FAILURE_TIMEOUT)
        except (OSError, sqlite3.OperationalError):
            return None  # busy or not allowed: the store says so itself
        return damaged_error(path, found) if found is not None else None

    return check
