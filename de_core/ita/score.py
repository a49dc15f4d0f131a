"""ITA: weighted total (Decimal, half-up to 2 places), band from the year's table, gap to AA, what-if maths.

Rules (DECISIONS.md "ITA"): total = Σ weight × score / 100 rounded half-up to 2 decimals, then banded with the
year's inclusive lower bounds (95.00 → AA, 94.99 → A). Weights and bands are data per fiscal year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from de_core.ita.frames import Frame, Rule, apply_rules, frame_for
from de_core.sheet.workbook import Record, Workbook

TOOLS = ("iit", "eit", "oit")
INDICATORS = {"iit": ("i1", "i2", "i3", "i4", "i5"), "eit": ("i6", "i7", "i8"), "oit": ("i9", "i10")}
CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")
HUNDRED = Decimal(100)
DEFAULT_TARGET = Decimal(95)
DEFAULT_PASS = Decimal(85)


def round2(value: Decimal) -> Decimal:
    """Round half-up to two decimals (94.995 → 95.00)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Band:
    level: str
    min_score: Decimal
    color: str = ""


def band_for(total: Decimal | None, bands: list[Band]) -> Band | None:
    """The band whose inclusive lower bound is the highest one not above the total (95.00 → AA, 94.99 → A)."""
    if total is None or not bands:
        return None
    fitting = [b for b in bands if round2(total) >= b.min_score]
    return max(fitting, key=lambda b: b.min_score) if fitting else None


def weighted_total(scores: dict[str, Decimal | None], weights: dict[str, Decimal]) -> Decimal | None:
    """Σ weight × score / 100, rounded half-up to 2 places; None when a weighted tool has no score."""
    if not weights:
        return None
    total = Decimal(0)
    for tool, weight in weights.items():
        score = scores.get(tool)
        if score is None:
            return None
        total += Decimal(weight) * Decimal(score) / HUNDRED
    return round2(total)


def tool_scores(row: Record) -> dict[str, Decimal | None]:
    """Tool scores of a year: entered tool scores win; else the mean of that tool's indicator scores."""
    out: dict[str, Decimal | None] = {}
    for tool in TOOLS:
        if row.get(tool) is not None:
            out[tool] = Decimal(row[tool])
            continue
        parts = [Decimal(row[i]) for i in INDICATORS[tool] if row.get(i) is not None]
        out[tool] = round2(sum(parts) / len(parts)) if parts and len(parts) == len(INDICATORS[tool]) else None
    return out


def headroom(score: Decimal | None, weight: Decimal | None) -> Decimal | None:
    """The most a tool can still add to the total: weight × (100 − score) / 100, 2 places (DECISIONS.md)."""
    if score is None or weight is None:
        return None
    return round2(Decimal(weight) * (HUNDRED - Decimal(score)) / HUNDRED)


@dataclass(frozen=True)
class Needed:
    """The lowest score (2 decimals) one tool needs for the total to reach a target, and whether it can."""

    state: str  # "needed" | "reached" (even 0 is enough) | "unreachable" (> 100) | "unknown" (data missing)
    score: Decimal | None = None


def min_score_needed(target: Decimal, scores: dict[str, Decimal | None], weights: dict[str, Decimal],
                     tool: str = "oit") -> Needed:
    """Lowest score of `tool` (the others fixed) whose half-up rounded total reaches the target.

    Half-up rounding means a raw total of target − 0.005 already shows as the target, so the bound is
    ceil((target − 0.005 − others) × 100 / weight) to the cent (tests check it against weighted_total).
    """
    weight = weights.get(tool)
    others = {t: s for t, s in scores.items() if t != tool}
    if not weight or sum(weights.values()) != HUNDRED or any(others.get(t) is None for t in weights if t != tool):
        return Needed("unknown")
    rest = sum((Decimal(w) * Decimal(others[t]) / HUNDRED for t, w in weights.items() if t != tool), Decimal(0))
    raw = (round2(target) - HALF_CENT - rest) * HUNDRED / Decimal(weight)
    score = raw.quantize(CENT, rounding=ROUND_CEILING)
    if score <= 0:
        return Needed("reached", Decimal("0.00"))
    if score > HUNDRED:
        return Needed("unreachable", score)
    return Needed("needed", score)


@dataclass
class ItaYear:
    fiscal_year: int
    scores: dict[str, Decimal | None] = field(default_factory=dict)
    weights: dict[str, Decimal] = field(default_factory=dict)
    bands: list[Band] = field(default_factory=list)
    total: Decimal | None = None
    band: Band | None = None
    official_total: Decimal | None = None
    national_average: Decimal | None = None
    indicators: dict[str, Decimal | None] = field(default_factory=dict)
    has_scores: bool = False
    frame: Frame | None = None
    computed_total: Decimal | None = None  # before the frame's per-tool rules
    rules_applied: list[Rule] = field(default_factory=list)

    @property
    def weights_ok(self) -> bool:
        return bool(self.weights) and sum(self.weights.values()) == HUNDRED

    @property
    def official_diff(self) -> Decimal | None:
        """Official total − our computed total (None unless both exist)."""
        if self.official_total is None or self.total is None:
            return None
        return round2(self.official_total - self.total)

    def band_min(self, level: str, default: Decimal) -> Decimal:
        """The lower bound of a level in this year's table (the default when the level is absent)."""
        return next((b.min_score for b in self.bands if b.level.upper() == level.upper()), default)

    def gap(self, target: Decimal = DEFAULT_TARGET) -> Decimal | None:
        """Points still needed to reach the target (0 when reached)."""
        return None if self.total is None else max(Decimal(0), round2(target - self.total))


def ita_year(wb: Workbook, fiscal_year: int) -> ItaYear:
    """Scores, the year's frame (weights, bands, rules: de_core.ita.frames) and the computed total of one year,
    after the frame's per-tool rules (data problems: de_core.ita.checks)."""
    out = ItaYear(fiscal_year)
    out.frame = frame_for(wb, fiscal_year)
    out.weights = dict(out.frame.weights)
    out.bands = sorted((Band(level, low, color) for level, low, color in out.frame.bands),
                       key=lambda b: b.min_score, reverse=True)
    row = next((r for r in wb.rows("ita_scores", fiscal_year)), None)
    if row is None:
        return out
    out.has_scores = True
    out.scores = tool_scores(row)
    out.indicators = {i: row.get(i) for tool in TOOLS for i in INDICATORS[tool]}
    out.official_total = row.get("official_total")
    out.national_average = row.get("national_average")
    if out.weights_ok:
        out.computed_total = weighted_total(out.scores, out.weights)
    out.total, cap_level, out.rules_applied = apply_rules(out.computed_total, out.scores, out.frame.rules)
    out.band = capped_band(band_for(out.total, out.bands), cap_level, out.bands)
    return out


def capped_band(band: Band | None, cap_level: str | None, bands: list[Band]) -> Band | None:
    """The band, no higher than the cap level (when the year's table has that level)."""
    cap = next((b for b in bands if cap_level and b.level.upper() == cap_level.upper()), None)
    if band is None or cap is None or band.min_score <= cap.min_score:
        return band
    return cap


def ita_years(wb: Workbook) -> list[int]:
    """Every fiscal year with a row in the ITA scores tab, oldest first."""
    return sorted({r["fiscal_year"] for r in wb.rows("ita_scores") if r.get("fiscal_year")})


def latest_ita(wb: Workbook, up_to_year: int | None) -> ItaYear | None:
    """The newest year (not after up_to_year) that has a computable total."""
    for fy in reversed(ita_years(wb)):
        if up_to_year is not None and fy > up_to_year:
            continue
        year = ita_year(wb, fy)
        if year.total is not None:
            return year
    return None
