"""A sheet's cells: a sparse-ish list of rows (trailing empty rows/cells need not exist)."""

from __future__ import annotations

from typing import Any

from .a1 import Bounds
from .cells import Cell, render, trim

Block = list[list[Cell | None]]


class Grid:
    """Cell storage and rectangular reads/writes; ``row_count``/``col_count`` come from the subclass."""

    row_count: int
    col_count: int

    def __init__(self) -> None:
        self.grid: list[list[Cell | None]] = []

    def get(self, r: int, c: int) -> Cell | None:
        if r < len(self.grid) and c < len(self.grid[r]):
            return self.grid[r][c]
        return None

    def set(self, r: int, c: int, cell: Cell | None) -> None:
        if cell is None and self.get(r, c) is None:
            return
        while len(self.grid) <= r:
            self.grid.append([])
        row = self.grid[r]
        if len(row) <= c:
            row.extend([None] * (c + 1 - len(row)))
        row[c] = cell

    def row_is_empty(self, r: int) -> bool:
        return r >= len(self.grid) or all(x is None for x in self.grid[r])

    def last_data_row(self) -> int:
        """Index of the last row holding any value (-1 when the sheet is empty), blank rows inside included."""
        for r in range(len(self.grid) - 1, -1, -1):
            if not self.row_is_empty(r):
                return r
        return -1

    def used_width(self, r0: int, r1: int) -> int:
        width = 0
        for r in range(r0, min(r1, len(self.grid))):
            row = self.grid[r]
            for c in range(len(row) - 1, -1, -1):
                if row[c] is not None:
                    width = max(width, c + 1)
                    break
        return width

    def matrix(self, b: Bounds, option: str = "FORMATTED_VALUE", major: str = "ROWS") -> list[list[Any]]:
        assert b.r1 is not None and b.c1 is not None
        last_row = min(b.r1, len(self.grid))
        rows = [[render(self.get(r, c), option) for c in range(b.c0, b.c1)] for r in range(b.r0, last_row)]
        if major == "COLUMNS":
            width = b.c1 - b.c0
            rows = [[row[i] for row in rows] for i in range(width)] if rows else []
        return trim(rows)

    def block(self, b: Bounds) -> Block:
        """The cells of closed bounds ``b`` (None for empty cells), row by row."""
        assert b.r1 is not None and b.c1 is not None
        return [[self.get(r, c) for c in range(b.c0, b.c1)] for r in range(b.r0, b.r1)]

    def write(self, r0: int, c0: int, cells: Block) -> None:
        """Put ``cells`` from (r0, c0); a None overwrites (empties) its cell."""
        for i, row in enumerate(cells):
            for j, cell in enumerate(row):
                self.set(r0 + i, c0 + j, cell)

    def clear(self, b: Bounds) -> None:
        b = b.clip(self.row_count, self.col_count)
        assert b.r1 is not None and b.c1 is not None
        for r in range(b.r0, min(b.r1, len(self.grid))):
            for c in range(b.c0, min(b.c1, len(self.grid[r]))):
                self.grid[r][c] = None
