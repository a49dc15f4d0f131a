"""The pacer: no window of 60 seconds ever holds more starts than allowed; a hold after a 429 delays every start."""

from __future__ import annotations

from de_core.region.pacer import Pacer


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def _max_in_window(starts: list[float], window: float = 60.0) -> int:
    return max(sum(1 for s in starts if t <= s < t + window - 1e-6) for t in starts)  # float sums of 0.05 s


def test_no_minute_holds_more_starts_than_the_limit():
    c = Clock()
    pacer = Pacer(50, clock=c.clock, sleep=c.sleep)
    starts = []
    for _ in range(245):
        pacer.acquire()
        starts.append(c.now)
        c.now += 0.05  # the request itself
    assert _max_in_window(starts) <= 50
    assert 4 * 60 <= c.now <= 5 * 60, "245 reads at 50 a minute take about four minutes"


def test_a_hold_delays_the_next_start():
    c = Clock()
    pacer = Pacer(50, clock=c.clock, sleep=c.sleep)
    pacer.acquire()
    pacer.hold(30)
    pacer.acquire()
    assert c.now >= 30


def test_the_estimate_counts_what_the_window_still_allows():
    c = Clock()
    pacer = Pacer(60, clock=c.clock, sleep=c.sleep)
    assert pacer.eta(60) == 0
    assert pacer.eta(180) == 120
