"""The report as one printable HTML file: every sheet text escaped (never inside a tag or an attribute), the bundled
Thai font embedded, A4 print CSS with page numbers and the demo mark; the file Chromium prints to PDF.

The font files are embedded as data: URLs, so the file still shows Thai in Sarabun when it is forwarded by
e-mail and opened far from the app (an app/static URL would only work next to the running app).
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from de_core.display.i18n import translate
from de_core.documents.report.html_css import style_sheet
from de_core.documents.report.model import Block, Flow, Report, Section, Table

FONT_DIR = Path(__file__).resolve().parents[3] / "static" / "fonts"  # the repository's static/ folder
THAI_RANGE = "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC"
LATIN_RANGE = "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122"
FACES = [("thai", 400, THAI_RANGE), ("thai", 700, THAI_RANGE), ("latin", 400, LATIN_RANGE), ("latin", 700, LATIN_RANGE)]


def font_face_css(font_dir: Path = FONT_DIR) -> str:
    """@font-face rules for the bundled Sarabun files, embedded as data: URLs ("" when the files are missing)."""
    rules = []
    for subset, weight, unicode_range in FACES:
        path = font_dir / f"sarabun-{subset}-{weight}-normal.woff2"
        if not path.is_file():
            continue
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        rules.append(f"@font-face {{ font-family: 'Sarabun'; font-style: normal; font-weight: {weight}; "
                     f"font-display: block; src: url(data:font/woff2;base64,{data}) format('woff2'); "
                     f"unicode-range: {unicode_range}; }}")
    return "\n".join(rules)


WORD_JOINER = "\u2060"


def _thai_breaks(text: str) -> str:
    """A word joiner before "ฯ": ICU's Thai dictionary cannot segment a word that ends in it ("สำนักงานฯ" becomes
    "สำ|นัก|งานฯ"); the joiner ends the Thai run there, so the word is found whole and never split from its ฯ."""
    return text.replace("ฯ", WORD_JOINER + "ฯ")


def _text(value: str) -> str:
    """Sheet text made safe for HTML, line breaks kept."""
    return "<br>".join(escape(_thai_breaks(line)) for line in value.split("\n"))


def _merge_classes(table: Table) -> dict[tuple[int, int], str]:
    """The cells of a merged column drawn as one cell: no border between a group's rows. No rowspan: Chromium keeps
    a row group spanned by one cell on a page, which leaves pages half empty; like Word, the text shows once."""
    out: dict[tuple[int, int], str] = {}
    for (start, col), span in table.spans().items():
        for r in range(start, start + span):
            edges = (["top"] if r > start else []) + (["bottom"] if r < start + span - 1 else [])
            if edges:
                out[(r, col)] = " ".join(f"no-{e}" for e in edges)
    return out


def _table(table: Table) -> str:
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{w * 100 / total:.1f}%">' for w in table.widths) if total else ""
    head = f"<thead><tr>{''.join(f'<th>{_text(h)}</th>' for h in table.headers)}</tr></thead>" if table.headers else ""
    merged = _merge_classes(table)
    body = []
    for r, row in enumerate(table.rows):
        cells = "".join(f'<td class="{merged[(r, c)]}">{_text(v)}</td>' if (r, c) in merged else f"<td>{_text(v)}</td>"
                        for c, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    foot = ""
    if table.total:
        foot = "<tfoot><tr>" + "".join(f"<td>{_text(v)}</td>" for v in table.total) + "</tr></tfoot>"
    dense = ' class="dense"' if table.width >= 5 else ""
    return f"<table{dense}><colgroup>{cols}</colgroup>{head}<tbody>{''.join(body)}</tbody>{foot}</table>"


def _flow(flow: Flow) -> str:
    arrow = '<div class="flow-arrow"></div>'
    stages = []
    for stage in flow.stages:
        steps = "".join(f'<li><span class="no">{_text(no)}</span>{_text(title)}</li>' for no, title in stage.steps)
        stages.append(f'<div class="flow-stage"><div class="name">{stage.number}. {_text(stage.name)}</div>'
                      f"<ol>{steps}</ol></div>")
    goal = f'{arrow}<div class="flow-node">{_text(flow.goal)}</div>' if flow.goal else ""
    return (f'<div class="flow"><div class="flow-node">{_text(flow.start)}</div>{arrow}'
            f'<div class="flow-cycle">{arrow.join(stages)}<div class="flow-loop">{_text(flow.loop)}</div></div>'
            f"{goal}</div>")


def _caption(block: Block) -> str:
    text = f"{block.label}: {block.text}" if block.label and block.text else block.label or block.text
    return f"<figcaption>{_text(text)}</figcaption>"


def _block(block: Block, missing_picture: str, para: str = "para") -> str:
    kind = block.kind
    if kind == "paragraph":
        return "".join(f'<p class="{para}">{_text(p)}</p>' for p in block.text.split("\n") if p.strip())
    if kind == "subheading":
        return f'<h4 class="sub">{_text(f"{block.label} {block.text}".strip())}</h4>'
    if kind == "item":
        return f'<div class="item"><span class="no">{_text(block.label)}</span><span>{_text(block.text)}</span></div>'
    if kind == "table" and block.table is not None:
        return _table(block.table)
    if kind == "flowchart" and block.flow is not None:
        return f"<figure>{_flow(block.flow)}{_caption(block)}</figure>"
    if kind == "figure":
        inside = _text(block.url) if block.url else _text(missing_picture)
        return f'<figure><div class="picture"><div>{inside}</div></div>{_caption(block)}</figure>'
    if kind == "facts":
        pairs = "".join(f"<dt>{_text(k)}</dt><dd>{_text(v)}</dd>" for k, v in block.pairs)
        return f'<dl class="facts">{pairs}</dl>'
    if kind == "checklist":
        items = "".join(f'<li><span class="box{" on" if on else ""}"></span>{_text(label)}</li>'
                        for on, label in block.checks)
        return f'<p><b>{_text(block.text)}</b></p><ul class="checks">{items}</ul>'
    if kind == "signature":
        return f'<div class="signature"><p>{_text(block.text)}</p><p>{_text(block.label)}</p></div>'
    return f'<div class="placeholder">{_text(block.text)}</div>'


def _section(section: Section, missing_picture: str) -> str:
    tag = {1: "h2", 2: "h3"}.get(section.level, "h4")
    page = " newpage" if section.key in ("foreword", "form", "details") or section.new_page else ""
    cls = f' class="divider{page}"' if section.key == "details" else (f' class="{page.strip()}"' if page else "")
    parts = [f'<section id="s-{escape(section.key)}"><{tag}{cls}>{_text(section.heading)}</{tag}>']
    para = "ref" if section.key == "references" else "para"  # references hang: the author's name stands out
    parts += [_block(b, missing_picture, para) for b in section.blocks]
    parts.append("</section>")
    return "\n".join(parts)


def _toc(report: Report) -> str:
    items = "".join(f'<li style="margin-left:{(s.level - 1) * 1.5}em"><a href="#s-{escape(s.key)}">'
                    f"{_text(s.heading)}</a></li>" for s in report.parts if s.in_toc)
    return (f'<nav class="newpage"><h2>{_text(report.toc_title)}</h2>'
            f'<ul style="list-style:none;padding:0">{items}</ul></nav>')


def render_html(report: Report, font_dir: Path = FONT_DIR, missing_picture: str = "") -> str:
    """The report as a self-contained HTML document (UTF-8), ready to print or to save as PDF."""
    missing_picture = missing_picture or translate("report.figure_missing", report.lang)
    css = font_face_css(font_dir) + style_sheet(report.demo_note)
    cover = report.cover
    lines = "".join(f'<div class="c-line">{_text(line)}</div>' for line in cover.lines)
    demo = (f'<div class="demo-mark" aria-hidden="true">{_text(translate("report.demo_mark", report.lang))}</div>'
            f'<div class="demo-banner">{_text(report.demo_note)}</div>') if report.demo else ""
    front = [_section(s, missing_picture) for s in report.sections if s.key == "foreword"]
    rest = [_section(s, missing_picture) for s in report.parts if s.key != "foreword"]
    return "\n".join([
        "<!doctype html>",
        f'<html lang="{escape(report.lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(report.title)} {_text(report.subtitle)}</title>",
        f"<style>{css}</style></head><body>{demo}",
        f'<header class="cover"><div class="c-head">{_text(cover.heading)}</div>'
        f'<div class="c-title">{_text(cover.title)}</div>{lines}</header><main>',
        *front, _toc(report), *rest,
        f"<footer>{_text(report.footer)}</footer>",
        "</main></body></html>",
    ])
