"""Per-user and per-project request quotas of the Sheets API, answered the way Google answers them.

Google: 60 read requests per minute per user (a service account is one user), 300 per minute per project, and the
same for writes; over a limit the request gets HTTP 429 with status RESOURCE_EXHAUSTED, the message "Quota exceeded
for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'
for consumer 'project_number:…'" and a google.rpc.ErrorInfo detail (reason RATE_LIMIT_EXCEEDED). The fake counts
requests in a sliding window of 60 seconds on an injectable clock (a benchmark's simulated minutes), per user: the
OAuth token in the Authorization header (one token per credential), "anonymous" without one.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

from .errors import error_body
from .faults import WRITE_KINDS

PROJECT = "000000000000"
READ_KINDS = frozenset({"spreadsheets.get", "values.get", "values.batchGet", "values.batchGetByDataFilter",
                        "developerMetadata.search"})


def quota_body(write: bool, per_user: bool) -> dict:
    """Google's 429 body for the read (or write) quota per user (or per project)."""
    metric = "Write requests" if write else "Read requests"
    limit = f"{metric} per minute" + (" per user" if per_user else "")
    body = error_body(429, f"Quota exceeded for quota metric '{metric}' and limit '{limit}' of service "
                           f"'sheets.googleapis.com' for consumer 'project_number:{PROJECT}'.")
    body["error"]["details"] = [
        {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "RATE_LIMIT_EXCEEDED",
         "domain": "googleapis.com",
         "metadata": {"service": "sheets.googleapis.com", "consumer": f"projects/{PROJECT}",
                      "quota_metric": f"sheets.googleapis.com/{'write' if write else 'read'}_requests",
                      "quota_limit": limit.replace(" ", "").replace("requests", "Requests"),
                      "quota_location": "global"}},
        {"@type": "type.googleapis.com/google.rpc.Help",
         "links": [{"description": "Request a higher quota limit.",
                    "url": "https://cloud.google.com/docs/quotas/help/request_increase"}]},
    ]
    return body


class Quota:
    """Requests per user and per project in the last `window` seconds; off until limits are set (configure)."""

    def __init__(self) -> None:
        self.per_user: int | None = None
        self.per_project: int | None = None
        self.window = 60.0
        self.clock: Callable[[], float] = time.monotonic
        self._users: dict[tuple[str, bool], deque[float]] = defaultdict(deque)
        self._project: dict[bool, deque[float]] = defaultdict(deque)
        self.refused = 0  # requests answered 429 by the quota
        self.lock = threading.Lock()

    def configure(self, per_user: int | None = 60, per_project: int | None = 300, window: float = 60.0,
                  clock: Callable[[], float] | None = None) -> None:
        with self.lock:
            self.per_user, self.per_project, self.window = per_user, per_project, window
            self.clock = clock or time.monotonic
            self._users.clear()
            self._project.clear()
            self.refused = 0

    def _trim(self, starts: deque[float], now: float) -> deque[float]:
        while starts and now - starts[0] >= self.window:
            starts.popleft()
        return starts

    def charge(self, kind: str, user: str) -> dict | None:
        """Count a request; the 429 body when it goes over a limit (then it is not counted, as Google refuses it)."""
        write = kind in WRITE_KINDS
        if not write and kind not in READ_KINDS:
            return None
        with self.lock:
            if self.per_user is None and self.per_project is None:
                return None
            now = self.clock()
            mine = self._trim(self._users[(user, write)], now)
            ours = self._trim(self._project[write], now)
            if self.per_user is not None and len(mine) >= self.per_user:
                self.refused += 1
                return quota_body(write, per_user=True)
            if self.per_project is not None and len(ours) >= self.per_project:
                self.refused += 1
                return quota_body(write, per_user=False)
            mine.append(now)
            ours.append(now)
            return None


def user_of(authorization: str | None) -> str:
    """Who a request comes from: its bearer token (one per credential), else anonymous."""
    text = (authorization or "").strip()
    return text.split(" ", 1)[1] if text.lower().startswith("bearer ") and " " in text else "anonymous"
