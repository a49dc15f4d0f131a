"""The Best Practice report as data: a cover, then the seed's sections in its order, each a list of blocks, then the
appendices (the learning log), kept apart so the seed's order is never touched.

The renderers (docx, html) and the on-screen preview draw the same model, so every output holds the same content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from de_core.display.i18n import translate


@dataclass
class Table:
    """Header cells (none for a table without a header), body rows of text (lines split by "\\n"), an optional total
    row. An empty cell in a `merge_columns` column continues the cell above it (rowspan / vertical merge)."""

    headers: list[str]
    rows: list[list[str]]
    total: list[str] | None = None
    widths: list[int] = field(default_factory=list)  # relative column widths
    merge_columns: tuple[int, ...] = ()

    @property
    def width(self) -> int:
        return len(self.headers) if self.headers else max((len(r) for r in self.rows), default=0)

    def spans(self) -> dict[tuple[int, int], int]:
        """{(first body row, column): rows spanned} for the merge columns."""
        out: dict[tuple[int, int], int] = {}
        for col in self.merge_columns:
            start = 0
            for r in range(1, len(self.rows) + 1):
                if r == len(self.rows) or self.rows[r][col]:
                    out[(start, col)] = r - start
                    start = r
        return out


@dataclass
class FlowStage:
    number: int
    name: str
    steps: list[tuple[str, str]]  # (step number, step title)


@dataclass
class Flow:
    """The DE process drawn as a flowchart: a start, the stages with their steps, the goal, the loop back."""

    start: str
    stages: list[FlowStage]
    goal: str
    loop: str


@dataclass
class Block:
    """One piece of a section's body.

    kind: paragraph | subheading | item | table | figure | flowchart | placeholder | facts | checklist | signature
    """

    kind: str
    text: str = ""
    label: str = ""  # an item's "1)", a sub-heading's "5.1", a figure's "ภาพประกอบ 2"
    table: Table | None = None
    url: str = ""
    flow: Flow | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)  # facts: (label, value)
    checks: list[tuple[bool, str]] = field(default_factory=list)  # checklist: (ticked, option)
    source: str = ""  # the id of the sheet row it came from ("" when made from the other tabs)


@dataclass
class Section:
    key: str  # the report_section key: "foreword", "form", "1", "1.1", …, "references"
    number: str  # "1.1"; "" for unnumbered sections
    title: str
    level: int  # 1 for chapters and unnumbered sections, 2 for "1.1", 3 for "8.2.1"
    blocks: list[Block] = field(default_factory=list)
    in_toc: bool = True
    new_page: bool = False  # starts a page of its own (an appendix)

    @property
    def heading(self) -> str:
        if not self.number:
            return self.title
        return f"{self.number}. {self.title}" if self.level == 1 else f"{self.number} {self.title}"

    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if b.table is not None]


@dataclass
class Cover:
    heading: str
    title: str
    lines: list[str]


@dataclass
class Report:
    lang: str
    fiscal_year: int | None
    title: str
    subtitle: str
    cover: Cover
    sections: list[Section]
    footer: str
    demo: bool = False
    demo_note: str = ""  # said on every page of a report made from demo data
    toc_title: str = ""
    appendices: list[Section] = field(default_factory=list)  # after the seed's sections, never among them

    @property
    def parts(self) -> list[Section]:
        """Every section in print order: the seed's sections, then the appendices."""
        return [*self.sections, *self.appendices]

    def section(self, key: str) -> Section:
        return next(s for s in self.parts if s.key == key)

    def table(self, key: str, index: int = 0) -> Table:
        """The index-th table of a section (raises IndexError when it has fewer)."""
        return self.section(key).tables()[index]


class Translator:
    """translate() bound to the report's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        return translate(key, self.lang, **values)
