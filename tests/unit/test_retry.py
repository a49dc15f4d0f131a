"""Bounded retries: backoff with full jitter, Retry-After, a total budget, and refusals turned into messages."""

from __future__ import annotations

import json

import pytest
import requests
from google.auth import exceptions as auth_exceptions
from gspread.exceptions import APIError

from de_core.store import PermissionDenied, StoreError, StoreUnavailable
from de_core.store.google.retry import RetryPolicy, SheetRequestRefused, is_retryable, with_retry


def api_error(status: int, message: str = "oops", retry_after: str | None = None) -> APIError:
    """A gspread APIError as gspread builds it from an HTTP reply."""
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps({"error": {"code": status, "message": message, "status": "X"}}).encode()
    if retry_after is not None:
        response.headers["Retry-After"] = retry_after
    return APIError(response)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def failing(*errors: BaseException, result: str = "ok"):
    """A call that raises the given errors in turn, then returns result; counts its calls."""
    queue = list(errors)

    def fn() -> str:
        fn.calls += 1
        if queue:
            raise queue.pop(0)
        return result

    fn.calls = 0
    return fn


DEFAULT = RetryPolicy()


def run(fn, policy: RetryPolicy = DEFAULT, clock: Clock | None = None, rand=lambda: 1.0, **kw):
    clock = clock or Clock()
    return with_retry(fn, policy=policy, sleep=clock.sleep, clock=lambda: clock.now, rand=rand, **kw), clock


def test_retryable_failures_are_retried_until_the_call_succeeds():
    fn = failing(api_error(429), api_error(500), requests.ConnectionError(), requests.ReadTimeout(), api_error(503))
    result, clock = run(fn)
    assert result == "ok" and fn.calls == 6 and len(clock.sleeps) == 5


def test_backoff_doubles_from_base_and_is_capped():
    fn = failing(*[requests.ConnectionError()] * 20)
    with pytest.raises(StoreUnavailable):
        run(fn, RetryPolicy(max_total_seconds=1000, base=0.5, cap=8, max_attempts=8))
    assert fn.calls == 8


def test_the_waits_are_the_capped_backoff_times_the_jitter():
    clock = Clock()
    with pytest.raises(StoreUnavailable):
        run(failing(*[api_error(503)] * 9), RetryPolicy(max_total_seconds=1000, base=0.5, cap=8, max_attempts=8),
            clock, rand=lambda: 1.0)
    assert clock.sleeps == [0.5, 1, 2, 4, 8, 8, 8]
    jittered = Clock()
    with pytest.raises(StoreUnavailable):
        run(failing(*[api_error(503)] * 9), RetryPolicy(max_total_seconds=1000, base=0.5, cap=8, max_attempts=4),
            jittered, rand=lambda: 0.25)
    assert jittered.sleeps == [0.125, 0.25, 0.5]


def test_the_total_wait_never_exceeds_the_budget():
    clock = Clock()
    with pytest.raises(StoreUnavailable) as err:
        run(failing(*[api_error(503)] * 100), RetryPolicy(max_total_seconds=10, base=1, cap=8, max_attempts=100),
            clock)
    assert sum(clock.sleeps) <= 10 and clock.now <= 10
    assert "ไม่ว่าง" in err.value.message_th and "ข้อความที่พิมพ์ไว้ยังอยู่" in err.value.hint_th


def test_retry_after_is_a_floor_on_the_wait():
    result, clock = run(failing(api_error(429, retry_after="7")), rand=lambda: 0.0)
    assert result == "ok" and clock.sleeps == [7.0]


def test_an_unreadable_retry_after_falls_back_to_backoff():
    _result, clock = run(failing(api_error(429, retry_after="soon")), rand=lambda: 1.0)
    assert clock.sleeps == [0.5]


def test_a_retry_after_beyond_the_budget_gives_up_without_waiting():
    with pytest.raises(StoreUnavailable) as err:
        run(failing(api_error(429, retry_after="90")), RetryPolicy(max_total_seconds=30))
    assert "90" in err.value.message_th and "90" in err.value.message_en


def test_a_403_is_a_permission_error_naming_the_service_account_and_is_not_retried():
    fn = failing(api_error(403))
    with pytest.raises(PermissionDenied) as err:
        run(fn, account="sa@x.iam.gserviceaccount.com")
    assert fn.calls == 1 and "sa@x.iam.gserviceaccount.com" in err.value.message_th


def test_a_404_says_the_sheet_key_is_wrong():
    with pytest.raises(StoreError) as err:
        run(failing(api_error(404)), key="abc")
    assert "ไม่พบ Google Sheet «abc»" in err.value.message_th


def test_another_refusal_carries_the_apis_message():
    with pytest.raises(SheetRequestRefused) as err:
        run(failing(api_error(400, "Unable to parse range: 'x'")))
    assert err.value.status == 400 and err.value.bad_range and "Unable to parse range" in err.value.message_en


def test_a_revoked_key_is_reported_as_a_bad_key():
    with pytest.raises(StoreError) as err:
        run(failing(auth_exceptions.RefreshError("invalid_grant")))
    assert "service account" in err.value.message_th


def test_errors_that_are_not_from_sheets_pass_through_untouched():
    with pytest.raises(ValueError):
        run(failing(ValueError("bug")))
    fn = failing(StoreError("th", "en"))
    with pytest.raises(StoreError):
        run(fn)
    assert fn.calls == 1


@pytest.mark.parametrize(("error", "expected"), [
    (api_error(408), True), (api_error(502), True), (api_error(504), True), (api_error(400), False),
    (requests.ConnectTimeout(), True), (auth_exceptions.TransportError("dns"), True), (KeyError("x"), False),
])
def test_which_failures_are_worth_another_try(error, expected):
    assert is_retryable(error) is expected
