"""Coverage: activities, reflections and harvested outcomes against the 5 Sujarit characteristics × the 3
declarations."""

from __future__ import annotations

from dataclasses import dataclass, field

from de_core.sheet.workbook import Record, Workbook


@dataclass
class Coverage:
    """Counts per (characteristic, declaration) cell, rows in characteristic order, columns in declaration order.

    A row tagged with several characteristics and declarations counts once in each pair it names. A cell is a
    gap when no activity covers it (reflections and harvested outcomes are shown beside the activity counts, they do
    not fill a gap; an outcome in a gap cell is worth seeing: the change happened where the plan has nothing).
    """

    characteristics: list[str]
    declarations: list[str]
    activities: list[list[int]] = field(default_factory=list)
    reflections: list[list[int]] = field(default_factory=list)
    untagged: list[Record] = field(default_factory=list)  # activities missing either kind of tag
    outcomes: list[list[int]] = field(default_factory=list)  # harvested outcomes per cell (issue #19)
    harvested: list[Record] = field(default_factory=list)  # the year's outcomes, in sheet order

    @property
    def gaps(self) -> list[tuple[str, str]]:
        return [(c, d) for i, c in enumerate(self.characteristics) for j, d in enumerate(self.declarations)
                if self.activities[i][j] == 0]

    @property
    def outcome_cells(self) -> list[tuple[str, str, int]]:
        """(characteristic, declaration, outcomes) of every cell holding a harvested outcome, in matrix order."""
        return [(c, d, self.outcomes[i][j]) for i, c in enumerate(self.characteristics)
                for j, d in enumerate(self.declarations) if self.outcomes and self.outcomes[i][j]]

    @property
    def gap_outcomes(self) -> list[tuple[Record, list[tuple[str, str]]]]:
        """Each harvested outcome tagged with a gap cell, with those cells (in matrix order), in sheet order."""
        gaps = self.gaps
        out = []
        for row in self.harvested:
            cells = [p for p in gaps if p in _pairs(row)]
            if cells:
                out.append((row, cells))
        return out

    @property
    def tagged(self) -> bool:
        """Whether any activity carries a (characteristic, declaration) pair at all."""
        return any(any(row) for row in self.activities)


def _pairs(row: Record) -> set[tuple[str, str]]:
    return {(c, d) for c in row.get("characteristics") or [] for d in row.get("declarations") or []}


def _count(rows: list[Record], chars: list[str], decls: list[str]) -> list[list[int]]:
    grid = [[0] * len(decls) for _ in chars]
    for row in rows:
        for c, d in _pairs(row):
            if c in chars and d in decls:
                grid[chars.index(c)][decls.index(d)] += 1
    return grid


def coverage(wb: Workbook, fiscal_year: int | None) -> Coverage:
    """The 5×3 matrix of the year's activities (top-level and sub-activities alike), reflections and harvested
    outcomes (an older workbook without the outcomes tab has none)."""
    chars = [o.key for o in wb.schema.options("characteristic")]
    decls = [o.key for o in wb.schema.options("declaration")]
    acts = wb.rows("activities", fiscal_year)
    untagged = [a for a in acts if not a.get("characteristics") or not a.get("declarations")]
    harvested = wb.rows("outcomes", fiscal_year)
    return Coverage(chars, decls, _count(acts, chars, decls),
                    _count(wb.rows("reflections", fiscal_year), chars, decls), untagged,
                    _count(harvested, chars, decls), harvested)
