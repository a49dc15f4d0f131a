"""The DE cycle's figures: a KPI's gauge and trend, and the steps per stage as stacked bars."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import plotly.graph_objects as go

from de_core.cycle.kpis import format_value
from de_core.cycle.progress import KpiStatus
from de_core.display.charts import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    LEGEND_ON_TOP,
    RED,
    STATUS_COLORS,
    figure,
    gauge,
    nice_max,
    plain,
    subtitle,
)
from de_core.display.i18n import translate
from de_core.thaidate import format_date


def kpi_gauge(status: KpiStatus, lang: str = "th", height: int = 230) -> go.Figure:
    """A KPI's latest value against its target (red line, delta), its baseline as a grey band."""
    kpi, actual, target, baseline = status.kpi, status.actual, status.target, status.baseline
    values = [float(v) for v in (actual, target, baseline) if v is not None]
    percent = kpi.get("measure_type") == "percent"
    top = max(100.0, *values) if percent else nice_max(max(values, default=0) * 1.05)
    sub = translate("charts.target", lang, value=plain(format_value(target, kpi, lang)))
    if baseline is not None:
        sub += " · " + translate("charts.baseline", lang, value=plain(format_value(baseline, kpi, lang)))
    return gauge(actual, title=subtitle(translate("charts.latest", lang), sub), maximum=top,
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
