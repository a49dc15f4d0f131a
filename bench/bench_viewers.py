"""Many viewers: 20 sessions refreshing the overview for 5 simulated minutes on the Google store, cache ttl 60 s.

This drives the REAL cache: each session is an AppTest of streamlit_app.py (the overview) rerun at its own
refresh times, all in one process like one Streamlit server, so they share `de_ui.data._load` (st.cache_resource,
ttl 60 s: one workbook for every session) and the store (st.cache_resource). Time is simulated: Streamlit's cache timer
(`cache_utils.TTLCACHE_TIMER`) and the store's retry clock and sleep are one injected clock, so 5 minutes take
seconds. The fake Sheets server enforces the real quota — 60 read requests per minute per user (the service account
is one user) — answering 429 with Retry-After beyond it. Sessions run one after another (AppTest is synchronous);
with real concurrency Streamlit still computes an expired entry once (`compute_value_lock` per cache key).
The contrast row forgets the workbook before every rerun (what reading on every rerun would cost). Goal: ≤ 5 reads,
no 429. The refresh-storm rows make every rerun a viewer's click on "refresh" preceded by Streamlit's clear-cache
message (which any browser may send): with the app's server-wide gate (the sheet read at most once per 10 s,
[app] min_reread_seconds) and, as contrast, with the gate off (min_reread_seconds = 0).

    /work/venv/bin/python -m bench.bench_viewers [--sessions 20] [--minutes 5] [--every 15]
"""

from __future__ import annotations

import argparse
import random
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench.common import KEY, app_env, check_clean, fake_sheets, google_store, overview_app, quiet, table
from de_core.ops.demo import demo_workbook
from tests.fakesheets import FakeSheetsServer, Fault
from tests.fakesheets.faults import WRITE_KINDS, FaultPlan

QUOTA_PER_MINUTE = 60
TTL = 60


class SimClock:
    """Simulated seconds: the cache timer, the store's clock, and its sleep (which moves time on)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.now += seconds


class ReadQuota(FaultPlan):
    """The fake's fault plan plus the Sheets read quota: beyond 60 reads in any 60 s, answer 429."""

    def __init__(self, clock: SimClock, per_minute: int = QUOTA_PER_MINUTE) -> None:
        super().__init__()
        self.clock, self.per_minute = clock, per_minute
        self.window: deque[float] = deque()
        self.accepted: list[float] = []  # simulated time of every read let through

    def take(self, kind: str) -> Fault | None:
        if kind in WRITE_KINDS:
            return super().take(kind)
        now = self.clock()
        while self.window and self.window[0] <= now - 60:
            self.window.popleft()
        if len(self.window) >= self.per_minute:
            return Fault(kind, 429, retry_after=max(1.0, self.window[0] + 60 - now))
        self.window.append(now)
        self.accepted.append(now)
        return super().take(kind)

    def busiest_minute(self) -> int:
        """Most reads let through within any 60 simulated seconds."""
        times = self.accepted
        return max((sum(1 for u in times if t <= u < t + 60) for t in times), default=0)


@contextmanager
def simulated_cache_clock(clock: SimClock) -> Iterator[None]:
    """Streamlit's cache ttl measured on the simulated clock (caches created after this use it)."""
    import streamlit as st
    from streamlit.runtime.caching import cache_utils

    real = cache_utils.TTLCACHE_TIMER
    cache_utils.TTLCACHE_TIMER = clock
    st.cache_data.clear()
    st.cache_resource.clear()  # a cache takes the timer when it is made: make them again on the clock
    try:
        yield
    finally:
        cache_utils.TTLCACHE_TIMER = real


@contextmanager
def app_on_fake(srv: FakeSheetsServer, clock: SimClock | None = None) -> Iterator[dict[str, Any]]:
    """The app's Google backend built over the fake (the factory de_ui.data.get_store calls), and its secrets.

    With a clock, the store's retries wait on it (simulated time); without, on the real one."""
    import de_ui.google

    real = de_ui.google.google_store
    timing = {"sleep": clock.sleep, "clock": clock} if clock else {}
    de_ui.google.google_store = lambda _secrets, *a, **k: google_store(srv, **timing)
    try:
        yield {"connections": {"gsheets": {"spreadsheet": KEY}}}
    finally:
        de_ui.google.google_store = real


def schedule(sessions: int, seconds: float, every: float, seed: int = 9) -> list[tuple[float, int]]:
    """(time, session) of every refresh: each session starts at a random moment, then refreshes every `every` s."""
    rng = random.Random(seed)
    events = []
    for s in range(sessions):
        t = rng.uniform(0, every)
        while t < seconds:
            events.append((t, s))
            t += every * rng.uniform(0.8, 1.2)
    return sorted(events)


def simulate(sessions: int, minutes: float, every: float, policy: str) -> dict[str, float]:
    """Run the schedule; count requests the fake answered, 429s, and simulated seconds spent waiting.

    policy: "cache" (the app), "none" (forget the workbook before every rerun), "storm" (every rerun is a viewer's
    refresh click after a clear-cache message) or "storm-ungated" (the same with min_reread_seconds = 0)."""
    import streamlit as st

    clock = SimClock()
    with fake_sheets(demo_workbook()) as srv, app_env(), simulated_cache_clock(clock), app_on_fake(srv, clock) as sec:
        from de_ui.data import refresh

        quota = srv._faults = ReadQuota(clock)  # the fake's fault plan, with the quota in front (bench only)
        if policy == "storm-ungated":
            sec = {**sec, "app": {"min_reread_seconds": 0}}
        apps = [overview_app(sec) for _ in range(sessions)]
        started: set[int] = set()
        events = schedule(sessions, minutes * 60, every)
        for t, s in events:
            clock.now = max(clock.now, t)
            if policy == "none":
                refresh()  # forget the shared workbook: this rerun reads the sheet again
            if policy.startswith("storm") and s in started:
                st.cache_resource.clear()  # the clear-cache message, then a click on refresh
                apps[s].button(key="refresh").click().run()
            else:
                apps[s].run()
            started.add(s)
            check_clean(apps[s])
        reads = [r for r in srv.requests if r.kind not in WRITE_KINDS]
        return {"reruns": len(events), "requests": len(reads), "values": sum(r.kind == "values.batchGet" for r in reads),
                "metadata": sum(r.kind == "spreadsheets.get" for r in reads),
                "refused": sum(r.status == 429 for r in reads), "waited": clock.slept,
                "busiest": quota.busiest_minute()}


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--every", type=float, default=15, help="seconds between a session's refreshes")
    args = parser.parse_args(argv)
    quiet()
    rows = []
    policies = (("cache ttl 60 s (the app)", "cache"), ("no cache: every rerun reads (contrast)", "none"),
                ("refresh storm: click + clear-cache every rerun (the app)", "storm"),
                ("refresh storm, no server-wide gate (contrast)", "storm-ungated"))
    for label, policy in policies:
        r = simulate(args.sessions, args.minutes, args.every, policy)
        rows.append([label, r["reruns"], r["requests"], f"{r['values']} / {r['metadata']}", r["busiest"],
                     r["refused"], f"{r['waited']:,.0f} s"])
    header = ["policy", "overview reruns", "API read requests", "values.batchGet / spreadsheets.get", "busiest minute",
              "answered 429", "simulated wait on retries"]
    note = (f"{args.sessions} sessions × {args.minutes:g} simulated minutes, a refresh every ~{args.every:g} s per "
            f"session, quota {QUOTA_PER_MINUTE} reads/min/user enforced by the fake. Goal: ≤ 5 reads and no 429 with "
            "the cache. The one spreadsheets.get is the process's first load: tab list and every tab's values in one request.")
    out = table("Many viewers on the Google store", header, rows, note)
    print(out)
    return out


if __name__ == "__main__":
    main()
