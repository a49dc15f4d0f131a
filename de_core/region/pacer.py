"""Spreading Sheets requests so that no minute goes over the quota: a sliding window over the last 60 seconds.

Google counts read requests per minute per user (60; a service account is one user) and per project (300). The
pacer lets at most `per_minute` requests start in any window of `window` seconds: before a request it waits until
the oldest of the last `per_minute` starts is a whole window old. After a 429 it holds every request for a while
(hold). The clock and the sleep are injected: tests and the benchmark run on a simulated clock.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

USER_READS_PER_MINUTE = 60  # Google's per-user read quota of the Sheets API
SAFE_READS_PER_MINUTE = 50  # what the region uses of it: room for an office's own viewers on the same account


class Pacer:
    """At most `per_minute` starts in any `window` seconds, shared by every thread that reads."""

    def __init__(self, per_minute: int = SAFE_READS_PER_MINUTE, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], Any] = time.sleep):
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute, self.window = per_minute, window
        self.clock, self.sleep = clock, sleep
        self.starts: deque[float] = deque()
        self.held_until = float("-inf")
        self.lock = threading.Lock()
        self.waited = 0.0  # seconds spent waiting in acquire (what the quota costs in time)

    def _wait_needed(self, now: float) -> float:
        while self.starts and now - self.starts[0] >= self.window:
            self.starts.popleft()
        wait = max(0.0, self.held_until - now)
        if len(self.starts) >= self.per_minute:
            wait = max(wait, self.starts[0] + self.window - now)
        return wait

    def acquire(self) -> None:
        """Wait until one more request may start without a window going over, then count it as started."""
        while True:
            with self.lock:
                now = self.clock()
                wait = self._wait_needed(now)
                if wait <= 0:
                    self.starts.append(now)
                    return
            self.waited += wait
            self.sleep(wait)

    def hold(self, seconds: float) -> None:
        """No request starts for `seconds` (Google answered 429: let its minute pass)."""
        with self.lock:
            self.held_until = max(self.held_until, self.clock() + seconds)

    def eta(self, requests: int) -> float:
        """Seconds until `requests` more requests will have started, at this pace (a rough figure for the page)."""
        with self.lock:
            now = self.clock()
            free = max(0, self.per_minute - sum(1 for s in self.starts if now - s < self.window))
            held = max(0.0, self.held_until - now)
        extra = max(0, requests - free)
        return held + extra * self.window / self.per_minute
