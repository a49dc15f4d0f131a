"""A write that proves where it landed and what it overwrote, in one atomic request.

Whatever locates a row when the app writes can be wrong by then: a person may have inserted, deleted, moved, sorted
or cut rows since the app read the tab (and Google documents no conditional write, nor whether row metadata follows
a sort or a cut/paste). So each write is one spreadsheets.batchUpdate that, in this order and atomically:
1. copies the rows it is about to write (every column it reads) into the app's hidden tab (SCRATCH): their
   content right BEFORE the write, formulas included;
2. writes the cells (updateCells, userEnteredValue.stringValue: text stays text, as RAW);
3. adds what must land with the write or not at all (Extra: the audit row, and a mark, marks.py, that makes a copy
   of the batch sent again after a lost reply be refused whole);
and asks for the spreadsheet in the reply (includeSpreadsheetInResponse, responseRanges): row 1 of the tab, the
written rows, and the copies. So the reply says which row each write went into (its id cell), under which header,
and exactly what each overwritten cell held, formula or value. A write that went into the wrong row can then be put
back exactly, even in a row the app never read. Nothing accumulates: the hidden tab's rows are overwritten by the
next write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gspread.urls import SPREADSHEETS_API_V4_BASE_URL
from gspread.utils import absolute_range_name, rowcol_to_a1

from de_core.store.google import marks
from de_core.store.google.book import SheetBook
from de_core.store.google.read import grid_data_rows
from de_core.store.google.retry import SheetRequestRefused

SCRATCH = "_de_app"  # the app's hidden tab (never data: the store leaves it out of every read)
SCRATCH_COLUMNS = 52
Value = str | dict[str, Any]  # text to write, or an exact ExtendedValue to put back ({} empties the cell)


@dataclass
class Landed:
    """One written row as the write's own reply shows it."""

    rownum: int
    header: list[str]  # row 1 of the tab right after the write (the whole row)
    before: list[str]  # the row right before the write, as displayed
    after: list[str]  # the row right after the write (the whole row)
    entered: list[dict[str, Any]] = field(default_factory=list)  # each cell before, as entered (formulas kept)


@dataclass
class Extra:
    """Requests sent in the same atomic batch as a proven write (its audit row). `mark` (a metadataId, or None) is
    created in that batch too; `applied` says whether they reached the sheet (False: send them on their own)."""

    requests: list[dict[str, Any]]
    mark: int | None = None
    applied: bool = False


def mark_exists(book: SheetBook, metadata_id: int) -> bool:
    """Whether the spreadsheet holds this mark (one developerMetadata.search request)."""
    http, url = book.client.http_client, f"{SPREADSHEETS_API_V4_BASE_URL}/{book.key}/developerMetadata:search"
    body = {"dataFilters": [{"developerMetadataLookup": {"metadataId": metadata_id}}]}
    found = book.call(lambda: http.request("post", url, json=body).json())
    return bool(found.get("matchedDeveloperMetadata"))


def _grid(sheet_id: int, row: int, width: int, col: int = 0, cols: int | None = None) -> dict[str, Any]:
    return {"sheetId": sheet_id, "startRowIndex": row - 1, "endRowIndex": row, "startColumnIndex": col,
            "endColumnIndex": col + (cols if cols is not None else width)}


def _cell(value: Value) -> dict[str, Any]:
    if isinstance(value, dict):
        return {"userEnteredValue": value} if value else {}
    return {"userEnteredValue": {"stringValue": value}} if value != "" else {}


def scratch_id(book: SheetBook, width: int) -> int:
    """The hidden tab's sheet id, the tab made (hidden, one request) the first time it is missing."""
    if SCRATCH not in book.titles():
        book.refresh_metadata()
    if SCRATCH not in book.titles():
        grid = {"rowCount": 10, "columnCount": max(SCRATCH_COLUMNS, width)}
        body = {"requests": [{"addSheet": {"properties": {"title": SCRATCH, "hidden": True, "gridProperties": grid}}}]}
        book.call(lambda: book.spreadsheet().batch_update(body))
        book.refresh_metadata()
    book.ensure_width(SCRATCH, width)
    return int(book.sheet_properties(SCRATCH)["sheetId"])


def write_proven(book: SheetBook, title: str, rows: Mapping[int, Mapping[int, Value]],
                 width: int, extra: Extra | None = None) -> dict[int, Landed] | None:
    """Write cells ({sheet row: {0-based column: value}}) and prove each row (module doc), in one request.

    `width` columns of each row are copied and shown (at least every written column). None when the reply does not
    carry the spreadsheet (a server that ignores includeSpreadsheetInResponse) or the server refuses this request:
    then the cells are written plainly (values.batchUpdate, RAW) and the caller checks by reading. `extra` goes in
    the same batch; a refused batch whose mark is in the sheet was applied by an earlier copy (its reply was lost):
    None, extra applied. Otherwise a refused batch is sent once more without `extra`. Raises StoreError.
    """
    if book.plain_writes:
        return _write_plain(book, title, rows)
    try:
        return _write_with_proof(book, title, rows, width, extra)
    except SheetRequestRefused as err:
        if err.status != 400 or err.bad_range:
            raise
        if extra is not None:
            if extra.mark is not None and mark_exists(book, extra.mark):
                extra.applied = True
                book.marks.remember([extra.mark], resent=True)
                return None
            return write_proven(book, title, rows, width)
        _write_plain(book, title, rows)  # a server that does not take these requests (copyPaste, responseRanges)
        book.plain_writes = True
        return None


def _write_plain(book: SheetBook, title: str, rows: Mapping[int, Mapping[int, Value]]) -> None:
    data = [{"range": absolute_range_name(title, rowcol_to_a1(n, p + 1)), "values": [[_text(v)]]}
            for n, cells in sorted(rows.items()) for p, v in sorted(cells.items())]
    book.call(lambda: book.spreadsheet().values_batch_update({"valueInputOption": "RAW", "data": data}))


def _text(value: Value) -> str:
    if isinstance(value, dict):
        inner = next(iter(value.values()), "")
        return "" if inner is None or isinstance(inner, dict) else str(inner)
    return value


def _write_with_proof(book: SheetBook, title: str, rows: Mapping[int, Mapping[int, Value]],
                      width: int, extra: Extra | None = None) -> dict[int, Landed] | None:
    width = max([width, *(p + 1 for cells in rows.values() for p in cells)])
    scratch = scratch_id(book, width)
    sheet_id = int(book.sheet_properties(title)["sheetId"])
    requests: list[dict[str, Any]] = []
    order = sorted(rows)
    for k, rownum in enumerate(order, start=1):
        requests.append({"copyPaste": {"source": _grid(sheet_id, rownum, width),
                                       "destination": _grid(scratch, k, width), "pasteType": "PASTE_NORMAL"}})
    for rownum in order:
        for pos, value in sorted(rows[rownum].items()):
            requests.append({"updateCells": {"range": _grid(sheet_id, rownum, width, pos, 1),
                                             "rows": [{"values": [_cell(value)]}], "fields": "userEnteredValue"}})
    if extra is not None:
        requests += extra.requests
        if extra.mark is not None:
            requests.append(marks.create(extra.mark, "update", str(extra.mark)))
    last = rowcol_to_a1(1, width)[:-1]
    shown = [absolute_range_name(title, "1:1"), *(absolute_range_name(title, f"{n}:{n}") for n in order),
             absolute_range_name(SCRATCH, f"A1:{last}{len(order)}")]
    body = {"requests": requests, "includeSpreadsheetInResponse": True, "responseRanges": shown,
            "responseIncludeGridData": True}
    tries = 0

    def send() -> dict[str, Any]:
        nonlocal tries
        tries += 1
        return book.spreadsheet().batch_update(body)

    reply = book.call(send)
    if extra is not None:
        extra.applied = True
        if extra.mark is not None:
            book.marks.remember([extra.mark], resent=tries > 1)
    return _landed(reply.get("updatedSpreadsheet") or {}, title, order)


def _rows(sheet: Mapping[str, Any]) -> dict[int, tuple[list[str], list[dict[str, Any]]]]:
    """Every row the reply shows of one sheet: 1-based row → (displayed texts, entered values)."""
    out: dict[int, tuple[list[str], list[dict[str, Any]]]] = {}
    for data in sheet.get("data") or []:
        start, col = int(data.get("startRow", 0)), int(data.get("startColumn", 0))
        texts = grid_data_rows([data])
        for i, row in enumerate(data.get("rowData") or []):
            cells = row.get("values") or []
            entered = [{}] * col + [dict(c.get("userEnteredValue") or {}) for c in cells]
            shown = texts[start + i] if start + i < len(texts) else []
            out[start + i + 1] = (shown, entered)
    return out


def _landed(spreadsheet: Mapping[str, Any], title: str, order: list[int]) -> dict[int, Landed] | None:
    sheets = {str((s.get("properties") or {}).get("title")): _rows(s) for s in spreadsheet.get("sheets") or []}
    tab, scratch = sheets.get(title), sheets.get(SCRATCH)
    if not tab or scratch is None:
        return None
    header = tab.get(1, ([], []))[0]
    return {n: Landed(n, header, scratch.get(k, ([], []))[0], tab.get(n, ([], []))[0], scratch.get(k, ([], []))[1])
            for k, n in enumerate(order, start=1)}
