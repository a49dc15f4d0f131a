"""Appending rows to a Google Sheet exactly once, after the last row with data.

One spreadsheets.batchUpdate carries, atomically, a mark per row (marks.py: spreadsheet-level developer metadata
whose id comes from the tab and the row's id), one appendCells with the rows and one with their audit rows (the
Sheets API applies every request of a batchUpdate or none, so a row never lands without its audit row):
- appendCells puts the rows after the last row that has data, whatever blank rows lie inside the data
  (values.append ends its "table" at the first blank row and would fill that gap), and writes stringValue cells,
  so "=1+1", "001" and "15/05/2566" stay the text that was typed;
- a request the server applies twice is impossible: metadata ids are unique in a spreadsheet, so when one copy of
  the request was applied (even late, after the client gave up and sent it again) the other is refused whole.
A lost reply (timeout, dropped connection, 5xx after the write was applied) is answered by reading the tab: rows
there → done; not there → the same request again. A refusal with the rows absent means a mark to drop was already
gone, or a stale mark (this row was appended once and removed since): the request is sent once more without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from de_core.sheet.text import normalize
from de_core.store.base import StoreError
from de_core.store.google import marks
from de_core.store.google.book import SheetBook
from de_core.store.google.read import Grid
from de_core.store.google.retry import SheetRequestRefused

Pending = list[tuple[str, list[str]]]  # (row id or "", cells)
Also = Sequence[tuple[str, list[list[str]]]]  # (tab title, rows) appended in the same request: the audit rows


def _row_data(cells: list[str]) -> dict[str, Any]:
    return {"values": [{"userEnteredValue": {"stringValue": c}} if c != "" else {} for c in cells]}


def _keys(pending: Pending) -> list[str]:
    """What each row's mark stands for: its id, or its content and place in the batch when it has none."""
    return [row_id or f"{marks.content_key(cells)}#{i}" for i, (row_id, cells) in enumerate(pending)]


def append_cells(book: SheetBook, title: str, rows: list[list[str]]) -> dict[str, Any]:
    """The appendCells request adding text rows after the last row with data of a tab."""
    sheet_id = book.sheet_properties(title)["sheetId"]
    return {"appendCells": {"sheetId": sheet_id, "rows": [_row_data(cells) for cells in rows],
                            "fields": "userEnteredValue"}}


def append_request(book: SheetBook, tab_key: str, title: str, pending: Pending,
                   drop: list[int], also: Also = ()) -> tuple[dict[str, Any], list[int]]:
    """The batchUpdate body that deletes the marks in `drop` and appends the rows with theirs, and the rows of
    `also` (the audit rows); the marks' ids."""
    keys = _keys(pending) if not book.marks_refused else []
    ids = [marks.mark_id(tab_key, k) for k in keys]
    requests = [marks.delete(i) for i in drop if i not in ids]
    requests += [marks.create(i, tab_key, k) for i, k in zip(ids, keys, strict=True)]
    requests.append(append_cells(book, title, [cells for _, cells in pending]))
    requests += [append_cells(book, other, rows) for other, rows in also if rows]
    return {"requests": requests}, ids


def send_append(book: SheetBook, tab_key: str, title: str, before: Grid, id_pos: int | None,
                pending: Pending, also: Also = ()) -> None:
    """Append the rows once, after the last row with data, under the store's bounded retry policy, with the rows
    of `also` (their audit rows) in the same atomic request; the marks of earlier appends that are no longer
    needed go in it too (marks.py). Whether it landed is judged by the rows alone: the batch is atomic.

    Raises StoreUnavailable when the retries run out, PermissionDenied or StoreError on a refusal.
    """
    drop = book.marks.due()
    body, ids = append_request(book, tab_key, title, pending, drop, also)
    tries = 0

    def attempt() -> None:
        nonlocal tries
        tries += 1
        if tries > 1 and not not_landed(book.fetch([title])[0], before, id_pos, pending):
            return  # the earlier attempt was applied; its reply was lost
        book.spreadsheet().batch_update(body)

    try:
        book.call(attempt)
    except SheetRequestRefused:
        if not not_landed(book.read_tabs([title])[0], before, id_pos, pending):
            tries += 1  # refused because a copy of this very request was applied first
        else:  # a mark to drop was gone already, or stale marks of rows appended once and removed since
            for stale in ids:
                _delete_marks(book, [stale])
            body, ids = append_request(book, tab_key, title, pending, [], also)
            try:
                book.call(lambda: book.spreadsheet().batch_update(body))
            except SheetRequestRefused as err:
                if err.status != 400 or not ids:
                    raise
                book.marks_refused = True  # a server that takes no such marks: appends without them from now on
                body, ids = append_request(book, tab_key, title, pending, [], also)
                book.call(lambda: book.spreadsheet().batch_update(body))
    book.marks.forget(drop)
    book.marks.remember(ids, resent=tries > 1)


def _delete_marks(book: SheetBook, ids: list[int]) -> None:
    """Delete marks (best effort, one request: a mark left behind only keeps its id taken)."""
    try:
        book.call(lambda: book.spreadsheet().batch_update({"requests": [marks.delete(i) for i in ids]}))
    except StoreError:
        pass


def not_landed(now: Grid, before: Grid, id_pos: int | None, todo: Pending) -> Pending:
    """The rows of `todo` that the tab (`now`, read after a failed attempt) does not hold yet."""
    ids = [i for i, _ in todo if i]
    if id_pos is not None and ids:
        present = {normalize(r[id_pos]) for r in now[1:] if id_pos < len(r)}
        landed_any = any(normalize(i) in present for i in ids)
        return [(i, c) for i, c in todo if (normalize(i) not in present if i else not landed_any)]
    first = _trimmed(todo[0][1])
    grew = sum(_trimmed(r) == first for r in now) > sum(_trimmed(r) == first for r in before)
    return [] if grew else todo


def _trimmed(row: list[str]) -> list[str]:
    out = list(row)
    while out and out[-1] == "":
        out.pop()
    return out
