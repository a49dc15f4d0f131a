"""The regional scorecard of one fiscal year: a line per office (its figures, last year's, how it was read), the
regional totals and the distribution of ITA bands."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from de_core.ita.score import round2
from de_core.region.figures import OfficeYear
from de_core.region.state import OfficeState

NO_BAND = "-"
BAND_ORDER = ("AA", "A", "B", "C", "D", "E", "F")


@dataclass(frozen=True)
class Line:
    """One office in the scorecard: this year's figures, last year's (for the arrows), how it was read."""

    state: OfficeState
    now: OfficeYear | None
    before: OfficeYear | None

    @property
    def office(self):
        return self.state.office

    @property
    def name(self) -> str:
        return self.state.office.name or (self.now.office_name if self.now else "") or self.state.office.id


@dataclass
class Scorecard:
    fiscal_year: int | None
    lines: list[Line] = field(default_factory=list)

    @property
    def with_figures(self) -> list[Line]:
        return [line for line in self.lines if line.now is not None]

    @property
    def problems(self) -> list[Line]:
        """Offices whose last read failed (their last good figures, if any, are still shown)."""
        return [line for line in self.lines if line.state.problem is not None]

    @property
    def demo(self) -> bool:
        return any(line.now.demo for line in self.with_figures)

    def bands(self) -> dict[str, int]:
        """Offices per ITA band of the year (NO_BAND: no total yet), AA first; only bands that occur but AA/A."""
        counts = Counter((line.now.band or NO_BAND) if line.now.ita_total is not None else NO_BAND
                         for line in self.with_figures)
        order = [b for b in BAND_ORDER if b in counts or b in ("AA", "A")]
        order += sorted(b for b in counts if b not in order and b != NO_BAND)
        return {b: counts.get(b, 0) for b in [*order, NO_BAND] if b != NO_BAND or counts.get(NO_BAND)}

    @property
    def mean_ita(self) -> Decimal | None:
        totals = [line.now.ita_total for line in self.with_figures if line.now.ita_total is not None]
        return round2(sum(totals, Decimal(0)) / len(totals)) if totals else None

    @property
    def reached(self) -> int:
        """Offices whose ITA total reached their target (AA)."""
        return sum(1 for line in self.with_figures if line.now.ita_gap == 0)

    @property
    def steps(self) -> tuple[int, int]:
        return (sum(line.now.steps_done for line in self.with_figures),
                sum(line.now.steps_total for line in self.with_figures))

    @property
    def kpis(self) -> tuple[int, int]:
        return (sum(line.now.kpis_met for line in self.with_figures),
                sum(line.now.kpis_total for line in self.with_figures))

    @property
    def money(self) -> tuple[Decimal, Decimal]:
        """(spent, allocation) over the offices that have an allocation."""
        lines = [line.now for line in self.with_figures if line.now.allocation]
        return sum((y.spent or Decimal(0) for y in lines), Decimal(0)), sum((y.allocation for y in lines), Decimal(0))

    @property
    def late_items(self) -> int:
        return sum(line.now.late_items for line in self.with_figures)

    @property
    def late_adaptations(self) -> int | None:
        counts = [line.now.late_adaptations for line in self.with_figures if line.now.late_adaptations is not None]
        return sum(counts) if counts else None


def fiscal_years(states: list[OfficeState]) -> list[int]:
    """Every fiscal year any office has, newest first."""
    return sorted({fy for s in states for fy in s.years}, reverse=True)


def default_year(states: list[OfficeState]) -> int | None:
    """The year most offices have figures for (the newest of those on a tie)."""
    counts = Counter(fy for s in states for fy in s.years)
    return max(counts, key=lambda fy: (counts[fy], fy)) if counts else None


def build_scorecard(states: list[OfficeState], fiscal_year: int | None) -> Scorecard:
    """The scorecard of a year over every office known (in the regional workbook's order)."""
    lines = [Line(s, s.years.get(fiscal_year) if fiscal_year else None,
                  s.years.get(fiscal_year - 1) if fiscal_year else None) for s in states]
    return Scorecard(fiscal_year, lines)
