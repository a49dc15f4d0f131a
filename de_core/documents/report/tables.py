"""The report's tables made from the other tabs: the DE steps (3.2), the KRA/KPI table (3.3), the budget (3.4),
the objectives' results (4.1) and, for a 4.2 without its own tables, what the activities are tagged with."""

from __future__ import annotations

from datetime import date

from de_core.activities.budget import budget_summary
from de_core.cycle.progress import GROUPS, kpi_group, number_key
from de_core.documents.report.model import Block, Table, Translator
from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import DASH, format_baht, format_date, format_month_range


def numbered(no: object, text: object) -> str:
    text = str(text or "").strip()
    return f"{no}. {text}" if no and text else text


def lines(*parts: object) -> str:
    return "\n".join(str(p).strip() for p in parts if p and str(p).strip())


def _by_no(rows: list[Record], column: str = "no") -> list[Record]:
    return sorted(rows, key=lambda r: (number_key(r.get(column)), r.get("_row", 0)))


def steps_blocks(wb: Workbook, fy: int | None, tr: Translator) -> list[Block]:
    """3.2: the DE steps, stage by stage (the stage cell spans its steps), with owner and progress."""
    stages = [o.key for o in wb.schema.options("de_stage")]
    steps = sorted(wb.rows("de_steps", fy), key=lambda s: (stages.index(s["stage"]) if s.get("stage") in stages
                                                            else 99, number_key(s.get("step_no")), s["_row"]))
    if not steps:
        return [Block("placeholder", tr("report.steps_empty"))]
    rows, last = [], None
    for step in steps:
        stage = step.get("stage")
        status = wb.schema.enum_label("step_status", step.get("status"), tr.lang)
        progress = tr("report.steps_done_on", status=status, date=format_date(step["done_on"], tr.lang)) \
            if step.get("done_on") else status
        rows.append([tr(f"report.stage.{stage}") if stage != last else "",
                     numbered(step.get("step_no"), step.get("title")), step.get("owner") or "", progress])
        last = stage
    table = Table([tr(f"report.steps_{c}") for c in ("stage", "step", "owner", "result")], rows,
                  widths=[19, 41, 22, 18], merge_columns=(0,))
    used = len({s.get("stage") for s in steps})
    return [Block("table", table=table), Block("paragraph", tr("report.steps_summary", n=len(steps), stages=used))]


def kra_kpi_blocks(wb: Workbook, fy: int | None, vision: str, tr: Translator) -> list[Block]:
    """3.3: the seed's matrix Vision → KRA → KPI → Action → expected result → evidence, groups in order."""
    order = {g: i for i, g in enumerate(GROUPS)}
    kpis = sorted(wb.rows("kpis", fy), key=lambda k: (order.get(kpi_group(wb, k) or "", 99), number_key(k.get("no")),
                                                      k["_row"]))
    if not kpis:
        return [Block("placeholder", tr("report.de_empty"))]
    evidence: dict[str, list[str]] = {}
    for ev in wb.rows("evidence", fy):
        if ev.get("kpi_id") and ev.get("title"):
            evidence.setdefault(ev["kpi_id"], []).append(f"• {ev['title']}")
    rows, last = [], None
    for i, k in enumerate(kpis):
        group = kpi_group(wb, k)
        label = wb.schema.enum_label("kra_group", group, tr.lang) if group else DASH
        rows.append([vision if i == 0 else "", label if group != last or i == 0 else "",
                     numbered(k.get("no"), k.get("kpi")), numbered(k.get("no"), k.get("action")),
                     k.get("expected_result") or "",
                     lines(k.get("evidence_types"), *evidence.get(k.get("id") or "", []))])
        last = group
    table = Table([tr(f"report.de_{c}") for c in ("vision", "kra", "kpi", "action", "expected", "evidence")], rows,
                  widths=[14, 16, 17, 20, 16, 17], merge_columns=(0, 1))
    return [Block("table", table=table), Block("paragraph", tr("report.de_summary", n=len(rows)))]


def _period(act: Record, lang: str) -> str:
    if act.get("period"):
        return format_month_range(*act["period"], lang)
    if act.get("planned_start") or act.get("planned_end"):
        return format_month_range(act.get("planned_start"), act.get("planned_end"), lang)
    return DASH


def budget_blocks(wb: Workbook, fy: int | None, tr: Translator) -> list[Block]:
    """3.4: each top-level activity with its sub-activities, period and planned budget; the total; the note."""
    lang = tr.lang
    summary = budget_summary(wb, fy)
    if not summary.lines:
        return [Block("placeholder", tr("report.budget_empty"))]
    children: dict[str, list[Record]] = {}
    for act in wb.rows("activities", fy):
        if act.get("parent_id"):
            children.setdefault(act["parent_id"], []).append(act)
    rows = []
    for line in sorted(summary.lines, key=lambda ln: (number_key(ln.activity.get("no")), ln.activity["_row"])):
        act = line.activity
        subs = _by_no(children.get(act["id"], []))
        title = lines(act.get("title"), *(f"{s.get('no') or ''} {s.get('title') or ''}" for s in subs))
        amount = format_baht(line.planned, lang) if line.planned else tr("report.budget_none")
        rows.append([str(act.get("no") or ""), title, _period(act, lang), amount])
    table = Table([tr(f"report.budget_{c}") for c in ("no", "activity", "period", "amount")], rows,
                  total=["", tr("report.budget_total"), "", format_baht(summary.planned, lang)], widths=[6, 58, 18, 18])
    note = tr("report.budget_note", allocation=format_baht(summary.allocation, lang),
              planned=format_baht(summary.planned, lang), spent=format_baht(summary.spent, lang))
    return [Block("table", table=table), Block("paragraph", note)]


def objectives(wb: Workbook, fy: int | None) -> list[Record]:
    return _by_no(wb.rows("objectives", fy))


def objective_blocks(wb: Workbook, fy: int | None, tr: Translator) -> list[Block]:
    """2.1: the objectives as "2.1.n" items."""
    objs = [o for o in objectives(wb, fy) if o.get("objective")]
    if not objs:
        return [Block("placeholder", tr("report.obj_empty"))]
    return [Block("item", o["objective"], label=f"2.1.{n}") for n, o in enumerate(objs, start=1)]


def target_blocks(wb: Workbook, fy: int | None, tr: Translator) -> list[Block]:
    """2.2: 2.2.1 the quantitative and 2.2.2 the qualitative targets, numbered 1) 2) …"""
    objs = objectives(wb, fy)
    blocks: list[Block] = []
    for n, (column, key) in enumerate((("quantitative_target", "obj_quantitative"),
                                       ("qualitative_target", "obj_qualitative")), start=1):
        targets = [o[column] for o in objs if o.get(column)]
        if targets:
            blocks.append(Block("subheading", tr(f"report.{key}"), label=f"2.2.{n}"))
            blocks += [Block("item", text, label=f"{i})") for i, text in enumerate(targets, start=1)]
    return blocks or [Block("placeholder", tr("report.obj_empty"))]


def result_blocks(wb: Workbook, fy: int | None, tr: Translator) -> list[Block]:
    """4.1: objective | result | evidence, as the seed tabulates them."""
    rows = [[numbered(o.get("no"), o.get("objective")), o.get("result") or "", o.get("evidence") or ""]
            for o in objectives(wb, fy) if o.get("objective")]
    if not rows:
        return [Block("placeholder", tr("report.obj_empty"))]
    table = Table([tr(f"report.obj_{c}") for c in ("objective", "result", "evidence")], rows, widths=[32, 43, 25])
    return [Block("table", table=table)]


def tag_blocks(wb: Workbook, fy: int | None, tr: Translator) -> list[Block]:
    """4.2 without tables of its own: per characteristic and per declaration, the activities tagged with it and
    what the reflections tagged with it say happened."""
    activities = _by_no(wb.rows("activities", fy))
    reflections = sorted(wb.rows("reflections", fy), key=lambda r: (r.get("written_on") or date.min, r["_row"]))
    blocks: list[Block] = []
    for n, (enum, column, key) in enumerate((("characteristic", "characteristics", "char"),
                                             ("declaration", "declarations", "decl")), start=1):
        rows = []
        for i, option in enumerate(wb.schema.options(enum), start=1):
            acts = [numbered(a.get("no"), a.get("title")) for a in activities if option.key in (a.get(column) or [])]
            said = [f"• {r['what']}" for r in reflections if option.key in (r.get(column) or []) and r.get("what")]
            if acts or said:
                rows.append([f"{i}. {option.label(tr.lang)}", lines(*acts), lines(*said)])
        if rows:
            blocks.append(Block("subheading", tr(f"report.{key}_heading"), label=f"4.2.{n}"))
            blocks.append(Block("table", table=Table([tr(f"report.{key}_name"), tr("report.tag_activities"),
                                                      tr("report.tag_results")], rows, widths=[18, 41, 41])))
    return blocks
