"""Build the whole Best Practice report of one fiscal year: the cover and every section of the seed's table of
contents, from the settings row, the tab เนื้อหารายงาน and the tables of the other tabs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from de_core.cycle.progress import number_key
from de_core.documents.report.appendix import learning_appendix
from de_core.documents.report.content import row_blocks, row_kind, section_rows
from de_core.documents.report.model import Block, Cover, Flow, FlowStage, Report, Section, Translator
from de_core.documents.report.structure import SectionSpec, has_children, section_specs
from de_core.documents.report.tables import (
    budget_blocks,
    kra_kpi_blocks,
    objective_blocks,
    result_blocks,
    steps_blocks,
    tag_blocks,
    target_blocks,
)
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import as_of, is_demo, settings_for
from de_core.thaidate import DASH, EN_MONTHS_FULL, THAI_MONTHS_FULL, format_date, to_be

Maker = Callable[[Workbook, int | None, Record, Translator], list[Block]]


def _category_checks(category: str, tr: Translator) -> list[tuple[bool, str]]:
    options = [tr(f"report.category_{k}") for k in ("teacher", "executive", "owner")]
    folded = category.strip()
    checks = [(bool(folded) and (folded == o or folded in o.split("/") or o in folded), o) for o in options]
    if folded and not any(t for t, _ in checks):
        checks.append((True, folded))
    return checks


def form_blocks(wb: Workbook, fy: int | None, settings: Record, tr: Translator) -> list[Block]:
    """The report form (แบบรายงาน): title, author by position, office, project, year; category; characteristics."""
    pairs = [(tr("report.form_title"), settings.get("innovation_title") or tr("report.missing_title")),
             (tr("report.form_author"), settings.get("author_role") or tr("report.missing_role")),
             (tr("report.form_office"), settings.get("office_name") or tr("report.missing_office")),
             (tr("report.form_project"), settings.get("project_name") or DASH),
             (tr("report.form_year"), str(fy) if fy else DASH)]
    tagged = {c for a in wb.rows("activities", fy) for c in a.get("characteristics") or []}
    chars = [(o.key in tagged, o.label(tr.lang)) for o in wb.schema.options("characteristic")]
    return [Block("facts", pairs=pairs),
            Block("checklist", tr("report.form_category"), checks=_category_checks(settings.get("category") or "", tr)),
            Block("checklist", tr("report.form_chars"), checks=chars)]


def flow_blocks(wb: Workbook, fy: int | None, settings: Record, tr: Translator) -> list[Block]:
    """3.1: the DE process as a flowchart drawn from the DE steps tab: start, the five stages with their steps,
    the goal (the vision), and the loop back."""
    steps = wb.rows("de_steps", fy)
    if not steps:
        return [Block("placeholder", tr("report.steps_empty"))]
    stages = []
    for n, option in enumerate(wb.schema.options("de_stage"), start=1):
        own = sorted((s for s in steps if s.get("stage") == option.key),
                     key=lambda s: (number_key(s.get("step_no")), s["_row"]))
        stages.append(FlowStage(n, tr(f"report.stage.{option.key}"),
                                [(str(s.get("step_no") or ""), s.get("title") or "") for s in own]))
    vision = settings.get("vision") or ""
    flow = Flow(tr("report.flow_start"), stages, tr("report.flow_goal", vision=vision) if vision else "",
                tr("report.flow_loop"))
    return [Block("flowchart", tr("report.flow_caption"), flow=flow)]


MAKERS: dict[str, Maker] = {
    "form": form_blocks,
    "2.1": lambda wb, fy, s, tr: objective_blocks(wb, fy, tr),
    "2.2": lambda wb, fy, s, tr: target_blocks(wb, fy, tr),
    "3.1": flow_blocks,
    "3.2": lambda wb, fy, s, tr: steps_blocks(wb, fy, tr),
    "3.3": lambda wb, fy, s, tr: kra_kpi_blocks(wb, fy, s.get("vision") or "", tr),
    "3.4": lambda wb, fy, s, tr: budget_blocks(wb, fy, tr),
    "4.1": lambda wb, fy, s, tr: result_blocks(wb, fy, tr),
    "4.2": lambda wb, fy, s, tr: tag_blocks(wb, fy, tr),  # only when 4.2's rows bring no table of their own
}


def _month(day: date, lang: str) -> str:
    return f"{THAI_MONTHS_FULL[day.month]} {to_be(day.year)}" if lang == "th" else \
        f"{EN_MONTHS_FULL[day.month]} {day.year}"


def _cover(settings: Record, fy: int | None, tr: Translator) -> Cover:
    lines = [tr("report.cover_activity")]
    if settings.get("category"):
        lines.append(tr("report.cover_category", category=settings["category"]))
    lines += [settings.get("project_name") or "", tr("report.fy", fy=fy) if fy else tr("report.no_year"),
              tr("report.cover_role", role=settings.get("author_role") or tr("report.missing_role")),
              tr("report.cover_office", office=settings.get("office_name") or tr("report.missing_office")),
              *(settings.get("affiliation") or "").split("\n")]
    return Cover(tr("report.cover_heading"), settings.get("innovation_title") or tr("report.missing_title"),
                 [line.strip() for line in lines if line and line.strip()])


def _section(spec: SectionSpec, specs: tuple[SectionSpec, ...], rows: list[Record], data: list[Block],
             tr: Translator) -> Section:
    section = Section(spec.key, spec.number, spec.title(tr.lang), spec.level, row_blocks(spec, rows, data, tr),
                      in_toc=spec.key != "foreword")
    if not section.blocks and not has_children(specs, spec.key):
        section.blocks.append(Block("placeholder", tr("report.empty_section", section=spec.label("th"))))
    return section


def _number_figures(sections: list[Section], tr: Translator) -> None:
    n = 0
    for section in sections:
        for block in section.blocks:
            if block.kind in ("figure", "flowchart"):
                n += 1
                block.label = tr("report.figure", n=n)


def build_report(wb: Workbook, fiscal_year: int | None, lang: str, today: date,
                 rows: dict[str, list[Record]] | None = None, appendices: bool = True) -> Report:
    """The report of one fiscal year, every section of the seed's table of contents in its order, then the learning
    log as an appendix. `rows` replaces the sheet's rows of the sections it names (the writing page's live preview
    of a text not saved yet); `appendices=False` leaves the appendix out (a preview of one seed section).

    Never raises on partial data: a section with nothing to show says what to enter, and where.
    """
    tr = Translator(lang)
    settings = settings_for(wb, fiscal_year)
    specs = section_specs(wb.schema)
    rows = {**section_rows(wb, fiscal_year), **(rows or {})}
    sections: list[Section] = []
    for spec in specs:
        own = rows.get(spec.key, [])
        maker = MAKERS.get(spec.key)
        if spec.key == "4.2" and any(row_kind(r) in ("header", "row") for r in own):
            maker = None
        section = _section(spec, specs, own, maker(wb, fiscal_year, settings, tr) if maker else [], tr)
        if spec.key == "foreword" and own:
            section.blocks.append(Block("signature", settings.get("author_role") or tr("report.missing_role"),
                                        label=_month(as_of(wb, fiscal_year, today), lang)))
        sections.append(section)
        if spec.key == "form":
            sections.append(Section("details", "", tr("report.details"), 1, in_toc=False))
    _number_figures(sections, tr)
    demo = is_demo(wb, fiscal_year)
    subtitle = tr("report.fy", fy=fiscal_year) if fiscal_year else tr("report.no_year")
    if demo:
        subtitle = f"{subtitle} · {tr('report.demo')}"
    return Report(lang, fiscal_year, tr("report.doc_title"), subtitle, _cover(settings, fiscal_year, tr), sections,
                  tr("report.generated", date=format_date(today, lang)), demo=demo,
                  demo_note=tr("report.demo") if demo else "", toc_title=tr("report.toc"),
                  appendices=[learning_appendix(wb, fiscal_year, tr)] if appendices else [])
