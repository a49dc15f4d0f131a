"""`de-dashboard init` and `de-dashboard new-year`: the commands that act on the office's own workbook, on the store
the app would open (PostgreSQL in [connections.postgresql], the Google Sheet in [connections.gsheets], else the
embedded file at $DE_DASHBOARD_DB)."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from de_core.ops.config import GOOGLE, POSTGRES, backend_kind, embedded_path, open_embedded, open_postgres
from de_core.ops.new_year import NOT_CARRIED, ORDER, YearPlan, apply_new_year, plan_new_year
from de_core.ops.setup import Office, init_embedded, init_google, init_postgres
from de_core.sheet.schema import load_schema
from de_core.store.base import SheetStore
from de_core.store.google.auth import gsheets_section
from de_core.store.google.store import GoogleSheetStore
from de_core.writing.actor import Actor
from de_core.writing.writer import Writer

NEW_YEAR_HELP = ("carry last fiscal year's plan into the next (KRAs, KPIs, DE steps, activities, objectives, OIT "
                 "checklist, ITA frame); nothing twice when run again")


def add_new_year(sub: argparse._SubParsersAction, secrets_default: Any) -> None:
    cmd = sub.add_parser("new-year", help=NEW_YEAR_HELP, description=NEW_YEAR_HELP)
    cmd.add_argument("--from", dest="from_year", type=int, required=True, metavar="YEAR",
                     help="the Buddhist-Era fiscal year to carry from, e.g. 2569")
    cmd.add_argument("--to", dest="to_year", type=int, required=True, metavar="YEAR", help="the new year, e.g. 2570")
    cmd.add_argument("--dry-run", action="store_true", help="show what would be created; write nothing")
    cmd.add_argument("--secrets", type=type(secrets_default), default=secrets_default,
                     help=f"default: {secrets_default}")


INIT_HELP = ("start your office's own, empty workbook for the current fiscal year (a demo found at the path is kept "
             "beside it under a new name)")
OFFICE_FIELDS = {"office": ("office_name", "ชื่อหน่วยงาน / office name"), "project": ("project_name", "ชื่อโครงการ"),
                 "vision": ("vision", "วิสัยทัศน์"), "allocation": ("allocation", "งบประมาณที่ได้รับจัดสรร เช่น 50,000"),
                 "ita-target": ("ita_target", "เป้าหมาย ITA (ค่าตั้ง 95)"),
                 "innovation": ("innovation_title", "ชื่อผลงาน / innovation title")}


def add_init(sub: argparse._SubParsersAction, secrets_default: Any) -> None:
    cmd = sub.add_parser("init", help=INIT_HELP, description=INIT_HELP)
    for flag, (_key, text) in OFFICE_FIELDS.items():
        cmd.add_argument(f"--{flag}", help=text)
    cmd.add_argument("--secrets", type=type(secrets_default), default=secrets_default,
                     help=f"default: {secrets_default}")


def run_init(args: argparse.Namespace, secrets: Mapping[str, Any], client_factory: Callable[..., Any],
             out: TextIO) -> bool:
    """Make the office's workbook on the configured store and say where and for which year."""
    values = {key: getattr(args, flag.replace("-", "_")) for flag, (key, _t) in OFFICE_FIELDS.items()}
    office = Office(**{k: v for k, v in values.items() if v is not None})
    if backend_kind(secrets) == GOOGLE:
        result = init_google(open_store(secrets, client_factory), office)
        where = "Google Sheet"
    elif backend_kind(secrets) == POSTGRES:
        store = open_store(secrets, client_factory)
        result = init_postgres(store, office)
        where = f"PostgreSQL ({store.office})"
    else:
        result = init_embedded(embedded_path(secrets), office)
        where = str(result.path)
    print(f"สร้างสมุดงานของสำนักงาน ปีงบประมาณ {result.fiscal_year} ที่ {where} / "
          f"made your office's workbook for fiscal year {result.fiscal_year} at {where}", file=out)
    if result.kept_demo is not None:
        print(f"เก็บข้อมูลตัวอย่างเดิมไว้ที่ {result.kept_demo} / the demo was kept at {result.kept_demo}", file=out)
    if not values["office_name"]:
        print("ตั้งชื่อหน่วยงานได้ที่แท็บ «ตั้งค่า» หรือหน้า «ตั้งค่าสำนักงาน» / set the office name in the settings tab "
              "or on the «Set up my office» page", file=out)
    return True


def open_store(secrets: Mapping[str, Any], client_factory: Callable[[Mapping[str, Any]], Any]) -> SheetStore:
    """The store the app would open with these secrets."""
    if backend_kind(secrets) == POSTGRES:
        return open_postgres(secrets)
    if backend_kind(secrets) == GOOGLE:
        section = gsheets_section(secrets)
        return GoogleSheetStore(client_factory(section), str(section["spreadsheet"]),
                                account=str(section.get("client_email") or ""))
    return open_embedded(embedded_path(secrets))


def describe(plan: YearPlan, dry_run: bool) -> str:
    """The plan (or what was written) in Thai and English, one line per tab."""
    schema = load_schema()
    head = "จะสร้าง / would create" if dry_run else "สร้างแล้ว / created"
    lines = [f"ปีงบประมาณ {plan.from_year} → {plan.to_year} / fiscal year {plan.from_year} → {plan.to_year}"]
    for key in ORDER:
        tab = schema.tab(key)
        new, there = len(plan.rows.get(key, [])), plan.already.get(key, 0)
        if new or there:
            lines.append(f"  {tab.th} / {tab.en}: {head} {new}" + (f", มีอยู่แล้ว / already there {there}"
                                                                      if there else ""))
    if plan.uncurrent:
        lines.append(f"  ปีปัจจุบันเปลี่ยนเป็น {plan.to_year} (เดิม {', '.join(plan.uncurrent)}) / "
                     f"current year becomes {plan.to_year} (was {', '.join(plan.uncurrent)})")
    skipped = ", ".join(schema.tab(k).th for k in NOT_CARRIED)
    lines.append(f"  ไม่ยกไป / not carried: {skipped}")
    if not plan.total and not plan.problems:
        lines.append("  ไม่มีอะไรต้องสร้าง: ปีใหม่มีครบแล้ว / nothing to create: the new year is already there")
    return "\n".join(lines)


def run_new_year(args: argparse.Namespace, secrets: Mapping[str, Any], client_factory: Callable[..., Any],
                 out: TextIO) -> bool:
    """Plan, print, and (unless --dry-run) write. Returns False when the plan has a problem (printed)."""
    store = open_store(secrets, client_factory)
    plan = plan_new_year(store.read_all(), args.from_year, args.to_year)
    if plan.problems:
        print("\n".join(f"{th}\n{en}" for th, en in plan.problems), file=out)
        return False
    if not args.dry_run and plan.total:
        actor = Actor(f"de-dashboard new-year ({getpass.getuser()})", "editor", "local")
        apply_new_year(plan, Writer(store, actor))
    print(describe(plan, args.dry_run), file=out)
    return True
