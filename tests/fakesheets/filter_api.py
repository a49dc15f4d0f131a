"""The basic filter and filter views: setBasicFilter, clearBasicFilter, addFilterView, deleteFilterView.

Modelled on the Sheets API v4 reference. A filter's criteria come as ``filterSpecs`` [{columnIndex,
filterCriteria}] or the deprecated ``criteria`` map keyed by column index; filterSpecs wins when both are
given, and both are returned (sheets[].basicFilter, sheets[].filterViews[] in spreadsheets.get). Only
``hiddenValues`` criteria are modelled (condition and colour criteria are refused with 400): a row is hidden
when the formatted value of its cell in that column is one of them (an empty cell is ""). The range's first
row is the filter's header and is never hidden.

The basic filter hides rows for everyone: rowMetadata[].hiddenByFilter in spreadsheets.get with grid data.
Values reads (values.get, batchGet, ...) still return hidden rows, as the API does. As in Sheets, the filter
is applied when it is set; later edits do not re-filter until it is set again. Hidden rows are row
properties: they follow inserted, deleted and moved rows and stay in place under sortRange/cutPaste. A basic
filter's sortSpecs sort the rows below its header (as sortRange). clearBasicFilter shows every row again.
Filter views are per viewer: they are stored (ids random when not given; a used id is refused) and hide
nothing; their sortSpecs are stored, not applied.
"""

from __future__ import annotations

import copy
from typing import Any

from .a1 import Bounds
from .cells import render
from .edit_api import grid_range, sort_rows
from .errors import bad_request
from .state import Sheet, Workbook


def _specs(filt: dict, b: Bounds, where: str) -> list[dict]:
    if filt.get("filterSpecs") is not None:
        specs = filt["filterSpecs"]
    else:
        criteria = filt.get("criteria") or {}
        if not isinstance(criteria, dict):
            raise bad_request(f"{where}criteria must map column indexes to FilterCriteria")
        try:
            specs = sorted(({"columnIndex": int(k), "filterCriteria": v} for k, v in criteria.items()),
                           key=lambda spec: spec["columnIndex"])
        except (TypeError, ValueError):
            raise bad_request(f"{where}criteria keys must be column indexes") from None
    if not isinstance(specs, list):
        raise bad_request(f"{where}filterSpecs must be a list")
    out = []
    for i, spec in enumerate(specs):
        spec = spec if isinstance(spec, dict) else {}
        col, crit = spec.get("columnIndex"), spec.get("filterCriteria") or {}
        assert b.c1 is not None
        if not isinstance(col, int) or isinstance(col, bool) or not b.c0 <= col < b.c1:
            raise bad_request(f"{where}filterSpecs[{i}].columnIndex {col!r} is not a column of the filter range")
        hidden = crit.get("hiddenValues", []) if isinstance(crit, dict) else None
        if set(crit) - {"hiddenValues"} or not isinstance(hidden, list):
            raise bad_request(f"{where}filterSpecs[{i}]: only filterCriteria.hiddenValues is modelled")
        out.append({"columnIndex": col, "filterCriteria": {"hiddenValues": [str(v) for v in hidden]}})
    return out


def _filter(wb: Workbook, filt: Any, where: str) -> tuple[Sheet, Bounds, dict]:
    """The filter as spreadsheets.get returns it, with its sheet and bounds."""
    if not isinstance(filt, dict):
        raise bad_request(f"{where}filter is required")
    sheet, b = grid_range(wb, filt.get("range"), where)
    out: dict[str, Any] = {"range": {**copy.deepcopy(filt["range"]), "sheetId": sheet.sheet_id}}
    specs = _specs(filt, b, where)
    if specs:
        out["filterSpecs"] = specs
        out["criteria"] = {str(s["columnIndex"]): copy.deepcopy(s["filterCriteria"]) for s in specs}
    if filt.get("sortSpecs"):
        out["sortSpecs"] = copy.deepcopy(filt["sortSpecs"])
    return sheet, b, out


def hidden_rows(sheet: Sheet, b: Bounds, specs: list[dict]) -> set[int]:
    assert b.r1 is not None
    return {r for r in range(b.r0 + 1, b.r1) for s in specs
            if render(sheet.get(r, s["columnIndex"]), "FORMATTED_VALUE") in s["filterCriteria"]["hiddenValues"]}


def set_basic_filter(wb: Workbook, req: dict, where: str) -> dict:
    sheet, b, filt = _filter(wb, req.get("filter"), where)
    if filt.get("sortSpecs"):
        sort_rows(wb, sheet, Bounds(b.r0 + 1, b.c0, b.r1, b.c1), filt["sortSpecs"], where)
    sheet.basic_filter = filt
    sheet.filter_hidden = hidden_rows(sheet, b, filt.get("filterSpecs", []))
    return {}


def clear_basic_filter(wb: Workbook, req: dict, where: str) -> dict:
    sheet = wb.sheet_by_id(req.get("sheetId", 0), where)
    sheet.basic_filter, sheet.filter_hidden = None, set()
    return {}


def add_filter_view(wb: Workbook, req: dict, where: str) -> dict:
    view = req.get("filter")
    sheet, _, filt = _filter(wb, view, where)
    assert isinstance(view, dict)
    used = {v["filterViewId"] for s in wb.sheets for v in s.filter_views}
    fid = view.get("filterViewId")
    if fid in used:
        raise bad_request(f"{where}A filter view with id {fid} already exists.")
    if fid is not None and (not isinstance(fid, int) or isinstance(fid, bool) or fid < 0):
        raise bad_request(f"{where}Invalid filterViewId: {fid!r}")
    out = {"filterViewId": wb.new_metadata_id(used) if fid is None else fid}
    out |= {"title": view["title"]} if "title" in view else {}
    sheet.filter_views.append(out | filt)
    return {"addFilterView": {"filter": copy.deepcopy(out | filt)}}


def delete_filter_view(wb: Workbook, req: dict, where: str) -> dict:
    fid = req.get("filterId")
    for sheet in wb.sheets:
        for view in sheet.filter_views:
            if view["filterViewId"] == fid:
                sheet.filter_views.remove(view)
                return {}
    raise bad_request(f"{where}No filter view with id: {fid}")
