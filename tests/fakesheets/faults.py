"""Fault injection (queued and random) and the request log."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

WRITE_KINDS = frozenset(
    {
        "values.update",
        "values.append",
        "values.batchUpdate",
        "values.batchUpdateByDataFilter",
        "values.clear",
        "values.batchClear",
        "spreadsheets.batchUpdate",
    }
)


@dataclass
class Fault:
    """One injected failure, consumed by the next ``times`` requests whose kind matches.

    kind=None matches any request. status < 400 means "no error" (useful with ``delay`` alone).
    drop closes the connection without a reply. apply_then_fail performs the request first and
    then answers with ``status`` (or drops): "the write landed but the reply was lost".
    retry_after is sent as the Retry-After header; a 429 always carries one (default "0").
    """

    kind: str | None = None
    status: int = 429
    retry_after: float | None = None
    times: int = 1
    delay: float = 0.0
    drop: bool = False
    apply_then_fail: bool = False
    message: str | None = None

    def matches(self, kind: str) -> bool:
        return self.kind is None or self.kind == kind


@dataclass
class RequestRecord:
    method: str
    path: str  # decoded path, e.g. "/v4/spreadsheets/k/values/'ตั้งค่า'!A1:C3"
    query: dict[str, list[str]]
    kind: str
    key: str | None = None
    status: int = 0  # HTTP status answered; 0 = connection dropped without a reply
    body: Any = None
    fault: Fault | None = None
    applied: bool = False  # the request's effect reached the state (reads count as applied too)


@dataclass
class _RandomFaults:
    rate: float
    kinds: frozenset[str] | None
    statuses: tuple[int, ...]
    drop_rate: float
    apply_then_fail_rate: float
    retry_after: float | None
    rng: random.Random = field(default_factory=random.Random)

    def roll(self, kind: str) -> Fault | None:
        if self.kinds is not None and kind not in self.kinds:
            return None
        u = self.rng.random()
        if u < self.rate:
            return Fault(kind, self.rng.choice(self.statuses), self.retry_after)
        if u < self.rate + self.drop_rate:
            return Fault(kind, 0, drop=True)
        if u < self.rate + self.drop_rate + self.apply_then_fail_rate:
            return Fault(kind, self.rng.choice(self.statuses), self.retry_after, apply_then_fail=True)
        return None


class FaultPlan:
    """Not thread-safe on its own: the server calls it under its lock."""

    def __init__(self) -> None:
        self.queue: list[Fault] = []
        self.random: _RandomFaults | None = None

    def add(self, fault: Fault) -> None:
        if fault.times < 1:
            raise ValueError("Fault.times must be >= 1")
        self.queue.append(dataclasses.replace(fault))  # private copy: ``times`` counts down

    def set_random(
        self,
        rate: float,
        kinds: Iterable[str] | None,
        statuses: Iterable[int],
        drop_rate: float,
        apply_then_fail_rate: float,
        seed: int | None,
        retry_after: float | None,
    ) -> None:
        if rate + drop_rate + apply_then_fail_rate > 1:
            raise ValueError("rate + drop_rate + apply_then_fail_rate must be <= 1")
        self.random = _RandomFaults(
            rate,
            None if kinds is None else frozenset(kinds),
            tuple(statuses),
            drop_rate,
            apply_then_fail_rate,
            retry_after,
            random.Random(seed),
        )

    def clear(self) -> None:
        self.queue.clear()
        self.random = None

    def take(self, kind: str) -> Fault | None:
        for i, fault in enumerate(self.queue):
            if fault.matches(kind):
                fault.times -= 1
                if fault.times == 0:
                    del self.queue[i]
                return fault
        return self.random.roll(kind) if self.random else None
