"""Bounded retries for Google Sheets calls: backoff with full jitter, Retry-After, and a total time budget.

gspread's BackOffHTTPClient retries 429/5xx forever; this gives up after `max_total_seconds` with a clear
message instead, and turns refusals (403, 404, other 4xx) into StoreErrors a person can act on.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from google.auth import exceptions as auth_exceptions
from gspread.exceptions import APIError

from de_core.store.base import PermissionDenied, StoreError, StoreUnavailable

T = TypeVar("T")
RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})
KEPT_TH = "ข้อความที่พิมพ์ไว้ยังอยู่ ไม่ต้องพิมพ์ใหม่"
KEPT_EN = "what you typed is kept; no need to type it again"


@dataclass(frozen=True)
class RetryPolicy:
    """How long and how often a call is retried: truncated exponential backoff within a total budget."""

    max_total_seconds: float = 30.0
    base: float = 0.5
    cap: float = 8.0
    max_attempts: int = 8


class SheetRequestRefused(StoreError):
    """The Sheets API refused a request for good (a 4xx other than 403/404/408/429): not worth retrying."""

    def __init__(self, status: int, api_message: str):
        super().__init__(
            f"Google Sheets ไม่รับคำขอ ({status}): {api_message}", f"Google Sheets refused the request ({status}): "
            f"{api_message}", f"ตรวจดูชีตแล้วลองอีกครั้ง {KEPT_TH}", f"Check the sheet and try again; {KEPT_EN}",
        )
        self.status = status
        self.api_message = api_message

    @property
    def bad_range(self) -> bool:
        """The request named a tab that no longer exists (renamed or deleted by a person)."""
        return self.status == 400 and "Unable to parse range" in self.api_message


def api_status(exc: BaseException) -> int | None:
    """The HTTP status of a gspread APIError (None for anything else)."""
    if isinstance(exc, APIError) and exc.response is not None:
        return int(exc.response.status_code)
    return None


def api_message(exc: BaseException) -> str:
    """The API's own error message of a gspread APIError."""
    error = getattr(exc, "error", None)
    if isinstance(error, dict) and error.get("message"):
        return str(error["message"])
    return str(exc)


def is_retryable(exc: BaseException) -> bool:
    """Quota, server trouble, time-outs and dropped connections are worth another try."""
    if api_status(exc) in RETRYABLE_STATUS:
        return True
    return isinstance(exc, (requests.ConnectionError, requests.Timeout, auth_exceptions.TransportError))


def retry_after(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (Retry-After in seconds), or None."""
    response = getattr(exc, "response", None)
    value = response.headers.get("Retry-After") if response is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def unavailable(exc: BaseException | None, waited: float, server_wait: float | None = None) -> StoreUnavailable:
    """The give-up message: busy sheet (quota/server) or network down, what to do, and that input is kept."""
    status = api_status(exc) if exc is not None else None
    later = f" (Google ขอให้รอ {server_wait:.0f} วินาที)" if server_wait else ""
    later_en = f" (Google asked to wait {server_wait:.0f} s)" if server_wait else ""
    if status is not None:
        return StoreUnavailable(
            f"Google Sheet ไม่ว่างในขณะนี้ (รหัส {status}) ลองแล้วหลายครั้งในเวลา {waited:.0f} วินาที{later}",
            f"The Google Sheet is busy right now (status {status}); gave up after {waited:.0f} s of retries"
            f"{later_en}",
            f"รอประมาณหนึ่งนาทีแล้วกดบันทึกอีกครั้ง {KEPT_TH}",
            f"Wait about a minute and press save again; {KEPT_EN}",
        )
    kind = type(exc).__name__ if exc is not None else "timeout"
    return StoreUnavailable(
        f"ติดต่อ Google Sheets ไม่ได้ (เครือข่ายขัดข้องหรือตอบช้าเกินไป) ลองแล้วในเวลา {waited:.0f} วินาที",
        f"Cannot reach Google Sheets (network down or too slow: {kind}); gave up after {waited:.0f} s",
        f"ตรวจการเชื่อมต่ออินเทอร์เน็ต แล้วลองอีกครั้ง {KEPT_TH}",
        f"Check the internet connection and try again; {KEPT_EN}",
    )


def not_shared(account: str = "") -> PermissionDenied:
    """403: the sheet is not shared with the service account (named when known)."""
    who = f" {account}" if account else ""
    return PermissionDenied(
        f"ชีตนี้ยังไม่ได้แชร์ให้บัญชีบริการ{who}: เปิดชีต > แชร์ > เพิ่มอีเมลนี้เป็นผู้แก้ไข",
        f"The sheet is not shared with the service account{who}: open the sheet > Share > add this e-mail "
        "as an editor",
        "หากแชร์แล้ว ตรวจว่ารหัสหรือ URL ของชีตใน secrets ถูกต้อง และเปิดใช้ Google Sheets API ในโครงการแล้ว",
        "If it is shared, check the sheet key or URL in secrets and that the Google Sheets API is enabled",
    )


def sheet_not_found(key: str = "") -> StoreError:
    """404: no spreadsheet with this key (wrong key or URL, or the sheet was deleted)."""
    what = f" «{key}»" if key else ""
    return StoreError(
        f"ไม่พบ Google Sheet{what}: รหัสหรือ URL ของชีตไม่ถูกต้อง หรือชีตถูกลบไปแล้ว",
        f"No Google Sheet{what}: the key or URL is wrong, or the sheet was deleted",
        "คัดลอก URL ของชีตจากแถบที่อยู่ของเบราว์เซอร์ใส่ใน spreadsheet ของ [connections.gsheets] ใหม่",
        "Copy the sheet's URL from the browser's address bar into spreadsheet under [connections.gsheets]",
    )


def bad_credentials(detail: str) -> StoreError:
    """The service account key was refused by Google (revoked, deleted, or the wrong key)."""
    return StoreError(
        "ไฟล์กุญแจบริการ (service account) ไม่ถูกต้อง หรือถูกยกเลิกแล้ว",
        f"The service account key is invalid or was revoked ({detail})",
        "สร้างกุญแจ JSON ใหม่ใน Google Cloud Console แล้วใส่ค่าลงใน .streamlit/secrets.toml",
        "Create a new JSON key in the Google Cloud Console and put its fields into .streamlit/secrets.toml",
    )


def refusal(exc: BaseException, *, account: str = "", key: str = "") -> StoreError | None:
    """A non-retryable failure as a StoreError with a Thai and an English message (None: not a Sheets error)."""
    status = api_status(exc)
    if status in (401, 403) or isinstance(exc, PermissionError):
        return not_shared(account) if status != 401 else bad_credentials("401")
    if status == 404:
        return sheet_not_found(key)
    if isinstance(exc, auth_exceptions.RefreshError):
        return bad_credentials(type(exc).__name__)
    if status is not None:
        return SheetRequestRefused(status, api_message(exc))
    return None


def with_retry(
    fn: Callable[[], T],
    *,
    policy: RetryPolicy,
    sleep: Callable[[float], Any] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    rand: Callable[[], float] = random.random,
    account: str = "",
    key: str = "",
) -> T:
    """Call fn, retrying 408/429/5xx, time-outs and dropped connections within the policy's bounds.

    Raises StoreUnavailable when the budget or the attempts run out; PermissionDenied on 403; StoreError on 404
    and other refusals (SheetRequestRefused carries the status). StoreErrors raised by fn pass through.
    """
    start = clock()
    attempt = 0
    while True:
        attempt += 1
        try:
            return fn()
        except StoreError:
            raise
        except Exception as exc:
            if not is_retryable(exc):
                error = refusal(exc, account=account, key=key)
                if error is None:
                    raise
                raise error from exc
            elapsed = clock() - start
            remaining = policy.max_total_seconds - elapsed
            asked = retry_after(exc)
            if attempt >= policy.max_attempts or remaining <= 0 or (asked is not None and asked > remaining):
                raise unavailable(exc, elapsed, asked) from exc
            backoff = rand() * min(policy.cap, policy.base * 2 ** (attempt - 1))
            sleep(min(max(asked or 0.0, backoff), remaining))
