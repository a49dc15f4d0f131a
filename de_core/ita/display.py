"""The ITA page's texts, tables (lists of rows with translated headers) and history chart, in one language."""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go

from de_core.display import charts
from de_core.display.i18n import translate
from de_core.display.mdtext import md_escape as _md_escape
from de_core.display.mdtext import md_escape_line
from de_core.ita.oit import INVALID, MISSING, OitChecklist
from de_core.ita.score import TOOLS, Band, ItaYear, Needed
from de_core.ita.view import ItaView
from de_core.sheet.cells import CellIssue
from de_core.sheet.schema import load_schema
from de_core.thaidate import (
    DASH,
    format_date,
    format_month_range,
    format_number,
    format_percent,
    format_score,
)

Row = dict[str, str]


def _t(key: str, lang: str, **values: object) -> str:
    return translate(key, lang, **values)


def tool_label(tool: str, lang: str) -> str:
    return _t(f"ita.tool_{tool}", lang)


def weight_text(weight: Decimal | None) -> str:
    """"30%" for whole weights, "33.33%" otherwise; "–" when missing."""
    if weight is None:
        return DASH
    return format_percent(weight, 0 if weight == weight.to_integral_value() else 2)


def weights_text(year: ItaYear, lang: str) -> str:
    parts = [f"{t.upper()} {weight_text(year.weights.get(t))}" for t in TOOLS]
    return _t("ita.weights", lang, weights=" · ".join(parts))


def band_text(band: Band | None, lang: str) -> str:
    """"ระดับ AA" under a total (a metric's delta, read as Markdown); the level is sheet text, escaped."""
    return _t("ita.band", lang, band=md_escape_line(band.level) if band else DASH)


def bands_text(year: ItaYear, lang: str) -> str:
    """The year's band table in one line ("AA ≥ 95.00 · A ≥ 85.00 …"); levels are sheet text, escaped."""
    levels = " · ".join(f"{_md_escape(b.level)} ≥ {format_score(b.min_score)}" for b in year.bands)
    return _t("ita.bands", lang, bands=levels)


def no_total_reason(year: ItaYear, lang: str) -> str | None:
    """Why the total (or its level) is missing, in words; None when both are there."""
    if not year.weights_ok:
        why = _t("ita.why_weights", lang)
    elif year.total is None:
        missing = ", ".join(t.upper() for t in year.weights if year.scores.get(t) is None)
        why = _t("ita.why_scores", lang, tools=missing)
    elif year.band is None:
        why = _t("ita.no_band", lang)
    else:
        return None
    return _t("ita.no_total", lang, why=why)


def frame_text(year: ItaYear, lang: str) -> str:
    """Where the year's frame comes from, for the caption: its own rows in the sheet, or the frame the app ships
    for it ("" when it borrows another year's: borrowed_text says so louder)."""
    frame = year.frame
    if frame is None or frame.source == "none":
        return _t("ita.frame_none", lang, fy=year.fiscal_year)
    if frame.borrowed_from is not None:
        return ""
    return _t(f"ita.frame_{frame.source}", lang, fy=year.fiscal_year)


def borrowed_text(year: ItaYear, lang: str) -> str | None:
    """The year uses another year's frame: which, and that it should be checked (None when it has its own)."""
    other = year.frame.borrowed_from if year.frame is not None else None
    return None if other is None else _t("ita.frame_borrowed", lang, fy=year.fiscal_year, other=other)


def rules_text(year: ItaYear, lang: str) -> str | None:
    """What the frame's per-tool rules did to the result and why (None when no rule applied)."""
    if not year.rules_applied:
        return None
    parts = []
    for rule in year.rules_applied:
        note = rule.note_th if lang == "th" else rule.note_en
        what = (_t("ita.rule_cap_total", lang, cap=format_score(rule.cap)) if rule.kind == "cap_total"
                else _t("ita.rule_cap_level", lang, level=md_escape_line(rule.level)))
        parts.append(_t("ita.rule_applied", lang, tool=rule.tool.upper(), below=format_score(rule.below),
                        what=what) + (f" ({md_escape_line(note)})" if note else ""))
    return _t("ita.rules_capped", lang, computed=format_score(year.computed_total)) + " " + " ".join(parts)


def official_text(year: ItaYear, lang: str) -> str:
    diff = year.official_diff
    if year.official_total is None or diff is None:
        return _t("ita.official_none", lang) if year.official_total is None else DASH
    if diff == 0:
        return _t("ita.official_same", lang)
    return _t("ita.official_diff", lang, diff=("+" if diff > 0 else "") + format_score(diff))


def year_caption(year: ItaYear, lang: str) -> str:
    """The official total, the weights, the bands and where the frame comes from, in one line."""
    return " · ".join(filter(None, (f(year, lang) for f in (official_text, weights_text, bands_text, frame_text))))


def scores_table(view: ItaView, lang: str) -> list[Row]:
    return [{
        _t("ita.col_tool", lang): tool_label(r.tool, lang),
        _t("ita.col_score", lang): format_score(r.score),
        _t("ita.col_weight", lang): weight_text(r.weight),
        _t("ita.col_points", lang): format_number(r.points, 3),
        _t("ita.col_per_point", lang): format_score(r.per_point),
        _t("ita.col_headroom", lang): format_score(r.headroom),
    } for r in view.tools]


def number_columns(lang: str) -> list[str]:
    """The headers of the page's tables whose cells are numbers (aligned right)."""
    keys = ("score", "weight", "points", "per_point", "headroom", "total", "official", "national", "items",
            "published", "percent")
    return [_t(f"ita.col_{k}", lang) for k in keys] + [t.upper() for t in TOOLS]


def indicator_title(view: ItaView, key: str, lang: str) -> str:
    """The indicator's title as the year's ITA frame names it ("1 การปฏิบัติหน้าที่"), else the tab's header."""
    frame = view.year.frame if view.year is not None else None
    named = frame.file.indicators.get(key) if frame is not None and frame.file is not None else None
    if named is None:
        return load_schema().tab("ita_scores").column(key).header(lang)
    return f"{key.removeprefix('i')} {named[1] if lang == 'th' else named[2]}"


def indicators_table(view: ItaView, lang: str) -> list[Row]:
    return [{
        _t("ita.col_tool", lang): r.tool.upper(),
        _t("ita.col_indicator", lang): indicator_title(view, key, lang),
        _t("ita.col_score", lang): format_score(score),
    } for r in view.tools for key, score in r.indicators]


def best_tool_text(view: ItaView, lang: str) -> str | None:
    row = next((r for r in view.tools if r.tool == view.best_tool), None)
    if row is None:
        return None
    return _t("ita.best_tool", lang, tool=tool_label(row.tool, lang), weight=weight_text(row.weight),
              room=format_score(row.headroom))


def needed_text(needed: Needed, scores: dict[str, Decimal | None], target: Decimal, lang: str) -> str:
    """The minimum OIT for the target given IIT and EIT, said plainly (also when out of reach)."""
    values = {"iit": format_score(scores.get("iit")), "eit": format_score(scores.get("eit")),
              "oit": format_score(needed.score), "target": format_score(target)}
    key = {"needed": "ita.need_oit", "reached": "ita.need_reached", "unreachable": "ita.need_unreachable"}
    return _t(key.get(needed.state, "ita.need_unknown"), lang, **values)


def history_table(view: ItaView, lang: str) -> list[Row]:
    return [{
        _t("ita.col_year", lang): str(h.fiscal_year),
        **{t.upper(): format_score(h.scores.get(t)) for t in TOOLS},
        _t("ita.col_total", lang): format_score(h.total),
        _t("ita.col_band", lang): h.band or DASH,
        _t("ita.col_official", lang): format_score(h.official_total),
        _t("ita.col_national", lang): format_score(h.national_average),
    } for h in view.history]


def _num(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def history_figure(view: ItaView, lang: str) -> go.Figure:
    """Totals and tool scores per fiscal year, the AA and pass lines as shapes, the national average dashed."""
    aa = view.year.band_min("AA", view.target) if view.year else view.target
    fig = charts.figure(height=420, yaxis={"title": _t("ita.col_score", lang)},
                        legend={"orientation": "h", "y": -0.15}, margin={"l": 20, "r": 80, "t": 30, "b": 20})
    x = [_t("ita.fy_short", lang, fy=h.fiscal_year) for h in view.history]
    # No figures written on the line: they sat on the national average's points (the table under the chart and
    # the hover give them).
    fig.add_trace(go.Scatter(x=x, y=[_num(h.total) for h in view.history], name=_t("ita.line_total", lang),
                             mode="lines+markers", text=[format_score(h.total) for h in view.history],
                             hovertemplate="%{x}: %{text}<extra></extra>", marker={"size": 11},
                             line={"width": 4, "color": charts.GREEN}))
    for tool in TOOLS:
        fig.add_trace(go.Scatter(x=x, y=[_num(h.scores.get(tool)) for h in view.history], name=tool.upper(),
                                 mode="lines+markers", line={"width": 2}))
    if any(h.national_average is not None for h in view.history):
        fig.add_trace(go.Scatter(x=x, y=[_num(h.national_average) for h in view.history],
                                 name=_t("ita.line_national", lang), mode="lines+markers",
                                 line={"dash": "dash", "color": charts.GREY, "width": 2}))
    for y, label, color in ((aa, _t("ita.line_aa", lang, score=format_number(aa, 0)), charts.GREEN),
                            (view.pass_line, _t("ita.line_pass", lang, score=format_number(view.pass_line, 0)),
                             charts.AMBER)):
        fig.add_shape(type="line", xref="paper", x0=0, x1=1, y0=float(y), y1=float(y),
                      line={"color": color, "width": 2, "dash": "dot"})
        fig.add_annotation(xref="paper", x=1, y=float(y), text=label, showarrow=False, xanchor="left",
                           font={"color": color})
    lows = [v for h in view.history for v in (h.total, *h.scores.values(), h.national_average) if v is not None]
    fig.update_yaxes(range=[float(min([*lows, view.pass_line]) // 5 * 5 - 5), 101])
    return fig


def checklist_groups_table(checklist: OitChecklist, lang: str) -> list[Row]:
    schema = load_schema()
    return [{
        _t("ita.col_group", lang): schema.enum_label("oit_group", g.group, lang) or _t("ita.group_other", lang),
        _t("ita.col_items", lang): format_number(g.total),
        _t("ita.col_published", lang): format_number(g.published),
        _t("ita.col_percent", lang): format_percent(g.percent, 1),
    } for g in checklist.groups]


def _flag(item_problem: str | None, duplicate_of: int | None, lang: str) -> str:
    flags = {MISSING: [_t("ita.flag_missing", lang)], INVALID: [_t("ita.flag_invalid", lang)]}.get(item_problem or "", [])
    if duplicate_of is not None:
        flags.append(_t("ita.flag_duplicate", lang, row=duplicate_of))
    return ", ".join(flags)


def checklist_items_table(checklist: OitChecklist, lang: str) -> list[Row]:
    schema = load_schema()
    return [{
        _t("ita.col_code", lang): i.code,
        _t("ita.col_item", lang): i.title,
        _t("ita.col_status", lang): schema.enum_label("oit_status", i.status, lang) or _t("ita.status_unknown", lang),
        _t("ita.col_url", lang): i.url or "",
        _t("ita.col_flag", lang): _flag(i.url_problem, i.duplicate_of, lang),
        _t("ita.col_checked_by", lang): i.checked_by,
        _t("ita.col_checked_on", lang): format_date(i.checked_on, lang) if i.checked_on else "",
        _t("ita.col_group", lang): schema.enum_label("oit_group", i.group, lang) or _t("ita.group_other", lang),
    } for i in checklist.items]


def counts_text(checklist: OitChecklist, lang: str) -> str:
    return _t("ita.oit_counts", lang, **{k: format_number(v) for k, v in checklist.counts().items()
                                         if k != "unknown"})


def flagged_text(checklist: OitChecklist, lang: str) -> str | None:
    """"3 items have no valid link: O12, O13" (codes escaped for markdown); None when every link is fine."""
    codes = [_md_escape(i.code) if i.code else str(i.row) for i in checklist.flagged]
    return _t("ita.oit_flagged", lang, n=len(codes), codes=", ".join(codes)) if codes else None


def activities_table(view: ItaView, lang: str) -> list[Row]:
    schema = load_schema()
    rows = []
    for a in view.activities:
        act = a.activity
        period = act.get("period") or (act.get("planned_start"), act.get("planned_end"))
        status = schema.enum_label("activity_status", act.get("status"), lang)
        rows.append({
            _t("ita.col_no", lang): act.get("no") or "",
            _t("ita.col_activity", lang): act.get("title") or "",
            _t("ita.col_period", lang): format_month_range(period[0], period[1], lang),
            _t("ita.col_status", lang): f"{status} ({_t('ita.late', lang)})" if a.late else status,
            _t("ita.col_owner", lang): act.get("owner") or "",
        })
    return rows


def issues_table(issues: list[CellIssue], lang: str) -> list[Row]:
    return [{
        _t("ita.col_where", lang): i.location,
        _t("ita.col_problem", lang): i.message(lang),
        _t("ita.col_fix", lang): i.hint(lang),
    } for i in issues]
