"""The report as PDF: its printable HTML printed by a Chromium installed on this machine (Debian: `apt-get install
chromium`), headless and offline. Chromium shapes Thai with HarfBuzz (vowels and tone marks in place) and breaks
Thai lines between words with ICU's dictionary, which no pure-Python PDF library does.

PDF is an optional capability: `find_chromium()` says whether this machine can make it ($DE_CHROMIUM names the
program when it is not on the PATH); the page offers PDF only then.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from de_core.documents.report.html import render_html
from de_core.documents.report.model import Report

ENV = "DE_CHROMIUM"
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_SECONDS = 180
ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--no-pdf-header-footer",
        "--generate-pdf-document-outline",  # the PDF's bookmarks follow the headings
        "--host-resolver-rules=MAP * ~NOTFOUND")  # no name resolves: the page can reach nothing outside


class PdfError(Exception):
    """Chromium could not print the report (missing, failed or too slow); the message says what it said."""


def find_chromium() -> Path | None:
    """The Chromium (or Chrome) program to print with: $DE_CHROMIUM, else the first of NAMES on the PATH."""
    named = os.environ.get(ENV, "").strip()
    if named:
        path = Path(named)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def html_to_pdf(html: str, chromium: Path | None = None, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """Print an HTML document to PDF bytes with a headless Chromium and a throw-away profile.

    Raises PdfError when there is no Chromium, it fails, or it takes longer than `timeout` seconds.
    """
    program = chromium or find_chromium()
    if program is None:
        raise PdfError("Chromium not found: install it (apt-get install chromium) or set DE_CHROMIUM")
    with tempfile.TemporaryDirectory(prefix="de-report-") as folder:
        work = Path(folder)
        page, out = work / "report.html", work / "report.pdf"
        page.write_text(html, encoding="utf-8")
        command = [str(program), *ARGS, f"--user-data-dir={work / 'profile'}", f"--print-to-pdf={out}",
                   page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False, cwd=work,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise PdfError(f"Chromium took longer than {timeout:.0f} s") from exc
        except OSError as exc:
            raise PdfError(f"Chromium could not start: {exc}") from exc
        if not out.is_file() or out.stat().st_size == 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfError(f"Chromium made no PDF (exit {done.returncode}): {' / '.join(said)}")
        return out.read_bytes()


def render_pdf(report: Report, chromium: Path | None = None) -> bytes:
    """The report as PDF bytes (its printable HTML printed by Chromium). Raises PdfError."""
    return html_to_pdf(render_html(report), chromium)
