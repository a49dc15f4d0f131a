"""`de-dashboard migrate`, `de-dashboard copy` and `de-dashboard region`: set up the PostgreSQL database, move an
office's workbook between a Google Sheet, the embedded SQLite file and PostgreSQL (checked cell by cell), and put
offices in a region. psycopg is imported only when a command needs PostgreSQL (the `postgres` extra)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from de_core.ops.config import embedded_path
from de_core.ops.sheet_copy import write_sheet
from de_core.ops.transfer import compare_workbooks
from de_core.ops.workbook_health import check_workbook
from de_core.sheet.raw import RawWorkbook
from de_core.store.base import StoreError
from de_core.store.google.auth import gsheets_section, load_key_file
from de_core.store.google.store import GoogleSheetStore
from de_core.store.local import SQLiteStore
from de_core.store.postgres.settings import configured, conninfo_of, postgres_section, psycopg_needed
from de_core.store.workbook_file import create_new

KINDS = ("sheet", "sqlite", "postgresql")
MIGRATE_HELP = "create or bring up to date the PostgreSQL tables, role and row-level security (as the database owner)"
COPY_HELP = ("copy an office's whole workbook between a Google Sheet, the embedded SQLite file and PostgreSQL, into a "
             "target without data, then check it cell by cell")
REGION_HELP = "put offices in a region, whose regional session reads them (as the database owner)"


def _common(cmd: argparse.ArgumentParser, secrets_default: Any) -> None:
    cmd.add_argument("--url", help="PostgreSQL URL (default: [connections.postgresql] of the secrets)")
    cmd.add_argument("--secrets", type=type(secrets_default), default=secrets_default,
                     help=f"default: {secrets_default}")


def add_postgres_commands(sub: argparse._SubParsersAction, secrets_default: Any) -> None:
    _common(sub.add_parser("migrate", help=MIGRATE_HELP, description=MIGRATE_HELP), secrets_default)
    copy = sub.add_parser("copy", help=COPY_HELP, description=COPY_HELP)
    copy.add_argument("--from", dest="source", choices=KINDS, required=True)
    copy.add_argument("--to", dest="target", choices=KINDS, required=True)
    copy.add_argument("--office", help="the office key in PostgreSQL (default: office in [connections.postgresql])")
    copy.add_argument("--sqlite", type=Path, metavar="PATH", help="the SQLite file (default: the embedded workbook)")
    copy.add_argument("--spreadsheet", help="sheet URL or key (default: spreadsheet in [connections.gsheets])")
    copy.add_argument("--service-account", metavar="FILE.json", help="service account JSON key file")
    _common(copy, secrets_default)
    region = sub.add_parser("region", help=REGION_HELP, description=REGION_HELP)
    region.add_argument("name", help="the region's key, e.g. region-3")
    region.add_argument("offices", nargs="+", metavar="OFFICE", help="office keys")
    _common(region, secrets_default)


def _conninfo(args: argparse.Namespace, secrets: Mapping[str, Any]) -> str:
    if args.url:
        return str(args.url)
    if not configured(secrets):
        raise StoreError("ไม่ได้ระบุฐานข้อมูล PostgreSQL", "No PostgreSQL database given",
                         "ใส่ --url postgresql://... หรือ [connections.postgresql] ใน secrets",
                         "Give --url postgresql://... or [connections.postgresql] in the secrets")
    return conninfo_of(postgres_section(secrets))


def run_migrate(args: argparse.Namespace, secrets: Mapping[str, Any], out: TextIO) -> bool:
    with psycopg_needed():
        from de_core.store.postgres.migrate import migrate, migrations

        done = migrate(_conninfo(args, secrets))
    if done:
        names = ", ".join(f"{m.version:04d}_{m.name}" for m in done)
        print(f"ปรับโครงสร้างฐานข้อมูลแล้ว / migrated: {names}", file=out)
    else:
        print(f"ฐานข้อมูลเป็นปัจจุบันแล้ว / up to date (migration {len(migrations())})", file=out)
    return True


def run_region(args: argparse.Namespace, secrets: Mapping[str, Any], out: TextIO) -> bool:
    with psycopg_needed():
        from de_core.store.postgres.regional import offices_of, set_region

        conninfo = _conninfo(args, secrets)
        set_region(conninfo, args.name, args.offices)
        members = offices_of(conninfo, args.name)
    print(f"เขต {args.name}: {', '.join(members)} / region {args.name}: {', '.join(members)}", file=out)
    return True


class _Ends:
    """Reading from and writing to each kind of store, for one `copy` command."""

    def __init__(self, args: argparse.Namespace, secrets: Mapping[str, Any], client_factory: Callable[..., Any]):
        self.args, self.secrets, self.client_factory = args, secrets, client_factory

    def _sheet(self) -> GoogleSheetStore:
        section = gsheets_section(self.secrets)
        spreadsheet = self.args.spreadsheet or str(section.get("spreadsheet") or "")
        if not spreadsheet:
            raise StoreError("ไม่ได้ระบุ Google Sheet", "No Google Sheet given",
                             "ใส่ --spreadsheet <URL หรือรหัสชีต>", "Give --spreadsheet <sheet URL or key>")
        fields = load_key_file(self.args.service_account) if self.args.service_account else section
        return GoogleSheetStore(self.client_factory(fields), spreadsheet, account=str(fields.get("client_email") or ""))

    def _sqlite_path(self) -> Path:
        return Path(self.args.sqlite) if self.args.sqlite else embedded_path(self.secrets)

    @contextmanager
    def _postgres(self) -> Iterator[Any]:
        with psycopg_needed():
            from de_core.store.postgres.connect import office_pool
            from de_core.store.postgres.migrate import check_version
            from de_core.store.postgres.store import PostgresStore

            office = self.args.office or str(postgres_section(self.secrets).get("office") or "")
            if not office:
                raise StoreError("ไม่ได้ระบุรหัสสำนักงาน", "No office key given",
                                 "ใส่ --office <รหัสสำนักงาน>", "Give --office <office key>")
            store = PostgresStore(office_pool(_conninfo(self.args, self.secrets), office, max_size=2), office)
            try:
                with store._tx() as conn:
                    check_version(conn)
                yield store
            finally:
                store.close()

    def read(self, kind: str) -> RawWorkbook:
        if kind == "sheet":
            return self._sheet().read_all()
        if kind == "sqlite":
            path = self._sqlite_path()
            check_workbook(path)  # a damaged or missing file is named, never read
            return SQLiteStore(path).read_all()
        with self._postgres() as store:
            if store.is_empty():
                raise StoreError(f"สำนักงาน «{store.office}» ยังไม่มีข้อมูลในฐานข้อมูล",
                                 f"Office «{store.office}» has no workbook in the database",
                                 "ตรวจรหัสสำนักงาน (--office)", "Check the office key (--office)")
            return store.read_all()

    def write(self, kind: str, raw: RawWorkbook) -> RawWorkbook:
        """Write `raw` into the target (which must hold no data) and read it back."""
        if kind == "sheet":
            store = self._sheet()
            write_sheet(store, raw)
            return store.read_all()
        if kind == "sqlite":
            path = self._sqlite_path()
            if not create_new(path, lambda new: SQLiteStore(new).initialize(raw)):
                raise StoreError(f"มีไฟล์อยู่ที่ {path} แล้ว จึงไม่คัดลอกทับ", f"A file is already at {path}; nothing was "
                                 "copied over it", "ระบุไฟล์ใหม่ด้วย --sqlite", "Name a new file with --sqlite")
            return SQLiteStore(path).read_all()
        with self._postgres() as store:
            store.copy_in(raw)
            return store.read_all()


def run_copy(args: argparse.Namespace, secrets: Mapping[str, Any], client_factory: Callable[..., Any],
             out: TextIO) -> bool:
    """Copy, read back and compare. Returns False (after printing them) when any cell differs."""
    if args.source == args.target:
        raise StoreError("ต้นทางและปลายทางต้องเป็นที่เก็บคนละชนิด", "--from and --to must be different kinds of store",
                         "เช่น --from sheet --to postgresql", "e.g. --from sheet --to postgresql")
    ends = _Ends(args, secrets, client_factory)
    raw = ends.read(args.source)
    back = ends.write(args.target, raw)
    result = compare_workbooks(raw, back)
    print(f"คัดลอก {args.source} → {args.target} / copied {args.source} → {args.target}", file=out)
    print(result.summary(), file=out)
    return result.identical
