"""`de-dashboard digest`: this period's digest for cron, a systemd timer or a CI schedule. `--dry-run` (the default)
prints it and what each target would get; `--send` sends it once per target and period, on the store the app would
open (the digest log tab there decides, so a fresh machine sends nothing twice either)."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TextIO

from de_core.digest.line import LineClient
from de_core.digest.mail import Mailer
from de_core.digest.send import Outcome, deliver, digest_for, dry_run
from de_core.digest.settings import CHANNELS, DigestConfigError, DigestSettings, load_settings
from de_core.digest.text import digest_text
from de_core.ops.cli_year import open_store
from de_core.sheet.workbook import parse_workbook
from de_core.sheet.years import current_fiscal_year
from de_core.store.base import StoreError
from de_core.writing.actor import Actor
from de_core.writing.submission import bangkok_now
from de_core.writing.writer import Writer

OK, FAILURE = 0, 1
DIGEST_HELP = ("this period's digest (late, due this month, ITA gap, KPI changes, reflections, what comes next): "
               "--dry-run prints it, --send sends it to LINE and e-mail once per period")
WORDS = {"sent": ("ส่งแล้ว", "sent"), "failed": ("ส่งไม่สำเร็จ", "failed"), "unknown": ("ไม่ทราบผล", "outcome unknown"),
         "skipped": ("ไม่ส่ง", "skipped"), "would_send": ("จะส่ง", "would send"),
         "would_resume": ("จะส่งต่อด้วยรหัสส่งซ้ำเดิม", "would resume with the same retry key")}


def add_digest(sub: argparse._SubParsersAction, secrets_default: Any) -> None:
    cmd = sub.add_parser("digest", help=DIGEST_HELP, description=DIGEST_HELP)
    cmd.add_argument("--year", type=int, metavar="YEAR",
                     help="Buddhist-Era fiscal year, e.g. 2570 (default: the current year of the settings tab)")
    mode = cmd.add_mutually_exclusive_group()
    mode.add_argument("--send", action="store_true", help="send to every target that has not had this period's digest")
    mode.add_argument("--dry-run", action="store_true", help="print the digest and what would be sent (the default)")
    cmd.add_argument("--channel", choices=CHANNELS, action="append",
                     help="only this channel (may be given twice; default: every channel in the secrets)")
    cmd.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                     help="the day the digest is for (default: today in Asia/Bangkok; the demo keeps its own date)")
    cmd.add_argument("--secrets", type=type(secrets_default), default=secrets_default,
                     help=f"default: {secrets_default}")


def _settings(secrets: Mapping[str, Any]) -> DigestSettings:
    try:
        return load_settings(secrets)
    except DigestConfigError as exc:
        raise StoreError(exc.th, exc.en, "แก้ไขในไฟล์ secrets.toml (ตัวอย่างใน .streamlit/secrets.toml.example)",
                         "Fix it in secrets.toml (see .streamlit/secrets.toml.example)") from None


def outcome_line(o: Outcome) -> str:
    """"LINE Cabc…: ส่งแล้ว / sent (request id) — note"."""
    th, en = WORDS.get(o.status, (o.status, o.status))
    line = f"{o.row_id}: {th} / {en}" + (f" ({o.request_id})" if o.request_id else "")
    notes = [n for n in dict.fromkeys((o.note_th, o.note_en)) if n]
    return line + (" — " + " / ".join(notes) if notes else "")


def run_digest(args: argparse.Namespace, secrets: Mapping[str, Any], client_factory: Callable[..., Any],
               out: TextIO, line: LineClient | None = None, mailer: Mailer | None = None,
               clock: Callable[[], datetime] = bangkok_now) -> int:
    """Print or send the digest. 0: done (or nothing left to send); 1: a target failed or its outcome is unknown.

    Raises StoreError when the settings or the store cannot be used (nothing is sent then).
    """
    settings = _settings(secrets)
    store = open_store(secrets, client_factory)
    wb = parse_workbook(store.read_all())
    year = args.year or current_fiscal_year(wb)
    if year is None or not wb.rows("settings", year):
        raise StoreError(f"ไม่พบปีงบประมาณ {year or ''} ในแท็บตั้งค่า", f"No fiscal year {year or ''} in the settings tab",
                         "ระบุ --year ที่มีในแท็บตั้งค่า", "Give a --year that the settings tab has")
    now = clock()
    digest = digest_for(wb, year, args.date or now.date(), settings)
    if not args.send:
        print(settings.redact(digest_text(digest)), file=out)
        print("", file=out)
        planned = dry_run(wb, digest, settings, now, args.channel)
        if not planned:
            print("ยังไม่ได้ตั้งค่าช่องทางส่ง ([line] หรือ [smtp] ใน secrets.toml) / no channel is set up "
                  "([line] or [smtp] in secrets.toml)", file=out)
        for o in planned:
            print(settings.redact(outcome_line(o)), file=out)
        return OK
    if not settings.targets(args.channel):
        raise StoreError("ไม่มีผู้รับ: ตั้งค่า [line] หรือ [smtp] ใน secrets.toml", "Nobody to send to: set up [line] or "
                         "[smtp] in secrets.toml", "ดูหัวข้อสรุปทาง LINE และอีเมลใน README", "See the README's digest section")
    writer = Writer(store, Actor(f"de-dashboard digest ({getpass.getuser()})", "editor", "local"), clock=clock)
    outcomes = deliver(writer, wb, digest, settings, clock, args.channel, line, mailer)
    print(settings.redact(f"{digest.title} · {digest.period.label('th')} ({digest.period.key})"), file=out)
    for o in outcomes:
        print(settings.redact(outcome_line(o)), file=out)
    return FAILURE if any(o.status in ("failed", "unknown") for o in outcomes) else OK
