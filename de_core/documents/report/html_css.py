"""The printable report's style sheet: A4 with the Thai government margins, type sized like the office's Word
documents (16 pt TH Sarabun-like body), page numbers in the page margin, and the demo mark on every page.

Sarabun (the bundled font) and TH SarabunPSK draw Thai at the same size (measured in Chromium: the same ink height
at the same point size), so 16 pt here looks like 16 pt in the office's Word files.

Text that may break across pages has line-height 1.7: Sarabun's stacked marks (ทั้ง) reach 1.26 em above the
baseline and its lower vowels 0.36 em below, outside its 1.07 / 0.23 em ascent and descent; a line box shorter
than that lets Chromium paint the top of a page's first line at the foot of the page before as well.
"""

from __future__ import annotations

FONT_STACK = "Sarabun, 'TH SarabunPSK', 'TH Sarabun New', 'Noto Sans Thai', Tahoma, sans-serif"
GREEN, INK, GREY = "#1b5e20", "#14201a", "#4a5a4e"

CSS = """
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: %(stack)s; font-size: 16pt; line-height: 1.7; color: %(ink)s; margin: 0; background: #fff; }
main, .cover { max-width: 17cm; margin: 0 auto; padding: 1.5rem 1rem; }
p { margin: 0 0 .35em; } p.para { text-indent: 2.5em; } p.ref { padding-left: 2.5em; text-indent: -2.5em; }
h1, h2, h3, h4 { line-height: 1.7; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 18pt; margin: 1.1em 0 .4em; }
h3 { font-size: 16pt; margin: .9em 0 .3em; } h4 { font-size: 16pt; margin: .7em 0 .25em; }
h4.sub { margin-left: 1.2em; }
.cover { text-align: center; min-height: 24cm; display: flex; flex-direction: column; justify-content: center;
         gap: .35em; break-after: page; page-break-after: always; }
.cover .c-head { font-size: 22pt; font-weight: 700; } .cover .c-title { font-size: 20pt; font-weight: 700;
  margin: .8em 0; } .cover .c-line { font-size: 18pt; }
.newpage { break-before: page; page-break-before: always; }
h2.divider { text-align: center; }
.item { display: flex; gap: .5em; margin: 0 0 .3em 2.5em; } .item .no { flex: none; min-width: 1.6em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .3em 0 .8em; }
.facts dt { font-weight: 700; } .facts dd { margin: 0; }
.checks { margin: .2em 0 .8em 1.5em; padding: 0; list-style: none; }
.box { display: inline-block; width: .65em; height: .65em; border: 1.5px solid %(ink)s; margin-right: .5em;
       vertical-align: baseline; } .box.on { background: %(green)s; border-color: %(green)s; }
.signature { text-align: center; margin: 2em 0 0 45%%; break-before: avoid; break-inside: avoid; }
table { width: 100%%; table-layout: fixed; border-collapse: collapse; margin: .4em 0 .7em; font-size: 14pt; line-height: 1.7; }
th, td { border: 1px solid #7d8f80; padding: .2em .35em; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }  /* the widths hold; only a word wider than its column is cut */
td.no-top { border-top-style: hidden; } td.no-bottom { border-bottom-style: hidden; }
table.dense { font-size: 11.5pt; }  /* the six-column KRA/KPI matrix: every column fits its longest word */
thead th { background: #e3eee4; } tfoot td { font-weight: 700; background: #f1f5f0; }
thead { display: table-header-group; }  /* rows may break across pages, as Word's do */
.placeholder { font-style: italic; color: %(grey)s; border: 1px dashed #9aa99d; padding: .3em .6em; margin: .3em 0 .7em; }
figure { margin: .6em 0 1em; break-inside: avoid; } figcaption { text-align: center; font-size: 14pt; margin-top: .3em; }
.picture { border: 1.5px dashed #7d8f80; min-height: 5cm; display: flex; flex-direction: column; align-items: center;
           justify-content: center; text-align: center; color: %(grey)s; font-size: 14pt; padding: .5em;
           overflow-wrap: anywhere; }
.flow { display: flex; flex-direction: column; align-items: center; font-size: 11.5pt; line-height: 1.2;
        padding-top: .3em; }
.flow-node { line-height: 1.7; }
.flow-node { border: 2px solid %(green)s; border-radius: 1.2em; padding: .1em 1.2em; text-align: center;
             background: #f1f5f0; font-weight: 700; max-width: 80%%; }
.flow-arrow { width: 2px; height: .35em; background: %(green)s; position: relative; margin-bottom: 8px; }
.flow-arrow::after { content: ""; position: absolute; left: -5px; bottom: -7px; border-left: 6px solid transparent;
                     border-right: 6px solid transparent; border-top: 8px solid %(green)s; }
.flow-cycle { align-self: stretch; display: flex; flex-direction: column; align-items: center;
              border-right: 2px dashed %(green)s; border-top: 2px dashed %(green)s; border-bottom: 2px dashed %(green)s;
              border-radius: 0 1em 1em 0; padding: .3em 1em .2em 0; }
.flow-stage { display: block; border: 2px solid %(green)s; width: 100%%;
              break-inside: avoid; }
.flow-stage .name { background: %(green)s; color: #fff; padding: .15em .4em; font-weight: 700; }
.flow-stage ol { list-style: none; margin: 0; padding: .1em .4em; } .flow-stage li { margin: 0; }
.flow-stage li .no { font-weight: 700; margin-right: .35em; }
.flow-loop { font-size: 11pt; color: %(green)s; font-weight: 700; align-self: flex-end; margin-top: .2em; }
footer { margin-top: 2em; font-size: 12pt; color: %(grey)s; }
.demo-banner { background: #fff3cd; border: 1px solid #c9a227; color: #5c4400; text-align: center; font-weight: 700;
               padding: .2em; font-size: 13pt; }
.demo-mark { position: fixed; top: 42%%; left: -10%%; right: -10%%; text-align: center; transform: rotate(-32deg);
             font-size: 64pt; font-weight: 700; color: rgba(192, 0, 0, .13); pointer-events: none; z-index: 10; }
@page { size: A4; margin: 2.5cm 2cm 2cm 3cm;
        @top-center { content: "- " counter(page) " -"; font-family: %(stack)s; font-size: 14pt; }
        %(demo_box)s }
@page :first { @top-center { content: none; } }
@media print {
  main, .cover { max-width: none; padding: 0; }
  .demo-banner { display: none; }
  a { color: inherit; text-decoration: none; }
}
@media screen { .demo-mark { position: absolute; top: 14cm; } }
"""


def css_string(text: str) -> str:
    """A CSS string literal of our own text (quotes and backslashes escaped, line breaks as spaces)."""
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def style_sheet(demo_note: str) -> str:
    """The report's CSS; `demo_note` (the report's own words, never sheet text) goes in every page's margin."""
    demo_box = (f"@bottom-center {{ content: {css_string(demo_note)}; font-family: {FONT_STACK}; font-size: 12pt; "
                "color: #8a1c1c; }") if demo_note else ""
    return CSS % {"stack": FONT_STACK, "ink": INK, "green": GREEN, "grey": GREY, "demo_box": demo_box}
