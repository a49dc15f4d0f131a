"""spreadsheets.batchUpdate: the structural requests our app and gspread send, and the edits a person makes
(edit_api: sortRange, cutPaste, copyPaste; cell_data_api: appendCells, updateCells; filter_api: basic filter,
filter views). includeSpreadsheetInResponse honours responseRanges and responseIncludeGridData (get_api)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from . import cell_data_api, edit_api, filter_api, get_api, metadata_api
from .errors import bad_request
from .state import DEFAULT_COLS, DEFAULT_ROWS, Sheet, Workbook

NO_OPS = {
    "autoResizeDimensions",
    "updateDimensionProperties",
    "updateBorders",
    "mergeCells",
    "unmergeCells",
    "addConditionalFormatRule",
    "addBanding",
}


def _sheet_of_range(wb: Workbook, grid_range: Any, where: str) -> Sheet:
    sheet_id = grid_range.get("sheetId", 0) if isinstance(grid_range, dict) else 0
    return wb.sheet_by_id(sheet_id, where)


def _set_path(target: dict, source: dict, path: list[str]) -> None:
    key = path[0]
    if len(path) == 1:
        if key in source:
            target[key] = copy.deepcopy(source[key])
        else:
            target.pop(key, None)
        return
    _set_path(target.setdefault(key, {}), source.get(key) or {}, path[1:])


def _clean_grid_props(sheet: Sheet) -> None:
    gp = sheet.props["gridProperties"]
    for k in ("frozenRowCount", "frozenColumnCount"):
        if not gp.get(k):
            gp.pop(k, None)


def add_sheet(wb: Workbook, req: dict, where: str) -> dict:
    props = dict(req.get("properties") or {})
    gp = dict(props.get("gridProperties") or {})
    title = props.get("title") or f"Sheet{len(wb.sheets) + 1}"
    sheet = wb.add_sheet(
        title,
        int(gp.get("rowCount", DEFAULT_ROWS)),
        int(gp.get("columnCount", DEFAULT_COLS)),
        props.get("index"),
        props.get("sheetId"),
        where,
    )
    for k in ("frozenRowCount", "frozenColumnCount"):
        if gp.get(k):
            sheet.props["gridProperties"][k] = int(gp[k])
    for k in ("hidden", "tabColor", "tabColorStyle", "rightToLeft"):
        if k in props:
            sheet.props[k] = copy.deepcopy(props[k])
    return {"addSheet": {"properties": copy.deepcopy(sheet.props)}}


def delete_sheet(wb: Workbook, req: dict, where: str) -> dict:
    wb.delete_sheet(req.get("sheetId", 0), where)
    return {}


def update_sheet_properties(wb: Workbook, req: dict, where: str) -> dict:
    props = req.get("properties") or {}
    sheet = wb.sheet_by_id(props.get("sheetId", 0), where)
    fields = [f.strip().replace("/", ".") for f in (req.get("fields") or "").split(",") if f.strip()]
    if not fields:
        raise bad_request(f"{where}At least one field must be updated, but 'fields' is empty.")
    if "*" in fields:
        fields = [k for k in props if k != "sheetId"]
    new = copy.deepcopy(sheet.props)
    for field in fields:
        if field == "sheetId":
            continue
        _set_path(new, props, field.split("."))
    if new.get("title") != sheet.title and any(s.title == new.get("title") for s in wb.sheets):
        raise bad_request(
            f'{where}A sheet with the name "{new.get("title")}" already exists. Please enter another name.'
        )
    index = new.get("index", sheet.props["index"])
    sheet.props = new
    if index != wb.sheets.index(sheet):
        wb.sheets.remove(sheet)
        wb.sheets.insert(max(0, min(int(index), len(wb.sheets))), sheet)
    wb.reindex()
    _clean_grid_props(sheet)
    return {}


def set_data_validation(wb: Workbook, req: dict, where: str) -> dict:
    sheet = _sheet_of_range(wb, req.get("range"), where)
    sheet.validations.append(
        {"range": copy.deepcopy(req.get("range")), "rule": copy.deepcopy(req.get("rule"))}
    )
    return {}


def add_protected_range(wb: Workbook, req: dict, where: str) -> dict:
    pr = copy.deepcopy(req.get("protectedRange") or {})
    pr = {k: v for k, v in pr.items() if v is not None}
    sheet = _sheet_of_range(wb, pr.get("range"), where)
    pr["protectedRangeId"] = wb.new_protected_id()
    pr.setdefault("range", {"sheetId": sheet.sheet_id})
    sheet.protected_ranges.append(pr)
    return {"addProtectedRange": {"protectedRange": copy.deepcopy(pr)}}


def delete_protected_range(wb: Workbook, req: dict, where: str) -> dict:
    pid = int(req.get("protectedRangeId", -1))
    for sheet in wb.sheets:
        for pr in sheet.protected_ranges:
            if pr["protectedRangeId"] == pid:
                sheet.protected_ranges.remove(pr)
                return {}
    raise bad_request(f"{where}No protected range with id: {pid}")


def repeat_cell(wb: Workbook, req: dict, where: str) -> dict:
    sheet = _sheet_of_range(wb, req.get("range"), where)
    sheet.formats.append(copy.deepcopy(req))
    return {}


def _dimension(wb: Workbook, rng: dict, where: str) -> tuple[Sheet, str, int, int]:
    sheet = wb.sheet_by_id(rng.get("sheetId", 0), where)
    dim = rng.get("dimension")
    if dim not in ("ROWS", "COLUMNS"):
        raise bad_request(f"{where}dimension must be ROWS or COLUMNS")
    start, end = int(rng.get("startIndex", 0)), int(rng.get("endIndex", 0))
    if end <= start:
        raise bad_request(f"{where}endIndex must be greater than startIndex")
    return sheet, dim, start, end - start


def insert_dimension(wb: Workbook, req: dict, where: str) -> dict:
    sheet, dim, start, n = _dimension(wb, req.get("range") or {}, where)
    (sheet.insert_rows if dim == "ROWS" else sheet.insert_cols)(start, n)
    return {}


def delete_dimension(wb: Workbook, req: dict, where: str) -> dict:
    sheet, dim, start, n = _dimension(wb, req.get("range") or {}, where)
    (sheet.delete_rows if dim == "ROWS" else sheet.delete_cols)(start, n)
    return {}


def move_dimension(wb: Workbook, req: dict, where: str) -> dict:
    sheet, dim, start, n = _dimension(wb, req.get("source") or {}, where)
    dest = int(req.get("destinationIndex", -1))
    if dest < 0:
        raise bad_request(f"{where}destinationIndex is required")
    sheet.move(dim, start, start + n, dest)
    return {}


def append_dimension(wb: Workbook, req: dict, where: str) -> dict:
    sheet = wb.sheet_by_id(req.get("sheetId", 0), where)
    length = int(req.get("length", 0))
    if req.get("dimension") == "COLUMNS":
        sheet.col_count += length
    else:
        sheet.row_count += length
    return {}


def update_spreadsheet_properties(wb: Workbook, req: dict, where: str) -> dict:
    props = req.get("properties") or {}
    if "title" in props:
        wb.title = props["title"]
    return {}


HANDLERS: dict[str, Callable[[Workbook, dict, str], dict]] = {
    "addSheet": add_sheet,
    "deleteSheet": delete_sheet,
    "updateSheetProperties": update_sheet_properties,
    "setDataValidation": set_data_validation,
    "addProtectedRange": add_protected_range,
    "deleteProtectedRange": delete_protected_range,
    "repeatCell": repeat_cell,
    "insertDimension": insert_dimension,
    "deleteDimension": delete_dimension,
    "appendDimension": append_dimension,
    "moveDimension": move_dimension,
    "createDeveloperMetadata": metadata_api.create,
    "deleteDeveloperMetadata": metadata_api.delete,
    "updateSpreadsheetProperties": update_spreadsheet_properties,
    "sortRange": edit_api.sort_range,
    "cutPaste": edit_api.cut_paste,
    "copyPaste": edit_api.copy_paste,
    "appendCells": cell_data_api.append_cells,
    "updateCells": cell_data_api.update_cells,
    "setBasicFilter": filter_api.set_basic_filter,
    "clearBasicFilter": filter_api.clear_basic_filter,
    "addFilterView": filter_api.add_filter_view,
    "deleteFilterView": filter_api.delete_filter_view,
}


def apply_requests(wb: Workbook, requests: Any) -> list[dict]:
    """Apply Request objects in order and return their replies. Not atomic by itself: callers snapshot the
    workbook and restore it when this raises (the server for batchUpdate, the helpers for a person's edits)."""
    if not isinstance(requests, list):
        raise bad_request("Invalid JSON payload received.")
    replies = []
    for i, request in enumerate(requests):
        if not isinstance(request, dict) or len(request) != 1:
            raise bad_request(f"Invalid requests[{i}]: exactly one request kind must be set.")
        ((name, req),) = request.items()
        where = f"Invalid requests[{i}].{name}: "
        if name in NO_OPS:
            replies.append({})
        elif name in HANDLERS:
            replies.append(HANDLERS[name](wb, req if isinstance(req, dict) else {}, where))
        else:
            raise bad_request(
                f"Invalid JSON payload received. Unknown name \"{name}\" at 'requests[{i}]': Cannot find field."
            )
    return replies


def spreadsheets_batch_update(wb: Workbook, body: Any) -> dict:
    """Apply every request in order; the caller restores a snapshot if any of them fails."""
    if not isinstance(body, dict):
        raise bad_request("Invalid JSON payload received.")
    requests = [] if body.get("requests") is None else body["requests"]
    replies = apply_requests(wb, requests)
    wb.batch_log.extend(copy.deepcopy(requests))
    out: dict[str, Any] = {"spreadsheetId": wb.key, "replies": replies}
    if body.get("includeSpreadsheetInResponse"):
        ranges, with_data = body.get("responseRanges") or [], bool(body.get("responseIncludeGridData"))
        out["updatedSpreadsheet"] = get_api.spreadsheet(wb, ranges, with_data)
    return out
