"""Coverage: activities and reflections against the 5 Sujarit characteristics × the 3 declarations."""

from __future__ import annotations

from dataclasses import dataclass, field

from de_core.sheet.workbook import Record, Workbook


@dataclass
class Coverage:
    """Counts per (characteristic, declaration) cell, rows in characteristic order, columns in declaration order.

    A row tagged with several characteristics and declarations counts once in each pair it names. A cell is a
    gap when no activity covers it (reflections are shown beside the activity counts, they do not fill a gap).
    """

    characteristics: list[str]
    declarations: list[str]
    activities: list[list[int]] = field(default_factory=list)
    reflections: list[list[int]] = field(default_factory=list)
    untagged: list[Record] = field(default_factory=list)  # activities missing either kind of tag

    @property
    def gaps(self) -> list[tuple[str, str]]:
        return [(c, d) for i, c in enumerate(self.characteristics) for j, d in enumerate(self.declarations)
                if self.activities[i][j] == 0]

    @property
    def tagged(self) -> bool:
        """Whether any activity carries a (characteristic, declaration) pair at all."""
        return any(any(row) for row in self.activities)


def _count(rows: list[Record], chars: list[str], decls: list[str]) -> list[list[int]]:
    grid = [[0] * len(decls) for _ in chars]
    for row in rows:
        for c in row.get("characteristics") or []:
            for d in row.get("declarations") or []:
                if c in chars and d in decls:
                    grid[chars.index(c)][decls.index(d)] += 1
    return grid


def coverage(wb: Workbook, fiscal_year: int | None) -> Coverage:
    """The 5×3 matrix of the year's activities (top-level and sub-activities alike) and reflections."""
    chars = [o.key for o in wb.schema.options("characteristic")]
    decls = [o.key for o in wb.schema.options("declaration")]
    acts = wb.rows("activities", fiscal_year)
    untagged = [a for a in acts if not a.get("characteristics") or not a.get("declarations")]
    return Coverage(chars, decls, _count(acts, chars, decls),
                    _count(wb.rows("reflections", fiscal_year), chars, decls), untagged)
