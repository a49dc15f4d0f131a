"""Appending to a Google Sheet so that a retried append never lands twice.

A lost reply (timeout, dropped connection, 5xx after the write was applied) leaves the app not knowing whether
its rows landed. Before sending again, the tab is read and the rows whose ids are already there are dropped.
One append request lands whole or not at all, so rows without an id follow the rows with one; a batch with no
id at all is recognised by its first row's content.
The read cannot see a first request the server applies only AFTER it (it was still in flight): the API has no
idempotency key, so that row then lands twice. Re-sent rows with an id are remembered, and the next reads of
the tab empty such a late identical copy (tidy).
"""

from __future__ import annotations

from de_core.sheet.text import normalize
from de_core.store.google.book import SheetBook
from de_core.store.google.read import Grid
from de_core.store.google.resent import trimmed

Pending = list[tuple[str, list[str]]]  # (row id or "", cells)


def send_append(store: SheetBook, tab_key: str, title: str, before: Grid, id_pos: int | None,
                pending: Pending) -> None:
    """Append the rows (RAW, INSERT_ROWS after the table at A1) under the store's bounded retry policy.

    Each row re-sent after an attempt whose outcome is unknown is remembered (store.resent) for tidy.

    Raises StoreUnavailable when the retries run out, PermissionDenied or StoreError on a refusal.
    """
    todo = list(pending)
    tries = 0

    def attempt() -> None:
        nonlocal todo, tries
        tries += 1
        if tries > 1:
            todo = not_landed(store.fetch([title])[0], before, id_pos, todo)
            if not todo:
                return
            for row_id, cells in todo:
                if row_id:
                    store.resent.remember(tab_key, row_id, cells)
        store.worksheet(title).append_rows([cells for _, cells in todo], value_input_option="RAW",
                                           insert_data_option="INSERT_ROWS", table_range="A1")

    store.call(attempt)


def not_landed(now: Grid, before: Grid, id_pos: int | None, todo: Pending) -> Pending:
    """The rows of `todo` that the tab (`now`, read after a failed attempt) does not hold yet."""
    ids = [i for i, _ in todo if i]
    if id_pos is not None and ids:
        present = {normalize(r[id_pos]) for r in now[1:] if id_pos < len(r)}
        landed_any = any(normalize(i) in present for i in ids)
        return [(i, c) for i, c in todo if (normalize(i) not in present if i else not landed_any)]
    first = trimmed(todo[0][1])
    grew = sum(trimmed(r) == first for r in now) > sum(trimmed(r) == first for r in before)
    return [] if grew else todo

