"""Figures of the Activities and Budget screens, on the product template: Gantt, quarters, budget, burn, coverage.

Date axes carry Buddhist-Era month labels (tickvals/ticktext); the as-of line is a shape (PITFALLS: add_vline
with annotation_text fails on date axes). Sheet text in labels and hovers is HTML-escaped with `plain` (plotly
decodes &lt; &gt; &amp; but shows &quot; as typed, so quotes stay as they are).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from de_core.activities.budget import BudgetSummary, BurnPoint
from de_core.activities.coverage import Coverage
from de_core.activities.quarters import CROWDED_SHARE, QuarterSpread
from de_core.activities.tables import activity_name, quarter_label, tags
from de_core.activities.timeline import STATUSES, GanttRow
from de_core.display.charts import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    RED,
    STATUS_COLORS,
    TEMPLATE_NAME,
    figure,
    plain,
)
from de_core.display.i18n import translate
from de_core.sheet.schema import Schema
from de_core.thaidate import DASH, fiscal_months, fiscal_year_bounds, format_baht, format_date, format_month


def _t(key: str, lang: str, **values: object) -> str:
    return translate(f"activities.{key}", lang, **values)


def month_ticks(fiscal_year: int, lang: str) -> tuple[list[datetime], list[str]]:
    """The first day of each fiscal month and its label ("ต.ค.<br>2565" on October and January, else "พ.ย.")."""
    months = fiscal_months(fiscal_year)
    vals = [datetime(y, m, 1) for y, m in months]
    text = [format_month(y, m, lang).replace(" ", "<br>", 1) if m in (10, 1) else format_month(y, m, lang).split()[0]
            for y, m in months]
    return vals, text


def _date_axis(fig: go.Figure, fiscal_year: int, lang: str) -> None:
    first, last = fiscal_year_bounds(fiscal_year)
    vals, text = month_ticks(fiscal_year, lang)
    fig.update_xaxes(type="date", tickvals=vals, ticktext=text, range=[first, last + timedelta(days=1)],
                     title=None)


def _as_of_line(fig: go.Figure, fiscal_year: int, as_of: date, lang: str) -> None:
    first, last = fiscal_year_bounds(fiscal_year)
    if first <= as_of <= last:
        fig.add_shape(type="line", x0=as_of, x1=as_of, y0=0, y1=1, xref="x", yref="paper",
                      line={"color": RED, "width": 2, "dash": "dash"})
        fig.add_annotation(x=as_of, y=1, xref="x", yref="paper", yanchor="bottom", showarrow=False,
                           text=_t("today_line", lang, date=format_date(as_of, lang)), font={"color": RED})


def _hover(row: GanttRow, schema: Schema, lang: str, kpis: dict[str, str] | None = None) -> str:
    chars, decls = tags(row.activity, schema, lang)
    lines = [
        f"<b>{plain(activity_name(row.activity))}</b>",
        f"{_t('col_status', lang)}: {_t('status_' + row.status, lang)}",
        f"{_t('col_planned', lang)}: " + (f"{format_date(row.planned[0], lang)} – {format_date(row.planned[1], lang)}"
                                          if row.planned else DASH),
        f"{_t('col_actual', lang)}: " + (f"{format_date(row.actual[0], lang)} – {format_date(row.actual[1], lang)}"
                                         if row.actual else DASH),
        f"{_t('col_owner', lang)}: {plain(row.activity.get('owner') or DASH)}",
        f"KPI: {plain(', '.join((kpis or {}).get(k, k) for k in row.activity.get('kpi_ids') or []) or DASH)}",
        f"{_t('col_characteristics', lang)}: {plain(chars or DASH)}",
        f"{_t('col_declarations', lang)}: {plain(decls or DASH)}",
    ]
    return "<br>".join(lines)


def _unique(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def gantt(rows: list[GanttRow], fiscal_year: int, as_of: date, schema: Schema, lang: str,
          kpis: dict[str, str] | None = None) -> go.Figure:
    """Planned bars coloured by status, thin dark actual bars over them, BE months, the as-of line; the hover
    names linked KPIs as `kpis` does (id → "ผู้บริหาร 3")."""
    charted = [r for r in rows if r.planned]
    labels = _unique([plain(r.label) for r in charted])  # category labels are plotly text: sheet text escaped
    status_names = {s: _t(f"status_{s}", lang) for s in STATUSES}
    df = pd.DataFrame({
        "label": labels,
        "start": pd.to_datetime([r.planned[0] for r in charted]),
        "end": pd.to_datetime([r.planned[1] + timedelta(days=1) for r in charted]),
        "status": [status_names[r.status] if r.status in status_names else r.status for r in charted],
        "hover": [_hover(r, schema, lang, kpis) for r in charted],
    })
    fig = px.timeline(df, x_start="start", x_end="end", y="label", color="status", custom_data=["hover"],
                      color_discrete_map={status_names[s]: STATUS_COLORS[s] for s in STATUSES},
                      category_orders={"label": labels, "status": list(status_names.values())})
    fig.update_traces(hovertemplate="%{customdata[0]}<extra></extra>")
    acted = [(label, r) for label, r in zip(labels, charted, strict=True) if r.actual]
    if acted:
        fig.add_trace(go.Bar(
            name=_t("actual_bar", lang), orientation="h", y=[label for label, _ in acted], width=0.3,
            base=[datetime.combine(r.actual[0], datetime.min.time()) for _, r in acted],
            x=[((r.actual[1] - r.actual[0]).days + 1) * 86_400_000 for _, r in acted],
            marker={"color": "#263238"}, customdata=[[_hover(r, schema, lang, kpis)] for _, r in acted],
            hovertemplate="%{customdata[0]}<extra></extra>"))
    fig.update_layout(template=TEMPLATE_NAME, height=140 + 34 * max(len(charted), 3), barmode="overlay",
                      legend={"orientation": "h", "y": -0.08, "title": None}, margin={"l": 10, "r": 10, "t": 40})
    fig.update_yaxes(title=None, tickfont={"size": 13})  # px lists categories bottom-up: the first row is on top
    _date_axis(fig, fiscal_year, lang)
    _as_of_line(fig, fiscal_year, as_of, lang)
    return fig


def quarter_chart(spread: QuarterSpread, lang: str) -> go.Figure:
    """Activity-months and planned budget per fiscal quarter; a crowded quarter red, an empty one marked."""
    names = [quarter_label(q.quarter, lang).replace(" (", "<br>(") for q in spread.quarters]
    fig = make_subplots(rows=1, cols=2, subplot_titles=[_t("activity_months", lang), _t("planned_budget", lang)])
    total_m, total_b = spread.activity_months, spread.budget

    def colour(value, total) -> str:
        return RED if total and value / total > CROWDED_SHARE else GREEN

    fig.add_trace(go.Bar(x=names, y=[q.activity_months for q in spread.quarters], showlegend=False,
                         marker_color=[colour(q.activity_months, total_m) for q in spread.quarters],
                         text=[str(q.activity_months) if not q.is_gap else _t("gap", lang) for q in spread.quarters],
                         textposition="outside", hovertemplate="%{x}: %{y}<extra></extra>"), row=1, col=1)
    fig.add_trace(go.Bar(x=names, y=[float(q.budget) for q in spread.quarters], showlegend=False,
                         marker_color=[colour(q.budget, total_b) for q in spread.quarters],
                         text=[format_baht(q.budget, lang) for q in spread.quarters], textposition="outside",
                         hovertemplate="%{x}: %{text}<extra></extra>"), row=1, col=2)
    fig.update_layout(template=TEMPLATE_NAME, height=360, margin={"t": 60})
    fig.update_yaxes(rangemode="tozero", automargin=True)
    fig.update_yaxes(range=[0, max([q.activity_months for q in spread.quarters] + [1]) * 1.35], row=1, col=1)
    fig.update_yaxes(range=[0, float(max([q.budget for q in spread.quarters] + [1])) * 1.35], row=1, col=2)
    return fig


def budget_chart(summary: BudgetSummary, lang: str) -> go.Figure:
    """Planned against spent per top-level activity (horizontal bars); no-budget activities say so."""
    names = _unique([plain(activity_name(x.activity)[:40]) for x in summary.lines])  # cut first, then escaped
    fig = figure(barmode="group", height=120 + 60 * max(len(names), 2), legend={"orientation": "h", "y": -0.15})
    planned_text = [translate("budget.no_budget", lang) if x.no_budget else format_baht(x.planned, lang)
                    for x in summary.lines]
    fig.add_trace(go.Bar(y=names, x=[float(x.planned) for x in summary.lines], orientation="h", marker_color=GREY,
                         name=translate("budget.planned", lang), text=planned_text, textposition="outside"))
    fig.add_trace(go.Bar(y=names, x=[float(x.spent) for x in summary.lines], orientation="h",
                         marker_color=[RED if x.overspent else GREEN for x in summary.lines],
                         name=translate("budget.spent", lang),
                         text=[format_baht(x.spent, lang) for x in summary.lines], textposition="outside"))
    fig.update_yaxes(autorange="reversed")
    top = max([float(max(x.planned, x.spent)) for x in summary.lines] + [1.0])
    fig.update_xaxes(title=translate("budget.baht", lang), tickformat=",~r", range=[0, top * 1.3])
    return fig


def burn_chart(points: list[BurnPoint], fiscal_year: int, as_of: date, allocation, lang: str) -> go.Figure:
    """Cumulative spend by month against the cumulative planned curve, with the allocation as a ceiling."""
    fig = figure(height=380, legend={"orientation": "h", "y": -0.15}, hovermode="x unified")
    x = [datetime(y, m, 15) for y, m in (p.month for p in points)]
    fig.add_trace(go.Scatter(x=x, y=[float(p.planned) for p in points], mode="lines+markers",
                             name=translate("budget.planned_curve", lang), line={"color": GREY, "dash": "dot"},
                             text=[format_baht(p.planned, lang) for p in points], hovertemplate="%{text}"))
    spent = [p for p in points if p.spent is not None]
    fig.add_trace(go.Scatter(x=x[:len(spent)], y=[float(p.spent) for p in spent], mode="lines+markers",
                             name=translate("budget.spent_curve", lang), line={"color": BLUE, "width": 3},
                             text=[format_baht(p.spent, lang) for p in spent], hovertemplate="%{text}"))
    if allocation:
        fig.add_shape(type="line", x0=0, x1=1, xref="paper", y0=float(allocation), y1=float(allocation),
                      line={"color": AMBER, "width": 2})
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=float(allocation), yanchor="bottom",
                           showarrow=False, text=translate("budget.allocation_line", lang,
                                                           amount=format_baht(allocation, lang)))
    _date_axis(fig, fiscal_year, lang)
    _as_of_line(fig, fiscal_year, as_of, lang)
    fig.update_yaxes(rangemode="tozero", tickformat=",~r")
    return fig


def coverage_heatmap(cov: Coverage, schema: Schema, lang: str) -> go.Figure:
    """Activities per characteristic × declaration (colour), reflections and harvested outcomes beside them (text);
    gaps in red."""
    ys = [schema.enum_label("characteristic", c, lang) for c in cov.characteristics]
    xs = [schema.enum_label("declaration", d, lang) for d in cov.declarations]
    text = [[translate("coverage.cell", lang, activities=a, reflections=r) if a else
             translate("coverage.gap_cell", lang, reflections=r) for a, r in zip(arow, rrow, strict=True)]
            for arow, rrow in zip(cov.activities, cov.reflections, strict=True)]
    for i, j in ((i, j) for i, row in enumerate(cov.outcomes) for j, n in enumerate(row) if n):
        text[i][j] += "<br>" + translate("harvest.cell", lang, n=cov.outcomes[i][j])  # harvested outcomes (#19)
    top = max([max(row) for row in cov.activities] + [1])
    fig = figure(height=440, margin={"l": 10, "r": 10, "t": 70, "b": 10})
    fig.add_trace(go.Heatmap(
        z=cov.activities, x=xs, y=ys, text=text, texttemplate="%{text}", zmin=0, zmax=top,
        colorscale=[[0, "#ffcdd2"], [0.5 / top, "#ffcdd2"], [0.5 / top + 1e-6, "#e8f5e9"], [1, GREEN]],
        colorbar={"title": {"text": translate("coverage.activities", lang), "side": "right"}, "tickformat": ",d"},
        hovertemplate="%{y} × %{x}<br>%{text}<extra></extra>", xgap=3, ygap=3))
    fig.update_yaxes(autorange="reversed", gridcolor=None)
    fig.update_xaxes(side="top", gridcolor=None)
    return fig
