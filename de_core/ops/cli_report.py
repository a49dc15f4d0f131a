"""`de-dashboard report`: the Best Practice report of a fiscal year as .docx, PDF or printable HTML, from the store the
app would open (the Google Sheet in [connections.gsheets], else the embedded file at $DE_DASHBOARD_DB); the same
content the report page offers."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from de_core.documents.report import build_report, render_docx, render_html
from de_core.documents.report.pdf import PdfError, find_chromium, render_pdf
from de_core.ops.cli_year import open_store
from de_core.sheet.workbook import parse_workbook
from de_core.sheet.years import current_fiscal_year
from de_core.store.base import StoreError
from de_core.writing.submission import bangkok_now

FORMATS = ("docx", "pdf", "html")
REPORT_HELP = ("write the Best Practice report of a fiscal year (every section of its table of contents) as .docx, "
               "PDF (needs Chromium: apt-get install chromium) or printable HTML")


def add_report(sub: argparse._SubParsersAction, secrets_default: Any) -> None:
    cmd = sub.add_parser("report", help=REPORT_HELP, description=REPORT_HELP)
    cmd.add_argument("--year", type=int, metavar="YEAR", help="Buddhist-Era fiscal year, e.g. 2566 (default: the "
                     "year flagged current in the settings tab)")
    cmd.add_argument("--format", choices=FORMATS, help="default: from the --out file's extension, else docx")
    cmd.add_argument("--out", type=Path, required=True, metavar="FILE", help="where to write the report")
    cmd.add_argument("--lang", choices=("th", "en"), default="th", help="the report's language (default: th)")
    cmd.add_argument("--secrets", type=type(secrets_default), default=secrets_default,
                     help=f"default: {secrets_default}")


def report_format(args: argparse.Namespace) -> str:
    suffix = args.out.suffix.lower().lstrip(".")
    return args.format or (suffix if suffix in FORMATS else "docx")


def run_report(args: argparse.Namespace, secrets: Mapping[str, Any], client_factory: Callable[..., Any],
               out: TextIO, now: Callable[[], datetime] = bangkok_now) -> bool:
    """Build the report from the configured store and write it to --out. Returns False after saying why not.

    Raises StoreError when the store cannot be read (the caller prints it).
    """
    kind = report_format(args)
    if kind == "pdf" and find_chromium() is None:
        print("ทำ PDF ไม่ได้: ไม่พบ Chromium (ติดตั้งด้วย apt-get install chromium หรือตั้ง DE_CHROMIUM) / "
              "cannot make a PDF: Chromium not found (apt-get install chromium, or set DE_CHROMIUM)", file=out)
        return False
    wb = parse_workbook(open_store(secrets, client_factory).read_all())
    year = args.year or current_fiscal_year(wb)
    if year is None or year not in wb.fiscal_years():
        print(f"ไม่พบปีงบประมาณ {year or ''} ในสมุดงาน / fiscal year {year or '?'} is not in the workbook", file=out)
        return False
    report = build_report(wb, year, args.lang, now().date())
    try:
        data = {"docx": lambda: render_docx(report), "html": lambda: render_html(report).encode("utf-8"),
                "pdf": lambda: render_pdf(report)}[kind]()
    except PdfError as exc:
        raise StoreError(f"ทำ PDF ไม่สำเร็จ: {exc}", f"Could not make the PDF: {exc}") from exc
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    demo = " (ข้อมูลตัวอย่าง / demo data)" if report.demo else ""
    print(f"เขียนรายงานปีงบประมาณ {year} ({kind}, {len(data):,} ไบต์) ที่ {args.out}{demo} / "
          f"wrote the FY{year} report ({kind}, {len(data):,} bytes) to {args.out}", file=out)
    return True
