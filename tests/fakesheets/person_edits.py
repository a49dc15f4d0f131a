"""A person edits the sheet through the UI: sort, cut/paste, copy/paste, filters, blanking a row.

Each helper builds the Request the API would carry and applies it through the same code as
spreadsheets.batchUpdate (batch_api.apply_requests), all or nothing — so a helper behaves exactly like that edit
made through the API. A person's edits are not the app's: they are neither logged in batch_requests() nor counted
as HTTP requests. Rows are 1-based; a column is a 0-based index or a header name in row 1.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from . import batch_api, values_api
from .a1 import quote_title
from .helpers import SheetHelpers


class PersonEdits(SheetHelpers):
    # -- switches for behaviour Google does not document (switches.Switches) ----------------------------
    @property
    def metadata_follows_data(self) -> bool:
        """False (default): row developer metadata stays with the row position under sortRange/cutPaste;
        True: it follows the data rows moved by a sort and by a cut/paste of whole rows."""
        return self.switches.metadata_follows_data

    @metadata_follows_data.setter
    def metadata_follows_data(self, value: bool) -> None:
        self.switches.metadata_follows_data = value

    @property
    def delete_unmatched_metadata_fails(self) -> bool:
        """False (default): deleteDeveloperMetadata matching nothing is a no-op; True: it is a 400."""
        return self.switches.delete_unmatched_metadata_fails

    @delete_unmatched_metadata_fails.setter
    def delete_unmatched_metadata_fails(self, value: bool) -> None:
        self.switches.delete_unmatched_metadata_fails = value

    # -- applying requests -----------------------------------------------------------------------------
    def apply_requests(self, key: str, requests: list[dict]) -> list[dict]:
        """Apply batchUpdate Request objects as a person's edit, all or nothing; returns their replies.
        An invalid request raises errors.SheetsError (and leaves the spreadsheet as it was)."""
        with self._lock:
            wb = self._book(key)
            snap = wb.snapshot()
            try:
                return batch_api.apply_requests(wb, copy.deepcopy(requests))
            except BaseException:
                wb.restore(snap)
                raise

    def _grid(self, key: str, title: str) -> dict:
        with self._lock:
            return {"sheetId": self._sheet(key, title).sheet_id}

    def _column(self, key: str, title: str, column: int | str) -> int:
        if isinstance(column, int):
            return column
        with self._lock:
            header = self._sheet(key, title).grid[:1]
            for c, cell in enumerate(header[0] if header else []):
                if cell is not None and cell.raw == column:
                    return c
        raise KeyError(column)

    # -- a person's edits --------------------------------------------------------------------------------
    def sort_rows(self, key: str, title: str, specs: list[tuple[int | str, str]], first_row: int = 2) -> None:
        """Sort the rows from ``first_row`` down (the header above stays) by [(column, "ASCENDING"|"DESCENDING")]."""
        sort_specs = [{"dimensionIndex": self._column(key, title, c), "sortOrder": o} for c, o in specs]
        rng = self._grid(key, title) | {"startRowIndex": first_row - 1}
        self.apply_requests(key, [{"sortRange": {"range": rng, "sortSpecs": sort_specs}}])

    def cut_paste_row(self, key: str, title: str, from_row: int, to_row: int) -> None:
        """Cut the whole row ``from_row`` and paste it onto ``to_row`` (overwritten); ``from_row`` is left empty."""
        grid = self._grid(key, title)
        source = grid | {"startRowIndex": from_row - 1, "endRowIndex": from_row}
        destination = grid | {"rowIndex": to_row - 1, "columnIndex": 0}
        self.apply_requests(key, [{"cutPaste": {"source": source, "destination": destination}}])

    def copy_paste_row(self, key: str, title: str, from_row: int, to_row: int) -> None:
        """Copy the whole row ``from_row`` onto ``to_row`` (overwritten)."""
        grid = self._grid(key, title)
        source = grid | {"startRowIndex": from_row - 1, "endRowIndex": from_row}
        destination = grid | {"startRowIndex": to_row - 1, "endRowIndex": to_row}
        self.apply_requests(key, [{"copyPaste": {"source": source, "destination": destination}}])

    def blank_row(self, key: str, title: str, row: int) -> None:
        """Empty every cell of ``row`` (select the row, press Delete): a values.clear of that row."""
        with self._lock:
            wb = self._book(key)
            snap = wb.snapshot()
            try:
                values_api.values_clear(wb, f"{quote_title(title)}!A{row}:{row}")
            except BaseException:
                wb.restore(snap)
                raise

    def _filter(self, key: str, title: str, column: int | str | None, hidden_values: Iterable[str]) -> dict:
        filt: dict = {"range": self._grid(key, title)}
        if column is not None:
            criteria = {"hiddenValues": [str(v) for v in hidden_values]}
            filt["filterSpecs"] = [{"columnIndex": self._column(key, title, column), "filterCriteria": criteria}]
        return filt

    def set_filter(self, key: str, title: str, column: int | str, hidden_values: Iterable[str]) -> None:
        """Turn on the sheet's basic filter (whole sheet, row 1 its header) hiding the rows whose cell in
        ``column`` shows one of ``hidden_values`` ("" hides rows blank there)."""
        self.apply_requests(key, [{"setBasicFilter": {"filter": self._filter(key, title, column, hidden_values)}}])

    def clear_filter(self, key: str, title: str) -> None:
        """Turn the basic filter off: every row shows again."""
        self.apply_requests(key, [{"clearBasicFilter": self._grid(key, title)}])

    def add_filter_view(
        self, key: str, title: str, view_title: str = "Filter 1", column: int | str | None = None,
        hidden_values: Iterable[str] = (),
    ) -> int:
        """Save a filter view named ``view_title`` (whole sheet, optionally hiding ``hidden_values`` of ``column``
        for its viewer only: no row is hidden for anyone else). Returns its filterViewId."""
        view = self._filter(key, title, column, hidden_values) | {"title": view_title}
        (reply,) = self.apply_requests(key, [{"addFilterView": {"filter": view}}])
        return reply["addFilterView"]["filter"]["filterViewId"]

    # -- inspection ------------------------------------------------------------------------------------
    def hidden_rows(self, key: str, title: str) -> list[int]:
        """The rows (1-based) the basic filter hides."""
        with self._lock:
            return sorted(r + 1 for r in self._sheet(key, title).filter_hidden)

    def basic_filter(self, key: str, title: str) -> dict | None:
        """The sheet's basic filter as spreadsheets.get shows it, or None."""
        with self._lock:
            return copy.deepcopy(self._sheet(key, title).basic_filter)

    def filter_views(self, key: str, title: str) -> list[dict]:
        with self._lock:
            return copy.deepcopy(self._sheet(key, title).filter_views)

    def all_developer_metadata(self, key: str) -> list[dict]:
        """Every developer metadata entry of the spreadsheet: its own, then each sheet's (sheet, rows, columns)."""
        with self._lock:
            return [copy.deepcopy(m) for _, m in self._book(key).all_metadata()]
