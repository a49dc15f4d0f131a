"""The DE cycle as bullet graphs (display.bullets): a KPI against its target and baseline, a KRA group's share of
KPIs met, a stage's steps done against the steps due by now. One line each, in Thai or English."""

from __future__ import annotations

from de_core.cycle.kpis import format_value, group_label
from de_core.cycle.progress import GroupSummary, KpiStatus, StageProgress
from de_core.display.bullets import Bullet
from de_core.display.charts import nice_max
from de_core.display.i18n import translate
from de_core.thaidate import format_date, format_percent

SHARE_BANDS = (50.0, 80.0)  # a group's share met: under half poor, under 80% fair (the gauges' thirds before)


def group_bullet(g: GroupSummary, lang: str = "th", label: str | None = None) -> Bullet:
    """A KRA group: the share of its KPIs met (bar) against all of them (the mark at 100%)."""
    share = 100 * g.met / g.total if g.total else 0.0
    return Bullet(
        label=label or group_label(g.group or None, lang),
        value=translate("bullets.met_of", lang, met=g.met, total=g.total, share=format_percent(share, 0)),
        actual=share if g.total else None, maximum=100.0, target=100.0, bands=SHARE_BANDS,
        tone="good" if g.total and g.met == g.total else "",
        note=translate("bullets.measured", lang, n=g.measured) if g.total and g.measured < g.total else "",
        target_text=translate("bullets.all_met", lang))


def stage_bullet(p: StageProgress, lang: str = "th") -> Bullet:
    """A DE stage: steps done (bar) against the steps due by now (mark), out of all its steps; late in red."""
    late = translate("bullets.late", lang, n=p.late) if p.late else ""
    return Bullet(
        label=translate(f"stage.{p.stage}", lang) if p.stage else translate("tracker.no_stage", lang),
        value=translate("overview.steps_done", lang, done=p.done, total=p.total),
        actual=float(p.done) if p.total else None, maximum=float(p.total or 1),
        target=float(p.due) if p.total and p.due else None,
        tone="good" if p.total and p.done == p.total else "warn" if p.late else "",
        note=late, note_tone="bad" if late else "",
        target_text=translate("bullets.due_by_now", lang, n=p.due))


def kpi_bullet(status: KpiStatus, lang: str = "th", label: str = "") -> Bullet:
    """A KPI: its latest reading (bar) against its target (mark); below the baseline darkest, past the target
    lightest (reversed when lower is better). A yes/no KPI is a full bar for yes; no reading, no bar."""
    kpi, actual, target, baseline = status.kpi, status.actual, status.target, status.baseline
    values = [float(v) for v in (actual, target, baseline) if v is not None]
    if status.qualitative:
        top = 1.0
    elif kpi.get("measure_type") == "percent":
        top = max(100.0, *values)
    else:
        top = nice_max(max(values, default=0) * 1.05)
    lower = kpi.get("direction") == "lower"
    bands = () if status.qualitative else tuple(float(v) for v in (baseline, target) if v is not None)
    if actual is None:
        value = translate("kpis.state_no_reading", lang)
    else:
        value = format_value(actual, kpi, lang)
        if target is not None and not status.qualitative:
            value = translate("bullets.of_target", lang, value=value, target=format_value(target, kpi, lang))
    when = status.latest.get("measured_on") if status.latest else None
    return Bullet(
        label=label or f"{kpi.get('no') or ''}. {kpi.get('kpi') or ''}".strip(". "),
        value=value, actual=None if actual is None else float(actual), maximum=top,
        target=None if target is None else float(target), bands=bands, reverse=lower,
        tone={True: "good", False: "warn"}.get(status.met, ""),
        note=translate("bullets.measured_on", lang, date=format_date(when, lang)) if when else "",
        target_text=translate("charts.target", lang, value=format_value(target, kpi, lang)))
