"""Provisioning a Google Sheet for the dashboard: missing tabs with Thai header rows, frozen and protected
headers, dropdowns for enum columns, plain-text cells; optional data for empty tabs. Idempotent.

A run costs one metadata request, one values read and one developer-metadata search; it then sends at most one spreadsheets.batchUpdate (all
structure and formats) and one values.batchUpdate (header rows and data). A sheet already provisioned gets no
write at all. A tab that holds data is never overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gspread.urls import SPREADSHEETS_API_V4_BASE_URL
from gspread.utils import absolute_range_name

from de_core.ops.provision_report import ProvisionReport
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.schema import Schema, Tab, match_headers
from de_core.sheet.text import fold, normalize
from de_core.store.base import column_positions, row_cells
from de_core.store.google.store import GoogleSheetStore

MARK = "de-dashboard: แถวหัวตาราง (header row)"
MIN_ROWS, MIN_COLS = 1000, 26
Row = dict[str, str]

__all__ = ["MARK", "ProvisionReport", "provision"]


@dataclass
class _Plan:
    requests: list[dict[str, Any]] = field(default_factory=list)
    values: list[dict[str, Any]] = field(default_factory=list)
    report: ProvisionReport = field(default_factory=ProvisionReport)


def _seed_rows(schema: Schema, seed: RawWorkbook | None, tab: Tab) -> tuple[list[str], list[Row]]:
    """The seed's rows for a tab as {column key or extra header: text}, plus its extra headers."""
    for title, raw_tab in (seed.tabs.items() if seed else []):
        found = schema.find_tab(title)
        if found is None or found.key != tab.key:
            continue
        header = raw_tab.header
        known, unknown = match_headers(tab, header)
        extra = [header[p] for p in unknown]
        rows = [{**{k: _at(r, p) for k, p in known.items()}, **{header[p]: _at(r, p) for p in unknown}}
                for r in raw_tab.rows[1:]]
        while rows and not any(normalize(v) for v in rows[-1].values()):
            rows.pop()
        return extra, rows
    return [], []


def _at(row: list[str], pos: int) -> str:
    return row[pos] if pos < len(row) else ""


def _decorate(schema: Schema, tab: Tab, sheet_id: int, header: list[str]) -> list[dict[str, Any]]:
    """Protected (warning-only) bold header, plain-text data cells, dropdowns on enum columns."""
    reqs: list[dict[str, Any]] = [
        {"addProtectedRange": {"protectedRange": {
            "range": {"sheetId": sheet_id, "startRowIndex": 0, "endRowIndex": 1},
            "description": MARK, "warningOnly": True}}},
        {"repeatCell": {"range": {"sheetId": sheet_id, "startRowIndex": 0, "endRowIndex": 1},
                        "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
                        "fields": "userEnteredFormat.textFormat.bold"}},
        {"repeatCell": {"range": {"sheetId": sheet_id, "startRowIndex": 1},
                        "cell": {"userEnteredFormat": {"numberFormat": {"type": "TEXT", "pattern": "@"}}},
                        "fields": "userEnteredFormat.numberFormat"}},
    ]
    known, _ = match_headers(tab, header)
    for col in tab.columns:
        if col.type != "enum" or col.key not in known or not col.enum:
            continue
        pos = known[col.key]
        options = [{"userEnteredValue": opt.th} for opt in schema.options(col.enum)]
        reqs.append({"setDataValidation": {
            "range": {"sheetId": sheet_id, "startRowIndex": 1, "startColumnIndex": pos, "endColumnIndex": pos + 1},
            "rule": {"condition": {"type": "ONE_OF_LIST", "values": options}, "strict": False,
                     "showCustomUi": True}}})
    return reqs


def _cells(tab: Tab, header: list[str], rows: list[Row]) -> tuple[list[list[str]], list[str]]:
    """Rows laid out under a header; the seed columns the header lacks are returned, not written."""
    folded = {fold(h) for h in header}
    known, _ = match_headers(tab, header)
    keys = list(dict.fromkeys(k for r in rows for k in r))
    usable = [k for k in keys if k in known or (k not in tab.column_keys and fold(k) in folded)]
    positions = column_positions(tab, header, usable)
    return [row_cells(positions, r, 0) for r in rows], [k for k in keys if k not in usable]


def _new_tab(schema: Schema, plan: _Plan, tab: Tab, sheet_id: int, extra: list[str], rows: list[Row]) -> None:
    header = tab.headers("th") + [h for h in extra if fold(h) not in {fold(x) for x in tab.headers("th")}]
    cells, _ = _cells(tab, header, rows)
    grid = {"rowCount": max(MIN_ROWS, len(cells) + 1), "columnCount": max(MIN_COLS, len(header)),
            "frozenRowCount": 1}
    plan.requests.append({"addSheet": {"properties": {"sheetId": sheet_id, "title": tab.th, "gridProperties": grid}}})
    plan.requests += _decorate(schema, tab, sheet_id, header)
    plan.values.append({"range": absolute_range_name(tab.th, "A1"), "values": [header, *cells]})
    plan.report.created.append(tab.th)
    plan.report.headers_written.append(tab.th)
    if cells:
        plan.report.filled[tab.th] = len(cells)


def _existing_tab(schema: Schema, plan: _Plan, tab: Tab, sheet: Mapping[str, Any], grid: list[list[str]],
                  extra: list[str], rows: list[Row]) -> None:
    props = sheet.get("properties", {})
    title, sheet_id = str(props.get("title")), int(props.get("sheetId", 0))
    size = dict(props.get("gridProperties") or {})
    header = list(grid[0]) if grid else []
    has_data = any(any(normalize(c) for c in r) for r in grid[1:])
    block: list[list[str]] = []
    if not any(normalize(h) for h in header):
        header = tab.headers("th") + ([] if has_data else extra)
        block.append(header)
        plan.report.headers_written.append(title)
    else:
        known, _ = match_headers(tab, header)
        plan.report.problems += [(title, c.th) for c in tab.columns if c.key not in known]
    if size.get("frozenRowCount") != 1:
        plan.requests.append({"updateSheetProperties": {
            "properties": {"sheetId": sheet_id, "gridProperties": {"frozenRowCount": 1}},
            "fields": "gridProperties.frozenRowCount"}})
        plan.report.formatted.append(title)
    if not any(p.get("description") == MARK for p in sheet.get("protectedRanges", [])):
        plan.requests += _decorate(schema, tab, sheet_id, header)
        if title not in plan.report.formatted:
            plan.report.formatted.append(title)
    if rows and has_data:
        plan.report.kept.append(title)
    elif rows:
        cells, dropped = _cells(tab, header, rows)
        block += cells
        plan.report.filled[title] = len(cells)
        plan.report.dropped += [(title, k) for k in dropped]
    if block:
        width = max(len(r) for r in block)
        need_rows = len(block) + (0 if block[0] is header else 1)
        for dim, have, need in (("ROWS", size.get("rowCount", 0), need_rows),
                                ("COLUMNS", size.get("columnCount", 0), width)):
            if have < need:
                plan.requests.append({"appendDimension": {"sheetId": sheet_id, "dimension": dim,
                                                          "length": need - have}})
        start = "A1" if block[0] is header else "A2"
        plan.values.append({"range": absolute_range_name(title, start), "values": block})


def plan_provision(store: GoogleSheetStore, seed: RawWorkbook | None = None) -> _Plan:
    """Read the sheet (one metadata and one values request) and work out what a provisioning run sends."""
    schema = store.schema
    meta = store.metadata()
    sheets = [s for s in meta.get("sheets", []) if s.get("properties", {}).get("sheetType", "GRID") == "GRID"]
    existing: dict[str, Mapping[str, Any]] = {}
    for sheet in sheets:
        found = schema.find_tab(str(sheet["properties"].get("title", "")))
        if found is not None and found.key not in existing:
            existing[found.key] = sheet
    titles = [str(existing[t.key]["properties"]["title"]) for t in schema.tabs if t.key in existing]
    grids = dict(zip(titles, store.read_tabs(titles), strict=True)) if titles else {}
    used = {int(s["properties"].get("sheetId", 0)) for s in meta.get("sheets", [])}
    plan = _Plan()
    next_id = 1000
    for tab in schema.tabs:
        extra, rows = _seed_rows(schema, seed, tab)
        if tab.key in existing:
            sheet = existing[tab.key]
            _existing_tab(schema, plan, tab, sheet, grids[str(sheet["properties"]["title"])], extra, rows)
            continue
        while next_id in used:
            next_id += 1
        used.add(next_id)
        _new_tab(schema, plan, tab, next_id, extra, rows)
    _drop_old_anchors(store, plan)
    return plan


OLD_ANCHOR_KEY = "de.row"  # the row anchors writes used before #14: one per row ever updated, no longer read
SEARCH_URL = SPREADSHEETS_API_V4_BASE_URL + "/%s/developerMetadata:search"


def _drop_old_anchors(store: GoogleSheetStore, plan: _Plan) -> None:
    """Delete the developer metadata earlier versions left on every row they updated (one search request finds
    them, so the delete is only sent when there are some)."""
    http = store.client.http_client
    body = {"dataFilters": [{"developerMetadataLookup": {"metadataKey": OLD_ANCHOR_KEY}}]}
    found = store.call(lambda: http.request("post", SEARCH_URL % store.key, json=body).json())
    old = found.get("matchedDeveloperMetadata") or []
    if old:
        plan.requests.append({"deleteDeveloperMetadata": {"dataFilter": body["dataFilters"][0]}})
        plan.report.old_anchors = len(old)


def provision(store: GoogleSheetStore, seed: RawWorkbook | None = None, *, dry_run: bool = False) -> ProvisionReport:
    """Bring the sheet up to the schema; with a seed, fill tabs that hold no data. Returns what was done.

    Raises StoreError (PermissionDenied, StoreUnavailable, ...) when the sheet cannot be read or written.
    """
    plan = plan_provision(store, seed)
    report = plan.report
    report.dry_run = dry_run
    if dry_run:
        return report
    book = store.spreadsheet()
    if plan.requests:
        _send_structure(store, plan.requests)
        report.writes += 1
    if plan.values:
        body = {"valueInputOption": "RAW", "data": plan.values}
        store.call(lambda: book.values_batch_update(body))
        report.writes += 1
    return report


def _send_structure(store: GoogleSheetStore, requests: list[dict[str, Any]]) -> None:
    """One atomic batchUpdate; before sending again after a failure, check whether it already landed."""
    book = store.spreadsheet()
    tries = 0

    def landed() -> bool:
        meta = book.fetch_sheet_metadata()
        first = requests[0]
        if "addSheet" in first:
            title = first["addSheet"]["properties"]["title"]
            return any(s["properties"].get("title") == title for s in meta.get("sheets", []))
        marks = [r["addProtectedRange"]["protectedRange"]["range"]["sheetId"] for r in requests
                 if "addProtectedRange" in r]
        return bool(marks) and any(
            s["properties"].get("sheetId") == marks[0] and any(p.get("description") == MARK
                                                              for p in s.get("protectedRanges", []))
            for s in meta.get("sheets", []))

    def attempt() -> None:
        nonlocal tries
        tries += 1
        if tries > 1 and landed():
            return
        book.batch_update({"requests": requests})

    store.call(attempt)
