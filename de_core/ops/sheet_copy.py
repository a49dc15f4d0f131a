"""A whole workbook written into a Google Sheet cell for cell (`de-dashboard copy --to sheet`): every tab under its
own title and in its order, every cell RAW (text stays text: "001", "=1+1", "15/05/2566"), then `provision` adds
what the app needs around the data (frozen, protected header rows, plain-text formats, dropdowns, missing tabs).

Only into a sheet without data: one structural request makes or resizes the tabs, then the cells go in
values.batchUpdate requests of at most about 1 MB each (the API refuses requests over about 2 MB).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from gspread.utils import absolute_range_name

from de_core.ops.provision import provision
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.text import normalize
from de_core.store.base import StoreError
from de_core.store.google.store import GoogleSheetStore

BATCH_BYTES = 1_000_000


def has_data(raw: RawWorkbook) -> list[str]:
    """Titles of the tabs holding any non-blank cell below the header row."""
    return [t.title for t in raw.tabs.values() if any(normalize(c) for r in t.rows[1:] for c in r)]


def _structure(store: GoogleSheetStore, raw: RawWorkbook) -> list[dict[str, Any]]:
    """Add the tabs the sheet lacks, at the source's places and sizes; grow and move those it has."""
    have = {str(s["properties"]["title"]): s["properties"] for s in store.metadata().get("sheets", [])}
    used = {int(p.get("sheetId", 0)) for p in have.values()}
    requests: list[dict[str, Any]] = []
    next_id = 2000
    for index, tab in enumerate(raw.tabs.values()):
        rows = max(len(tab.rows), 1) + 1
        cols = max([len(r) for r in tab.rows] + [1])
        props = have.get(tab.title)
        if props is None:
            while next_id in used:
                next_id += 1
            used.add(next_id)
            requests.append({"addSheet": {"properties": {
                "sheetId": next_id, "title": tab.title, "index": index,
                "gridProperties": {"rowCount": max(rows, 1000), "columnCount": max(cols, 26)}}}})
            continue
        grid = props.get("gridProperties") or {}
        size = {"rowCount": max(rows, grid.get("rowCount", 0)), "columnCount": max(cols, grid.get("columnCount", 0))}
        requests.append({"updateSheetProperties": {
            "properties": {"sheetId": props["sheetId"], "index": index, "gridProperties": size},
            "fields": "index,gridProperties.rowCount,gridProperties.columnCount"}})
    return requests


def _batches(raw: RawWorkbook) -> Iterator[list[dict[str, Any]]]:
    """values.batchUpdate data entries, about BATCH_BYTES each: runs of whole rows from A<n>."""
    batch: list[dict[str, Any]] = []
    size = 0
    for tab in raw.tabs.values():
        start, run, run_size = 1, [], 0
        for number, row in enumerate(tab.rows, start=1):
            cost = len(json.dumps(row, ensure_ascii=False).encode()) + 4
            if run and size + run_size + cost > BATCH_BYTES:
                batch.append({"range": absolute_range_name(tab.title, f"A{start}"), "values": run})
                yield batch
                batch, size, start, run, run_size = [], 0, number, [], 0
            run.append(list(row))
            run_size += cost
        if run:
            batch.append({"range": absolute_range_name(tab.title, f"A{start}"), "values": run})
            size += run_size
    if batch:
        yield batch


def write_sheet(store: GoogleSheetStore, raw: RawWorkbook) -> int:
    """Write `raw` into the (data-free) sheet cell for cell and provision it. Returns the write requests sent.

    Raises StoreError when the sheet already holds data (nothing is written), and the store's errors.
    """
    filled = has_data(store.read_all())
    if filled:
        names = ", ".join(filled[:5])
        raise StoreError(f"Google Sheet นี้มีข้อมูลอยู่แล้ว ({names}) จึงไม่คัดลอกทับ",
                         f"This Google Sheet already holds data ({names}); nothing was copied over it",
                         "สร้าง Google Sheet ใหม่ แชร์ให้บัญชีบริการ แล้วคัดลอกไปยังชีตนั้น",
                         "Make a new Google Sheet, share it with the service account, and copy into it")
    book = store.spreadsheet()
    requests = _structure(store, raw)
    sent = 0
    if requests:
        store.call(lambda: book.batch_update({"requests": requests}))
        sent += 1
    store.refresh_metadata()
    for data in _batches(raw):
        body = {"valueInputOption": "RAW", "data": data}
        store.call(lambda body=body: book.values_batch_update(body))
        sent += 1
    store.refresh_metadata()
    return sent + provision(store).writes
