"""The `de-dashboard` command: `provision` a Google Sheet for the dashboard, `check` it without writing, make
the editor `passcode` line for secrets.toml, start the office's own workbook (`init`), carry the plan into the
`new-year`, or make and send this period's `digest`; set up PostgreSQL (`migrate`, `region`) and `copy` a workbook
between a Google Sheet, the embedded file and PostgreSQL."""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import gspread

from de_core.ops.cli_digest import add_digest, run_digest
from de_core.ops.cli_postgres import add_postgres_commands, run_copy, run_migrate, run_region
from de_core.ops.cli_region import add_region_init, run_region_init
from de_core.ops.cli_report import add_report, run_report
from de_core.ops.cli_year import add_init, add_new_year, run_init, run_new_year
from de_core.ops.config import close_opened, embedded_path
from de_core.ops.demo import demo_workbook
from de_core.ops.provision import provision
from de_core.ops.workbook_health import check_workbook
from de_core.sheet.raw import RawWorkbook
from de_core.store.base import StoreError
from de_core.store.google.auth import client_from_service_account, gsheets_section, load_key_file
from de_core.store.google.store import GoogleSheetStore
from de_core.store.local import SQLiteStore
from de_core.writing import passcode

OK, FAILURE, USAGE = 0, 1, 2
DEFAULT_SECRETS = Path(".streamlit") / "secrets.toml"
ClientFactory = Callable[[Mapping[str, Any]], gspread.Client]
COMMANDS = {"provision": "create missing tabs, header rows, dropdowns and formats (idempotent)",
            "check": "list missing tabs and renamed headers; write nothing (exit 1 when not ready)"}
PASSCODE_HELP = "ask for an editor passcode twice and print the [editors] lines for secrets.toml"


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="de-dashboard", description="Sujarit DE Dashboard: set up the Google Sheet it reads and writes.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("passcode", help=PASSCODE_HELP, description=PASSCODE_HELP)
    add_init(sub, DEFAULT_SECRETS)
    add_new_year(sub, DEFAULT_SECRETS)
    add_report(sub, DEFAULT_SECRETS)
    add_digest(sub, DEFAULT_SECRETS)
    add_postgres_commands(sub, DEFAULT_SECRETS)
    add_region_init(sub, DEFAULT_SECRETS)
    for name, text in COMMANDS.items():
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--spreadsheet", help="sheet URL or key (default: spreadsheet in [connections.gsheets])")
        cmd.add_argument("--service-account", metavar="FILE.json", help="service account JSON key file "
                         "(default: the fields in [connections.gsheets] of the secrets file)")
        cmd.add_argument("--secrets", type=Path, default=DEFAULT_SECRETS, help=f"default: {DEFAULT_SECRETS}")
        if name == "provision":
            seed = cmd.add_mutually_exclusive_group()
            seed.add_argument("--demo", action="store_true", help="fill empty tabs with the FY2566 demo data")
            seed.add_argument("--from-local", nargs="?", const="", metavar="PATH",
                              help="fill empty tabs from the embedded SQLite workbook (default: its usual path)")
    return parser


def _secrets(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StoreError(f"อ่านไฟล์ {path} ไม่ได้", f"Cannot read {path} ({exc})",
                         "ตรวจรูปแบบ TOML ของไฟล์", "Check the file's TOML syntax") from None


def _local_seed(arg: str, secrets: Mapping[str, Any]) -> RawWorkbook:
    path = Path(arg) if arg else embedded_path(secrets)
    if not path.is_file():
        raise StoreError(f"ไม่พบไฟล์สมุดงานในเครื่อง {path}", f"No local workbook at {path}",
                         "ระบุตำแหน่งไฟล์หลัง --from-local", "Give the file's path after --from-local")
    check_workbook(path)  # a damaged file is named, never read (a read would write tables into an empty file)
    return SQLiteStore(path).read_all()


def run(args: argparse.Namespace, client_factory: ClientFactory, out: TextIO) -> int:
    """Carry out a parsed command. Raises StoreError for failures a person can fix, _UsageError for usage."""
    secrets = _secrets(args.secrets)
    if args.command == "new-year":
        return OK if run_new_year(args, secrets, client_factory, out) else FAILURE
    if args.command == "init":
        return OK if run_init(args, secrets, client_factory, out) else FAILURE
    if args.command == "report":
        return OK if run_report(args, secrets, client_factory, out) else FAILURE
    if args.command == "digest":
        return run_digest(args, secrets, client_factory, out)
    if args.command == "migrate":
        return OK if run_migrate(args, secrets, out) else FAILURE
    if args.command == "region":
        return OK if run_region(args, secrets, out) else FAILURE
    if args.command == "region-init":
        return OK if run_region_init(args, secrets, client_factory, out) else FAILURE
    if args.command == "copy":
        return OK if run_copy(args, secrets, client_factory, out) else FAILURE
    section = gsheets_section(secrets)
    spreadsheet = args.spreadsheet or str(section.get("spreadsheet") or "")
    if not spreadsheet:
        raise _UsageError("ระบุ --spreadsheet <URL หรือรหัสชีต> / give --spreadsheet <sheet URL or key>")
    fields = load_key_file(args.service_account) if args.service_account else section
    seed = None
    if getattr(args, "demo", False):
        seed = demo_workbook()
    elif getattr(args, "from_local", None) is not None:
        seed = _local_seed(args.from_local, secrets)
    store = GoogleSheetStore(client_factory(fields), spreadsheet, account=str(fields.get("client_email") or ""))
    report = provision(store, seed, dry_run=args.command == "check")
    print(report.summary(), file=out)
    if args.command == "check":
        return OK if report.ready else FAILURE
    return OK


def main(argv: Sequence[str] | None = None, *, client_factory: ClientFactory = client_from_service_account,
         out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Entry point of the console script. Returns 0 ok, 1 failure (message printed), 2 usage error."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage message
        return USAGE if exc.code else OK
    if args.command == "passcode":
        return passcode.main([])
    try:
        return run(args, client_factory, out)
    except _UsageError as exc:
        print(f"de-dashboard {args.command}: {exc}", file=err)
        return USAGE
    except StoreError as exc:
        print("\n".join(filter(None, [exc.message_th, exc.message_en, exc.hint_th, exc.hint_en])), file=err)
        return FAILURE
    finally:
        close_opened()  # the connection pools of PostgreSQL stores the command opened


if __name__ == "__main__":
    sys.exit(main())
