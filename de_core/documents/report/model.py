"""The Best Practice report as data: headed sections of plain-text tables, built from one fiscal year."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from de_core.activities.budget import budget_summary
from de_core.cycle.progress import GROUPS, kpi_group
from de_core.display.i18n import translate
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import as_of, is_demo, settings_for
from de_core.thaidate import DASH, format_baht, format_date, format_month_range


@dataclass
class Table:
    """Header cells, body rows of text (lines split by "\\n"), an optional total row.

    An empty cell in a `merge_columns` column continues the cell above it (rowspan / vertical merge).
    """

    headers: list[str]
    rows: list[list[str]]
    total: list[str] | None = None
    widths: list[int] = field(default_factory=list)  # relative column widths
    merge_columns: tuple[int, ...] = ()

    def spans(self) -> dict[tuple[int, int], int]:
        """{(first body row, column): rows spanned} for the merge columns."""
        out: dict[tuple[int, int], int] = {}
        for col in self.merge_columns:
            start = 0
            for r in range(1, len(self.rows) + 1):
                if r == len(self.rows) or self.rows[r][col]:
                    out[(start, col)] = r - start
                    start = r
        return out


@dataclass
class Section:
    key: str
    title: str
    intro: str = ""
    table: Table | None = None
    empty: str = ""  # shown instead of the table: what to enter, and in which tab
    notes: list[str] = field(default_factory=list)


@dataclass
class Report:
    lang: str
    fiscal_year: int | None
    title: str
    subtitle: str
    facts: list[tuple[str, str]]
    sections: list[Section]
    footer: str

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


class _Translator:
    """translate() bound to the report's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        return translate(key, self.lang, **values)


def _no_key(no: object) -> tuple[int, ...]:
    """Sort "5.10" after "5.9": the numbers in a step/activity number, compared as numbers."""
    return tuple(int(n) for n in re.findall(r"\d+", str(no or ""))) or (10**6,)


def _numbered(no: object, text: object) -> str:
    text = str(text or "").strip()
    return f"{no}. {text}" if no and text else text


def _lines(*parts: object) -> str:
    return "\n".join(str(p).strip() for p in parts if p and str(p).strip())


def _de_section(wb: Workbook, fy: int | None, vision: str, tr: _Translator) -> Section:
    kpis = wb.rows("kpis", fy)
    group_order = {g: i for i, g in enumerate(GROUPS)}
    kpis = sorted(kpis, key=lambda k: (group_order.get(kpi_group(wb, k) or "", 99), _no_key(k.get("no")), k["_row"]))
    evidence: dict[str, list[str]] = {}
    for ev in wb.rows("evidence", fy):
        if ev.get("kpi_id") and ev.get("title"):
            evidence.setdefault(ev["kpi_id"], []).append(f"• {ev['title']}")
    rows, last_group = [], None
    for i, k in enumerate(kpis):
        group = kpi_group(wb, k)
        label = wb.schema.enum_label("kra_group", group, tr.lang) if group else DASH
        rows.append([
            vision if i == 0 else "",
            label if group != last_group or i == 0 else "",
            _numbered(k.get("no"), k.get("kpi")),
            _numbered(k.get("no"), k.get("action")),
            k.get("expected_result") or "",
            _lines(k.get("evidence_types"), *evidence.get(k.get("id") or "", [])),
        ])
        last_group = group
    section = Section("de", tr("report.de_title"), empty=tr("report.de_empty"))
    if rows:
        section.table = Table([tr(f"report.de_{c}") for c in ("vision", "kra", "kpi", "action", "expected", "evidence")],
                              rows, widths=[12, 10, 22, 24, 16, 16], merge_columns=(0, 1))
        section.notes.append(tr("report.de_summary", n=len(rows)))
    return section


def _objectives_section(wb: Workbook, fy: int | None, tr: _Translator) -> Section:
    rows = []
    for o in sorted(wb.rows("objectives", fy), key=lambda o: (_no_key(o.get("no")), o["_row"])):
        targets = _lines(tr("report.obj_quantitative", text=o["quantitative_target"]) if o.get("quantitative_target")
                         else "", tr("report.obj_qualitative", text=o["qualitative_target"])
                         if o.get("qualitative_target") else "")
        rows.append([_numbered(o.get("no"), o.get("objective")), targets, o.get("result") or "", o.get("evidence") or ""])
    section = Section("objectives", tr("report.obj_title"), empty=tr("report.obj_empty"))
    if rows:
        section.table = Table([tr(f"report.obj_{c}") for c in ("objective", "targets", "result", "evidence")], rows,
                              widths=[25, 30, 30, 15])
    return section


def _period(act: Record, lang: str) -> str:
    if act.get("period"):
        return format_month_range(*act["period"], lang)
    if act.get("planned_start") or act.get("planned_end"):
        return format_month_range(act.get("planned_start"), act.get("planned_end"), lang)
    return DASH


def _budget_section(wb: Workbook, fy: int | None, tr: _Translator) -> Section:
    lang = tr.lang
    summary = budget_summary(wb, fy)
    children: dict[str, list[Record]] = {}
    for act in wb.rows("activities", fy):
        if act.get("parent_id"):
            children.setdefault(act["parent_id"], []).append(act)
    rows = []
    lines = sorted(summary.lines, key=lambda line: (_no_key(line.activity.get("no")), line.activity["_row"]))
    for line in lines:
        act = line.activity
        subs = sorted(children.get(act["id"], []), key=lambda a: (_no_key(a.get("no")), a["_row"]))
        title = _lines(act.get("title"), *(f"{s.get('no') or ''} {s.get('title') or ''}" for s in subs))
        amount = format_baht(line.planned, lang) if line.planned else tr("report.budget_none")
        rows.append([str(act.get("no") or ""), title, _period(act, lang), amount])
    section = Section("budget", tr("report.budget_title"), empty=tr("report.budget_empty"))
    if rows:
        section.table = Table([tr(f"report.budget_{c}") for c in ("no", "activity", "period", "amount")], rows,
                              total=["", tr("report.budget_total"), "", format_baht(summary.planned, lang)],
                              widths=[6, 58, 18, 18])
        section.notes.append(tr("report.budget_note", allocation=format_baht(summary.allocation, lang),
                                planned=format_baht(summary.planned, lang), spent=format_baht(summary.spent, lang)))
    return section


def _tag_section(wb: Workbook, fy: int | None, tr: _Translator, key: str, enum: str, column: str) -> Section:
    activities = sorted(wb.rows("activities", fy), key=lambda a: (_no_key(a.get("no")), a["_row"]))
    reflections = sorted(wb.rows("reflections", fy), key=lambda r: (r.get("written_on") or date.min, r["_row"]))
    rows = []
    for i, option in enumerate(wb.schema.options(enum), start=1):
        acts = [_numbered(a.get("no"), a.get("title")) for a in activities if option.key in (a.get(column) or [])]
        results = [f"• {r['what']}" for r in reflections if option.key in (r.get(column) or []) and r.get("what")]
        if acts or results:
            rows.append([f"{i}. {option.label(tr.lang)}", _lines(*acts), _lines(*results)])
    name = wb.schema.tab("activities").column(column).th
    section = Section(key, tr(f"report.{key}_title"), empty=tr("report.tag_empty", column=name))
    if rows:
        section.table = Table([tr(f"report.{key}_name"), tr("report.tag_activities"), tr("report.tag_results")], rows,
                              widths=[18, 41, 41])
    return section


def _lessons_section(wb: Workbook, fy: int | None, tr: _Translator) -> Section:
    activities = wb.by_id("activities")
    rows = []
    for r in sorted(wb.rows("reflections", fy), key=lambda r: (r.get("written_on") or date.min, r["_row"])):
        if not (r.get("now_what") or "").strip():
            continue
        act = activities.get(r.get("activity_id") or "")
        group = wb.schema.enum_label("kra_group", r.get("author_group"), tr.lang)
        rows.append([format_date(r.get("written_on"), tr.lang),
                     _numbered(act.get("no"), act.get("title")) if act else (r.get("activity_id") or ""),
                     _lines(group, r.get("author_role")), r.get("so_what") or "", r["now_what"]])
    section = Section("lessons", tr("report.lessons_title"), intro=tr("report.lessons_intro"),
                      empty=tr("report.lessons_empty"))
    if rows:
        section.table = Table([tr(f"report.lessons_{c}") for c in ("date", "activity", "by", "so_what", "now_what")],
                              rows, widths=[11, 19, 14, 28, 28])
    return section


def build_report(wb: Workbook, fiscal_year: int | None, lang: str, today: date) -> Report:
    """The report of one fiscal year: DE table, objectives, budget, 5 characteristics, 3 declarations, lessons.

    Never raises on partial data: a section with nothing to show carries the message of what to enter, where.
    """
    tr = _Translator(lang)
    settings = settings_for(wb, fiscal_year)
    vision = settings.get("vision") or ""
    allocation: Decimal | None = settings.get("allocation")
    facts = [(tr("report.fact_office"), settings.get("office_name") or DASH),
             (tr("report.fact_project"), settings.get("project_name") or DASH),
             (tr("report.fact_vision"), vision or DASH),
             (tr("report.fact_allocation"), format_baht(allocation, lang)),
             (tr("report.fact_as_of"), format_date(as_of(wb, fiscal_year, today), lang))]
    sections = [
        _de_section(wb, fiscal_year, vision, tr),
        _objectives_section(wb, fiscal_year, tr),
        _budget_section(wb, fiscal_year, tr),
        _tag_section(wb, fiscal_year, tr, "char", "characteristic", "characteristics"),
        _tag_section(wb, fiscal_year, tr, "decl", "declaration", "declarations"),
        _lessons_section(wb, fiscal_year, tr),
    ]
    subtitle = tr("report.fy", fy=fiscal_year) if fiscal_year else tr("report.no_year")
    if is_demo(wb, fiscal_year):
        subtitle = f"{subtitle} · {tr('report.demo')}"
    facts += [(tr("report.fact_innovation"), settings.get("innovation_title") or DASH)]
    return Report(lang, fiscal_year, tr("report.doc_title"), subtitle, facts, sections,
                  tr("report.generated", date=format_date(today, lang)))
