"""Read the app's HTML blocks (st.html) in AppTest as a person reads them: bullet graphs (label → value, with
their note and where the bar and the mark stand) and the rows of tables, each cell's text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from streamlit.testing.v1 import AppTest


@dataclass
class BulletSeen:
    label: str = ""
    note: str = ""
    value: str = ""
    bar: float | None = None  # percent of the track
    mark: float | None = None
    tone: str = ""


@dataclass
class _Found:
    bullets: list[BulletSeen] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)  # per table: rows of cell texts (header row first)
    late: list[list[bool]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, found: _Found) -> None:
        super().__init__(convert_charrefs=True)
        self.found, self.stack, self.cell = found, [], None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split() + (["style"] if tag == "style" else [])
        self.stack.append(classes)
        style = a.get("style") or ""
        if "sj-bullet" in classes:
            self.found.bullets.append(BulletSeen())
        elif "sj-b-bar" in classes:
            self.found.bullets[-1].bar = _pct(style, "width")
            self.found.bullets[-1].tone = " ".join(c for c in classes if c != "sj-b-bar")
        elif "sj-b-target" in classes:
            self.found.bullets[-1].mark = _pct(style, "left")
        elif tag == "table":
            self.found.tables.append([])
            self.found.late.append([])
        elif tag == "tr":
            self.found.tables[-1].append([])
            self.found.late[-1].append("sj-late" in classes)
        elif tag in ("td", "th"):
            self.found.tables[-1][-1].append("")
            self.cell = True
        elif tag == "br":
            self._text("\n")
        elif "sj-sub" in classes and self.cell:
            self.found.tables[-1][-1][-1] += " · "

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()
        if tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data: str) -> None:
        self._text(data)

    def _text(self, data: str) -> None:
        flat = {c for classes in self.stack for c in classes}
        if "style" in flat:
            return
        if "sj-b-note" in flat:
            self.found.bullets[-1].note += data
        elif "sj-b-label" in flat:
            self.found.bullets[-1].label += data
        elif "sj-b-value" in flat:
            self.found.bullets[-1].value += data
        elif self.cell:
            self.found.tables[-1][-1][-1] += data

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)


def _pct(style: str, prop: str) -> float | None:
    m = re.search(rf"{prop}:\s*([\d.]+)%", style)
    return float(m.group(1)) if m else None


def read(at: AppTest) -> _Found:
    found = _Found()
    for element in at.get("html"):
        reader = _Reader(found)
        reader.feed(element.proto.body)
    return found


def bullets(at: AppTest) -> dict[str, BulletSeen]:
    """The page's bullet graphs by label."""
    return {b.label: b for b in read(at).bullets}


def tables(at: AppTest) -> list[list[list[str]]]:
    """The page's HTML tables, each a list of rows (the header row first) of cell texts; a second line in small
    type follows its cell's text after " · "."""
    return read(at).tables


def records(table: list[list[str]]) -> list[dict[str, str]]:
    """A table's rows as {header: cell text}."""
    return [dict(zip(table[0], row, strict=False)) for row in table[1:]]


def late_rows(at: AppTest) -> list[list[bool]]:
    """Per HTML table, whether each row (the header row first) is drawn as late."""
    return read(at).late


def after_field(at: AppTest, key: str) -> str | None:
    """The error written right under the widget `key` (before the next widget), as a reader sees it; None when
    nothing is written there."""
    nodes = list(at._tree)
    start = next(i for i, n in enumerate(nodes) if getattr(n, "key", None) == key)
    for node in nodes[start + 1:]:
        body = getattr(getattr(node, "proto", None), "body", "")
        if isinstance(body, str) and "sj-field-error" in body:
            reader = _ErrorText()
            reader.feed(body)
            return " ".join(reader.parts).strip() or None
        if getattr(node, "key", None):
            return None
    return None


class _ErrorText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.inside = "sj-field-error" in (dict(attrs).get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.parts.append(data)
