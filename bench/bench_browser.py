"""Speed a person feels: every page fully rendered in headless Chromium, first visit and reload, beside a bare
Streamlit page served the same way in the same run.

Three servers run side by side on loopback: the app over a fresh embedded workbook (the demo), a bare page (a
title and a line of text in Thai and English, nothing else) served with the app's own configuration and static
files, so its theme and its Thai font are the app's (the framework's own floor), and the same bare page inside a
frame like the app's (a menu of as many pages, the sidebar's four widgets): what every page pays before its own
content. Each run visits every target once in a new browser context (first
visit: nothing cached) and reloads it in the same tab (reload: the browser's cache warm), in interleaved order, so
whatever else the machine does falls on every target alike; the table shows medians. "Fully rendered" = the
script finished, no skeleton left, the fonts loaded and every plotly chart drawn.

The goal (issue #18): the overview at most 1.2× the bare page on first visit and on reload. It is printed beside
the figures and tracked in docs/BENCHMARKS.md, not a test gate.

    /work/venv/bin/python -m bench.bench_browser [--runs 5] [--pages dashboard de-tracker …]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.common import ROOT, table
from de_ui.nav import PAGES
from tests.services import serving

CHROMIUM = Path(os.environ.get("DE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
GOAL = 1.2  # the overview against the bare page, first visit and reload
BARE = 'import streamlit as st\n\nst.title("หน้าเปล่า Bare page")\nst.write("Streamlit เท่านั้น: a title and a line.")\n'
# The same page inside a frame like the app's: a menu of as many pages with icons, the sidebar's language switch,
# year choice, data time and refresh button (what every page of the app carries before its own content).
FRAMED = """import streamlit as st

st.set_page_config(page_title="Bare", layout="wide")


def page():
    st.title("หน้าเปล่า Bare page")
    st.write("Streamlit เท่านั้น: a title and a line.")


menu = st.navigation([st.Page(page, title=f"หน้า {i}", icon=":material/dashboard:", url_path=f"p{i}", default=i == 0)
                      for i in range(PAGES)])
st.sidebar.segmented_control("ภาษา", ["ไทย", "English"], default="ไทย")
st.sidebar.selectbox("ปีงบประมาณ", [2565, 2566], index=1)
st.sidebar.caption("ข้อมูล ณ 30 พ.ย. 2569 10:00")
st.sidebar.button("โหลดข้อมูลใหม่", icon=":material/refresh:")
menu.run()
"""
# Rendered: the script finished, no skeleton, fonts loaded, every plotly chart drawn (its SVG is there).
RENDERED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning' || !document.querySelector('h1')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]') || document.fonts.status !== 'loaded') return false;
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]').length;
  return document.querySelectorAll('.js-plotly-plot .main-svg').length >= charts;
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(script: Path, env: dict[str, str], log: Path) -> Iterator[str]:
    """`streamlit run script` on a free loopback port until the block ends; yields its address."""
    port = _free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.port",
             str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=script.parent, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT)
        with serving(server, f"http://127.0.0.1:{port}", log, 90, "streamlit") as url:
            yield url


def _visit(browser, url: str) -> tuple[float, float]:
    """(first visit, reload) seconds to fully rendered, in a fresh context (empty cache) at 1366 × 768."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="th-TH",
                                  timezone_id="Asia/Bangkok")
    try:
        tab = context.new_page()
        start = time.perf_counter()
        tab.goto(url, wait_until="commit")
        tab.wait_for_function(RENDERED, polling=50, timeout=60_000)
        first = time.perf_counter() - start
        start = time.perf_counter()
        tab.reload(wait_until="commit")
        tab.wait_for_function(RENDERED, polling=50, timeout=60_000)
        return first, time.perf_counter() - start
    finally:
        context.close()


def measure(runs: int, pages: list[str]) -> dict[str, tuple[float, float]]:
    """Median (first visit, reload) seconds per target: "bare" and each page's url path."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp:
        folder = Path(tmp)
        (folder / "bare" / ".streamlit").mkdir(parents=True)
        shutil.copy(ROOT / ".streamlit" / "config.toml", folder / "bare" / ".streamlit" / "config.toml")
        (folder / "bare" / "static").symlink_to(ROOT / "static", target_is_directory=True)
        bare_script = folder / "bare" / "bare_page.py"
        bare_script.write_text(BARE, encoding="utf-8")
        framed_script = folder / "bare" / "framed_page.py"
        framed_script.write_text(FRAMED.replace("PAGES", str(len(PAGES))), encoding="utf-8")
        app_env = {"DE_DASHBOARD_DB": str(folder / "workbook.sqlite")}
        with served(ROOT / "streamlit_app.py", app_env, folder / "app.log") as app, \
                served(bare_script, {}, folder / "bare.log") as bare, \
                served(framed_script, {}, folder / "framed.log") as framed, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
            targets = {"bare": bare, "framed": framed,
                       **{p: f"{app}/{'' if p == PAGES[0].url_path else p}" for p in pages}}
            for url in (bare, framed, app, *targets.values()):  # warm-up: the servers' first runs, imports, caches
                _visit(browser, url)
            times: dict[str, list[tuple[float, float]]] = {name: [] for name in targets}
            for run in range(runs):
                order = list(targets.items())
                for name, url in order[run % len(order):] + order[:run % len(order)]:  # interleaved, rotated
                    times[name].append(_visit(browser, url))
            browser.close()
    return {name: (statistics.median(f for f, _ in seen), statistics.median(r for _, r in seen))
            for name, seen in times.items()}


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", nargs="+", default=[p.url_path for p in PAGES])
    args = parser.parse_args(argv)
    title = "Every page in headless Chromium: first visit and reload, fully rendered, beside a bare Streamlit page"
    if not CHROMIUM.exists():
        out = table(title, ["page", "first visit", "reload"], [], f"No Chromium at {CHROMIUM}: not measured "
                                                                    "(`sudo apt-get install chromium`).")
        print(out)
        return out
    seen = measure(args.runs, args.pages)
    bare_first, bare_reload = seen["bare"]
    rows = [["bare Streamlit page", f"{bare_first:,.2f} s", f"{bare_reload:,.2f} s", "1.00×", "1.00×"]]
    framed_first, framed_reload = seen["framed"]
    rows.append(["the bare page in the app's frame (menu, sidebar)", f"{framed_first:,.2f} s", f"{framed_reload:,.2f} s",
                 f"{framed_first / bare_first:,.2f}×", f"{framed_reload / bare_reload:,.2f}×"])
    for page in args.pages:
        first, reload = seen[page]
        rows.append([page, f"{first:,.2f} s", f"{reload:,.2f} s", f"{first / bare_first:,.2f}×",
                     f"{reload / bare_reload:,.2f}×"])
    overview = PAGES[0].url_path
    goal = ""
    if overview in seen:
        first, reload = seen[overview][0] / bare_first, seen[overview][1] / bare_reload
        verdict = "met" if max(first, reload) <= GOAL else "not met yet"
        goal = (f" Goal for the overview: ≤ {GOAL:.1f}× the bare page on first visit and reload: "
                f"{first:,.2f}× and {reload:,.2f}× ({verdict}; tracked, not a test gate).")
    note = (f"Medians of {args.runs} interleaved runs at 1366 × 768, each visit in a new browser context (first visit: "
            "empty cache), then a reload in the same tab; fully rendered = script finished, no skeleton, fonts "
            f"loaded, every chart drawn. The app over the FY2566 demo (embedded store).{goal}")
    out = table(title, ["page", "first visit", "reload", "first ÷ bare", "reload ÷ bare"], rows, note)
    print(out)
    return out


if __name__ == "__main__":
    main()
