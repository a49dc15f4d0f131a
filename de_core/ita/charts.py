"""The ITA figures: the year's total on a dial in its band colours, and the band steps of any ITA gauge."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import plotly.graph_objects as go

from de_core.display.charts import GREY, gauge, plain, safe_color, subtitle
from de_core.display.i18n import translate
from de_core.ita.score import Band, ItaYear

# Default ITA band colours (a year's own colours in the ita_bands tab win).
BAND_COLORS = {"AA": "#1b5e20", "A": "#43a047", "B": "#c0ca33", "C": "#fdd835", "D": "#fb8c00", "E": "#f4511e",
               "F": "#c62828"}


def band_steps(bands: Sequence[Band], maximum: float = 100) -> list[tuple[float, float, str]]:
    """Gauge steps from a year's ITA band table: each band from its minimum to the next band's, coloured."""
    ordered = sorted(bands, key=lambda b: b.min_score)
    tops = [float(b.min_score) for b in ordered[1:]] + [maximum] if ordered else []
    return [(float(b.min_score), top, safe_color(b.color, BAND_COLORS.get(b.level.upper(), GREY)))
            for b, top in zip(ordered, tops, strict=True)]


def ita_gauge(ita: ItaYear, target: Decimal, lang: str = "th", height: int = 300) -> go.Figure:
    """The year's ITA total on a 0–100 dial in its band colours and the target line (the points to go are said
    under the dial, in words: a delta on the dial sat on its number)."""
    band = ita.band.level if ita.band else "–"
    title = subtitle(translate("charts.ita_title", lang, fy=ita.fiscal_year),
                      translate("charts.ita_band", lang, band=plain(band)))
    return gauge(ita.total, title=title, target=float(target), height=height, steps=band_steps(ita.bands),
                 valueformat=".2f")
