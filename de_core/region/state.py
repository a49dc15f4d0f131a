"""What the region knows of each office and of the pass under way: the states the refresh keeps and the page reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from de_core.region.figures import OfficeYear
from de_core.region.offices import Office
from de_core.region.problems import OfficeProblem


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class OfficeState:
    """What the region knows of one office: its last good figures, the version they came from, the last problem."""

    office: Office
    years: dict[int, OfficeYear] = field(default_factory=dict)
    read_at: datetime | None = None  # the last good read
    version: str | None = None  # Drive's modifiedTime (or the file's) at the last good read
    problem: OfficeProblem | None = None  # the last failed read (None once a read succeeds)
    read_clock: float = float("-inf")  # clock() of the last good read
    day: date | None = None  # the day the figures were worked out for


@dataclass
class Progress:
    """The pass under way, for the page: offices read so far of those due, and about how long the rest takes."""

    running: bool = False
    done: int = 0
    total: int = 0
    eta_seconds: float = 0.0


@dataclass
class PassReport:
    due: int = 0
    read: int = 0
    unchanged: int = 0
    failed: int = 0
    quota_hits: int = 0
    seconds: float = 0.0
