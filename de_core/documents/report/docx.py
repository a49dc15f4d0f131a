"""The report as an editable Word document (.docx, python-docx) in the Thai government layout: A4, TH SarabunPSK
16 pt, margins 3 / 2 / 2.5 / 2 cm, the cover, a table of contents field and page numbers Word fills when it
opens the file, headings Word lists in its navigation pane, and a demo banner on every page of demo data."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

from de_core.display.i18n import translate
from de_core.documents.report.docx_parts import (
    BODY_PT,
    HEADING_PT,
    SMALL_PT,
    SYMBOL_FONT,
    TABLE_PT,
    TITLE_PT,
    box,
    field,
    fill,
    run,
    shade,
    styles,
    thai_rpr,
    update_fields_on_open,
)
from de_core.documents.report.model import Block, Flow, Report, Section, Table

HEADER_FILL, LIGHT_FILL = "E3EEE4", "F1F5F0"
TEXT_WIDTH_CM = 16.0  # A4 (21 cm) minus 3 cm left and 2 cm right margins
INDENT = Cm(1.25)


def _table(doc, table: Table, lang: str) -> None:
    width = table.width
    head = 1 if table.headers else 0
    grid = doc.add_table(rows=head + len(table.rows) + (1 if table.total else 0), cols=width)
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    total = sum(table.widths) or width
    widths = [Cm(TEXT_WIDTH_CM * w / total) for w in (table.widths or [1] * width)]
    for row in grid.rows:
        for cell, size in zip(row.cells, widths, strict=True):
            cell.width = size
    if head:
        header = grid.rows[0]
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on every page
        for cell, text in zip(header.cells, table.headers, strict=True):
            fill(cell, text, lang, bold=True)
            shade(cell, HEADER_FILL)
    for row, values in zip(grid.rows[head:], table.rows, strict=False):
        for cell, text in zip(row.cells, values, strict=True):
            fill(cell, text, lang)
    if table.total:
        for cell, text in zip(grid.rows[-1].cells, table.total, strict=True):
            fill(cell, text, lang, bold=True)
    for (start, col), span in table.spans().items():
        if span > 1:  # the continuation cells are empty, so the merged cell keeps the first one's text
            grid.cell(head + start, col).merge(grid.cell(head + start + span - 1, col))


def _flow(doc, flow: Flow, lang: str) -> None:
    """The flowchart as a table-like diagram: start, each stage (name | steps) with arrows between, the goal."""
    rows: list[tuple[str, object]] = [("node", flow.start), ("arrow", "")]
    for n, stage in enumerate(flow.stages):
        rows += [("arrow", "")] if n else []
        rows.append(("stage", stage))
    rows += [("loop", flow.loop)] + ([("arrow", ""), ("node", flow.goal)] if flow.goal else [])
    grid = doc.add_table(rows=len(rows), cols=2)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for row, (kind, value) in zip(grid.rows, rows, strict=True):
        left, right = row.cells
        left.width, right.width = Cm(5.5), Cm(10.5)
        if kind == "stage":
            fill(left, f"{value.number}. {value.name}", lang, bold=True, size=TABLE_PT)
            shade(left, HEADER_FILL)
            fill(right, "\n".join(f"{no} {title}".strip() for no, title in value.steps), lang, size=TABLE_PT)
            continue
        cell = left.merge(right)
        fill(cell, "↓" if kind == "arrow" else str(value), lang, bold=kind != "loop",
             size=TABLE_PT if kind != "loop" else SMALL_PT)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        if kind == "node":
            shade(cell, LIGHT_FILL)
    grid.style = doc.styles["Table Grid"]


def _paragraph(doc, text: str = "", size: float = BODY_PT, bold: bool = False, lang: str = "th",
               align=None, indent=None, style: str | None = None, italic: bool = False):
    paragraph = doc.add_paragraph(style=style)
    if align is not None:
        paragraph.alignment = align
    if indent is not None:
        paragraph.paragraph_format.first_line_indent = indent
    if text:
        run(paragraph, text, size, bold, lang, italic)
    return paragraph


def _caption(doc, block: Block, lang: str) -> None:
    text = f"{block.label}: {block.text}" if block.label and block.text else block.label or block.text
    _paragraph(doc, text, TABLE_PT, lang=lang, align=WD_ALIGN_PARAGRAPH.CENTER)


def _block(doc, block: Block, lang: str, hanging: bool = False) -> None:
    kind, center = block.kind, WD_ALIGN_PARAGRAPH.CENTER
    if kind == "paragraph":
        for line in (p for p in block.text.split("\n") if p.strip()):
            paragraph = _paragraph(doc, line, lang=lang, indent=-INDENT if hanging else INDENT)
            if hanging:  # a reference: the author's name stands out
                paragraph.paragraph_format.left_indent = INDENT
    elif kind == "subheading":
        _paragraph(doc, f"{block.label} {block.text}".strip(), bold=True, lang=lang)
    elif kind == "item":
        paragraph = _paragraph(doc, f"{block.label} {block.text}".strip(), lang=lang)
        paragraph.paragraph_format.left_indent = INDENT + Cm(0.75)
        paragraph.paragraph_format.first_line_indent = -Cm(0.75)
    elif kind == "table" and block.table is not None:
        _table(doc, block.table, lang)
        _paragraph(doc, size=SMALL_PT)
    elif kind == "flowchart" and block.flow is not None:
        _flow(doc, block.flow, lang)
        _caption(doc, block, lang)
    elif kind == "figure":
        missing = translate("report.figure_missing", lang)
        paragraph = _paragraph(doc, translate("report.figure_box", lang), TABLE_PT, lang=lang, align=center)
        run(paragraph, "\n\n" + (block.url or missing) + "\n", TABLE_PT, lang=lang)
        box(paragraph)
        _caption(doc, block, lang)
    elif kind == "facts":
        for label, value in block.pairs:
            paragraph = _paragraph(doc, f"{label} ", bold=True, lang=lang)
            run(paragraph, value, BODY_PT, lang=lang)
    elif kind == "checklist":
        _paragraph(doc, block.text, bold=True, lang=lang)
        for on, label in block.checks:
            paragraph = _paragraph(doc, lang=lang)
            paragraph.paragraph_format.left_indent = INDENT
            paragraph.paragraph_format.space_after = Pt(0)
            run(paragraph, "☑ " if on else "☐ ", BODY_PT, lang=lang, font=SYMBOL_FONT)
            run(paragraph, label, BODY_PT, lang=lang)
    elif kind == "signature":
        for text in ("", block.text, block.label):
            paragraph = _paragraph(doc, text, lang=lang, align=center)
            paragraph.paragraph_format.left_indent = Cm(7)
    else:
        _paragraph(doc, block.text, lang=lang, italic=True)


def _page_break(doc, lang: str = "th") -> None:
    page_break = doc.add_paragraph().add_run()
    thai_rpr(page_break._r.get_or_add_rPr(), BODY_PT, lang=lang)
    page_break.add_break(WD_BREAK.PAGE)


def _section(doc, section: Section, lang: str) -> None:
    if section.key in ("form", "details") or section.new_page:
        _page_break(doc, lang)
    if section.in_toc:
        _paragraph(doc, section.heading, lang=lang, style=f"Heading {min(section.level, 3)}",
                   size=HEADING_PT if section.level == 1 else BODY_PT, bold=True)
    else:
        _paragraph(doc, section.heading, HEADING_PT, True, lang, align=WD_ALIGN_PARAGRAPH.CENTER)
    for block in section.blocks:
        _block(doc, block, lang, hanging=section.key == "references")


def _page_setup(doc, report: Report) -> None:
    page = doc.sections[0]
    page.page_width, page.page_height = Cm(21), Cm(29.7)
    page.left_margin, page.right_margin, page.top_margin, page.bottom_margin = Cm(3), Cm(2), Cm(2.5), Cm(2)
    page.header_distance = page.footer_distance = Cm(1.2)
    page.different_first_page_header_footer = True  # no page number on the cover
    lang = report.lang
    number = page.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(number, "- ", BODY_PT, lang=lang)
    field(number, "PAGE", "1", BODY_PT, lang)
    run(number, " -", BODY_PT, lang=lang)
    if report.demo:  # the banner on every page, the cover's included
        for footer in (page.footer, page.first_page_footer):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(paragraph, report.demo_note, SMALL_PT, True, lang)


def render_docx(report: Report) -> bytes:
    """The report as .docx bytes: cover, foreword, table of contents (a field Word updates on opening), sections."""
    doc = Document()
    lang = report.lang
    styles(doc, lang)
    _page_setup(doc, report)
    update_fields_on_open(doc)
    doc.core_properties.title = f"{report.title} {report.subtitle}"
    doc.core_properties.author = doc.core_properties.last_modified_by = "Sujarit DE Dashboard"
    doc.core_properties.language = "th-TH" if lang == "th" else "en-GB"
    cover = report.cover
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(doc, cover.heading, TITLE_PT, True, lang, align=center)
    _paragraph(doc, cover.title, HEADING_PT + 2, True, lang, align=center)
    for line in cover.lines:
        _paragraph(doc, line, HEADING_PT, lang=lang, align=center)
    sections = {s.key: s for s in report.sections}
    if "foreword" in sections:
        _page_break(doc, lang)
        _section(doc, sections["foreword"], lang)
    _page_break(doc, lang)
    _paragraph(doc, report.toc_title, HEADING_PT, True, lang, align=center)
    field(_paragraph(doc, lang=lang), 'TOC \\o "1-3" \\h \\z \\u', translate("report.toc_update", lang), BODY_PT, lang,
          dirty=True)
    for section in report.parts:
        if section.key != "foreword":
            _section(doc, section, lang)
    _paragraph(doc, report.footer, SMALL_PT, lang=lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
