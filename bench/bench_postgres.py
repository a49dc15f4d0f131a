"""PostgreSQL beside SQLite: read_all of one office and 1,000 concurrent appends (16 writers) at the demo ×1 and
×100, and the regional scorecard's one query over 245 offices.

Both stores as the app runs them, on this machine: SQLite's file in WAL mode (synchronous FULL, its default), and a
throw-away PostgreSQL cluster with its default durability (fsync and synchronous_commit on) started by
tests/pgserver/cluster.py (Debian's server: installed with apt-get when missing and root), the store connected as a
member of de_dashboard_app through the app's own pool set-up, so row-level security is on as in a deployment.
read_all: the median of --repeat reads of the whole workbook (cells as text, not parsed). Appends: 1,000 rows,
each with its audit row in one transaction (append_audited, the Writer's path), sent by 16 threads at once into an
office already holding the data; rows per second over the wall time of all 1,000. Scorecard: 245 offices of the
demo ×1 in one region, read by a regional session with regional.read_offices (one query), then parsed.

    /work/venv/bin/python -m bench.bench_postgres [--scales 1 100] [--repeat 5] [--offices 245]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.common import ms, quiet, ratio, table, timed
from bench.generate import scaled_workbook
from de_core.ops.demo import demo_workbook
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.workbook import parse_workbook
from de_core.store.base import StoreUnavailable
from de_core.store.local import SQLiteStore
from de_core.store.postgres.connect import office_pool
from de_core.store.postgres.regional import read_offices, set_region
from de_core.store.postgres.store import PostgresStore
from tests.pgserver.cluster import TempCluster
from tests.pgserver.fixtures import APP, OWNER, PgServer

APPENDS, WRITERS = 1000, 16


def _row(n: int) -> tuple[dict[str, str], dict[str, str]]:
    row = {"id": f"exp-bench-{uuid.uuid4().hex}", "fiscal_year": "2566", "activity_id": "act-4",
           "spent_on": "15/05/2566", "item": f"ค่าอาหารว่าง ชุดที่ {n}", "amount": "๒,๔๐๐ บาท", "note": "bench"}
    audit = {"id": f"aud-{uuid.uuid4().hex}", "at": "2023-05-15T10:30:00+07:00", "who": "bench@example.go.th",
             "action": "append", "tab": "expenses", "row_id": row["id"], "before": "", "after": "{}"}
    return row, audit


def appends_per_second(store) -> str:
    """1,000 audited appends from 16 threads at once: wall time, rows per second, and how many were refused as
    busy (StoreUnavailable: the Writer would keep those in the outbox and send them later)."""
    work = [_row(n) for n in range(APPENDS)]

    def send(rw: tuple[dict[str, str], dict[str, str]]) -> int:
        try:
            return len(store.append_audited("expenses", [rw[0]], [rw[1]]).appended)
        except StoreUnavailable:
            return 0

    start = time.perf_counter()
    with ThreadPoolExecutor(WRITERS) as pool:
        landed = sum(pool.map(send, work))
    seconds = time.perf_counter() - start
    busy = f", {APPENDS - landed} refused as busy" if landed < APPENDS else ""
    return f"{seconds:,.2f} s ({landed / seconds:,.0f}/s{busy})"


def _rows(raw: RawWorkbook) -> int:
    return sum(max(len(t.rows) - 1, 0) for t in raw.tabs.values())


def measure(server: PgServer, folder: Path, scale: int, repeat: int) -> list[list[str]]:
    raw = scaled_workbook(scale)
    sqlite = SQLiteStore(folder / f"x{scale}.sqlite")
    sqlite.initialize(raw)
    office = f"bench-x{scale}"
    pg = PostgresStore(office_pool(server.app_url(), office, max_size=WRITERS), office)
    pg.initialize(raw)
    try:
        out = []
        lite_read, _ = timed(sqlite.read_all, repeat)
        pg_read, back = timed(pg.read_all, repeat)
        assert _rows(back) == _rows(raw)
        lite_w, pg_w = appends_per_second(sqlite), appends_per_second(pg)
        out.append([f"×{scale}", f"{_rows(raw):,}", ms(lite_read), ms(pg_read), ratio(pg_read, lite_read), lite_w,
                    pg_w])
        return out
    finally:
        pg.close()


def scorecard(server: PgServer, offices: int, repeat: int) -> list[list[str]]:
    """245 offices of the demo ×1 in one region; the regional session's one query, then every workbook parsed."""
    demo = demo_workbook()
    names = [f"region-bench-{i:03d}" for i in range(offices)]
    for name in names:
        store = PostgresStore(office_pool(server.app_url(), name, max_size=1), name)
        store.initialize(demo)
        store.close()
    set_region(server.owner_url(), "region-bench", names)
    pool = office_pool(server.app_url(), region="region-bench", max_size=2)
    try:
        read_s, books = timed(lambda: read_offices(pool), repeat)
        parse_s, _ = timed(lambda: [parse_workbook(b) for b in books.values()], 1)
        assert len(books) == offices
        rows = sum(_rows(b) for b in books.values())
        return [[f"{offices}", f"{rows:,}", ms(read_s), ms(read_s / offices), ms(parse_s)]]
    finally:
        pool.close()


def start(fast: bool) -> PgServer:
    cluster = TempCluster(fast=fast).start()
    cluster.sql(f"CREATE ROLE {OWNER} LOGIN CREATEROLE", f"CREATE ROLE {APP} LOGIN")
    server = PgServer(cluster, "de_bench")
    server.new_database("de_bench")
    cluster.sql(f"GRANT de_dashboard_app TO {APP}")
    return server


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--offices", type=int, default=245)
    args = parser.parse_args(argv)
    quiet()
    server = start(fast=False)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-pg-") as tmp:
            rows = [r for n in args.scales for r in measure(server, Path(tmp), n, args.repeat)]
        card = scorecard(server, args.offices, args.repeat)
    finally:
        server.cluster.stop()
    out = table("PostgreSQL beside SQLite: read_all and 1,000 appends from 16 writers",
                ["data", "rows", "SQLite read_all", "PostgreSQL read_all", "PG / SQLite", "SQLite 1,000 appends",
                 "PostgreSQL 1,000 appends"], rows,
                "Appends: each row with its audit row in one transaction (append_audited), 16 threads at once, "
                "durable on both (SQLite WAL synchronous FULL; PostgreSQL fsync and synchronous_commit on).")
    out += "\n" + table("Regional scorecard: one query over a region's offices (demo ×1 each)",
                        ["offices", "rows", "read_offices (one query)", "per office", "parse all"], card)
    print(out)
    return out


if __name__ == "__main__":
    main()
