"""Moving an office's workbook between stores without losing a cell (`de-dashboard copy`): the workbook read from
one store in one read, written whole into another that holds no data, read back and checked cell by cell.

Trailing blank cells of a row and trailing blank rows of a tab are not cells (a Google Sheet does not return them);
a tab the target adds that holds no data (a newer tab with its header row) is not a difference either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from de_core.sheet.cells import column_letter
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.text import normalize

SHOWN = 20  # differences listed in full; the rest are counted


def trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Rows without trailing blank cells, and without trailing rows left blank."""
    out = [list(r) for r in rows]
    for r in out:
        while r and r[-1] == "":
            r.pop()
    while out and not out[-1]:
        out.pop()
    return out


@dataclass
class Comparison:
    """What a cell-by-cell check found: tabs, rows and cells compared, and each difference in words."""

    tabs: int = 0
    rows: int = 0
    cells: int = 0
    differences: list[str] = field(default_factory=list)
    added_tabs: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not self.differences

    def summary(self) -> str:
        """One line in Thai and English, then the differences (at most SHOWN of them)."""
        if self.identical:
            head = (f"ตรวจแล้วตรงกันทุกช่อง: {self.tabs} แท็บ {self.rows:,} แถว {self.cells:,} ช่อง / "
                    f"checked cell by cell, identical: {self.tabs} tabs, {self.rows:,} rows, {self.cells:,} cells")
        else:
            head = (f"พบความต่าง {len(self.differences):,} จุด / {len(self.differences):,} differences found "
                    f"({self.tabs} tabs, {self.rows:,} rows, {self.cells:,} cells compared)")
        lines = [head, *(f"  {d}" for d in self.differences[:SHOWN])]
        if len(self.differences) > SHOWN:
            lines.append(f"  … {len(self.differences) - SHOWN:,} more")
        if self.added_tabs:
            lines.append("  แท็บที่ปลายทางเพิ่ม (มีแต่หัวตาราง) / tabs the target added (header row only): "
                         + ", ".join(self.added_tabs))
        return "\n".join(lines)


def compare_workbooks(source: RawWorkbook, target: RawWorkbook) -> Comparison:
    """Every cell of `source` against `target`, tab by tab (by title) and row by row."""
    result = Comparison()
    for title, tab in source.tabs.items():
        want = trimmed(tab.rows)
        if title not in target.tabs:
            if want:
                result.differences.append(f"«{title}»: แท็บหายไป / tab missing")
            continue
        got = trimmed(target.tabs[title].rows)
        result.tabs += 1
        for number in range(1, max(len(want), len(got)) + 1):
            a = want[number - 1] if number <= len(want) else []
            b = got[number - 1] if number <= len(got) else []
            result.rows += 1
            for col in range(max(len(a), len(b))):
                x = a[col] if col < len(a) else ""
                y = b[col] if col < len(b) else ""
                result.cells += 1
                if x != y:
                    result.differences.append(f"«{title}»!{column_letter(col)}{number}: «{x}» → «{y}»")
    for title, tab in target.tabs.items():
        if title in source.tabs:
            continue
        if any(normalize(c) for r in tab.rows[1:] for c in r):
            result.differences.append(f"«{title}»: แท็บเกินมาและมีข้อมูล / extra tab with data")
        else:
            result.added_tabs.append(title)
    return result
