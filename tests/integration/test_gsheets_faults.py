"""The Google store under injected faults: bounded retries, Retry-After, idempotent appends, input kept."""

from __future__ import annotations

import copy

import pytest

from de_core.store import StoreUnavailable
from de_core.store.google.retry import RetryPolicy
from tests.fakesheets import FakeSheetsServer, Fault
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, FakeClock, google_store

TAB = "ค่าใช้จ่าย"
EXP = {"fiscal_year": "2566", "activity_id": "act-4", "item": "ค่าอาหารว่าง", "amount": "๒,๔๐๐ บาท"}


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    return fake_sheets


def _ids(srv) -> list[str]:
    return [r[0] for r in srv.values(KEY, TAB)[1:] if r]


@pytest.mark.parametrize("seed", [3, 11])
def test_n_appends_under_random_faults_land_exactly_n_rows_without_duplicates(srv, seed):
    store = google_store(srv, policy=RetryPolicy(max_total_seconds=60, base=0.01, cap=0.05, max_attempts=20))
    store.read_all()
    srv.inject_random(0.15, kinds=("spreadsheets.batchUpdate", "values.batchGet"), statuses=(429, 500, 503), drop_rate=0.05,
                      apply_then_fail_rate=0.1, seed=seed)
    n, batch = 200, 5
    for start in range(0, n, batch):
        result = store.append("expenses", [{**EXP, "id": f"exp-{i:03d}"} for i in range(start, start + batch)])
        assert len(result.appended) + len(result.already_present) == batch
    srv.clear_faults()
    ids = _ids(srv)
    assert len(ids) == n and len(set(ids)) == n and ids == [f"exp-{i:03d}" for i in range(n)]
    appends = [r for r in srv.requests if r.kind == "spreadsheets.batchUpdate"]
    assert any(r.applied and r.status != 200 for r in appends)  # some replies were lost after the write landed
    assert any(r.status in (0, 429, 500, 503) and not r.applied for r in appends)


def test_an_update_whose_reply_is_lost_is_not_applied_twice_or_elsewhere(srv):
    store = google_store(srv)
    store.append("expenses", [{**EXP, "id": f"exp-{i}"} for i in range(3)])
    store.update("expenses", "exp-0", {"note": "ก่อน"})  # the app's hidden tab exists
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=503, apply_then_fail=True))  # the write, reply lost
    srv.inject(Fault(kind="values.batchGet", drop=True))
    result = store.update("expenses", "exp-1", {"note": "ครั้งเดียว"})
    rows = srv.values(KEY, TAB)
    assert result.row_number == 3 and rows[2][7] == "ครั้งเดียว"
    assert all(len(r) < 8 for r in rows[1:] if r[0] not in ("exp-0", "exp-1"))


def test_retry_after_from_the_server_is_honoured(srv):
    clock = FakeClock()
    store = google_store(srv, clock=clock)
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=429, retry_after=7))
    store.append("expenses", [{**EXP, "id": "exp-ra"}])
    assert clock.sleeps and clock.sleeps[0] >= 7
    assert _ids(srv) == ["exp-ra"]


def test_retries_stop_within_the_time_bound_with_a_thai_busy_message(srv):
    clock = FakeClock()
    policy = RetryPolicy(max_total_seconds=10, base=0.5, cap=8, max_attempts=1000)
    store = google_store(srv, clock=clock, policy=policy)
    store.read_all()
    srv.inject(Fault(kind=None, status=503, times=10_000))
    with pytest.raises(StoreUnavailable) as err:
        store.append("expenses", [{**EXP, "id": "exp-busy"}])
    assert clock.now <= 10 and len(clock.sleeps) < 100
    assert "ไม่ว่าง" in err.value.message_th and "busy" in err.value.message_en
    assert "ข้อความที่พิมพ์ไว้ยังอยู่" in err.value.hint_th and "kept" in err.value.hint_en
    assert err.value.retryable


def test_retries_stop_after_the_attempt_limit(srv):
    clock = FakeClock()
    store = google_store(srv, clock=clock, policy=RetryPolicy(max_total_seconds=1000, base=0.1, cap=1,
                                                              max_attempts=4))
    store.read_all()
    srv.reset_counts()
    srv.inject(Fault(kind="values.batchGet", status=500, times=100))
    with pytest.raises(StoreUnavailable):
        store.read_all()
    assert srv.count("values.batchGet") == 4 and len(clock.sleeps) == 3


def test_a_network_outage_gives_up_with_a_network_message(srv):
    clock = FakeClock()
    store = google_store(srv, clock=clock, policy=RetryPolicy(max_total_seconds=5, base=0.5, cap=2))
    store.read_all()
    srv.inject(Fault(kind=None, drop=True, times=10_000))
    with pytest.raises(StoreUnavailable) as err:
        store.read_all()
    assert "ติดต่อ Google Sheets ไม่ได้" in err.value.message_th and "network" in err.value.message_en
    assert clock.now <= 5


def test_a_retry_after_longer_than_the_budget_gives_up_at_once(srv):
    clock = FakeClock()
    store = google_store(srv, clock=clock, policy=RetryPolicy(max_total_seconds=30))
    store.read_all()
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=429, retry_after=120))
    with pytest.raises(StoreUnavailable) as err:
        store.append("expenses", [{**EXP, "id": "exp-late"}])
    assert clock.sleeps == [] and "120" in err.value.message_th
    assert _ids(srv) == []


def test_the_callers_rows_are_untouched_when_a_write_gives_up_and_saving_again_lands_once(srv):
    store = google_store(srv, policy=RetryPolicy(max_total_seconds=2, base=0.5, cap=1, max_attempts=3))
    rows = [{**EXP, "id": "exp-keep", "note": "ข้อความที่ผู้ใช้พิมพ์"}]
    kept = copy.deepcopy(rows)
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=503, apply_then_fail=True))
    srv.before_next_write(lambda s, _key: s.inject(Fault(kind="values.batchGet", status=503, times=100)))
    with pytest.raises(StoreUnavailable):
        store.append("expenses", rows)
    assert rows == kept
    srv.clear_faults()
    again = store.append("expenses", rows)
    assert again.already_present == ["exp-keep"] and _ids(srv) == ["exp-keep"]


def test_a_slow_reply_times_out_and_is_retried(srv):
    store = google_store(srv, timeout=0.3)
    store.read_all()
    srv.reset_counts()
    srv.inject(Fault(kind="values.batchGet", status=200, delay=1.0))
    assert TAB in store.read_all().tabs
    assert srv.count("values.batchGet") == 2


def test_opening_the_sheet_is_retried_and_still_costs_one_successful_metadata_request(srv):
    store = google_store(srv)
    srv.inject(Fault(kind="spreadsheets.get", status=500, times=2))
    assert TAB in store.read_all().tabs
    assert [r.status for r in srv.requests if r.kind == "spreadsheets.get"] == [500, 500, 200]
