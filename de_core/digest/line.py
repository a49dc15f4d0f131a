"""Sending to LINE with the Messaging API: a push to a group, user or multi-person chat id, or a broadcast to every
friend of the Official Account. Every request carries X-Line-Retry-Key, so LINE itself drops a repeated request
(409, with the accepted request's id) for 24 hours after the first.

What each answer means (the Messaging API reference and "Retry failed API requests"):
- 2xx: accepted. 409: a request with this retry key was accepted before: delivered, not again.
- 429: not processed at all (a rate limit, or the month's message allowance used up). Waited out (Retry-After when
  given, else backoff) and tried again; the allowance is not waited for.
- 5xx, a time-out or a dropped connection: it may have been accepted, so it is tried again with the same key; when
  the tries run out the outcome is unknown. A connection that was never made sent nothing.
- Other 4xx (bad token, bad message): nothing was sent, and trying again would not change that.
The token is sent only in the Authorization header, never logged, and never put into an outcome's note.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from urllib3.exceptions import NewConnectionError

from de_core.digest.outcome import Delivery
from de_core.digest.settings import BROADCAST, LINE_API

log = logging.getLogger(__name__)
RETRY_STATUS = frozenset({500, 502, 503, 504})
ALLOWANCE_WORDS = ("monthly limit", "message limit", "target limit")  # a 429 for the month's allowance


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base: float = 1.0
    cap: float = 30.0
    max_wait: float = 60.0  # a longer Retry-After is not waited for: the run reports and the next run tries
    budget: float = 180.0  # seconds in all for one target


def _answer(resp: requests.Response) -> str:
    """LINE's own message in an error answer, with its details ("" when the body is not LINE's JSON)."""
    try:
        body = resp.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    details = [f"{d.get('property', '')}: {d.get('message', '')}".strip(": ") for d in body.get("details") or []
               if isinstance(d, dict)]
    return "; ".join([str(body.get("message") or ""), *details])[:300]


def _never_connected(exc: requests.RequestException) -> bool:
    """The request never reached LINE (no connection was made), so nothing was sent."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError)


def _retry_after(resp: requests.Response) -> float | None:
    try:
        return max(0.0, float(resp.headers.get("Retry-After", "")))
    except ValueError:
        return None


class LineClient:
    """Pushes and broadcasts with bounded retries. `sleep` and `clock` are injected in tests; no wall time passes."""

    def __init__(self, token: str, api_url: str = LINE_API, session: requests.Session | None = None,
                 policy: RetryPolicy | None = None, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, timeout: tuple[float, float] = (5.0, 20.0)):
        self._token = token
        self.api_url = api_url.rstrip("/")
        self.session = session or requests.Session()
        self.policy = policy or RetryPolicy()
        self.sleep, self.clock, self.timeout = sleep, clock, timeout

    def __repr__(self) -> str:
        return f"LineClient({self.api_url!r})"

    def send(self, to: str, messages: list[dict[str, Any]], retry_key: str) -> Delivery:
        """Push `messages` to a group/user id, or broadcast them when `to` is "broadcast", once."""
        if to == BROADCAST:
            return self._post("/v2/bot/message/broadcast", {"messages": messages}, retry_key)
        return self._post("/v2/bot/message/push", {"to": to, "messages": messages}, retry_key)

    def _backoff(self, attempt: int) -> float:
        return random.uniform(0, min(self.policy.cap, self.policy.base * 2 ** (attempt - 1)))  # full jitter

    def _post(self, path: str, body: dict[str, Any], retry_key: str) -> Delivery:
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        headers = {"Authorization": f"Bearer {self._token}", "Content-Type": "application/json; charset=UTF-8",
                   "X-Line-Retry-Key": retry_key}
        start, maybe, code, note = self.clock(), False, None, ("", "")
        attempt = 0
        for attempt in range(1, self.policy.attempts + 1):
            try:
                resp = self.session.post(self.api_url + path, data=data, headers=headers, timeout=self.timeout)
            except requests.RequestException as exc:
                maybe = maybe or not _never_connected(exc)
                note = ("LINE ไม่ตอบ (การเชื่อมต่อขาดหรือหมดเวลา)", f"no answer from LINE ({type(exc).__name__})")
                log.warning("LINE %s attempt %d: %s", path, attempt, type(exc).__name__)
                wait = self._backoff(attempt)
            else:
                code, request_id = resp.status_code, resp.headers.get("x-line-request-id", "")
                log.info("LINE %s attempt %d: %d (request %s)", path, attempt, code, request_id)
                if 200 <= code < 300:
                    return Delivery("sent", request_id, attempt, code)
                if code == 409:
                    accepted = resp.headers.get("x-line-accepted-request-id") or request_id
                    return Delivery("sent", accepted, attempt, code, "LINE รับคำขอนี้ไปแล้วก่อนหน้า (ไม่ส่งซ้ำ)",
                                    "LINE had already accepted this request (not sent again)")
                said = _answer(resp)
                if code == 429 and any(w in said.lower() for w in ALLOWANCE_WORDS):
                    return Delivery("unknown" if maybe else "failed", request_id, attempt, code,
                                    f"ใช้โควตาข้อความของเดือนนี้หมดแล้ว ({said})",
                                    f"this month's message allowance is used up ({said})")
                if code == 429:
                    note = (f"LINE ขอให้รอ (429) {said}", f"LINE asked to wait (429) {said}")
                    after = _retry_after(resp)
                    wait = self._backoff(attempt) if after is None else after
                    if wait > self.policy.max_wait:
                        break
                elif code in RETRY_STATUS:
                    maybe = True
                    note = (f"LINE ขัดข้อง ({code})", f"LINE server error ({code})")
                    wait = self._backoff(attempt)
                else:
                    return Delivery("unknown" if maybe else "failed", request_id, attempt, code,
                                    f"LINE ไม่รับคำขอ ({code}): {said}", f"LINE refused the request ({code}): {said}")
            if attempt == self.policy.attempts or self.clock() - start + wait > self.policy.budget:
                break
            self.sleep(wait)
        th, en = note
        return Delivery("unknown" if maybe else "failed", "", attempt, code, th.strip(), en.strip())
