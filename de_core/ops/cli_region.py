"""`de-dashboard region-init`: the regional workbook made like an office's (tab สำนักงานในเขต, Thai headers, English
aliases), as a .sqlite file or in a Google Sheet; --demo N fills it with N demo offices."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from de_core.ops.provision import provision
from de_core.ops.region_demo import demo_region_workbook
from de_core.region.offices import offices_from, region_schema
from de_core.store.base import StoreError
from de_core.store.google.auth import gsheets_section, load_key_file
from de_core.store.google.store import GoogleSheetStore
from de_core.store.local import SQLiteStore

HELP = "make the regional workbook (tab สำนักงานในเขต: one row per office) as a .sqlite file or in a Google Sheet"


def add_region_init(sub: argparse._SubParsersAction, secrets_default: Path) -> None:
    cmd = sub.add_parser("region-init", help=HELP, description=HELP)
    where = cmd.add_mutually_exclusive_group(required=True)
    where.add_argument("--sqlite", type=Path, metavar="PATH", help="a new .sqlite file on this server")
    where.add_argument("--spreadsheet", help="a Google Sheet's URL or key (shared with the service account)")
    cmd.add_argument("--service-account", metavar="FILE.json", help="service account JSON key file "
                     "(default: the fields in [connections.gsheets] of the secrets file)")
    cmd.add_argument("--demo", type=int, default=0, metavar="N", help="fill it with N demo offices (demo:1 … demo:N)")
    cmd.add_argument("--secrets", type=Path, default=secrets_default, help=f"default: {secrets_default}")


def run_region_init(args: argparse.Namespace, secrets: Mapping[str, Any],
                    client_factory: Callable[[Mapping[str, Any]], Any], out: TextIO) -> bool:
    """Make the regional workbook. Raises StoreError (a file already there, a sheet that cannot be written)."""
    seed = demo_region_workbook(args.demo) if args.demo else None
    if args.sqlite is not None:
        if args.sqlite.exists():
            raise StoreError(f"มีไฟล์ {args.sqlite} อยู่แล้ว: ไม่เขียนทับ", f"{args.sqlite} already exists: not "
                             "overwritten", "ใช้ชื่อไฟล์ใหม่", "Give a new file name")
        SQLiteStore(args.sqlite, schema=region_schema()).initialize(seed)
        count = len(offices_from(SQLiteStore(args.sqlite, schema=region_schema()).read_all()))
        print(f"สร้างสมุดงานของเขต {args.sqlite} ({count} สำนักงาน) / made the regional workbook "
              f"{args.sqlite} ({count} offices)", file=out)
        return True
    fields = load_key_file(args.service_account) if args.service_account else gsheets_section(secrets)
    store = GoogleSheetStore(client_factory(fields), args.spreadsheet, schema=region_schema(),
                             account=str(fields.get("client_email") or ""))
    print(provision(store, seed).summary(), file=out)
    return True
