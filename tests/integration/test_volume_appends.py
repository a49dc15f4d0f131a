"""Appends at volume on the Google store under random faults: every row lands exactly once, within the time bound.

The fake answers 429 / 500 / 503 at random, drops connections, applies writes and then loses the reply, and now and
then answers so late that the client times out (the request is not applied). An append is one spreadsheets.batchUpdate
(appendCells with a mark per row, de_core/store/google/append.py). The store's clock and sleep are
injected (no wall time is spent waiting, Retry-After is 0), so each append's retries are bounded in simulated time.
"""

from __future__ import annotations

import time

import pytest

from de_core.store.google.retry import RetryPolicy
from de_core.store.google.store import GoogleSheetStore
from tests.fakesheets import FakeSheetsServer, Fault
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, FakeClock, google_store

TAB = "ค่าใช้จ่าย"
POLICY = RetryPolicy(max_total_seconds=60, base=0.01, cap=0.05, max_attempts=25)
TIMEOUT = 0.25  # the client's read timeout (seconds of wall time); a slow reply waits longer than this
APPEND = "spreadsheets.batchUpdate"


def expense(i: int) -> dict[str, str]:
    return {"id": f"exp-{i:04d}", "fiscal_year": "2566", "activity_id": f"act-{i % 7}", "spent_on": "15/05/2566",
            "item": f"รายการที่ {i} ค่าอาหารว่าง 🍱", "amount": f"{i:,} บาท", "evidence": "", "note": "=SUM(A1)" if i % 50 == 0 else ""}


def run_appends(srv: FakeSheetsServer, n: int, batch: int, seed: int) -> tuple[FakeClock, list[float]]:
    """Append n expenses in batches under random faults; return the clock and the simulated time of each call."""
    clock = FakeClock()
    store = google_store(srv, clock=clock, policy=POLICY, timeout=TIMEOUT)
    store.read_all()
    srv.inject_random(0.12, kinds=(APPEND, "values.batchGet"), statuses=(429, 500, 503), drop_rate=0.04,
                      apply_then_fail_rate=0.06, seed=seed, retry_after=0)
    spent = []
    for call, start in enumerate(range(0, n, batch)):
        if call % 10 == 3:  # a reply slower than the client waits: time-out, then a retry
            srv.inject(Fault(kind=APPEND, status=503, delay=TIMEOUT * 2))
        before = clock.now
        result = store.append("expenses", [expense(i) for i in range(start, min(start + batch, n))])
        spent.append(clock.now - before)
        assert len(result.appended) + len(result.already_present) == min(batch, n - start)
    srv.clear_faults()
    return clock, spent


def assert_exactly_once(srv: FakeSheetsServer, n: int) -> None:
    rows = srv.values(KEY, TAB)[1:]
    ids = [r[0] for r in rows]
    assert len(ids) == n, f"{len(ids)} rows for {n} appends"
    assert len(set(ids)) == n, "a row landed twice"
    assert ids == [f"exp-{i:04d}" for i in range(n)], "rows lost or out of order"
    for i, row in zip(range(n), rows, strict=True):
        want = list(expense(i).values())
        assert row + [""] * (len(want) - len(row)) == want, f"row of exp-{i:04d} differs: {row}"


def assert_faults_happened(srv: FakeSheetsServer) -> None:
    appends = [r for r in srv.requests if r.kind == APPEND]
    statuses = {r.status for r in appends if not r.applied}
    assert {0, 429, 500, 503} <= statuses, statuses  # dropped, quota, server errors, time-outs (503 after delay)
    assert any(r.applied and r.status != 200 for r in appends), "no write landed with its reply lost"
    assert any(r.fault is not None and r.fault.delay for r in appends), "no time-out happened"


def test_a_hundred_appends_under_random_faults_land_exactly_once_within_the_time_bound(fake_sheets):  # noqa: F811
    clock, spent = run_appends(fake_sheets, n=100, batch=2, seed=7)
    assert_exactly_once(fake_sheets, 100)
    assert_faults_happened(fake_sheets)
    assert max(spent) <= POLICY.max_total_seconds and clock.now <= 50 * POLICY.max_total_seconds


@pytest.mark.slow
@pytest.mark.parametrize("seed", [2566, 95])
def test_a_thousand_appends_under_random_faults_land_exactly_once_within_the_time_bound(fake_sheets, seed):  # noqa: F811
    clock, spent = run_appends(fake_sheets, n=1000, batch=10, seed=seed)
    assert_exactly_once(fake_sheets, 1000)
    assert_faults_happened(fake_sheets)
    assert max(spent) <= POLICY.max_total_seconds and clock.now <= 100 * POLICY.max_total_seconds
    assert fake_sheets.count(APPEND) < 3 * 100  # bounded work: retries, not a storm


def append_that_lands_late(srv: FakeSheetsServer, clock: FakeClock | None = None) -> GoogleSheetStore:
    """exp-0001 appended; the first request is applied after the client gave up, re-read and re-sent it."""
    store = google_store(srv, clock=clock or FakeClock(), policy=POLICY, timeout=TIMEOUT)
    store.read_all()
    srv.inject(Fault(kind=APPEND, status=200, delay=TIMEOUT * 2))  # applied late, reply too late
    store.append("expenses", [expense(1)])
    time.sleep(TIMEOUT * 3)  # let the late request reach the server before looking (waiting for it, not timing)
    return store


def test_an_append_the_server_applies_after_the_client_gave_up_and_retried_is_in_the_sheet_once(
        fake_sheets):  # noqa: F811
    store = append_that_lands_late(fake_sheets)
    assert fake_sheets.values(KEY, TAB)[1:] == [list(expense(1).values())[:-2]]  # once: the other copy was refused
    sent = [r for r in fake_sheets.requests if r.kind == APPEND]
    assert len(sent) == 2 and sum(r.applied for r in sent) == 1, [(r.status, r.applied) for r in sent]
    fake_sheets.reset_counts()
    raw = store.read_all()  # the app's next load costs the load alone
    assert [r[0] for r in raw.tabs[TAB].rows[1:] if any(r)] == ["exp-0001"]
    assert fake_sheets.count() == 1
