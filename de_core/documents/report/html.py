"""The report as one printable HTML file: every sheet text escaped, the bundled Thai font embedded, A4 print CSS.

The font files are embedded as data: URLs, so the file still shows Thai in Sarabun when it is forwarded by
e-mail and opened far from the app (an app/static URL would only work next to the running app).
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from de_core.documents.report.model import Report, Section, Table

FONT_DIR = Path(__file__).resolve().parents[3] / "static" / "fonts"  # the repository's static/ folder
FONT_STACK = "Sarabun, 'TH SarabunPSK', 'Noto Sans Thai', Tahoma, sans-serif"
THAI_RANGE = "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC"
LATIN_RANGE = "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122"
FACES = [("thai", 400, THAI_RANGE), ("thai", 700, THAI_RANGE), ("latin", 400, LATIN_RANGE), ("latin", 700, LATIN_RANGE)]

CSS = """
body { font-family: %(stack)s; font-size: 12pt; line-height: 1.55; color: #14201a; margin: 0; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.7em; text-align: center; margin: 0 0 .2em; }
.subtitle { text-align: center; font-size: 1.25em; font-weight: 700; margin: 0 0 1.2em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0 0 1.5em; }
dl.facts dt { font-weight: 700; } dl.facts dd { margin: 0; }
h2 { font-size: 1.3em; margin: 1.6em 0 .5em; color: #1b5e20; }
table { width: 100%%; border-collapse: collapse; margin: .4em 0 .6em; font-size: .95em; }
th, td { border: 1px solid #7d8f80; padding: .3em .45em; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
thead th { background: #e3eee4; }
tfoot td { font-weight: 700; background: #f1f5f0; }
.empty, .intro, .note { margin: .4em 0; } .empty { font-style: italic; color: #4a5a4e; }
footer { margin-top: 2em; font-size: .9em; color: #4a5a4e; }
@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
@media print {
  body { font-size: 11pt; } main { max-width: none; padding: 0; }
  thead { display: table-header-group; } tfoot { display: table-row-group; }
  tr { break-inside: avoid; } h2 { break-after: avoid; }
}
"""


def font_face_css(font_dir: Path = FONT_DIR) -> str:
    """@font-face rules for the bundled Sarabun files, embedded as data: URLs ("" when the files are missing)."""
    rules = []
    for subset, weight, unicode_range in FACES:
        path = font_dir / f"sarabun-{subset}-{weight}-normal.woff2"
        if not path.is_file():
            continue
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        rules.append(f"@font-face {{ font-family: 'Sarabun'; font-style: normal; font-weight: {weight}; "
                     f"font-display: swap; src: url(data:font/woff2;base64,{data}) format('woff2'); "
                     f"unicode-range: {unicode_range}; }}")
    return "\n".join(rules)


def _text(value: str) -> str:
    """Sheet text made safe for HTML, line breaks kept."""
    return "<br>".join(escape(line) for line in value.split("\n"))


def _table(table: Table) -> str:
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{w * 100 / total:.1f}%">' for w in table.widths) if total else ""
    head = "".join(f"<th>{_text(h)}</th>" for h in table.headers)
    spans = table.spans()
    body = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, value in enumerate(row):
            if c in table.merge_columns and (r, c) not in spans:
                continue  # covered by the rowspan of a cell above
            span = spans.get((r, c), 1)
            cells.append(f'<td rowspan="{span}">{_text(value)}</td>' if span > 1 else f"<td>{_text(value)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    foot = ""
    if table.total:
        foot = "<tfoot><tr>" + "".join(f"<td>{_text(v)}</td>" for v in table.total) + "</tr></tfoot>"
    return (f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody>{foot}</table>")


def _section(section: Section) -> str:
    parts = [f'<section id="{escape(section.key)}"><h2>{_text(section.title)}</h2>']
    if section.intro:
        parts.append(f'<p class="intro">{_text(section.intro)}</p>')
    if section.table is None:
        parts.append(f'<p class="empty">{_text(section.empty)}</p>')
    else:
        parts.append(_table(section.table))
        parts += [f'<p class="note">{_text(note)}</p>' for note in section.notes]
    parts.append("</section>")
    return "\n".join(parts)


def render_html(report: Report, font_dir: Path = FONT_DIR) -> str:
    """The report as a self-contained HTML document (UTF-8), ready to print or save as PDF from a browser."""
    facts = "".join(f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>" for label, value in report.facts)
    css = font_face_css(font_dir) + CSS % {"stack": FONT_STACK}
    return "\n".join([
        "<!doctype html>",
        f'<html lang="{escape(report.lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(report.title)} {_text(report.subtitle)}</title>",
        f"<style>{css}</style></head><body><main>",
        f'<header><h1>{_text(report.title)}</h1><p class="subtitle">{_text(report.subtitle)}</p>',
        f'<dl class="facts">{facts}</dl></header>',
        *(_section(s) for s in report.sections),
        f"<footer>{_text(report.footer)}</footer>",
        "</main></body></html>",
    ])
