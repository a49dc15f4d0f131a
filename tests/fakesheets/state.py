"""In-memory spreadsheets: sheets with a sparse-ish grid of cells plus recorded metadata and filters.

Row properties (developer metadata on ROWS, hiddenByFilter) belong to the row: they follow insertDimension,
deleteDimension and moveDimension. Filter ranges grow/shrink when rows are inserted/deleted inside them.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

from .a1 import Bounds, parse_bounds, split_sheet
from .cells import text_cell
from .errors import bad_request
from .grid import Grid
from .switches import Switches

DEFAULT_ROWS = 1000
DEFAULT_COLS = 26


class Sheet(Grid):
    def __init__(
        self, sheet_id: int, title: str, index: int, rows: int = DEFAULT_ROWS, cols: int = DEFAULT_COLS
    ) -> None:
        super().__init__()
        self.props: dict[str, Any] = {
            "sheetId": sheet_id,
            "title": title,
            "index": index,
            "sheetType": "GRID",
            "gridProperties": {"rowCount": rows, "columnCount": cols},
        }
        self.protected_ranges: list[dict] = []
        self.validations: list[dict] = []
        self.formats: list[dict] = []
        self.dev_meta: list[dict] = []  # DeveloperMetadata on ROWS/COLUMNS ranges of this sheet and on the sheet
        self.basic_filter: dict | None = None  # as spreadsheets.get shows it (filterSpecs and criteria)
        self.filter_views: list[dict] = []
        self.filter_hidden: set[int] = set()  # row indexes the basic filter hides

    # -- properties -------------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.props["title"]

    @property
    def sheet_id(self) -> int:
        return self.props["sheetId"]

    @property
    def row_count(self) -> int:
        return self.props["gridProperties"]["rowCount"]

    @row_count.setter
    def row_count(self, value: int) -> None:
        self.props["gridProperties"]["rowCount"] = value

    @property
    def col_count(self) -> int:
        return self.props["gridProperties"]["columnCount"]

    @col_count.setter
    def col_count(self, value: int) -> None:
        self.props["gridProperties"]["columnCount"] = value

    def metadata(self) -> dict:
        meta: dict[str, Any] = {"properties": copy.deepcopy(self.props)}
        if self.protected_ranges:
            meta["protectedRanges"] = copy.deepcopy(self.protected_ranges)
        if self.basic_filter is not None:
            meta["basicFilter"] = copy.deepcopy(self.basic_filter)
        if self.filter_views:
            meta["filterViews"] = copy.deepcopy(self.filter_views)
        on_sheet = [m for m in self.dev_meta if m["location"]["locationType"] == "SHEET"]
        if on_sheet:
            meta["developerMetadata"] = copy.deepcopy(on_sheet)
        return meta

    # -- structure (developer metadata stays with its rows/columns, and goes with them) -------
    def remap_meta(self, dim: str, new_index: Callable[[int], int | None]) -> None:
        """Move (or drop) the metadata on ``dim`` after its rows/columns moved: old index → new index or None."""
        kept = []
        for meta in self.dev_meta:
            rng = meta["location"].get("dimensionRange")
            if rng is None or rng["dimension"] != dim:
                kept.append(meta)
                continue
            moved = [i for i in (new_index(j) for j in range(rng["startIndex"], rng["endIndex"])) if i is not None]
            if moved:
                rng["startIndex"], rng["endIndex"] = min(moved), max(moved) + 1
                kept.append(meta)
        self.dev_meta = kept

    def _remap_rows(self, new_index: Callable[[int], int | None], start: Callable[[int], int],
                    end: Callable[[int], int] | None = None) -> None:
        """Row properties follow their rows; filter ranges' row bounds go through start (and end)."""
        self.remap_meta("ROWS", new_index)
        self.filter_hidden = {j for j in map(new_index, self.filter_hidden) if j is not None}
        for rng in [f.get("range") or {} for f in [self.basic_filter, *self.filter_views] if f is not None]:
            for name, fn in (("startRowIndex", start), ("endRowIndex", end or start)):
                if name in rng:
                    rng[name] = fn(rng[name])

    def insert_rows(self, at: int, n: int) -> None:
        if at < len(self.grid):
            self.grid[at:at] = [[] for _ in range(n)]
        self.row_count += n

        def shift(i: int) -> int:
            return i + n if i >= at else i

        self._remap_rows(shift, shift, lambda end: end + n if end > at else end)  # rows below a range: not in it

    def delete_rows(self, at: int, n: int) -> None:
        del self.grid[at : at + n]
        self.row_count = max(1, self.row_count - n)
        self._remap_rows(lambda i: i if i < at else None if i < at + n else i - n,
                         lambda i: i if i <= at else max(at, i - n))

    def insert_cols(self, at: int, n: int) -> None:
        for row in self.grid:
            if at < len(row):
                row[at:at] = [None] * n
        self.col_count += n
        self.remap_meta("COLUMNS", lambda i: i + n if i >= at else i)

    def delete_cols(self, at: int, n: int) -> None:
        for row in self.grid:
            del row[at : at + n]
        self.col_count = max(1, self.col_count - n)
        self.remap_meta("COLUMNS", lambda i: i if i < at else None if i < at + n else i - n)

    def move(self, dim: str, start: int, end: int, dest: int) -> None:
        """moveDimension: rows/columns [start, end) go to ``dest``, counted before they are taken out."""
        size = max(end, dest, len(self.grid) if dim == "ROWS" else max((len(r) for r in self.grid), default=0))
        order = list(range(size))
        block = order[start:end]
        del order[start:end]
        at = dest - (end - start) if dest > start else dest
        order[at:at] = block
        if dim == "ROWS":
            self.grid.extend([] for _ in range(size - len(self.grid)))
            self.grid = [self.grid[i] for i in order]
        else:
            for row in self.grid:
                row.extend([None] * (size - len(row)))
                row[:] = [row[i] for i in order]
        where = {old: new for new, old in enumerate(order)}
        if dim == "ROWS":
            self._remap_rows(lambda i: where.get(i, i), lambda i: i)  # filter ranges are not moved
        else:
            self.remap_meta(dim, lambda i: where.get(i, i))

    def load(self, rows: list[list[Any]]) -> None:
        self.grid = [[text_cell("" if v is None else str(v)) for v in row] for row in rows]
        self.row_count = max(self.row_count, len(rows))
        self.col_count = max(self.col_count, max((len(r) for r in rows), default=0))


class Workbook:
    def __init__(self, key: str, title: str, switches: Switches | None = None) -> None:
        self.key = key
        self.title = title
        self.switches = switches or Switches()
        self.sheets: list[Sheet] = []
        self.dev_meta: list[dict] = []  # DeveloperMetadata on the spreadsheet itself
        self.forbidden = False
        self.batch_log: list[dict] = []
        self._ids = random.Random(key)  # deterministic sheetIds per spreadsheet key
        self._ids_used = False
        self._next_protected_id = 1_000_001

    def snapshot(self) -> tuple:
        """Cheap copy for rolling back a failed write (cells are immutable, rows are copied)."""
        parts = [
            (
                s,
                copy.deepcopy(s.props),
                [r[:] for r in s.grid],
                copy.deepcopy(s.protected_ranges),
                list(s.validations),
                list(s.formats),
                copy.deepcopy(s.dev_meta),
                copy.deepcopy((s.basic_filter, s.filter_views, s.filter_hidden)),
            )
            for s in self.sheets
        ]
        return self.title, list(self.sheets), parts, len(self.batch_log), copy.deepcopy(self.dev_meta)

    def restore(self, snap: tuple) -> None:
        self.title, self.sheets, parts, log_len, self.dev_meta = snap
        for sheet, props, grid, protected, validations, formats, dev_meta, filters in parts:
            sheet.props, sheet.grid, sheet.protected_ranges = props, grid, protected
            sheet.validations, sheet.formats, sheet.dev_meta = validations, formats, dev_meta
            sheet.basic_filter, sheet.filter_views, sheet.filter_hidden = filters
        del self.batch_log[log_len:]

    def all_metadata(self) -> list[tuple[Sheet | None, dict]]:
        """Every developer metadata entry: the spreadsheet's (sheet None) first, then each sheet's."""
        return [(None, m) for m in self.dev_meta] + [(s, m) for s in self.sheets for m in s.dev_meta]

    def metadata(self) -> dict:
        return {
            "spreadsheetId": self.key,
            "properties": {
                "title": self.title,
                "locale": "th_TH",
                "autoRecalc": "ON_CHANGE",
                "timeZone": "Asia/Bangkok",
                "defaultFormat": {},
            },
            "sheets": [s.metadata() for s in self.sheets],
            "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{self.key}/edit",
        } | ({"developerMetadata": copy.deepcopy(self.dev_meta)} if self.dev_meta else {})

    def sheet(self, title: str) -> Sheet:
        for s in self.sheets:
            if s.title == title:
                return s
        raise KeyError(title)

    def sheet_by_id(self, sheet_id: int, where: str = "") -> Sheet:
        for s in self.sheets:
            if s.sheet_id == sheet_id:
                return s
        raise bad_request(f"{where}No grid with id: {sheet_id}")

    def resolve(self, text: str) -> tuple[Sheet, Bounds]:
        title, a1 = split_sheet(text)
        if title is None:
            sheet = self.sheets[0]
        else:
            try:
                sheet = self.sheet(title)
            except KeyError:
                raise bad_request(f"Unable to parse range: {text}") from None
        return sheet, parse_bounds(a1, text)

    def new_metadata_id(self, used: set[int]) -> int:
        """A fresh positive id (developer metadata, filter views; deterministic per spreadsheet)."""
        while (mid := self._ids.randint(1, 2**31 - 1)) in used:
            pass
        return mid

    def new_protected_id(self) -> int:
        self._next_protected_id += 7919
        return self._next_protected_id

    def add_sheet(
        self,
        title: str,
        rows: int = DEFAULT_ROWS,
        cols: int = DEFAULT_COLS,
        index: int | None = None,
        sheet_id: int | None = None,
        where: str = "",
    ) -> Sheet:
        if any(s.title == title for s in self.sheets):
            raise bad_request(
                f'{where}A sheet with the name "{title}" already exists. Please enter another name.'
            )
        taken = {s.sheet_id for s in self.sheets}
        if sheet_id is None:
            sheet_id = 0 if not self.sheets and not self._ids_used else self._ids.randint(1, 2**31 - 1)
            while sheet_id in taken:
                sheet_id = self._ids.randint(1, 2**31 - 1)
            self._ids_used = True
        elif sheet_id in taken:
            raise bad_request(f"{where}Sheet with id {sheet_id} already exists.")
        pos = len(self.sheets) if index is None else max(0, min(index, len(self.sheets)))
        sheet = Sheet(sheet_id, title, pos, rows, cols)
        self.sheets.insert(pos, sheet)
        self.reindex()
        return sheet

    def delete_sheet(self, sheet_id: int, where: str = "") -> None:
        sheet = self.sheet_by_id(sheet_id, where)
        if len(self.sheets) == 1:
            raise bad_request(f"{where}You can't remove all the sheets in a document.")
        self.sheets.remove(sheet)
        self.reindex()

    def reindex(self) -> None:
        for i, s in enumerate(self.sheets):
            s.props["index"] = i
