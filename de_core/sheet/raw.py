"""The workbook as a sheet holds it: tabs of rows of text cells. What every store returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class RawTab:
    """One tab: `rows[0]` is sheet row 1 (the header); `rows[i]` is sheet row i + 1. Rows may be ragged."""

    title: str
    rows: list[list[str]] = field(default_factory=list)

    @property
    def header(self) -> list[str]:
        return list(self.rows[0]) if self.rows else []


@dataclass
class RawWorkbook:
    """Every tab of a workbook, in sheet order, keyed by the tab title as it stands in the sheet."""

    tabs: dict[str, RawTab] = field(default_factory=dict)
    source: str = ""
    read_at: datetime | None = None

    def add(self, tab: RawTab) -> None:
        self.tabs[tab.title] = tab
