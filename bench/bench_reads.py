"""Reads per full load, side by side against one fake Sheets API server: our Google store vs st-gsheets-connection.

Both read every tab of the same spreadsheet (the demo, or --scale N) from the loopback fake (tests/fakesheets),
which counts the requests it answers. Ours: `GoogleSheetStore.read_all()` through real gspread 6 (cold = a new
store: one spreadsheets.get brings the tab list and every tab's values together; warm = the store the app keeps,
as st.cache_resource does: one values.batchGet). The peer: streamlit/gsheets-connection installed with pip into
a throw-away virtual environment (it pins gspread < 6) and driven by bench/peer_read.py the way its README shows, one `conn.read(worksheet=...)` per tab. Goal: one request
for all tabs, at least 10× fewer than the peer.

Beside it, the requests each write costs (an update of a row, an append of one row and of ten; the audit row the
Writer adds is not counted) and the developer metadata the store leaves after 300 distinct rows were updated,
next to the design before #14 (its figures as docs/BENCHMARKS.md recorded them). Goal: at most 3 per update and 2
per append, and metadata that does not grow with the rows ever updated.

    /work/venv/bin/python -m bench.bench_reads [--loads 5] [--scale 1] [--peer-venv DIR (kept, reused)]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import KEY, ROOT, fake_sheets, google_store, ms, quiet, ratio, table, timed
from bench.generate import scaled_workbook
from de_core.sheet.workbook import parse_workbook
from tests.fakesheets import FakeSheetsServer

PEER_PACKAGE = "st-gsheets-connection"
PEER_SCRIPT = ROOT / "bench" / "peer_read.py"


Row = dict[str, object]


def ours(srv: FakeSheetsServer, loads: int) -> list[Row]:
    """Rows for our store: cold (new store) and warm (kept store) loads, with and without parsing."""
    rows: list[Row] = []
    for label, fresh in (("ours, cold (new store: metadata + values)", True), ("ours, warm (store kept)", False)):
        kept = google_store(srv)
        kept.read_all()
        srv.reset_counts()
        seconds, raw = timed(lambda: (google_store(srv) if fresh else kept).read_all(), loads)  # noqa: B023
        requests = srv.count() / loads
        parse_s, _ = timed(lambda: parse_workbook(raw), loads)  # noqa: B023
        rows.append({"reader": label, "requests": requests, "kinds": _kinds(srv, loads), "seconds": seconds,
                     "parsed": ms(seconds + parse_s)})
    return rows


BEFORE_14 = {"update, first of a row": "5", "update, later of the same row": "3", "append, 1 row": "2",
             "append, 10 rows": "2", "developer metadata after 300 rows updated": "300"}


def writes(srv: FakeSheetsServer) -> str:
    """Requests per write and what the store leaves in the sheet, beside the design before #14."""
    store = google_store(srv)
    store.read_all()
    expenses = [r for r in store.read_all().tabs.values() if r.title == "ค่าใช้จ่าย"][0].rows
    ids = [r[0] for r in expenses[1:] if r and r[0]]
    store.update("expenses", ids[0], {"note": "warm-up"})  # the hidden tab exists from the first write on

    def count(action) -> tuple[str, str]:
        srv.reset_counts()
        action()
        return f"{srv.count():g}", _kinds(srv, 1)

    rows = [("update, first of a row", *count(lambda: store.update("expenses", ids[1], {"note": "แก้ 1"}))),
            ("update, later of the same row", *count(lambda: store.update("expenses", ids[1], {"note": "แก้ 2"}))),
            ("append, 1 row", *count(lambda: store.append("expenses", [_row("bench-1")]))),
            ("append, 10 rows", *count(lambda: store.append("expenses", [_row(f"bench-x{i}") for i in range(10)])))]
    for n in range(300):
        store.append("expenses", [_row(f"bench-u{n}")])
        store.update("expenses", f"bench-u{n}", {"note": "แก้"})
    left = len(srv.all_developer_metadata(KEY))
    rows.append(("developer metadata after 300 rows updated", str(left), "the last append's marks (the next append removes them)"))
    cells = [[what, BEFORE_14[what], now, kinds] for what, now, kinds in rows]
    return table("Requests per write: our Google store, before #14 and now",
                 ["write", "before #14", "now", "by kind"], cells,
                 "An update is one values.batchGet and one spreadsheets.batchUpdate that writes the cells and proves "
                 "where they landed; an append is one read and one batchUpdate (appendCells with its marks).")


def _row(row_id: str) -> dict[str, str]:
    return {"id": row_id, "fiscal_year": "2566", "activity_id": "act-1", "spent_on": "15/05/2566",
            "item": "ค่าอาหารว่าง", "amount": "1,200 บาท"}


def _kinds(srv: FakeSheetsServer, loads: int) -> str:
    kinds: dict[str, int] = {}
    for rec in srv.requests:
        kinds[rec.kind] = kinds.get(rec.kind, 0) + 1
    return ", ".join(f"{k} {v / loads:g}" for k, v in sorted(kinds.items()))


def peer_python(venv: Path) -> tuple[Path | None, str]:
    """The peer venv's python (created and filled with pip when missing), or None and why it failed."""
    python = venv / "bin" / "python"
    if python.exists() and _has_peer(python):
        return python, ""
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
    if made.returncode != 0:
        return None, f"python -m venv failed: {made.stderr.strip()[-400:]}"
    pip = subprocess.run([str(python), "-m", "pip", "install", "-q", PEER_PACKAGE], capture_output=True, text=True)
    if pip.returncode != 0 or not _has_peer(python):
        said = (pip.stderr or pip.stdout).strip()
        errors = " ".join(line for line in said.splitlines() if line.startswith("ERROR")) or said[-600:]
        return None, f"pip install {PEER_PACKAGE} failed: {errors}"
    return python, ""


def _has_peer(python: Path) -> bool:
    probe = subprocess.run([str(python), "-c", "import streamlit_gsheets, gspread"], capture_output=True)
    return probe.returncode == 0


def peer(srv: FakeSheetsServer, python: Path, titles: list[str], loads: int) -> tuple[Row | None, str]:
    """The peer's row (requests and median time per full load), or None and why it failed."""
    srv.reset_counts()
    run = subprocess.run([str(python), str(PEER_SCRIPT), srv.base_url, KEY, str(loads), *titles],
                         capture_output=True, text=True, timeout=1800)
    if run.returncode != 0:
        return None, f"the peer's read failed: {run.stderr.strip()[-800:]}"
    out = json.loads(run.stdout.strip().splitlines()[-1])
    times = sorted(out["times"])
    return {"reader": f"st-gsheets-connection (gspread {out['gspread']})", "requests": srv.count() / loads,
            "kinds": _kinds(srv, loads), "seconds": times[len(times) // 2], "parsed": "–"}, ""


def run(loads: int, scale: int, peer_venv: Path | None) -> str:
    raw = scaled_workbook(scale)
    titles = list(raw.tabs)
    throwaway = peer_venv is None
    venv = Path(tempfile.mkdtemp(prefix="peer-venv-")) / "venv" if throwaway else peer_venv
    try:
        python, problem = peer_python(venv)
        with fake_sheets(raw) as srv:
            rows = ours(srv, loads)
            written = writes(srv)
            if python is not None:
                row, problem = peer(srv, python, titles, loads)
                if row is not None:
                    rows.append(row)
    finally:
        if throwaway:
            shutil.rmtree(venv.parent, ignore_errors=True)
    header = ["reader", "requests per full load", "by kind", "wall time per load", "with parse_workbook"]
    cells = [[r["reader"], f"{r['requests']:g}", r["kinds"], ms(float(r["seconds"])), r["parsed"]] for r in rows]
    note = f"{len(titles)} tabs, demo ×{scale}, {loads} loads each (median time), same loopback server. "
    if problem:
        note += f"PEER NOT MEASURED: {problem}"
    else:
        requests = [float(r["requests"]) for r in rows]  # type: ignore[arg-type]
        seconds = [float(r["seconds"]) for r in rows]  # type: ignore[arg-type]
        note += (f"The peer needs {ratio(requests[2], requests[1])} the requests of our warm load "
                 f"({ratio(requests[2], requests[0])} of a cold one; goal ≥ 10×) and "
                 f"{ratio(seconds[2], seconds[1])} its wall time.")
    return table("Reads per full load: our Google store vs st-gsheets-connection", header, cells, note) + "\n" + written


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--peer-venv", type=Path, help="keep the peer's venv here and reuse it next time")
    args = parser.parse_args(argv)
    quiet()
    out = run(args.loads, args.scale, args.peer_venv)
    print(out)
    return out


if __name__ == "__main__":
    main()
