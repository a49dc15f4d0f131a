"""Sheet text as HTML for st.html: tables that wrap and show their whole text, and the late list.

st.html runs no Markdown; everything a person typed is escaped here with html.escape (quotes too, so it can never
leave a text node or an attribute), line breaks become <br>, and a link is made only from a URL that the sheet's
URL parser accepts as it is (http or https, no spaces or quotes). Class names and the stylesheet
(display.html_style) are the product's own constants. A table turns into one block per row on a phone
(labels from `data-label`), so nothing is cut and nothing scrolls sideways.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from de_core.display.html_style import STYLE
from de_core.sheet.parse import BadCell, parse_url

LATE_ROW = ' class="sj-late"'


def esc(text: object) -> str:
    """Any text made inert for HTML (None → ""), its line breaks kept as <br> (and as a new line in the source,
    so the text reads the same where it is not laid out: a hidden tab, a copy)."""
    s = "" if text is None else str(text)
    return "<br>\n".join(html.escape(line, quote=True) for line in s.split("\n"))


def attr(text: object) -> str:
    """Text for an attribute (a tooltip, a label for screen readers): escaped, quotes too, white space folded."""
    return html.escape(" ".join(("" if text is None else str(text)).split()), quote=True)


def safe_url(url: object) -> str | None:
    """The URL when the parser accepts it exactly as it is (http/https, no blanks or quotes); else None."""
    if not isinstance(url, str) or not url:
        return None
    try:
        return url if parse_url(url) == url else None
    except BadCell:
        return None


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, a smaller second line, a link (`href`, kept only when safe_url accepts it; `text`
    is then the link's words) and our own class names (never sheet text)."""

    text: object = ""
    sub: object = ""
    href: object = None
    cls: str = ""


def cell_html(cell: object) -> str:
    """A cell's inner HTML: escaped text, a link only to a safe URL, a second line in small type."""
    c = cell if isinstance(cell, Cell) else Cell(cell)
    url = safe_url(c.href)
    text = esc(c.text)
    if url is not None:
        text = f'<a href="{attr(url)}" target="_blank" rel="noopener noreferrer">{text or esc(url)}</a>'
    if c.sub:
        text += f'<div class="sj-sub">{esc(c.sub)}</div>'
    return text


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, late: Sequence[bool] = (),
          cls: str = "", numeric: Sequence[int] = (), caption: str = "", bare: Sequence[int] = ()) -> str:
    """An HTML table of escaped cells that wraps its text (a late row in red, `numeric` columns on the right).

    On a narrow screen each row becomes a block of "label: value" lines, so every cell stays whole (`bare`
    columns without their label: the row's title).
    """
    heads = "".join(f'<th scope="col"{_num(i, numeric)}>{esc(h)}</th>' for i, h in enumerate(headers))
    body = []
    for n, row in enumerate(rows):
        red = n < len(late) and late[n]
        tds = "".join(f'<td data-label="{attr(headers[i]) if i < len(headers) and i not in bare else ""}"'
                      f"{_num(i, numeric, c)}>{cell_html(c)}</td>" for i, c in enumerate(row))
        body.append(f"<tr{LATE_ROW if red else ''}>{tds}</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (f'<div class="sj-wrap"><table class="sj-table {cls}">{cap}<thead><tr>{heads}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def _num(i: int, numeric: Sequence[int], cell: object = None) -> str:
    classes = ["sj-num"] if i in numeric else []
    if isinstance(cell, Cell) and cell.cls:
        classes.append(cell.cls)
    return f' class="{" ".join(classes)}"' if classes else ""


def page(*blocks: str) -> str:
    """Blocks with the product's stylesheet, as one st.html body."""
    return STYLE + "".join(blocks)


def block(body: str, cls: str = "", label: str = "") -> str:
    """A <div> of our class around HTML already made safe; `label` becomes its aria-label (escaped)."""
    aria = f' role="group" aria-label="{attr(label)}"' if label else ""
    return f'<div class="{cls}"{aria}>{body}</div>'


def figures(items: Sequence[tuple[str, str]], cls: str = "") -> str:
    """Labelled figures side by side (label over value), two to a row in a narrow column: the budget's four.
    `cls` "sj-wide-only" leaves them out on a phone."""
    cells = "".join(f'<div class="sj-fig"><div class="sj-fig-label">{esc(label)}</div>'
                    f'<div class="sj-fig-value">{esc(value)}</div></div>' for label, value in items)
    return f'<div class="sj-figs-box {cls}"><div class="sj-figs">{cells}</div></div>'


def hint(text: str, cls: str = "") -> str:
    """A note on what to enter where (an info box), e.g. `cls` "sj-wide-only": not on a phone."""
    return f'<div class="sj-hint {cls}" role="note">{esc(text)}</div>'


def links(items: Sequence[tuple[str, str]], cls: str = "") -> str:
    """A list of links (label, url) that wraps whole: only URLs safe_url accepts become links (others: none)."""
    shown = [f'<li>{cell_html(Cell(label, href=url))}</li>' for label, url in items if safe_url(url)]
    return f'<ul class="sj-links {cls}">{"".join(shown)}</ul>' if shown else ""
