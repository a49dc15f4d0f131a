"""Every page, first open and warm rerun, on the demo ×1 and ×100 (embedded store, AppTest, scripts compiled once).

Per page: the session opens the app (the overview), then switches to the page: "first" is that first run of the
page on this data (its view model and figures made), "warm" the median of the reruns after it (what each click
costs). The workbook is already loaded by the overview, so neither counts reading and parsing (see bench_scaling).

    /work/venv/bin/python -m bench.bench_pages [--scales 1 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.common import ServerScriptCache, app_env, check_clean, ms, overview_app, quiet, table, timed
from bench.generate import row_counts, scaled_workbook
from de_core.store.local import SQLiteStore
from de_ui.nav import PAGES


def page_times(scale: int, repeat: int) -> dict[str, tuple[float, float]]:
    """(first, warm) seconds per page file on the demo ×scale."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "workbook.sqlite"
        SQLiteStore(db).initialize(scaled_workbook(scale))
        with app_env(db), ServerScriptCache():
            for spec in PAGES:
                at = overview_app()
                at.run()
                at.switch_page(spec.file)
                first, _ = timed(at.run)
                check_clean(at)
                warm, _ = timed(at.run, repeat)
                check_clean(at)
                out[spec.file] = (first, warm)
    return out


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    quiet()
    page_times(1, 1)  # warm-up: imports
    results = {n: page_times(n, args.repeat) for n in args.scales}
    header = ["page"] + [f"{kind} ×{n}" for n in args.scales for kind in ("first", "warm")]
    rows = [[spec.url_path] + [ms(results[n][spec.file][i]) for n in args.scales for i in (0, 1)] for spec in PAGES]
    rows_at = {n: sum(row_counts(scaled_workbook(n)).values()) for n in args.scales}
    note = (f"Medians of {args.repeat} warm reruns. Data rows: "
            + ", ".join(f"×{n} = {count:,}" for n, count in rows_at.items())
            + " (bench/generate.py). Form pages draw forms only; long lists are paged (reflections, adaptations "
            "and each group of the learning log 50, KPI cards 20); sensemaking reads the first 20 open adaptations.")
    out = table("Every page: first open and warm rerun", header, rows, note)
    print(out)
    return out


if __name__ == "__main__":
    main()
