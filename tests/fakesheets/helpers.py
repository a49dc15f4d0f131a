"""Python-side set-up, inspection and "a person edits the sheet" helpers of the fake."""

from __future__ import annotations

import copy
import threading
from typing import Any

from .a1 import cell_index
from .cells import Cell, cell_from_input, render, text_cell, trim
from .state import Sheet, Workbook
from .switches import Switches


class SheetHelpers:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._books: dict[str, Workbook] = {}
        self.switches = Switches()  # shared by every spreadsheet of this server

    # -- set-up ----------------------------------------------------------------------------
    def add_spreadsheet(
        self, key: str, title: str = "Workbook", sheets: dict[str, list[list[str]]] | None = None
    ) -> None:
        """Create (or replace) a spreadsheet. Cells are stored as plain text (like RAW input)."""
        wb = Workbook(key, title, self.switches)
        for name, rows in (sheets or {"Sheet1": []}).items():
            wb.add_sheet(name).load(rows)
        with self._lock:
            self._books[key] = wb

    def forbid(self, key: str, forbidden: bool = True) -> None:
        """Every request for ``key`` answers 403 PERMISSION_DENIED (until forbid(key, False))."""
        with self._lock:
            self._book(key).forbidden = forbidden

    # -- inspection ------------------------------------------------------------------------
    def _book(self, key: str) -> Workbook:
        return self._books[key]

    def _sheet(self, key: str, title: str) -> Sheet:
        return self._books[key].sheet(title)

    def sheet_titles(self, key: str) -> list[str]:
        with self._lock:
            return [s.title for s in self._book(key).sheets]

    def values(self, key: str, title: str, render_option: str = "FORMATTED_VALUE") -> list[list[Any]]:
        """Current grid (strings for FORMATTED_VALUE), trailing empty cells/rows trimmed."""
        with self._lock:
            sheet = self._sheet(key, title)
            return trim([[render(c, render_option) for c in row] for row in sheet.grid])

    def cell(self, key: str, title: str, a1: str, render_option: str = "FORMATTED_VALUE") -> Any:
        r, c = cell_index(a1)
        with self._lock:
            return render(self._sheet(key, title).get(r, c), render_option)

    def is_formula(self, key: str, title: str, a1: str) -> bool:
        r, c = cell_index(a1)
        with self._lock:
            cell = self._sheet(key, title).get(r, c)
            return cell is not None and cell.is_formula

    def sheet_props(self, key: str, title: str) -> dict:
        with self._lock:
            return copy.deepcopy(self._sheet(key, title).props)

    def protected_ranges(self, key: str, title: str) -> list[dict]:
        with self._lock:
            return copy.deepcopy(self._sheet(key, title).protected_ranges)

    def data_validations(self, key: str, title: str) -> list[dict]:
        """[{"range": GridRange, "rule": ...}] in the order setDataValidation was received."""
        with self._lock:
            return copy.deepcopy(self._sheet(key, title).validations)

    def formats(self, key: str, title: str) -> list[dict]:
        """The repeatCell requests received for this sheet ({"range", "cell", "fields"})."""
        with self._lock:
            return copy.deepcopy(self._sheet(key, title).formats)

    def batch_requests(self, key: str) -> list[dict]:
        """Every applied spreadsheets.batchUpdate request object, in order."""
        with self._lock:
            return copy.deepcopy(self._book(key).batch_log)

    # -- a person edits the sheet (1-based rows) -------------------------------------------
    def insert_rows(self, key: str, title: str, at_row: int, rows: list[list[str]]) -> None:
        with self._lock:
            sheet = self._sheet(key, title)
            sheet.insert_rows(at_row - 1, len(rows))
            sheet.write(at_row - 1, 0, [[text_cell(str(v)) for v in row] for row in rows])
            sheet.col_count = max(sheet.col_count, max((len(r) for r in rows), default=0))

    def delete_rows(self, key: str, title: str, start_row: int, count: int = 1) -> None:
        with self._lock:
            self._sheet(key, title).delete_rows(start_row - 1, count)

    def move_row(self, key: str, title: str, from_row: int, to_row: int) -> None:
        """Cut row ``from_row`` and re-insert it so that it ends up at ``to_row``."""
        with self._lock:
            dest = to_row if to_row > from_row else to_row - 1  # moveDimension counts before taking it out
            self._sheet(key, title).move("ROWS", from_row - 1, from_row, dest)

    def move_column(self, key: str, title: str, from_col: int, to_col: int) -> None:
        """Cut column ``from_col`` (0-based, header and data) and re-insert it so that it ends up at ``to_col``."""
        with self._lock:
            dest = to_col + 1 if to_col > from_col else to_col
            self._sheet(key, title).move("COLUMNS", from_col, from_col + 1, dest)

    def insert_column(self, key: str, title: str, at_col: int, values: list[str]) -> None:
        """Insert a column before ``at_col`` (0-based) holding ``values`` from row 1 down."""
        with self._lock:
            sheet = self._sheet(key, title)
            sheet.insert_cols(at_col, 1)
            for r, v in enumerate(values):
                sheet.set(r, at_col, text_cell(v) if v else None)

    def developer_metadata(self, key: str, title: str) -> list[dict]:
        """The developer metadata on this sheet's rows and columns, and on the sheet itself (copies)."""
        with self._lock:
            return copy.deepcopy(self._sheet(key, title).dev_meta)

    def set_cell(self, key: str, title: str, a1: str, value: Any, *, user_entered: bool = False) -> None:
        """Plain text by default; ``user_entered=True`` parses like typing in the UI ("=..." is a formula)."""
        r, c = cell_index(a1)
        cell: Cell | None = cell_from_input(value, "USER_ENTERED" if user_entered else "RAW")
        with self._lock:
            sheet = self._sheet(key, title)
            sheet.set(r, c, cell)
            sheet.row_count, sheet.col_count = max(sheet.row_count, r + 1), max(sheet.col_count, c + 1)

    def rename_header(self, key: str, title: str, old: str, new: str) -> None:
        """Rename a header cell in row 1 (KeyError if ``old`` is not a header)."""
        with self._lock:
            sheet = self._sheet(key, title)
            row = sheet.grid[0] if sheet.grid else []
            for c, cell in enumerate(row):
                if cell is not None and cell.raw == old:
                    sheet.set(0, c, text_cell(new))
                    return
            raise KeyError(old)
