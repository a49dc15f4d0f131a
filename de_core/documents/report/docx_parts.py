"""Word building blocks for the report: Thai runs, styles, fields (page number, table of contents), borders.

Word picks the font of Thai text from the complex-script slot (w:rFonts/@w:cs, size w:szCs, bold w:bCs), not
from the Latin one, so every run and the styles people keep typing in set all of them.
"""

from __future__ import annotations

from copy import deepcopy
from functools import cache

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from de_core.documents.safe_text import holdable

#: The Thai government's standard document font (installed on office PCs); Word substitutes a Thai font elsewhere.
FONT = "TH SarabunPSK"
SYMBOL_FONT = "Segoe UI Symbol"  # the check boxes ☑ ☐ (Word falls back to any font that has them)
BODY_PT, TABLE_PT, SMALL_PT, HEADING_PT, TITLE_PT = 16, 14, 12, 18, 22
DARK = RGBColor(0x14, 0x20, 0x1A)
GREEN = "1B5E20"
_AFTER_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
               "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def thai_rpr(rpr, size: float | None = None, bold: bool | None = None, lang: str = "th", font: str = FONT) -> None:
    """Set the Thai font (all four slots), complex-script size and bold, and the language on a w:rPr."""
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)
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
def _rpr_template(size: float, bold: bool, lang: str, italic: bool, font: str):
    """The w:rPr of a run in this size, weight and language, built once and copied into each run."""
    rpr = OxmlElement("w:rPr")
    thai_rpr(rpr, size, bold, lang, font)
    if italic:
        for name in ("w:i", "w:iCs"):
            el = OxmlElement(name)
            rpr.insert_element_before(el, "w:strike", "w:color", "w:sz", "w:szCs", "w:lang")
    return rpr


def run(paragraph, text: str, size: float, bold: bool = False, lang: str = "th", italic: bool = False,
        font: str = FONT) -> None:
    """A run with the Thai font set on it. Plain text (the usual case) is written straight into one w:t: the
    python-docx text setter walks it character by character, which a report of thousands of rows feels."""
    text = holdable(text)  # a control character pasted from Word would make the whole document fail
    template = _rpr_template(size, bold, lang, italic, font)
    if "\t" in text or "\r" in text or "\n" in text:
        added = paragraph.add_run(text)  # tabs and breaks become w:tab / w:br
        added._r.insert(0, deepcopy(template))
        return
    r = OxmlElement("w:r")
    r.append(deepcopy(template))
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    paragraph._p.append(r)


def _field_run(paragraph, kind: str, instruction: str = "", dirty: bool = False, size: float = BODY_PT,
               lang: str = "th") -> None:
    r = OxmlElement("w:r")
    r.append(deepcopy(_rpr_template(size, False, lang, False, FONT)))
    if kind == "instr":
        el = OxmlElement("w:instrText")
        el.set(qn("xml:space"), "preserve")
        el.text = instruction
    else:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if dirty:
            el.set(qn("w:dirty"), "true")
    r.append(el)
    paragraph._p.append(r)


def field(paragraph, instruction: str, shown: str, size: float, lang: str, dirty: bool = False) -> None:
    """A Word field (w:fldChar begin / instrText / separate / shown text / end), e.g. PAGE or TOC."""
    _field_run(paragraph, "begin", dirty=dirty, size=size, lang=lang)
    _field_run(paragraph, "instr", f" {instruction} ", size=size, lang=lang)
    _field_run(paragraph, "separate", size=size, lang=lang)
    run(paragraph, shown, size, lang=lang)
    _field_run(paragraph, "end", size=size, lang=lang)


def update_fields_on_open(doc) -> None:
    """settings.xml <w:updateFields w:val="true"/>: Word fills the table of contents and page numbers on opening."""
    settings = doc.settings.element
    flag = settings.find(qn("w:updateFields"))
    if flag is None:
        flag = OxmlElement("w:updateFields")
        settings.append(flag)
    flag.set(qn("w:val"), "true")


def styles(doc, lang: str) -> None:
    """Thai font and sizes on the styles people type in and the ones Word's table of contents uses."""
    sizes = {"Normal": (BODY_PT, False), "Title": (TITLE_PT, True), "Heading 1": (HEADING_PT, True),
             "Heading 2": (BODY_PT, True), "Heading 3": (BODY_PT, True), "Table Grid": (TABLE_PT, False)}
    for name in ("toc 1", "toc 2", "toc 3"):
        if name not in [s.name for s in doc.styles]:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = doc.styles["Normal"]
            style.paragraph_format.left_indent = Pt(18 * (int(name[-1]) - 1))
            style.paragraph_format.space_after = Pt(0)
        sizes[name] = (BODY_PT, False)
    for name, (size, bold) in sizes.items():
        style = doc.styles[name]
        thai_rpr(style.element.get_or_add_rPr(), size, bold, lang)
        if name != "Table Grid":
            style.font.color.rgb = DARK
        if name.startswith("Heading"):
            style.paragraph_format.space_before = Pt(10 if name == "Heading 1" else 6)
            style.paragraph_format.space_after = Pt(4)
            style.paragraph_format.keep_with_next = True


def shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def box(paragraph, style: str = "dashed") -> None:
    """A border around a paragraph (the picture placeholders)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), style)
        edge.set(qn("w:sz"), "8")
        edge.set(qn("w:space"), "8")
        edge.set(qn("w:color"), "7D8F80")
        borders.append(edge)
    ppr.append(borders)


@cache
def _no_space_after():
    """A w:pPr with no space after the paragraph, copied into each table paragraph."""
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    ppr.append(spacing)
    return ppr


def fill(cell, text: str, lang: str, bold: bool = False, size: float = TABLE_PT) -> None:
    """Write text into a fresh cell, one paragraph per line; an empty text leaves the cell empty (mergeable)."""
    for i, line in enumerate(text.split("\n") if text else []):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if paragraph._p.pPr is None:
            paragraph._p.insert(0, deepcopy(_no_space_after()))
        else:
            paragraph.paragraph_format.space_after = Pt(0)
        run(paragraph, line, size, bold, lang)
