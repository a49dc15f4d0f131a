"""Every benchmark in one run, each printing its table (Markdown, as pasted into docs/BENCHMARKS.md).

    /work/venv/bin/python -m bench.run_all [--quick]     (--quick: fewer repeats, no ×100, shorter viewer run)
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from datetime import datetime

from bench import (
    bench_browser,
    bench_digest,
    bench_pages,
    bench_reads,
    bench_region,
    bench_rerun,
    bench_scaling,
    bench_viewers,
)
from bench.common import quiet


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    quiet()
    print(f"Sujarit DE Dashboard benchmarks — {datetime.now().isoformat(timespec='minutes')}, "
          f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs\n")
    start = time.perf_counter()
    bench_reads.main(["--loads", "3" if args.quick else "5"])
    bench_viewers.main(["--minutes", "2"] if args.quick else [])
    bench_rerun.main(["--repeat", "3" if args.quick else "5"])
    bench_scaling.main(["--scales", "1", "10", "--repeat", "2"] if args.quick else [])
    bench_pages.main(["--scales", "1", "10", "--repeat", "2"] if args.quick else [])
    bench_browser.main(["--runs", "2", "--pages", "dashboard", "de-tracker", "kra-kpi"] if args.quick
                       else ["--runs", "3"])
    bench_digest.main(["--scales", "1", "10", "--repeat", "2"] if args.quick else [])
    bench_region.main(["--offices", "60", "--repeat", "2"] if args.quick else [])
    print(f"All benchmarks took {time.perf_counter() - start:,.0f} s.")


if __name__ == "__main__":
    main()
