"""The report as an editable Word document (.docx, python-docx): Thai font on every run, tables with header rows.

Word picks the font of Thai text from the complex-script slot (w:rFonts/@w:cs, size w:szCs, bold w:bCs), not
from the Latin one, so every run and the styles people keep typing in set all of them.
"""

from __future__ import annotations

import io
from copy import deepcopy
from functools import cache

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from de_core.documents.report.model import Report, Section, Table
from de_core.documents.safe_text import holdable

#: The Thai government's standard document font (installed on office PCs); Word substitutes a Thai font elsewhere.
FONT = "TH SarabunPSK"
BODY_PT, TABLE_PT, HEADING_PT, TITLE_PT = 16, 14, 18, 22
HEADER_FILL = "E3EEE4"
DARK = RGBColor(0x14, 0x20, 0x1A)
TEXT_WIDTH_CM = 16.0  # A4 (21 cm) minus 3 cm left and 2 cm right margins
_AFTER_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
               "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _thai_rpr(rpr, size: float | None = None, bold: bool | None = None, lang: str = "th") -> None:
    """Set the Thai font (all four slots), complex-script size and bold, and the language on a w:rPr."""
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    if bold is not None:
        rpr.get_or_add_b().set(qn("w:val"), "1" if bold else "0")
        rpr.get_or_add_bCs().set(qn("w:val"), "1" if bold else "0")
    if size is not None:
        rpr.get_or_add_sz().set(qn("w:val"), str(int(size * 2)))
        szcs = rpr.find(qn("w:szCs"))
        if szcs is None:
            szcs = OxmlElement("w:szCs")
            rpr.insert_element_before(szcs, *_AFTER_SZCS)
        szcs.set(qn("w:val"), str(int(size * 2)))
    tag = rpr.find(qn("w:lang"))
    if tag is None:
        tag = OxmlElement("w:lang")
        rpr.insert_element_before(tag, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    tag.set(qn("w:val"), "th-TH" if lang == "th" else "en-GB")
    tag.set(qn("w:bidi"), "th-TH")


@cache
def _rpr_template(size: float, bold: bool, lang: str):
    """The w:rPr of a run in this size, weight and language, built once and copied into each run."""
    rpr = OxmlElement("w:rPr")
    _thai_rpr(rpr, size, bold, lang)
    return rpr


def _run(paragraph, text: str, size: float, bold: bool = False, lang: str = "th") -> None:
    """A run with the Thai font set on it. Plain text (the usual case) is written straight into one w:t: the
    python-docx text setter walks it character by character, which a report of thousands of rows feels."""
    text = holdable(text)  # a control character pasted from Word would make the whole document fail
    if "\t" in text or "\r" in text or "\n" in text:
        run = paragraph.add_run(text)  # tabs and breaks become w:tab / w:br
        run._r.insert(0, deepcopy(_rpr_template(size, bold, lang)))
        return
    r = OxmlElement("w:r")
    r.append(deepcopy(_rpr_template(size, bold, lang)))
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    paragraph._p.append(r)


def _styles(doc, lang: str) -> None:
    for name, size, bold in (("Normal", BODY_PT, False), ("Title", TITLE_PT, True), ("Heading 1", HEADING_PT, True),
                             ("Table Grid", TABLE_PT, False)):
        style = doc.styles[name]
        _thai_rpr(style.element.get_or_add_rPr(), size, bold, lang)
        if name != "Table Grid":
            style.font.color.rgb = DARK


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


@cache
def _no_space_after():
    """A w:pPr with no space after the paragraph, copied into each table paragraph."""
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    ppr.append(spacing)
    return ppr


def _fill(cell, text: str, lang: str, bold: bool = False) -> None:
    """Write text into a fresh cell, one paragraph per line; an empty text leaves the cell empty (mergeable)."""
    for i, line in enumerate(text.split("\n") if text else []):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if paragraph._p.pPr is None:
            paragraph._p.insert(0, deepcopy(_no_space_after()))
        else:
            paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, line, TABLE_PT, bold, lang)


def _table(doc, table: Table, lang: str) -> None:
    n_rows = 1 + len(table.rows) + (1 if table.total else 0)
    grid = doc.add_table(rows=n_rows, cols=len(table.headers))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    total = sum(table.widths) or len(table.headers)
    widths = [Cm(TEXT_WIDTH_CM * w / total) for w in (table.widths or [1] * len(table.headers))]
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    header = grid.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on every page
    for cell, text in zip(header.cells, table.headers, strict=True):
        _fill(cell, text, lang, bold=True)
        _shade(cell, HEADER_FILL)
    for row, values in zip(grid.rows[1:], table.rows, strict=False):
        for cell, text in zip(row.cells, values, strict=True):
            _fill(cell, text, lang)
    if table.total:
        for cell, text in zip(grid.rows[-1].cells, table.total, strict=True):
            _fill(cell, text, lang, bold=True)
    for (start, col), span in table.spans().items():
        if span > 1:  # the continuation cells are empty, so the merged cell keeps the first one's text
            grid.cell(start + 1, col).merge(grid.cell(start + span, col))


def _section(doc, section: Section, lang: str) -> None:
    doc.add_heading(section.title, level=1)
    if section.intro:
        _run(doc.add_paragraph(), section.intro, BODY_PT, lang=lang)
    if section.table is None:
        _run(doc.add_paragraph(), section.empty, BODY_PT, lang=lang)
        return
    _table(doc, section.table, lang)
    for note in section.notes:
        _run(doc.add_paragraph(), note, BODY_PT, lang=lang)


def render_docx(report: Report) -> bytes:
    """The report as .docx bytes (A4, Thai government margins, headings Word lists in its navigation pane)."""
    doc = Document()
    lang = report.lang
    _styles(doc, lang)
    page = doc.sections[0]
    page.page_width, page.page_height = Cm(21), Cm(29.7)
    page.left_margin, page.right_margin, page.top_margin, page.bottom_margin = Cm(3), Cm(2), Cm(2.5), Cm(2)
    doc.core_properties.title = f"{report.title} {report.subtitle}"
    doc.core_properties.author = doc.core_properties.last_modified_by = "Sujarit DE Dashboard"
    doc.core_properties.language = "th-TH" if lang == "th" else "en-GB"
    for text, size in ((report.title, TITLE_PT), (report.subtitle, HEADING_PT)):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, text, size, True, lang)
    for label, value in report.facts:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, f"{label}: ", BODY_PT, True, lang)
        _run(paragraph, value, BODY_PT, False, lang)
    for section in report.sections:
        _section(doc, section, lang)
    _run(doc.add_paragraph(), report.footer, TABLE_PT, lang=lang)
    for paragraph in doc.paragraphs:  # headings added by add_heading carry runs without our fonts
        for run in paragraph.runs:
            _thai_rpr(run._r.get_or_add_rPr(), lang=lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
