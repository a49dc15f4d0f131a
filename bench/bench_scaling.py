"""Scaling: the demo ×1, ×10, ×100 (bench/generate.py) through parse, metrics and the overview page.

Per size: parse time (raw text → typed records and cell issues), metrics time (Data health plus the view models of
the overview, KPI, DE tracker, activities, budget, ITA and reflections pages), peak memory of both (tracemalloc),
and the overview page in AppTest on the embedded store holding that data: the cold first load (read + parse +
render) and the warm rerun (shared workbook and view, scripts compiled as on a server), with their peak memory. Times are medians. Goal: ×100 costs at most
10× the time of ×1.

    /work/venv/bin/python -m bench.bench_scaling [--scales 1 10 100] [--repeat 3] [--no-app]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from bench.common import (
    ServerScriptCache,
    app_env,
    check_clean,
    mib,
    ms,
    overview_app,
    peak_memory,
    quiet,
    ratio,
    table,
    timed,
)
from bench.generate import SCALES, row_counts, scaled_workbook
from de_core.activities.budget import budget_view
from de_core.activities.view import activities_view
from de_core.cycle.feed import reflection_feed
from de_core.cycle.kpis import build_kpi_view
from de_core.cycle.tracker import build_tracker
from de_core.ita.view import build_ita_view
from de_core.ops.demo import DEMO_AS_OF, DEMO_FISCAL_YEAR
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.workbook import Workbook, parse_workbook
from de_core.store.local import SQLiteStore
from de_core.summary.health import all_issues
from de_core.summary.overview import build_overview


def overview_metrics(wb: Workbook, fy: int = DEMO_FISCAL_YEAR, today: date = DEMO_AS_OF) -> object:
    """What the overview computes: the Data health count for its banner and its view model."""
    return all_issues(wb), build_overview(wb, fy, today)


def page_metrics(wb: Workbook, fy: int = DEMO_FISCAL_YEAR, today: date = DEMO_AS_OF) -> object:
    """The other pages' view models once each (KPI, DE tracker, activities, budget, ITA, reflections feed)."""
    return (build_kpi_view(wb, fy, today), build_tracker(wb, fy, today), activities_view(wb, fy, today),
            budget_view(wb, fy, today), build_ita_view(wb, fy, today), reflection_feed(wb, fy))


def app_times(raw: RawWorkbook, repeat: int) -> tuple[float, float, float, float]:
    """Overview in AppTest on a SQLite file holding `raw`: cold first load and median warm rerun (seconds), then
    their peak memory (a second pass under tracemalloc, which slows Python down)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "workbook.sqlite"
        SQLiteStore(db).initialize(raw)
        with app_env(db), ServerScriptCache():
            at = overview_app()
            cold, _ = timed(at.run)
            check_clean(at)
            warm, _ = timed(at.run, repeat)
            check_clean(at)
        with app_env(db):
            at = overview_app()
            cold_peak, _ = peak_memory(at.run)
            warm_peak, _ = peak_memory(at.run)
            check_clean(at)
    return cold, warm, cold_peak, warm_peak


def floor(raw: RawWorkbook) -> list[list[dict[str, str]]]:
    """The least any parser into records must do: every cell looked at once, one dict per row (no parsing)."""
    out = []
    for tab in raw.tabs.values():
        keys = [str(i) for i in range(len(tab.header))]
        out.append([dict(zip(keys, row, strict=False)) for row in tab.rows[1:]])
    return out


def measure(scale: int, repeat: int, with_app: bool) -> dict[str, float]:
    """Every figure of one size."""
    raw = scaled_workbook(scale)
    parse_s, wb = timed(lambda: parse_workbook(raw), repeat)
    overview_s, _ = timed(lambda: overview_metrics(wb), repeat)
    pages_s, _ = timed(lambda: page_metrics(wb), repeat)
    floor_s, _ = timed(lambda: floor(raw), repeat)
    peak, _ = peak_memory(lambda: overview_metrics(parse_workbook(raw)))
    result = {"rows": sum(row_counts(raw).values()), "cells": sum(len(r) for t in raw.tabs.values() for r in t.rows),
              "parse": parse_s, "overview": overview_s, "pages": pages_s, "floor": floor_s, "peak": peak}
    if with_app:
        result["cold"], result["warm"], result["cold_peak"], result["warm_peak"] = app_times(raw, repeat)
    return result


def report(results: dict[int, dict[str, float]]) -> str:
    """Two tables (data work, then the overview page), and the goal checked against the smallest size."""
    scales = sorted(results)
    base, top, first, last = results[scales[0]], results[scales[-1]], scales[0], scales[-1]
    both = {n: r["parse"] + r["overview"] for n, r in results.items()}
    header = ["size", "data rows", "cells", "parse", "overview metrics", "parse + overview metrics", "vs ×1",
              "floor: each cell once", "floor vs ×1", "other pages' metrics", "peak memory (parse + metrics)"]
    rows = [[f"×{n}", f"{r['rows']:,}", f"{r['cells']:,}", ms(r["parse"]), ms(r["overview"]), ms(both[n]),
             ratio(both[n], both[first]), ms(r["floor"]), ratio(r["floor"], base["floor"]), ms(r["pages"]),
             mib(r["peak"])] for n, r in ((n, results[n]) for n in scales)]
    growth = [f"×{a}→×{b}: {ratio(both[b], both[a])} the time for {ratio(results[b]['rows'], results[a]['rows'])} "
              "the rows" for a, b in zip(scales, scales[1:], strict=False)]
    goal = "Goal: ×100 at most 10× the time of ×1" + ("" if last == 100 else f" (largest size here ×{last})")
    note = (f"{goal}. Parse + overview metrics ×{last} vs ×{first}: {ratio(both[last], both[first])} "
            f"({'; '.join(growth)}). The floor column is no parser at all, only one dict per row: "
            f"{ratio(top['floor'], base['floor'])} at ×{last}, so no parser that makes a record of every row can "
            f"stay under 10× on data with {ratio(top['rows'], base['rows'])} the rows.")
    out = table("Scaling with data (demo ×N): parse and metrics", header, rows, note)
    if "warm" not in base:
        return out
    header = ["size", "overview cold load", "cold vs ×1", "overview warm rerun", "warm vs ×1", "warm / cold",
              "peak memory cold / warm"]
    rows = [[f"×{n}", ms(r["cold"]), ratio(r["cold"], base["cold"]), ms(r["warm"]), ratio(r["warm"], base["warm"]),
             f"{r['warm'] / r['cold']:.2f}×", f"{mib(r['cold_peak'])} / {mib(r['warm_peak'])}"]
            for n, r in ((n, results[n]) for n in scales)]
    note = (f"The overview in AppTest on the embedded store holding the data. Cold (read + parse + render) ×{last} "
            f"vs ×{first}: {ratio(top['cold'], base['cold'])}; warm rerun: {ratio(top['warm'], base['warm'])}.")
    return out + "\n\n" + table("Scaling with data (demo ×N): the overview page", header, rows, note)


def warm_up() -> None:
    """One run of the app on the demo first, so that imports are not counted in the first cold load."""
    app_times(scaled_workbook(1), 1)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=list(SCALES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-app", action="store_true", help="skip the AppTest overview runs")
    args = parser.parse_args(argv)
    quiet()
    if not args.no_app:
        warm_up()
    results = {n: measure(n, args.repeat, not args.no_app) for n in args.scales}
    out = report(results)
    print(out)
    return out


if __name__ == "__main__":
    main()
