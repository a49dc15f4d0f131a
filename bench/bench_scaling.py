"""Scaling: the demo ×1, ×10, ×100 (bench/generate.py) through parse, metrics and the overview page.

Per size: parse time (raw text → typed records and cell issues), metrics time (Data health plus the view models of
the overview, KPI, DE tracker, activities, budget, ITA and reflections pages), peak memory of both (tracemalloc),
and the overview page in AppTest on the embedded store holding that data: the cold first load (read + parse +
render) and the warm rerun (cached workbook), with their peak memory. Times are medians. Goal: ×100 costs at most
10× the time of ×1.

    /work/venv/bin/python -m bench.bench_scaling [--scales 1 10 100] [--repeat 3] [--no-app]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from bench.common import app_env, check_clean, mib, ms, overview_app, peak_memory, quiet, ratio, table, timed
from bench.generate import SCALES, row_counts, scaled_workbook
from de_core.activity_view import activities_view
from de_core.budget import budget_view
from de_core.demo import DEMO_AS_OF, DEMO_FISCAL_YEAR
from de_core.feed import reflection_feed
from de_core.health import all_issues
from de_core.ita_view import build_ita_view
from de_core.kpi_view import build_kpi_view
from de_core.overview import build_overview
from de_core.raw import RawWorkbook
from de_core.store.local import SQLiteStore
from de_core.tracker import build_tracker
from de_core.workbook import Workbook, parse_workbook


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
        with app_env(db):
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


def measure(scale: int, repeat: int, with_app: bool) -> dict[str, float]:
    """Every figure of one size."""
    raw = scaled_workbook(scale)
    parse_s, wb = timed(lambda: parse_workbook(raw), repeat)
    overview_s, _ = timed(lambda: overview_metrics(wb), repeat)
    pages_s, _ = timed(lambda: page_metrics(wb), repeat)
    peak, _ = peak_memory(lambda: overview_metrics(parse_workbook(raw)))
    result = {"rows": sum(row_counts(raw).values()), "parse": parse_s, "overview": overview_s, "pages": pages_s,
              "peak": peak}
    if with_app:
        result["cold"], result["warm"], result["cold_peak"], result["warm_peak"] = app_times(raw, repeat)
    return result


def report(results: dict[int, dict[str, float]]) -> str:
    """The table, and the goal checked against the smallest size."""
    scales = sorted(results)
    base, top = results[scales[0]], results[scales[-1]]
    with_app = "warm" in base
    header = ["size", "data rows", "parse", "overview metrics", "parse + overview metrics", "vs ×1",
              "other pages' metrics", "peak memory (parse + metrics)"]
    header += ["overview cold load", "overview warm rerun", "rerun vs ×1", "peak memory cold / warm"] if with_app \
        else []
    both = {n: r["parse"] + r["overview"] for n, r in results.items()}
    rows = []
    for n in scales:
        r = results[n]
        row = [f"×{n}", f"{r['rows']:,}", ms(r["parse"]), ms(r["overview"]), ms(both[n]),
               ratio(both[n], both[scales[0]]), ms(r["pages"]), mib(r["peak"])]
        if with_app:
            row += [ms(r["cold"]), ms(r["warm"]), ratio(r["warm"], base["warm"]),
                    f"{mib(r['cold_peak'])} / {mib(r['warm_peak'])}"]
        rows.append(row)
    growth = [f"×{a}→×{b}: {ratio(both[b], both[a])} the time for {ratio(results[b]['rows'], results[a]['rows'])} "
              "the rows" for a, b in zip(scales, scales[1:], strict=False)]
    goal = "Goal: ×100 at most 10× the time of ×1" + ("" if scales[-1] == 100 else f" (largest size here ×{scales[-1]})")
    verdict = (f"{goal}. Parse + overview metrics ×{scales[-1]} vs ×{scales[0]}: "
               f"{ratio(both[scales[-1]], both[scales[0]])} ({'; '.join(growth)})")
    if with_app:
        verdict += f". Overview warm rerun: {ratio(top['warm'], base['warm'])}"
    return table("Scaling with data (demo ×N)", header, rows, verdict + ".")


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
