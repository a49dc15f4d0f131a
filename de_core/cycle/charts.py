"""The DE cycle's figures: a KPI's trend, and the steps per stage as stacked bars (a KPI against its target is a
bullet graph: cycle.bullets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import plotly.graph_objects as go

from de_core.cycle.kpis import short
from de_core.cycle.progress import KpiStatus
from de_core.display.charts import (
    BLUE,
    GREY,
    LEGEND_ON_TOP,
    RED,
    STATUS_COLORS,
    figure,
    plain,
)
from de_core.display.i18n import translate
from de_core.sheet.workbook import Record
from de_core.thaidate import format_date

ADAPTED = "#6a1b9a"  # the adaptation markers: apart from the readings' blue, the target's red and baseline's grey


def _dated_line(fig: go.Figure, days: list[date], y: float, name: str, dash: str, color: str) -> None:
    fig.add_trace(go.Scatter(x=[days[0], days[-1]], y=[y, y], mode="lines", name=name, hoverinfo="skip",
                             line={"dash": dash, "color": color, "width": 2}))


def _adaptation_marks(fig: go.Figure, adaptations: Sequence[Record], top: float, lang: str) -> None:
    """A dashed vertical line on each done adaptation's date, and a marker at its top whose hover says the date and
    the decision (sheet text, escaped for plotly)."""
    days = [a["done_on"] for a in adaptations]
    for day in days:
        fig.add_shape(type="line", x0=day, x1=day, xref="x", y0=0, y1=1, yref="paper", layer="below",
                      line={"dash": "dash", "color": ADAPTED, "width": 2})
    hover = [plain(translate("trendmark.line", lang, date=format_date(a["done_on"], lang),
                             decision=short(a.get("decision") or ""))) for a in adaptations]
    fig.add_trace(go.Scatter(x=days, y=[top] * len(days), mode="markers", name=translate("trendmark.name", lang),
                             customdata=hover, hovertemplate="%{customdata}<extra></extra>",
                             marker={"symbol": "triangle-down", "size": 14, "color": ADAPTED}))


def trend_line(status: KpiStatus, lang: str = "th", height: int = 230,
               adaptations: Sequence[Record] = ()) -> go.Figure:
    """A KPI's readings over time with its target (dashed) and baseline (dotted); Buddhist-Era date ticks. Each done
    adaptation touching the KPI (`adaptations`, with their done_on) is a dashed purple line on its date with a
    marker whose hover names the decision, so a director sees whether the line moved after it."""
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
    if adaptations:
        levels: list[Any] = [v for _, v in points] + [status.target, status.baseline]
        _adaptation_marks(fig, adaptations, max(float(v) for v in levels if v is not None), lang)
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
