"""Developer metadata (on the spreadsheet, a sheet, rows and columns), its search, and the by-data-filter value
endpoints that find ranges through it.

Modelled on the Sheets API v4 reference: a DeveloperMetadataLocation is exactly one of ``spreadsheet: true``
(locationType SPREADSHEET), ``sheetId`` (SHEET) or a ``dimensionRange`` (ROW/COLUMN). Metadata on a ROWS/COLUMNS
DimensionRange stays with its rows or columns when others are inserted, deleted or moved, and is deleted with
them (state.Sheet.remap_meta). A metadataId is unique in the whole spreadsheet: creating one with a used id is
refused (400; batchUpdate being atomic, nothing of its batch is applied). A developerMetadataLookup selects
every metadata matching all the fields it gives. Its data range is the whole row (from column A), the whole
column or the whole sheet; spreadsheet metadata has no data range (reads and writes through it touch nothing).
developerMetadata.search answers each metadata once with every filter that matched it; an a1Range/gridRange
filter matches the row, column and sheet metadata of that sheet intersecting it (not the spreadsheet's).
On input, a null value skips its cell. A filter matching nothing reads nothing and writes nothing (no error);
deleteDeveloperMetadata matching nothing is a no-op unless Switches.delete_unmatched_metadata_fails — the real
API's answer for these cases is not documented.
"""

from __future__ import annotations

import copy
from typing import Any

from .a1 import Bounds, format_range
from .cells import cell_from_input
from .errors import bad_request
from .state import Sheet, Workbook
from .values_api import _input_option, value_range

LOOKUP_FIELDS = ("metadataId", "metadataKey", "metadataValue", "visibility")


def _matches(meta: dict, lookup: dict) -> bool:
    if any(f in lookup and lookup[f] != meta.get(f) for f in LOOKUP_FIELDS):
        return False
    return "locationType" not in lookup or lookup["locationType"] == meta["location"]["locationType"]


def find(wb: Workbook, lookup: Any, where: str = "") -> list[tuple[Sheet | None, dict]]:
    """Every (sheet, metadata) a DeveloperMetadataLookup selects (sheet None: on the spreadsheet)."""
    if not isinstance(lookup, dict) or not lookup:
        raise bad_request(f"{where}developerMetadataLookup must specify at least one field")
    if "metadataLocation" in lookup or "locationMatchingStrategy" in lookup:
        raise bad_request(f"{where}metadataLocation lookups are not modelled by the fake")
    return [(s, m) for s, m in wb.all_metadata() if _matches(m, lookup)]


def _area(sheet: Sheet, meta: dict) -> Bounds:
    rng = meta["location"].get("dimensionRange")
    if rng is None:
        return Bounds(0, 0, sheet.row_count, sheet.col_count)
    if rng["dimension"] == "ROWS":
        return Bounds(rng["startIndex"], 0, rng["endIndex"], sheet.col_count)
    return Bounds(0, rng["startIndex"], sheet.row_count, rng["endIndex"])


def _location(wb: Workbook, loc: Any, where: str) -> tuple[Sheet | None, dict]:
    given = [k for k in ("spreadsheet", "sheetId", "dimensionRange") if isinstance(loc, dict) and k in loc]
    if len(given) != 1:
        raise bad_request(f"{where}location must set exactly one of spreadsheet, sheetId, dimensionRange")
    assert isinstance(loc, dict)
    if given == ["spreadsheet"]:
        if loc["spreadsheet"] is not True:
            raise bad_request(f"{where}location.spreadsheet must be true")
        return None, {"locationType": "SPREADSHEET", "spreadsheet": True}
    if given == ["sheetId"]:
        sheet = wb.sheet_by_id(loc["sheetId"], where)
        return sheet, {"locationType": "SHEET", "sheetId": sheet.sheet_id}
    rng = loc["dimensionRange"] if isinstance(loc["dimensionRange"], dict) else {}
    sheet = wb.sheet_by_id(rng.get("sheetId", 0), where)
    dim, start, end = rng.get("dimension"), int(rng.get("startIndex", 0)), int(rng.get("endIndex", 0))
    limit = sheet.row_count if dim == "ROWS" else sheet.col_count
    if dim not in ("ROWS", "COLUMNS") or not 0 <= start < end <= limit:
        raise bad_request(f"{where}Invalid dimensionRange for developer metadata: {rng}")
    return sheet, {"locationType": "ROW" if dim == "ROWS" else "COLUMN", "dimensionRange": {
        "sheetId": sheet.sheet_id, "dimension": dim, "startIndex": start, "endIndex": end}}


def create(wb: Workbook, req: dict, where: str) -> dict:
    meta = copy.deepcopy(req.get("developerMetadata") or {})
    if not meta.get("metadataKey"):
        raise bad_request(f"{where}Developer metadata must always have a key specified.")
    if meta.get("visibility") not in ("DOCUMENT", "PROJECT"):
        raise bad_request(f"{where}Developer metadata must always have a visibility specified.")
    sheet, meta["location"] = _location(wb, meta.get("location"), where)
    used = {m["metadataId"] for _, m in wb.all_metadata()}
    mid = meta.get("metadataId")
    if mid in used:
        raise bad_request(f"{where}Developer metadata with id {mid} already exists.")
    if mid is not None and (not isinstance(mid, int) or isinstance(mid, bool) or mid < 0):
        raise bad_request(f"{where}Invalid metadataId: {mid!r}")
    meta["metadataId"] = mid or wb.new_metadata_id(used)
    (wb.dev_meta if sheet is None else sheet.dev_meta).append(meta)
    return {"createDeveloperMetadata": {"developerMetadata": copy.deepcopy(meta)}}


def delete(wb: Workbook, req: dict, where: str) -> dict:
    lookup = (req.get("dataFilter") or {}).get("developerMetadataLookup")
    gone = find(wb, lookup, where)
    if not gone and wb.switches.delete_unmatched_metadata_fails:
        raise bad_request(f"{where}No developer metadata matches the data filter.")
    for sheet, meta in gone:
        (wb.dev_meta if sheet is None else sheet.dev_meta).remove(meta)
    return {"deleteDeveloperMetadata": {"deletedDeveloperMetadata": [copy.deepcopy(m) for _, m in gone]}}


def _intersects(sheet: Sheet, meta: dict, b: Bounds) -> bool:
    area, cb = _area(sheet, meta), b.clip(sheet.row_count, sheet.col_count)
    assert area.r1 is not None and area.c1 is not None and cb.r1 is not None and cb.c1 is not None
    return area.r0 < cb.r1 and cb.r0 < area.r1 and area.c0 < cb.c1 and cb.c0 < area.c1


def developer_metadata_search(wb: Workbook, body: Any) -> dict:
    """spreadsheets.developerMetadata.search: every metadata any filter selects, with the filters it matched."""
    if not isinstance(body, dict) or not isinstance(body.get("dataFilters"), list):
        raise bad_request("Invalid JSON payload received.")
    matched: dict[int, dict] = {}
    for i, f in enumerate(body["dataFilters"]):
        where = f"dataFilters[{i}]: "
        if isinstance(f, dict) and "developerMetadataLookup" in f:
            hits = [m for _, m in find(wb, f["developerMetadataLookup"], where)]
        else:
            hits = [m for region, b in _ranges(wb, f, where) for s, m in wb.all_metadata()
                    if s is region and _intersects(s, m, b)]
        for m in hits:
            entry = matched.setdefault(m["metadataId"], {"developerMetadata": copy.deepcopy(m), "dataFilters": []})
            if f not in entry["dataFilters"]:
                entry["dataFilters"].append(copy.deepcopy(f))
    order = [m["metadataId"] for _, m in wb.all_metadata()]
    found = sorted(matched.values(), key=lambda e: order.index(e["developerMetadata"]["metadataId"]))
    return {"matchedDeveloperMetadata": found} if found else {}


def _ranges(wb: Workbook, data_filter: Any, where: str) -> list[tuple[Sheet, Bounds]]:
    if not isinstance(data_filter, dict) or len(data_filter) != 1:
        raise bad_request(f"{where}exactly one of developerMetadataLookup, a1Range, gridRange must be set")
    if "a1Range" in data_filter:
        return [wb.resolve(str(data_filter["a1Range"]))]
    if "gridRange" in data_filter:
        g = data_filter["gridRange"]
        sheet = wb.sheet_by_id(g.get("sheetId", 0), where)
        return [(sheet, Bounds(g.get("startRowIndex", 0), g.get("startColumnIndex", 0),
                               g.get("endRowIndex"), g.get("endColumnIndex")))]
    found = find(wb, data_filter.get("developerMetadataLookup"), where)
    return [(s, _area(s, m)) for s, m in found if s is not None]


def values_batch_get_by_data_filter(wb: Workbook, body: Any) -> dict:
    """One MatchedValueRange per range each filter selects, in filter order."""
    if not isinstance(body, dict) or not isinstance(body.get("dataFilters"), list):
        raise bad_request("Invalid JSON payload received.")
    option = body.get("valueRenderOption") or "FORMATTED_VALUE"
    major = body.get("majorDimension") or "ROWS"
    out: dict[str, Any] = {"spreadsheetId": wb.key}
    matched = [{"valueRange": value_range(s, b, option, major), "dataFilters": [copy.deepcopy(f)]}
               for i, f in enumerate(body["dataFilters"]) for s, b in _ranges(wb, f, f"dataFilters[{i}]: ")]
    if matched:
        out["valueRanges"] = matched
    return out


def values_batch_update_by_data_filter(wb: Workbook, body: Any) -> dict:
    """Write every matched range from its top-left cell; null values leave their cells as they are."""
    if not isinstance(body, dict):
        raise bad_request("Invalid JSON payload received.")
    option = _input_option(body.get("valueInputOption"))
    responses, sheets = [], set()
    for i, item in enumerate(body.get("data") or []):
        where = f"Invalid data[{i}]: "
        values = item.get("values") if isinstance(item, dict) else None
        if not isinstance(values, list) or not all(isinstance(r, list) for r in values):
            raise bad_request(f"{where}values must be a list of rows")
        for sheet, b in _ranges(wb, item.get("dataFilter"), where):
            cb = b.clip(sheet.row_count, sheet.col_count)
            if len(values) > (cb.r1 or 0) - cb.r0 or max(map(len, values), default=0) > (cb.c1 or 0) - cb.c0:
                raise bad_request(f"{where}Requested writing within range "
                                  f"[{format_range(sheet.title, cb)}], but the values do not fit in it")
            written = [(cb.r0 + r, cb.c0 + c, v) for r, row in enumerate(values) for c, v in enumerate(row)
                       if v is not None]
            for r, c, v in written:
                sheet.set(r, c, cell_from_input(v, option))
            sheets.add(sheet.sheet_id)
            responses.append({"updatedRange": format_range(sheet.title, cb), "updatedCells": len(written),
                              "updatedRows": len({r for r, _, _ in written}),
                              "updatedColumns": len({c for _, c, _ in written}),
                              "dataFilter": copy.deepcopy(item.get("dataFilter"))})
    return {"spreadsheetId": wb.key, "totalUpdatedSheets": len(sheets), "responses": responses,
            "totalUpdatedCells": sum(r["updatedCells"] for r in responses)}
