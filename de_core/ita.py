"""ITA: weighted total (Decimal, half-up to 2 places), band from the year's table, gap to AA, what-if."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from de_core.workbook import Record, Workbook

TOOLS = ("iit", "eit", "oit")
INDICATORS = {"iit": ("i1", "i2", "i3", "i4", "i5"), "eit": ("i6", "i7", "i8"), "oit": ("i9", "i10")}
CENT = Decimal("0.01")
HUNDRED = Decimal(100)


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
    problems: list[tuple[str, str]] = field(default_factory=list)  # (th, en)

    @property
    def weights_ok(self) -> bool:
        return bool(self.weights) and sum(self.weights.values()) == HUNDRED

    def gap(self, target: Decimal = Decimal(95)) -> Decimal | None:
        """Points still needed to reach the target (0 when reached)."""
        return None if self.total is None else max(Decimal(0), round2(target - self.total))


def ita_year(wb: Workbook, fiscal_year: int) -> ItaYear:
    """Scores, weights, bands and the computed total of one year, with any problem found in the data."""
    out = ItaYear(fiscal_year)
    row = next((r for r in wb.rows("ita_scores", fiscal_year)), None)
    for w in wb.rows("ita_weights", fiscal_year):
        if w.get("tool") and w.get("weight") is not None:
            out.weights[w["tool"]] = Decimal(w["weight"])
    out.bands = sorted(
        (Band(b["level"], Decimal(b["min_score"]), b.get("color") or "")
         for b in wb.rows("ita_bands", fiscal_year) if b.get("level") and b.get("min_score") is not None),
        key=lambda b: b.min_score, reverse=True,
    )
    if not out.bands:
        out.problems.append((f"ปีงบประมาณ {fiscal_year} ยังไม่มีเกณฑ์ระดับ ITA", f"FY{fiscal_year} has no ITA band table"))
    if out.weights and not out.weights_ok:
        total_w = sum(out.weights.values())
        out.problems.append((f"น้ำหนัก ITA ปี {fiscal_year} รวมได้ {total_w} ไม่ใช่ 100",
                             f"FY{fiscal_year} ITA weights sum to {total_w}, not 100"))
    if row is None:
        return out
    out.scores = tool_scores(row)
    out.official_total = row.get("official_total")
    out.national_average = row.get("national_average")
    if out.weights_ok:
        out.total = weighted_total(out.scores, out.weights)
    out.band = band_for(out.total, out.bands)
    return out


def latest_ita(wb: Workbook, up_to_year: int | None) -> ItaYear | None:
    """The newest year (not after up_to_year) that has a computable total."""
    years = sorted({r["fiscal_year"] for r in wb.rows("ita_scores") if r.get("fiscal_year")}, reverse=True)
    for fy in years:
        if up_to_year is not None and fy > up_to_year:
            continue
        year = ita_year(wb, fy)
        if year.total is not None:
            return year
    return None
