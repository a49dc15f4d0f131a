"""Start my office: `de-dashboard init` (and the set-up page) makes the office's own, empty workbook — every tab
with its header row and one settings row (office, project, vision, allocation, ITA target, innovation title) for
the current fiscal year from today's date in Asia/Bangkok.

Embedded: the new workbook takes the configured path; a demo workbook found there is kept beside it under a new
name (`workbook-demo-<date-time>.sqlite`), never overwritten; a workbook of the office's own data, or a damaged
file, is refused. Google: the sheet is provisioned like `provision` does, with the settings row; a sheet holding
the demo is refused (a sheet cannot be renamed aside: use a new one). PostgreSQL: the settings row goes into the
office's empty workbook; an office with data is refused.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from de_core.ops.provision import provision
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, load_schema
from de_core.sheet.workbook import parse_workbook
from de_core.sheet.years import is_demo
from de_core.store.base import StoreError
from de_core.store.local import SQLiteStore
from de_core.store.workbook_file import create_new, sidecars
from de_core.thaidate import fiscal_year_of
from de_core.writing.submission import bangkok_now

PLACEHOLDER_NAME = "ชื่อสำนักงาน (แก้ที่แท็บ «ตั้งค่า»)"


@dataclass(frozen=True)
class Office:
    """What the office types once: its name and project, as they will appear on every page and in the report."""

    office_name: str = PLACEHOLDER_NAME
    project_name: str = ""
    vision: str = ""
    allocation: str = ""
    ita_target: str = "95"
    innovation_title: str = ""


def current_fiscal_year(now: datetime | None = None) -> int:
    """The Buddhist-Era fiscal year of today in Asia/Bangkok (Oct–Sep): 30 Nov 2026 is in FY2570."""
    return fiscal_year_of((now or bangkok_now()).date())


def settings_row(office: Office, fiscal_year: int) -> dict[str, str]:
    """The office's settings row for the year, made current, not demo."""
    return {"id": f"fy-{fiscal_year}", "fiscal_year": str(fiscal_year), "office_name": office.office_name.strip()
            or PLACEHOLDER_NAME, "project_name": office.project_name.strip(), "vision": office.vision.strip(),
            "allocation": office.allocation.strip(), "ita_target": office.ita_target.strip() or "95",
            "is_current": "TRUE", "innovation_title": office.innovation_title.strip(), "is_demo": "FALSE"}


def empty_workbook(office: Office, fiscal_year: int, schema: Schema | None = None) -> RawWorkbook:
    """Every schema tab with its Thai header row; the settings tab with the office's row."""
    schema = schema or load_schema()
    raw = RawWorkbook(source="init")
    for tab in schema.tabs:
        rows = [tab.headers("th")]
        if tab.key == "settings":
            row = settings_row(office, fiscal_year)
            rows.append([row.get(key, "") for key in tab.column_keys])
        raw.add(RawTab(tab.th, rows))
    return raw


@dataclass(frozen=True)
class SetupResult:
    fiscal_year: int
    path: Path | None = None
    kept_demo: Path | None = None


def _refuse(th: str, en: str, hint_th: str, hint_en: str) -> StoreError:
    return StoreError(th, en, hint_th, hint_en)


def init_embedded(path: Path, office: Office, now: datetime | None = None) -> SetupResult:
    """Make the office's workbook at `path`, keeping a demo found there under a new name. Raises StoreError when
    the file holds the office's own data (nothing is touched) and WorkbookDamaged when it is damaged."""
    from de_core.ops.workbook_health import check_workbook

    now = now or bangkok_now()
    fiscal_year = current_fiscal_year(now)
    path = Path(path)
    kept = None
    if path.exists():
        check_workbook(path)
        if not is_demo(parse_workbook(SQLiteStore(path).read_all())):
            raise _refuse(f"ที่ {path} มีสมุดงานของสำนักงานอยู่แล้ว จึงไม่สร้างใหม่ทับ",
                          f"{path} already holds your office's workbook, so nothing was made over it",
                          "ถ้าต้องการเริ่มใหม่ ให้ย้ายไฟล์นั้นไปไว้ที่อื่นก่อน แล้วสั่งอีกครั้ง",
                          "To start again, move that file elsewhere first, then run this again")
        kept = path.with_name(f"{path.stem}-demo-{now:%Y%m%d-%H%M%S}{path.suffix}")
        _move_aside(path, kept)
    made = create_new(path, lambda new: SQLiteStore(new).initialize(empty_workbook(office, fiscal_year)))
    if not made:
        raise _refuse(f"มีไฟล์เกิดขึ้นที่ {path} ระหว่างสร้าง จึงไม่สร้างทับ", f"A file appeared at {path} meanwhile",
                      "ลองอีกครั้ง", "Try again")
    return SetupResult(fiscal_year, path, kept)


def _move_aside(path: Path, kept: Path) -> None:
    """Rename a workbook (with its write-ahead log folded in first) so that nothing of it is lost."""
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.rename(path, kept)
    for side in sidecars(path):
        with contextlib.suppress(FileNotFoundError):
            if side.stat().st_size == 0:
                side.unlink()


def init_google(store, office: Office, now: datetime | None = None) -> SetupResult:
    """Provision the sheet with every tab and the office's settings row (filled only into an empty settings tab).
    Raises StoreError when the sheet holds the demo or the settings tab has other rows."""
    fiscal_year = current_fiscal_year(now)
    try:
        raw = store.read_all()
    except StoreError:  # a new sheet without the app's tabs yet
        raw = RawWorkbook()
    if is_demo(parse_workbook(raw)):
        raise _refuse("ชีตนี้มีข้อมูลตัวอย่าง (demo) อยู่ ลบทิ้งหรือย้ายไม่ได้จากแอป",
                      "This sheet holds the demo data, which the app cannot move aside",
                      "สร้าง Google Sheet ใหม่ แชร์ให้บัญชีบริการ แล้วสั่ง init กับชีตใหม่นั้น",
                      "Make a new Google Sheet, share it with the service account, and run init on it")
    provision(store, empty_workbook(office, fiscal_year))
    store.refresh_metadata()  # the tabs it just made
    return SetupResult(fiscal_year)


def init_postgres(store, office: Office, now: datetime | None = None) -> SetupResult:
    """The office's settings row for the current fiscal year, into its PostgreSQL workbook (which has every tab
    from the first time the app opened it). Raises StoreError when the office already holds data, the demo too:
    rows in a shared database are never moved aside (start under a new office key)."""
    fiscal_year = current_fiscal_year(now)
    raw = store.read_all()
    if any(c.strip() for tab in raw.tabs.values() for row in tab.rows[1:] for c in row):
        raise _refuse(f"สำนักงาน «{store.office}» มีข้อมูลในฐานข้อมูลอยู่แล้ว จึงไม่สร้างใหม่ทับ",
                      f"Office «{store.office}» already holds data in the database, so nothing was made over it",
                      "เริ่มด้วยรหัสสำนักงานใหม่ (office ใน [connections.postgresql])",
                      "Start under a new office key (office in [connections.postgresql])")
    store.append("settings", [settings_row(office, fiscal_year)])
    return SetupResult(fiscal_year)


def office_from(values: Mapping[str, str]) -> Office:
    """An Office from form or command-line values (missing ones take the defaults)."""
    fields = Office.__dataclass_fields__
    return Office(**{k: str(v) for k, v in values.items() if k in fields and v is not None})
