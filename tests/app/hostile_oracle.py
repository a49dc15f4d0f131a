"""The oracle of test_hostile_text: does a page let Streamlit or plotly interpret text that came from the sheet?

Every string of every element a page sends is classified by where it lands (`FIELDS`): Markdown (bodies, labels,
help, metric values, st.table cells), plain text (st.text, st.code, option lists, the canvas of st.dataframe),
a link, a plotly figure, or HTML (read as a browser builds it: sheet text only in text nodes and text attributes,
never a tag or another attribute of its making). A string of an unknown place that carries sheet text is itself a failure, so a
new element cannot slip by unchecked.

Markdown is parsed with markdown-it-py (CommonMark + GFM tables and strikethrough, escapes kept apart), and what it
does not know is emulated the way Streamlit's renderer behaves (checked in chromium, see test_hostile_in_browser):
LaTeX `$…$`, `$$…$$`, directives `:red[…]` and `~…~` are syntax (a backslash stops them); GFM's literal autolinks,
emoji shortcodes and `:material/…:` icons are found in the text after escapes are gone (a backslash does not stop
them). Then a payload from tests/app/hostile.py is inert when, wherever its marker is shown, its literal is shown
as typed around it, and no link, image, code, LaTeX, shortcode or allowed HTML carries sheet text. plotly figures
get the same literal check after plotly's own reading of text (its tags dropped, its entities decoded: &lt; &gt;
&amp; and numbers, but &quot; shows as typed).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from google.protobuf.message import Message
from markdown_it import MarkdownIt
from streamlit import dataframe_util

from de_core.sheet.parse import BadCell, parse_url
from tests.app.hostile import ATOMS, EVIL, MARKERS

PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("text_join")
INVISIBLE = "\u2060\u200b"  # joiners a page may put in to break an autolink or a shortcode; not shown
ESC, LIT = "\ue000", "\ue001"  # in the syntax mask: an escaped character; code or HTML shown as it is
DISPLAY_MATH = re.compile(r"(?<!\$)\$\$+(?!\$)[\s\S]*?\$\$")  # Streamlit's own tests for math (StreamlitMarkdown)
INLINE_MATH = re.compile(r"(?<!\$)\$(?![\s$])[^$\n]*?[^\s$]\$(?!\d)")
DIRECTIVE = re.compile(r":([A-Za-z][\w-]*)\[([^\]\n]*)\]")
TILDE = re.compile(r"(?<!~)~(?![~\s])([^~\n]*?[^~\s])~(?!~)")
SHORTCODES = (":smile:", ":tada:", ":material/warning:", ":material_warning:", ":streamlit:")
AUTOLINK = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE | re.ASCII)  # GFM literal
EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)
PLOTLY_TAG = re.compile(r"<[^<>]*>")
PLOTLY_ENTITY = re.compile(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);")  # plotly.js convertEntities, and its only names:
PLOTLY_NAMED = {"mu": "μ", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\xa0", "times": "×", "plusmn": "±", "deg": "°"}
ELLIPSIS = "…"

# Where each string of an element lands, by the proto message's name and the field's name.
MD, PLAIN, URL, PLOTLY, COLUMNS, TABLE, HTML, LATEX = ("markdown", "plain", "url", "plotly", "columns", "table",
                                                       "html", "latex")
FIELDS: dict[str, dict[str, str]] = {
    "*": {"label": MD, "help": MD, "id": PLAIN, "form_id": PLAIN, "placeholder": PLAIN, "options": PLAIN,
          "default": PLAIN, "value": PLAIN, "raw_value": PLAIN, "icon": PLAIN},
    "Markdown": {"body": MD},
    "Alert": {"body": MD, "title": MD},
    "Heading": {"body": MD, "anchor": PLAIN},
    "Metric": {"body": MD, "delta": MD, "delta_description": MD},
    "Text": {"body": PLAIN},
    "Code": {"code_text": PLAIN},
    "Html": {"body": HTML},
    "Progress": {"text": MD},
    "Radio": {"options": MD, "captions": MD},
    "Toast": {"body": MD},
    "LinkButton": {"url": URL},
    "PageLink": {"page": PLAIN, "url_path": PLAIN},
    "PlotlyChart": {"spec": PLOTLY, "config": PLAIN},
    "Dataframe": {"data": PLAIN, "display_values": PLAIN, "styles": PLAIN, "caption": PLAIN, "uuid": PLAIN,
                  "columns": COLUMNS, "column_order": PLAIN},
    "Table": {"data": TABLE},
    "ImageList": {"url": URL, "caption": MD, "link": URL},
    "Block": {"label": MD, "title": MD},
}


def carries_sheet_text(text: str) -> bool:
    return EVIL in text or any(m in text for m in MARKERS)


def strings(msg: Message, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str | bytes]]:
    """Every string and bytes field of a proto message, with its field path."""
    for field, value in msg.ListFields():
        for v in value if field.is_repeated else [value]:
            if isinstance(v, Message):
                yield from strings(v, (*path, field.name))
            elif isinstance(v, str | bytes):
                yield (*path, field.name), v


def node_problems(node: Any) -> list[str]:
    """What in one AppTest node (element or block) lets sheet text be interpreted."""
    proto = getattr(node, "proto", None)
    if not isinstance(proto, Message):
        return []
    kind = proto.DESCRIPTOR.name
    where = f"{getattr(node, 'type', kind)}"
    out: list[str] = []
    for path, value in strings(proto):
        text = value if isinstance(value, str) else None
        place = FIELDS.get(kind, {}).get(path[-1]) or FIELDS["*"].get(path[-1])
        if kind == "Markdown" and path == ("body",):
            if proto.element_type == proto.Type.LATEX:
                place = LATEX
            elif proto.allow_html:
                place = HTML
        if place == TABLE:
            out += table_problems(value, where)
        elif place == COLUMNS:
            out += columns_problems(proto, where)
        elif text is None or not carries_sheet_text(text) or place == PLAIN:
            continue
        elif place == MD:
            out += markdown_problems(text, f"{where}.{'.'.join(path)}")
        elif place == PLOTLY:
            out += plotly_problems(text, where)
        elif place == URL:
            out.append(f"{where}: a link made of sheet text: {text[:120]!r}")
        elif place == HTML:
            out += html_problems(text, where)
        elif place == LATEX:
            out.append(f"{where}: sheet text rendered as {place}: {text[:120]!r}")
        else:
            out.append(f"{where}.{'.'.join(path)}: sheet text in a field the oracle does not know (classify it in "
                       f"hostile_oracle.FIELDS): {text[:120]!r}")
    return out


# ----- Markdown -----------------------------------------------------------------------------------------------------
def markdown_problems(body: str, where: str) -> list[str]:
    """The problems of one Markdown source as Streamlit renders it (allow_html off)."""
    shown, problems = render(body)
    return [f"{where}: {p}" for p in problems + literal_problems(shown)]


def render(body: str) -> tuple[str, list[str]]:
    """(the text a reader sees, the constructs that carry sheet text) for a Markdown source."""
    seen: list[str] = []
    problems: list[str] = []
    for token in PARSER.parse(body):
        if token.type == "inline":
            text, found = _inline(token.children or [])
            seen.append(text)
            problems += found
        elif token.type in ("fence", "code_block"):
            seen.append(token.content)
            if carries_sheet_text(token.content):
                problems.append(f"sheet text as a code block: {token.content[:80]!r}")
        elif token.type == "html_block":
            seen.append(token.content)  # shown as it is: Streamlit renders HTML only with unsafe_allow_html
        else:  # the start or end of a block (paragraph, heading, quote, list, table cell ...): a line break
            seen.append("\n")
    text = "".join(seen)
    for shortcode in SHORTCODES:  # found in the text after escapes are gone: a backslash does not stop them
        if shortcode in text:
            problems.append(f"{shortcode} would be drawn as an emoji or icon")
    return text, problems


def _inline(children: list) -> tuple[str, list[str]]:
    """The visible text of one inline run and the constructs that carry sheet text."""
    chars: list[tuple[str, str]] = []  # (character, "raw" | "esc" | "lit")
    problems: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text":
            chars += [(c, "raw") for c in child.content]
        elif kind == "text_special":
            chars += [(c, "esc") for c in child.content]
            if child.info == "entity" and carries_sheet_text(child.markup):
                problems.append(f"an entity from the sheet was decoded: {child.markup!r}")
        elif kind in ("softbreak", "hardbreak"):
            chars.append(("\n", "raw"))
        elif kind in ("code_inline", "html_inline"):
            chars += [(c, "lit") for c in child.content]
            if kind == "code_inline" and carries_sheet_text(child.content):
                problems.append(f"sheet text as code: {child.content[:80]!r}")
        elif kind in ("link_open", "image"):
            href = str(child.attrs.get("href") or child.attrs.get("src") or "")
            if carries_sheet_text(href) or carries_sheet_text(child.content):
                problems.append(f"a {kind.split('_')[0]} from sheet text: {href[:80]!r}")
            if kind == "image":
                chars += [(c, "lit") for c in child.content]
    visible = "".join(c for c, _ in chars)
    mask = "".join(c if k == "raw" else ESC if k == "esc" else LIT for c, k in chars)
    for pattern, what in ((DISPLAY_MATH, "LaTeX"), (INLINE_MATH, "LaTeX"), (DIRECTIVE, "a directive"),
                          (TILDE, "strikethrough")):
        for m in pattern.finditer(mask):
            span = visible[m.start():m.end()]
            if carries_sheet_text(span):
                problems.append(f"sheet text read as {what}: {span[:80]!r}")
    problems += _autolinks(chars)
    return visible, problems


def _autolinks(chars: list[tuple[str, str]]) -> list[str]:
    """GFM literal autolinks, found the way remark-gfm finds them: in text after escapes are gone."""
    runs = "".join(c if k != "lit" else "\n" for c, k in chars)
    out = []
    for pattern in (AUTOLINK, EMAIL):
        for m in pattern.finditer(runs):
            before = runs[m.start() - 1] if m.start() else " "
            if before.isspace() or unicodedata.category(before)[0] in "PS":
                if carries_sheet_text(m.group(0)) and (pattern is AUTOLINK or before != "/"):
                    out.append(f"an autolink from sheet text: {m.group(0)[:80]!r}")
    return out


def literal_problems(shown: str, cut: bool = False) -> list[str]:
    """Wherever a payload's marker is shown, its literal must be shown around it, exactly as typed. A text the app
    cut is allowed to end inside a payload where it shows "…" (and, with `cut`, at its very end: a chart label)."""
    text = _norm(shown)
    out = []
    for atom in ATOMS:
        literal = _norm(atom.literal)
        offset = literal.index(atom.marker)
        for m in re.finditer(re.escape(atom.marker), text):
            start = m.start() - offset
            window = text[max(start, 0):start + len(literal)]
            if ELLIPSIS in window:
                window = window.split(ELLIPSIS)[0]
            elif not (cut and start + len(literal) > len(text)):
                window = window.ljust(len(literal), "\0")  # the text ended inside the payload: not as typed
            if start < 0 or window != literal[:len(window)]:
                out.append(f"not shown as typed: {atom.literal!r} came out as {window.rstrip(chr(0))!r}")
    return out


def _norm(text: str) -> str:
    return " ".join(text.translate({ord(c): None for c in INVISIBLE}).split())


# ----- HTML (st.html, and st.markdown with unsafe_allow_html) -------------------------------------------------------
# Tags the app's own HTML blocks use (de_core.display.html, .bullets): any other tag is made of sheet text.
HTML_TAGS = {"style", "div", "span", "table", "caption", "thead", "tbody", "tr", "th", "td", "a", "br", "small", "ul",
             "li"}  # (keep in step with de_core.display.html and .bullets)
# Attributes that only ever hold text for a reader (tooltips, screen readers, a phone's cell labels): sheet text
# may sit there escaped, shown as typed. Every other attribute (href, src, style, class, on…) must be ours.
TEXT_ATTRIBUTES = {"aria-label", "title", "data-label"}


class _HtmlReader(HTMLParser):
    """An HTML body as a browser builds it: its tags and attributes, and its text as a reader sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"
        self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        self.text.append("\n")

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def html_problems(body: str, where: str) -> list[str]:
    """An HTML body carrying sheet text is inert when the text is only ever text: no tag of its making (every tag
    is one the app's blocks use), none of its attributes but text ones (shown as typed there too), and every
    payload shown as typed in the text a browser draws."""
    reader = _HtmlReader()
    reader.feed(body)
    reader.close()
    out = [f"{where}: a <{tag}> tag in HTML that carries sheet text" for tag, _ in reader.tags if tag not in HTML_TAGS]
    for tag, attrs in reader.tags:
        for name, value in attrs:
            if value and carries_sheet_text(value):
                if name not in TEXT_ATTRIBUTES:
                    out.append(f"{where}: sheet text in the {name!r} attribute of <{tag}>: {value[:80]!r}")
                else:
                    out += [f"{where} {name}: {p}" for p in literal_problems(value)]
    if any(carries_sheet_text(css) for css in reader.styles):
        out.append(f"{where}: sheet text inside a <style> element")
    return out + [f"{where}: {p}" for p in literal_problems("".join(reader.text))]


# ----- st.table and st.dataframe -------------------------------------------------------------------------------------
def table_problems(data: bytes | str, where: str) -> list[str]:
    """st.table draws each cell and header as Markdown."""
    if not isinstance(data, bytes):
        return []
    frame = dataframe_util.convert_arrow_bytes_to_pandas_df(data)
    cells = [str(c) for c in frame.columns] + [str(v) for v in frame.astype(str).to_numpy().ravel()]
    return [p for cell in cells if carries_sheet_text(cell) for p in markdown_problems(cell, f"{where} cell")]


def columns_problems(proto: Message, where: str) -> list[str]:
    """A LinkColumn of st.dataframe may only hold links read by the URL parser, never other sheet text."""
    config = json.loads(proto.columns or "{}")
    links = [name for name, spec in config.items() if (spec.get("type_config") or {}).get("type") == "link"]
    out = [f"{where}: column help from sheet text: {spec['help'][:80]!r}" for spec in config.values()
           if carries_sheet_text(str(spec.get("help") or ""))]
    if not links:
        return out
    frame = dataframe_util.convert_arrow_bytes_to_pandas_df(proto.arrow_data.data)
    for name in links:
        column = name.removeprefix("col:") if name not in frame.columns else name
        if column not in frame.columns:
            continue
        for value in frame[column].dropna().astype(str):
            if value and not _is_parsed_url(value):
                out.append(f"{where}: a LinkColumn fed by sheet text: {value[:80]!r}")
    return out


def _is_parsed_url(value: str) -> bool:
    try:
        return parse_url(value) == value and not carries_sheet_text(value)
    except BadCell:
        return False


# ----- plotly ---------------------------------------------------------------------------------------------------------
def plotly_problems(spec: str, where: str) -> list[str]:
    """Strings of a plotly figure, read the way plotly reads them: its tags (<b>, <br>, <a href>, <span>, any
    other tag dropped) and entities; a payload must still read as typed."""
    out = []
    for text in _json_strings(json.loads(spec)):
        if not carries_sheet_text(text):
            continue
        if re.search(r"<a\s[^>]*href", text, re.IGNORECASE) and EVIL in text:
            out.append(f"{where}: a plotly link from sheet text: {text[:80]!r}")
        shown = _plotly_entities(PLOTLY_TAG.sub(lambda m: "\n" if m.group(0).lower().startswith("<br") else "", text))
        out += [f"{where}: plotly {p}" for p in literal_problems(shown, cut=True)]
    return out


def _plotly_entities(text: str) -> str:
    """Entities as plotly decodes them: numbers and eight names; any other (&quot;) is shown as typed."""
    def one(m: re.Match) -> str:
        code = m.group(1)
        if code.startswith("#"):
            return chr(int(code[2:], 16) if code[1] == "x" else int(code[1:]))
        return PLOTLY_NAMED.get(code, m.group(0))
    return PLOTLY_ENTITY.sub(one, text)


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)
