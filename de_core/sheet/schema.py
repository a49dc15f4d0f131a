"""The workbook schema: tabs, columns, types and dropdown values, loaded from sheets_schema/*.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from de_core.sheet.text import fold
from sheets_schema import ENUMS_FILE, TABS_FILE

COLUMN_TYPES = frozenset(
    {
        "text", "int", "number", "percent", "score", "baht", "date", "datetime", "month_range", "fiscal_year",
        "enum", "enum_list", "url", "urls", "ids", "bool", "measure",
    }
)


@dataclass(frozen=True)
class EnumOption:
    key: str
    th: str
    en: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.th if lang == "th" else self.en


@dataclass(frozen=True)
class Column:
    key: str
    th: str
    en: str
    type: str
    required: bool = False
    enum: str | None = None
    aliases: tuple[str, ...] = ()

    def header(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en

    def names(self) -> tuple[str, ...]:
        """Every header text accepted for this column."""
        return (self.th, self.en, self.key, *self.aliases)


@dataclass(frozen=True)
class Tab:
    key: str
    th: str
    en: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    id_column: str = "id"
    newer: bool = False  # added after workbooks were in use: a workbook without it still works (DECISIONS.md)

    def title(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en

    def names(self) -> tuple[str, ...]:
        return (self.th, self.en, self.key, *self.aliases)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.key} has no column {key!r}")

    @property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    def headers(self, lang: str = "th") -> list[str]:
        return [c.header(lang) for c in self.columns]


@dataclass(frozen=True)
class Schema:
    tabs: tuple[Tab, ...]
    enums: dict[str, tuple[EnumOption, ...]] = field(default_factory=dict)

    def tab(self, key: str) -> Tab:
        for tab in self.tabs:
            if tab.key == key:
                return tab
        raise KeyError(f"no tab {key!r}")

    @property
    def tab_keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.tabs)

    def options(self, enum: str) -> tuple[EnumOption, ...]:
        return self.enums[enum]

    def enum_label(self, enum: str, key: str | None, lang: str = "th") -> str:
        """The label of an enum key in a language (the key itself when unknown, "" for None)."""
        if key is None:
            return ""
        for opt in self.enums.get(enum, ()):
            if opt.key == key:
                return opt.label(lang)
        return key

    def find_tab(self, title: str) -> Tab | None:
        """The tab a sheet title stands for (Thai title, English title, key or alias), or None."""
        wanted = fold(title)
        for tab in self.tabs:
            if wanted in {fold(n) for n in tab.names()}:
                return tab
        return None


def match_headers(tab: Tab, header_row: list[str]) -> tuple[dict[str, int], list[int]]:
    """Map column keys to positions in a header row; also return the positions of unknown headers.

    The first header cell matching any accepted name of a column wins; a later duplicate is unknown.
    """
    names = {col.key: {fold(n) for n in col.names()} for col in tab.columns}
    found: dict[str, int] = {}
    unknown: list[int] = []
    for pos, cell in enumerate(header_row):
        folded = fold(cell)
        if not folded:
            continue
        hit = next((key for key, accepted in names.items() if folded in accepted and key not in found), None)
        if hit is None:
            unknown.append(pos)
        else:
            found[hit] = pos
    return found, unknown


def repeated_headers(tab: Tab, header_row: list[str]) -> dict[str, list[int]]:
    """Columns that more than one header cell names (e.g. "หมายเหตุ" and "Note"), with those positions."""
    out: dict[str, list[int]] = {}
    for col in tab.columns:
        accepted = {fold(n) for n in col.names()}
        hits = [pos for pos, cell in enumerate(header_row) if fold(cell) in accepted]
        if len(hits) > 1:
            out[col.key] = hits
    return out


def _load_enums(path: Path) -> dict[str, tuple[EnumOption, ...]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        name: tuple(
            EnumOption(o["key"], o["th"], o["en"], tuple(o.get("aliases", ()))) for o in options
        )
        for name, options in data.items()
    }


def _load_tabs(path: Path, enums: dict[str, tuple[EnumOption, ...]]) -> tuple[Tab, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tabs = []
    for t in data["tab"]:
        cols = []
        for c in t["columns"]:
            if c["type"] not in COLUMN_TYPES:
                raise ValueError(f"{t['key']}.{c['key']}: unknown type {c['type']!r}")
            if c["type"] in ("enum", "enum_list") and c.get("enum") not in enums:
                raise ValueError(f"{t['key']}.{c['key']}: unknown enum {c.get('enum')!r}")
            cols.append(
                Column(c["key"], c["th"], c["en"], c["type"], bool(c.get("required", False)), c.get("enum"),
                       tuple(c.get("aliases", ())))
            )
        tabs.append(Tab(t["key"], t["th"], t["en"], tuple(cols), tuple(t.get("aliases", ())), t.get("id", "id"),
                        bool(t.get("newer", False))))
    return tuple(tabs)


@lru_cache(maxsize=4)
def load_schema(tabs_file: Path = TABS_FILE, enums_file: Path = ENUMS_FILE) -> Schema:
    """Load the workbook schema. Raises ValueError when the schema files are inconsistent."""
    enums = _load_enums(enums_file)
    return Schema(_load_tabs(tabs_file, enums), enums)
