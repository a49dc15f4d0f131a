"""What the Activities and Budget screens print: localized tables and warning sentences (no Streamlit here).

Sheet text goes into tables as plain cells, and into sentences only through md_escape (pages render sentences
as markdown).
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from de_core.activities.budget import BudgetAlert, BudgetPace, BudgetSummary
from de_core.activities.coverage import Coverage
from de_core.activities.quarters import QuarterSpread
from de_core.activities.timeline import DateProblem, GanttRow
from de_core.activities.view import ActivityDetail
from de_core.display.bullets import Bullet
from de_core.display.i18n import translate
from de_core.display.mdtext import md_escape_line as md_escape
from de_core.sheet.schema import Schema
from de_core.sheet.workbook import Record
from de_core.thaidate import DASH, format_baht, format_date, format_month, format_number, format_percent


def _t(key: str, lang: str, **values: object) -> str:
    return translate(f"activities.{key}", lang, **values)


def activity_name(act: Record | None) -> str:
    """'5.5 กลั่นกรองรายงานตัวชี้วัด ITA Online' (number and title as typed)."""
    if not act:
        return DASH
    return " ".join(f"{act.get('no') or ''} {act.get('title') or act.get('id') or ''}".split())


def tags(rec: Record, schema: Schema, lang: str) -> tuple[str, str]:
    """The characteristic and declaration labels of a row, comma separated."""
    return (", ".join(schema.enum_label("characteristic", k, lang) for k in rec.get("characteristics") or []),
            ", ".join(schema.enum_label("declaration", k, lang) for k in rec.get("declarations") or []))


def tags_line(rec: Record, schema: Schema, lang: str) -> str:
    """'คุณลักษณะ 5 ประการ: มีวินัย · ปฏิญญา 3 ข้อ: การป้องกัน' (labels from the schema, never sheet text)."""
    chars, decls = tags(rec, schema, lang)
    return f"{_t('col_characteristics', lang)}: {chars or DASH} · {_t('col_declarations', lang)}: {decls or DASH}"


def planned_text(detail: ActivityDetail, lang: str) -> str:
    """The detail's planned budget: baht, 'ไม่ใช้งบประมาณ', or 'in the parent's budget' for a sub-activity."""
    if detail.planned_budget is None:
        return _t("budget_in_parent", lang)
    return translate("budget.no_budget", lang) if not detail.planned_budget else format_baht(detail.planned_budget, lang)


def gap_labels(cov: Coverage, schema: Schema, lang: str) -> list[str]:
    """'อยู่อย่างพอเพียง × การสร้างเครือข่าย' for each uncovered pair."""
    return [f"{schema.enum_label('characteristic', c, lang)} × {schema.enum_label('declaration', d, lang)}"
            for c, d in cov.gaps]


def quarter_label(quarter: int, lang: str) -> str:
    return _t(f"q{quarter}", lang)


def spread_messages(spread: QuarterSpread, lang: str) -> list[tuple[str, str]]:
    """(level, sentence) per quarter-spread finding: a crowded quarter, a quarter with no activity, activities
    without dates ("warning"); a quarter with activities but no planned budget ("info": worth saying, not wrong)."""
    out = []
    for w in spread.warnings:
        names = ", ".join(md_escape(activity_name(a)) for a in w.activities)
        share = format_percent(w.share * 100, 0) if w.share is not None else ""
        quarter = quarter_label(w.quarter, lang) if w.quarter else ""
        level = "info" if w.kind == "no_budget" else "warning"
        out.append((level, _t(f"warn_{w.kind}", lang, quarter=quarter, share=share, names=names,
                              n=len(w.activities))))
    return out


def spread_ok(spread: QuarterSpread, lang: str) -> str | None:
    """The good news the quarters hold, only as far as it is true: nothing crowded (and every quarter with both
    activities and budget); None when a quarter is crowded or there is nothing to spread."""
    kinds = {w.kind for w in spread.warnings}
    if not spread.activity_months or kinds & {"crowded_activities", "crowded_budget"}:
        return None
    return _t("spread_even" if not kinds else "spread_no_crowding", lang)


def quarters_line(spread: QuarterSpread, lang: str) -> str:
    """'งบตามแผนรายไตรมาส: 0 บาท / 2,500 บาท / … · กิจกรรม-เดือน: 4 / 2 / 5 / 6': what the quarter chart shows."""
    return _t("quarters_line", lang, budgets=" / ".join(format_baht(q.budget, lang) for q in spread.quarters),
              months=" / ".join(format_number(q.activity_months) for q in spread.quarters))


def pace_message(pace: BudgetPace | None, lang: str) -> tuple[str, str] | None:
    """(level, sentence) on where the burn line stands against the cumulative plan at the as-of month: "warning"
    when spending is ahead of the plan, else "info"; None without a plan or spending to compare."""
    if pace is None or (not pace.planned and not pace.spent):
        return None
    values = {"month": format_month(*pace.month, lang), "spent": format_baht(pace.spent, lang),
              "planned": format_baht(pace.planned, lang)}
    if pace.ahead > 0:
        return "warning", translate("budget.pace_ahead", lang, over=format_baht(pace.ahead, lang), **values)
    if pace.ahead < 0:
        return "info", translate("budget.pace_behind", lang, under=format_baht(-pace.ahead, lang), **values)
    return "info", translate("budget.pace_on", lang, **values)


def budget_bullet(summary: BudgetSummary, pace: BudgetPace | None, lang: str) -> Bullet:
    """Baht spent (bar) against the plan to date (mark) on a scale to the allocation; amber when ahead of the
    plan, red over the allocation."""
    allocation = summary.allocation
    top = float(max(allocation or 0, summary.spent, summary.planned)) or 1.0
    share = format_percent(summary.spent / allocation * 100, 0) if allocation else "–"
    over = allocation is not None and summary.spent > allocation
    ahead = pace is not None and pace.ahead > 0
    plan = translate("bullets.budget_plan", lang, month=format_month(*pace.month, lang),
                     planned=format_baht(pace.planned, lang)) if pace is not None and pace.planned else ""
    return Bullet(
        label=translate("bullets.budget_label", lang), actual=float(summary.spent), maximum=top,
        value=translate("bullets.budget_value", lang, spent=format_baht(summary.spent, lang),
                        allocation=format_baht(allocation, lang), share=share),
        target=float(pace.planned) if pace is not None and pace.planned else None,
        bands=(float(pace.planned),) if pace is not None and pace.planned else (),
        tone="bad" if over else "warn" if ahead else "", note=plan, note_tone="bad" if ahead else "",
        target_text=plan)


def alert_messages(alerts: list[BudgetAlert], lang: str) -> list[str]:
    """One sentence per budget alert, amounts in baht."""
    out = []
    for a in alerts:
        expense = a.expense or {}
        out.append(translate(f"budget.alert_{a.kind}", lang, amount=format_baht(a.amount, lang),
                             name=md_escape(activity_name(a.activity)), item=md_escape(expense.get("item")),
                             activity=md_escape(expense.get("activity_id") or DASH)))
    return out


def problems_table(problems: list[DateProblem], lang: str) -> pd.DataFrame:
    """Activities whose dates cannot be charted: which, why, and the cells to fix."""
    return pd.DataFrame({
        _t("col_activity", lang): [activity_name(p.activity) for p in problems],
        _t("col_problem", lang): [_t(f"problem_{p.reason}", lang) for p in problems],
        _t("col_cells", lang): [", ".join(p.cells) or DASH for p in problems],
    })


def budget_table(summary: BudgetSummary, lang: str) -> pd.DataFrame:
    """Per top-level activity: planned, spent, remaining, and a note (no budget / overspent)."""
    def note(line) -> str:
        if line.no_budget and not line.spent:
            return translate("budget.no_budget", lang)
        return translate("budget.overspent", lang) if line.overspent else ""

    return pd.DataFrame({
        _t("col_activity", lang): [activity_name(x.activity) for x in summary.lines],
        translate("budget.planned", lang): [format_baht(x.planned, lang) for x in summary.lines],
        translate("budget.spent", lang): [format_baht(x.spent, lang) for x in summary.lines],
        translate("budget.remaining", lang): [format_baht(x.remaining, lang) for x in summary.lines],
        translate("budget.note", lang): [note(x) for x in summary.lines],
    })


def _range_text(rng, lang: str) -> str:
    return f"{format_date(rng[0], lang)} – {format_date(rng[1], lang)}" if rng else DASH


def timeline_table(rows: list[GanttRow], lang: str) -> pd.DataFrame:
    """Sub-activities (or any rows) with planned and actual dates, status and owner."""
    return pd.DataFrame({
        _t("col_activity", lang): [activity_name(r.activity) for r in rows],
        _t("col_planned", lang): [_range_text(r.planned, lang) for r in rows],
        _t("col_actual", lang): [_range_text(r.actual, lang) for r in rows],
        _t("col_status", lang): [_t(f"status_{r.status}", lang) for r in rows],
        _t("col_owner", lang): [r.activity.get("owner") or DASH for r in rows],
    })


def _num(x: Decimal | None) -> str:
    return format_number(x, 0 if x is None or x == x.to_integral_value() else 2)


def detail_tables(detail: ActivityDetail, schema: Schema, lang: str) -> dict[str, pd.DataFrame]:
    """The detail's sections as tables: sub-activities, expenses, KPIs, evidence, reflections (activities and
    KPIs named as people name them, never by id)."""
    names = {r.activity.get("id"): activity_name(r.activity) for r in [detail.row, *detail.children]}
    kpi_rows = [(s.kpi.get("kpi"), _num(s.actual), _num(s.target),
                 _t("met_yes" if s.met else "met_no" if s.met is False else "met_none", lang)) for s in detail.kpis]
    return {
        "children": timeline_table(detail.children, lang),
        "expenses": pd.DataFrame({
            _t("col_date", lang): [format_date(e.get("spent_on"), lang) for e in detail.expenses],
            _t("col_item", lang): [e.get("item") or "" for e in detail.expenses],
            _t("col_amount", lang): [format_baht(e.get("amount"), lang) for e in detail.expenses],
            _t("col_activity", lang): [names.get(e.get("activity_id"), DASH) for e in detail.expenses],
        }),
        "kpis": pd.DataFrame(kpi_rows, columns=[_t(c, lang) for c in
                                                ("col_kpi", "col_actual_value", "col_target", "col_met")]),
        "evidence": pd.DataFrame({
            _t("col_date", lang): [format_date(e.get("added_on"), lang) for e in detail.evidence],
            _t("col_title", lang): [e.get("title") or "" for e in detail.evidence],
            _t("col_kind", lang): [e.get("kind") or "" for e in detail.evidence],
            _t("col_link", lang): [e.get("url") or "" for e in detail.evidence],
        }),
        "reflections": pd.DataFrame({
            _t("col_date", lang): [format_date(r.get("written_on"), lang) for r in detail.reflections],
            _t("col_group", lang): [schema.enum_label("kra_group", r.get("author_group"), lang)
                                    for r in detail.reflections],
            _t("col_what", lang): [r.get("what") or "" for r in detail.reflections],
            _t("col_so_what", lang): [r.get("so_what") or "" for r in detail.reflections],
            _t("col_now_what", lang): [r.get("now_what") or "" for r in detail.reflections],
        }),
    }


def detail_figures(detail: ActivityDetail, lang: str) -> list[tuple[str, str]]:
    """Status, planned, spent and remaining of the activity in detail, as (label, text) figures that wrap."""
    return [(_t("col_status", lang), _t(f"status_{detail.row.status}", lang)),
            (translate("budget.planned", lang), planned_text(detail, lang)),
            (translate("budget.spent", lang), format_baht(detail.spent, lang)),
            (translate("budget.remaining", lang), format_baht(detail.remaining, lang))]
