"""Rerun cost: the overview's cold load vs a warm rerun, on the embedded default and on the Google store.

AppTest runs streamlit_app.py (its first page is the overview). Cold = fresh Streamlit caches and a new session:
open the store, read every tab, parse, render. Warm = the same session run again (what every click costs): the
workbook, the overview's view and its figures come from the caches, and the scripts are already compiled (as on
a server; AppTest alone would compile them on every run). The Google store reads the demo from the loopback fake Sheets server through
real gspread. Times are medians; peak memory is measured in a separate pass under tracemalloc. The app is run
once before measuring so that imports are not counted. The loopback fake answers at once, which real Google does
not: one more row delays every answer by --latency seconds (an assumption, not a measurement). Goal: warm ≤ 0.2×
cold.

    /work/venv/bin/python -m bench.bench_rerun [--repeat 5] [--scale 1] [--latency 0.3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from bench.bench_viewers import app_on_fake
from bench.common import (
    ServerScriptCache,
    app_env,
    check_clean,
    fake_sheets,
    mib,
    ms,
    overview_app,
    peak_memory,
    quiet,
    table,
    timed,
)
from bench.generate import scaled_workbook
from de_core.sheet.raw import RawWorkbook
from de_core.store.local import SQLiteStore


@contextmanager
def embedded(raw: RawWorkbook) -> Iterator[dict]:
    """The embedded SQLite default holding `raw`."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "workbook.sqlite"
        SQLiteStore(db).initialize(raw)
        with app_env(db):
            yield {}


@contextmanager
def google(raw: RawWorkbook, latency: float = 0.0) -> Iterator[dict]:
    """The Google store over the fake Sheets server holding `raw`, each answer `latency` seconds late."""
    with fake_sheets(raw, latency=latency) as srv, app_env(), app_on_fake(srv) as secrets:
        yield secrets


def cold_and_warm(secrets: dict, repeat: int) -> tuple[float, float]:
    """Median cold first run (caches and compiled scripts dropped, new session: a server's first page after it
    starts) and median warm rerun of one session."""
    colds, warms = [], []
    with ServerScriptCache() as scripts:
        for _ in range(repeat):
            st.cache_data.clear()
            st.cache_resource.clear()
            scripts.restart()
            at = overview_app(secrets)
            start = time.perf_counter()
            at.run()
            colds.append(time.perf_counter() - start)
            check_clean(at)
        for _ in range(repeat):
            start = time.perf_counter()
            at.run()
            warms.append(time.perf_counter() - start)
            check_clean(at)
    return statistics.median(colds), statistics.median(warms)


def after_ttl(secrets: dict, repeat: int) -> float:
    """Median rerun right after the workbook's ttl ran out (Streamlit's cache timer moved past it): the page shows
    the workbook it had while a fresh one is read in the background, which the bench lets land before the next."""
    from streamlit.runtime.caching import cache_utils

    from de_ui.data import cache_ttl

    now, real = [1_000.0], cache_utils.TTLCACHE_TIMER
    cache_utils.TTLCACHE_TIMER = lambda: now[0]
    times = []
    try:
        with ServerScriptCache():
            st.cache_data.clear()
            st.cache_resource.clear()  # caches made from here on read the moved clock
            at = overview_app(secrets)
            load, _ = timed(at.run)
            for _ in range(repeat):
                now[0] += cache_ttl() + 1
                spent, _ = timed(at.run)
                times.append(spent)
                check_clean(at)
                time.sleep(max(0.5, 3 * load))  # the background read lands
    finally:
        cache_utils.TTLCACHE_TIMER = real
        st.cache_resource.clear()
    return statistics.median(times)


def peaks(secrets: dict) -> tuple[int, int]:
    """Peak Python heap during a cold run and during a warm rerun."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = overview_app(secrets)
    cold, _ = peak_memory(at.run)
    warm, _ = peak_memory(at.run)
    check_clean(at)
    return cold, warm


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=1, help="demo ×N (bench/generate.py)")
    parser.add_argument("--latency", type=float, default=0.3,
                        help="also run the Google store with this many seconds before each answer (0: skip)")
    args = parser.parse_args(argv)
    quiet()
    raw = scaled_workbook(args.scale)
    with embedded(raw) as secrets:  # warm-up: imports, plotly templates, fonts
        cold_and_warm(secrets, 1)
    rows = []
    backends = [("embedded SQLite (default)", lambda: embedded(raw)),
                ("Google store over the fake (loopback)", lambda: google(raw))]
    if args.latency:
        backends.append((f"Google store, {args.latency * 1000:g} ms per request (assumed network)",
                         lambda: google(raw, args.latency)))
    for label, backend in backends:
        with backend() as secrets:
            cold, warm = cold_and_warm(secrets, args.repeat)
            stale = after_ttl(secrets, args.repeat)
            cold_peak, warm_peak = peaks(secrets)
        rows.append([label, ms(cold), ms(warm), f"{warm / cold:.2f}×", ms(stale), mib(cold_peak), mib(warm_peak)])
    header = ["store", "overview cold load", "warm rerun", "warm / cold", "first rerun after the ttl",
              "peak memory cold", "peak memory warm"]
    note = (f"Demo ×{args.scale}, medians of {args.repeat} runs. Goal: warm ≤ 0.20× cold. The loopback fake answers at "
            "once; the last row adds an assumed round trip to each request (not a measurement of Google). After the "
            "ttl the page does not wait for the sheet: the fresh read runs in the background.")
    out = table("Rerun cost of the overview", header, rows, note)
    print(out)
    return out


if __name__ == "__main__":
    main()

