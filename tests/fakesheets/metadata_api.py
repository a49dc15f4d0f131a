"""Developer metadata on rows and columns, and the by-data-filter value endpoints that find ranges through it.

Modelled on the Sheets API v4 reference: metadata on a ROWS/COLUMNS DimensionRange stays with its rows or
columns when others are inserted, deleted or moved, and is deleted with them (state.Sheet.remap_meta). A
developerMetadataLookup selects every metadata matching all the fields it gives; its data range is the whole
row (from column A) or the whole column. On input, a null value skips its cell. A filter matching nothing
reads nothing and writes nothing (no error) — the real API's answer for that case is not documented.
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


def find(wb: Workbook, lookup: Any, where: str = "") -> list[tuple[Sheet, dict]]:
    """Every (sheet, metadata) a DeveloperMetadataLookup selects, in sheet then creation order."""
    if not isinstance(lookup, dict) or not lookup:
        raise bad_request(f"{where}developerMetadataLookup must specify at least one field")
    if "metadataLocation" in lookup or "locationMatchingStrategy" in lookup:
        raise bad_request(f"{where}metadataLocation lookups are not modelled by the fake")
    return [(s, m) for s in wb.sheets for m in s.dev_meta if _matches(m, lookup)]


def _area(sheet: Sheet, meta: dict) -> Bounds:
    rng = meta["location"]["dimensionRange"]
    if rng["dimension"] == "ROWS":
        return Bounds(rng["startIndex"], 0, rng["endIndex"], sheet.col_count)
    return Bounds(0, rng["startIndex"], sheet.row_count, rng["endIndex"])


def create(wb: Workbook, req: dict, where: str) -> dict:
    meta = copy.deepcopy(req.get("developerMetadata") or {})
    if not meta.get("metadataKey"):
        raise bad_request(f"{where}Developer metadata must always have a key specified.")
    if meta.get("visibility") not in ("DOCUMENT", "PROJECT"):
        raise bad_request(f"{where}Developer metadata must always have a visibility specified.")
    rng = (meta.get("location") or {}).get("dimensionRange")
    if not isinstance(rng, dict):
        raise bad_request(f"{where}only row and column (dimensionRange) locations are modelled by the fake")
    sheet = wb.sheet_by_id(rng.get("sheetId", 0), where)
    dim, start, end = rng.get("dimension"), int(rng.get("startIndex", 0)), int(rng.get("endIndex", 0))
    limit = sheet.row_count if dim == "ROWS" else sheet.col_count
    if dim not in ("ROWS", "COLUMNS") or not 0 <= start < end <= limit:
        raise bad_request(f"{where}Invalid dimensionRange for developer metadata: {rng}")
    used = {m["metadataId"] for s in wb.sheets for m in s.dev_meta}
    if meta.get("metadataId") in used:
        raise bad_request(f"{where}Developer metadata with id {meta['metadataId']} already exists.")
    meta["metadataId"] = meta.get("metadataId") or wb.new_metadata_id(used)
    meta["location"] = {"locationType": "ROW" if dim == "ROWS" else "COLUMN", "dimensionRange": {
        "sheetId": sheet.sheet_id, "dimension": dim, "startIndex": start, "endIndex": end}}
    sheet.dev_meta.append(meta)
    return {"createDeveloperMetadata": {"developerMetadata": copy.deepcopy(meta)}}


def delete(wb: Workbook, req: dict, where: str) -> dict:
    lookup = (req.get("dataFilter") or {}).get("developerMetadataLookup")
    gone = find(wb, lookup, where)
    for sheet, meta in gone:
        sheet.dev_meta.remove(meta)
    return {"deleteDeveloperMetadata": {"deletedDeveloperMetadata": [copy.deepcopy(m) for _, m in gone]}}


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
    return [(s, _area(s, m)) for s, m in find(wb, data_filter.get("developerMetadataLookup"), where)]


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
