"""The DE cycle's figures: a KPI's trend, and the steps per stage as stacked bars (a KPI against its target is a
bullet graph: cycle.bullets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import plotly.graph_objects as go

from de_core.cycle.progress import KpiStatus
from de_core.display.charts import (
    BLUE,
    GREY,
    LEGEND_ON_TOP,
    RED,
    STATUS_COLORS,
    figure,
)
from de_core.display.i18n import translate
from de_core.thaidate import format_date


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
