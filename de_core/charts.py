"""The product's one plotly look (Thai-capable font, band colours, readable on a projector) and its figures.

Every chart of the product is drawn on the "sujarit" template: `figure()` or `fig.update_layout(template=
TEMPLATE_NAME)`. Numbers carry thousands separators; date axes are labelled in Buddhist-Era dates (format_date).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import plotly.graph_objects as go
import plotly.io as pio

from de_core.i18n import translate
from de_core.ita import Band, ItaYear
from de_core.kpi_view import format_value
from de_core.progress import KpiStatus
from de_core.thaidate import format_date

FONT_FAMILY = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif"
TEMPLATE_NAME = "sujarit"
GREEN, AMBER, RED, GREY, BLUE = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e", "#1565c0"
INK = "#14201a"
STATUS_COLORS = {"done": GREEN, "in_progress": BLUE, "planned": GREY, "late": RED, "cancelled": "#616161",
                 "not_started": GREY}
# Default ITA band colours (a year's own colours in the ita_bands tab win).
BAND_COLORS = {"AA": "#1b5e20", "A": "#43a047", "B": "#c0ca33", "C": "#fdd835", "D": "#fb8c00", "E": "#f4511e",
               "F": "#c62828"}
# Light tints for "share met" gauges: low / middle / high thirds of the dial.
SHARE_STEPS = ((0.0, 50.0, "#ffebee"), (50.0, 80.0, "#fff8e1"), (80.0, 100.0, "#e8f5e9"))
LEGEND_ON_TOP = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"}
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _template() -> go.layout.Template:
    return go.layout.Template(
        layout=go.Layout(
            font={"family": FONT_FAMILY, "size": 16, "color": INK},
            title={"font": {"size": 20}},
            paper_bgcolor="white",
            plot_bgcolor="white",
            colorway=[GREEN, BLUE, AMBER, "#6a1b9a", RED, "#00838f", "#5d4037"],
            separators=".,",
            xaxis={"gridcolor": "#e0e0e0", "tickfont": {"size": 14}, "automargin": True},
            yaxis={"gridcolor": "#e0e0e0", "tickfont": {"size": 14}, "tickformat": ",~r", "automargin": True},
            hoverlabel={"font": {"family": FONT_FAMILY, "size": 16}},
            legend={"font": {"size": 14}},
            margin={"l": 20, "r": 20, "t": 50, "b": 20},
        )
    )


pio.templates[TEMPLATE_NAME] = _template()


def figure(**layout: object) -> go.Figure:
    """A new figure on the product template (font and separators also set on the figure itself, so that
    Streamlit's chart theme, applied over the template, keeps the Thai font and the thousands separators)."""
    fig = go.Figure()
    fig.update_layout(template=TEMPLATE_NAME, font={"family": FONT_FAMILY, "size": 16, "color": INK},
                      separators=".,")
    fig.update_layout(**layout)
    return fig


def safe_color(color: str | None, default: str) -> str:
    """A colour typed in the sheet when it is a #hex colour, else the default (plotly rejects anything else)."""
    return color.strip() if color and _HEX.match(color.strip()) else default


def plain(text: str) -> str:
    """Sheet text made inert inside plotly labels (which read a little HTML)."""
    return html.escape(text, quote=False)


def gauge(value: float | Decimal | None, *, title: str, maximum: float = 100, target: float | None = None,
          reference: float | None = None, steps: Sequence[tuple[float, float, str]] = (), suffix: str = "",
          height: int = 240, prefix: str = "", valueformat: str = ",.2~f", bar_color: str = "#263238",
          lower_is_better: bool = False) -> go.Figure:
    """A gauge+number(+delta) indicator: value against a target line, coloured steps, delta to a reference."""
    mode = "gauge+number" + ("+delta" if reference is not None else "")
    good, bad = ({"color": RED}, {"color": GREEN}) if lower_is_better else ({"color": GREEN}, {"color": RED})
    indicator = go.Indicator(
        mode=mode,
        value=float(value) if value is not None else None,
        number={"suffix": suffix, "prefix": prefix, "valueformat": valueformat},
        title={"text": title, "font": {"size": 16}},
        delta={"reference": float(reference), "valueformat": ",.2~f", "increasing": good, "decreasing": bad}
        if reference is not None else None,
        gauge={
            "axis": {"range": [0, maximum], "tickformat": ",~r"},
            "bar": {"color": bar_color, "thickness": 0.3},
            "steps": [{"range": [lo, hi], "color": color} for lo, hi, color in steps],
            "threshold": {"line": {"color": RED, "width": 4}, "thickness": 0.85, "value": float(target)}
            if target is not None else None,
        },
    )
    fig = figure(height=height, margin={"l": 45, "r": 45, "t": 70, "b": 10})
    fig.add_trace(indicator)
    return fig


def enlarge(fig: go.Figure, factor: float) -> go.Figure:
    """The same figure with every font and its height scaled (meeting mode on a projector); 1 = unchanged."""
    if factor == 1:
        return fig
    size = (fig.layout.font.size or 16) * factor
    fig.update_layout(font_size=size, height=int((fig.layout.height or 300) * factor))
    fig.update_traces(selector={"type": "indicator"}, title_font_size=16 * factor)
    if fig.layout.title.text:
        fig.update_layout(title_font_size=(fig.layout.title.font.size or 16) * factor)
    return fig


def nice_max(top: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) at or above top; 1 for nothing."""
    if top <= 0 or not math.isfinite(top):
        return 1.0
    scale = 10 ** math.floor(math.log10(top))
    return next(m * scale for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * scale >= top * (1 - 1e-9))


def band_steps(bands: Sequence[Band], maximum: float = 100) -> list[tuple[float, float, str]]:
    """Gauge steps from a year's ITA band table: each band from its minimum to the next band's, coloured."""
    ordered = sorted(bands, key=lambda b: b.min_score)
    tops = [float(b.min_score) for b in ordered[1:]] + [maximum] if ordered else []
    return [(float(b.min_score), top, safe_color(b.color, BAND_COLORS.get(b.level.upper(), GREY)))
            for b, top in zip(ordered, tops, strict=True)]


def _subtitle(title: str, sub: str) -> str:
    return f"<b>{title}</b><br><span style='font-size:0.8em;color:#455a64'>{sub}</span>"


def ita_gauge(ita: ItaYear, target: Decimal, lang: str = "th", height: int = 300) -> go.Figure:
    """The year's ITA total on a 0–100 dial in its band colours, the target line and the points to go."""
    band = ita.band.level if ita.band else "–"
    title = _subtitle(translate("charts.ita_title", lang, fy=ita.fiscal_year),
                      translate("charts.ita_band", lang, band=plain(band)))
    return gauge(ita.total, title=title, target=float(target), reference=float(target), height=height,
                 steps=band_steps(ita.bands), valueformat=".2f")


def share_gauge(met: int, total: int, title: str, lang: str = "th", height: int = 230) -> go.Figure:
    """Share of KPIs met (DECISIONS.md: a KRA group's gauge), with "met/total" under the title."""
    share = 100 * met / total if total else 0
    return gauge(share, title=_subtitle(title, translate("charts.met_of", lang, met=met, total=total)),
                 suffix="%", steps=SHARE_STEPS, valueformat=",.0f", height=height,
                 bar_color=GREEN if total and met == total else "#263238")


def budget_gauge(spent: Decimal, allocation: Decimal | None, planned: Decimal, lang: str = "th",
                 height: int = 260) -> go.Figure:
    """Baht spent on a dial up to the allocation (red line); the planned amount as a light band."""
    top = float(max(allocation or 0, spent, planned)) or 1.0
    money = {"prefix": "฿"} if lang == "en" else {"suffix": " บาท"}
    return gauge(spent, title=f"<b>{translate('charts.budget_title', lang)}</b>", maximum=top,
                 target=float(allocation) if allocation else None, steps=[(0.0, float(planned), "#eceff1")],
                 valueformat=",.0f", height=height, **money)


def kpi_gauge(status: KpiStatus, lang: str = "th", height: int = 230) -> go.Figure:
    """A KPI's latest value against its target (red line, delta), its baseline as a grey band."""
    kpi, actual, target, baseline = status.kpi, status.actual, status.target, status.baseline
    values = [float(v) for v in (actual, target, baseline) if v is not None]
    percent = kpi.get("measure_type") == "percent"
    top = max(100.0, *values) if percent else nice_max(max(values, default=0) * 1.05)
    sub = translate("charts.target", lang, value=plain(format_value(target, kpi, lang)))
    if baseline is not None:
        sub += " · " + translate("charts.baseline", lang, value=plain(format_value(baseline, kpi, lang)))
    return gauge(actual, title=_subtitle(translate("charts.latest", lang), sub), maximum=top,
                 target=float(target) if target is not None else None,
                 reference=float(target) if target is not None else None,
                 steps=[(0.0, float(baseline), "#cfd8dc")] if baseline else (), suffix="%" if percent else "",
                 bar_color=GREEN if status.met else AMBER, lower_is_better=kpi.get("direction") == "lower",
                 height=height)


def _dated_line(fig: go.Figure, days: list[date], y: float, name: str, dash: str, color: str) -> None:
    fig.add_trace(go.Scatter(x=[days[0], days[-1]], y=[y, y], mode="lines", name=name, hoverinfo="skip",
                             line={"dash": dash, "color": color, "width": 2}))


def trend_line(status: KpiStatus, lang: str = "th", height: int = 230) -> go.Figure:
    """A KPI's readings over time with its target (dashed) and baseline (dotted); Buddhist-Era date ticks."""
    points = status.trend
    days = [d for d, _ in points]
    labels = [format_date(d, lang) for d in days]
    fig = figure(height=height, margin={"l": 10, "r": 10, "t": 40, "b": 10}, showlegend=True, legend=LEGEND_ON_TOP,
                 xaxis={"tickvals": days, "ticktext": labels}, yaxis={"rangemode": "tozero"})
    fig.add_trace(go.Scatter(x=days, y=[float(v) for _, v in points], mode="lines+markers",
                             name=translate("charts.readings", lang), customdata=labels,
                             hovertemplate="%{customdata}: %{y:,.2~f}<extra></extra>",
                             line={"width": 4, "color": BLUE}, marker={"size": 10}))
    if status.target is not None:
        _dated_line(fig, days, float(status.target), translate("charts.target_line", lang), "dash", RED)
    if status.baseline is not None:
        _dated_line(fig, days, float(status.baseline), translate("charts.baseline_line", lang), "dot", GREY)
    return fig


SEGMENTS = ("done", "late", "in_progress", "not_started")


def stage_bars(stages: Sequence[tuple[str, dict[str, int]]], lang: str = "th", height: int = 320) -> go.Figure:
    """Steps per DE stage as stacked bars: done, late, in progress, not started (first stage on top)."""
    labels = [label for label, _ in stages][::-1]
    fig = figure(height=height, barmode="stack", legend=LEGEND_ON_TOP, margin={"l": 20, "r": 20, "t": 40, "b": 20},
                 xaxis={"title": translate("charts.steps_axis", lang), "dtick": 1, "tickformat": ",d"})
    for seg in SEGMENTS:
        counts = [segments.get(seg, 0) for _, segments in stages][::-1]
        fig.add_trace(go.Bar(y=labels, x=counts, orientation="h", name=translate(f"charts.seg_{seg}", lang),
                             marker_color=STATUS_COLORS[seg], text=[c or "" for c in counts],
                             textposition="inside", insidetextfont={"size": 16, "color": "white"},
                             hovertemplate="%{y}: %{x:,d}<extra>%{fullData.name}</extra>"))
    return fig
