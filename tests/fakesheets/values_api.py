"""spreadsheets.values.* endpoints: get, batchGet, update, append, batchUpdate, clear, batchClear."""

from __future__ import annotations

from typing import Any

from .a1 import Bounds, format_range, index_to_col, quote_title
from .cells import Cell, cell_from_input
from .errors import bad_request
from .state import Sheet, Workbook

Query = dict[str, list[str]]
INPUT_OPTIONS = ("RAW", "USER_ENTERED")


def q1(query: Query, name: str, default: str | None = None) -> str | None:
    return query.get(name, [default])[0]


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("true", "1")


def value_range(sheet: Sheet, b: Bounds, option: str = "FORMATTED_VALUE", major: str = "ROWS") -> dict:
    cb = b.clip(sheet.row_count, sheet.col_count)
    out: dict[str, Any] = {"range": format_range(sheet.title, cb), "majorDimension": major}
    values = sheet.matrix(cb, option, major)
    if values:
        out["values"] = values
    return out


def _read_opts(query: Query) -> tuple[str, str]:
    option = q1(query, "valueRenderOption") or "FORMATTED_VALUE"
    major = q1(query, "majorDimension") or "ROWS"
    if option not in ("FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"):
        raise bad_request(f"Invalid value at 'value_render_option' ({option})")
    if major not in ("ROWS", "COLUMNS", "DIMENSION_UNSPECIFIED"):
        raise bad_request(f"Invalid value at 'major_dimension' ({major})")
    return option, "ROWS" if major == "DIMENSION_UNSPECIFIED" else major


def values_get(wb: Workbook, range_text: str, query: Query) -> dict:
    option, major = _read_opts(query)
    sheet, b = wb.resolve(range_text)
    return value_range(sheet, b, option, major)


def values_batch_get(wb: Workbook, query: Query) -> dict:
    option, major = _read_opts(query)
    out: dict[str, Any] = {"spreadsheetId": wb.key}
    ranges = [wb.resolve(text) for text in query.get("ranges", [])]
    if ranges:
        out["valueRanges"] = [value_range(s, b, option, major) for s, b in ranges]
    return out


def _input_option(value: str | None) -> str:
    if not value:
        raise bad_request("'valueInputOption' is required but not specified")
    if value not in INPUT_OPTIONS:
        raise bad_request(f"Invalid value at 'value_input_option' ({value})")
    return value


def _cells(body: Any, option: str, where: str = "") -> list[list[Cell | None]]:
    if not isinstance(body, dict):
        raise bad_request("Invalid JSON payload received.")
    values = body.get("values", [])
    if not isinstance(values, list) or not all(isinstance(r, list) for r in values):
        raise bad_request(f"Invalid value at '{where}values' (type.googleapis.com/google.protobuf.ListValue)")
    for row in values:
        for v in row:
            if isinstance(v, dict | list):
                raise bad_request(
                    f"Invalid value at '{where}values' (type.googleapis.com/google.protobuf.ListValue)"
                )
    if (body.get("majorDimension") or "ROWS") == "COLUMNS" and values:
        height = max(len(col) for col in values)
        values = [[col[i] if i < len(col) else None for col in values] for i in range(height)]
    return [[cell_from_input(v, option) for v in row] for row in values]


def _area(r0: int, c0: int, cells: list[list[Cell | None]]) -> Bounds:
    return Bounds(r0, c0, r0 + len(cells), c0 + max((len(r) for r in cells), default=0))


def _update_response(wb: Workbook, sheet: Sheet, area: Bounds, cells: list, query: Query) -> dict:
    out: dict[str, Any] = {"spreadsheetId": wb.key, "updatedRange": format_range(sheet.title, area)}
    if cells:
        out.update(
            updatedRows=len(cells),
            updatedColumns=(area.c1 or 0) - area.c0,
            updatedCells=sum(len(r) for r in cells),
        )
    if _truthy(q1(query, "includeValuesInResponse", "false")):
        option = q1(query, "responseValueRenderOption") or "FORMATTED_VALUE"
        out["updatedData"] = value_range(sheet, area, option)
    return out


def _apply_update(wb: Workbook, range_text: str, cells: list[list[Cell | None]]) -> tuple[Sheet, Bounds]:
    sheet, b = wb.resolve(range_text)
    area = _area(b.r0, b.c0, cells)
    single_cell = b.r1 == b.r0 + 1 and b.c1 == b.c0 + 1
    if not single_cell:
        if b.r1 is not None and area.r1 is not None and area.r1 > b.r1:
            raise bad_request(
                f"Requested writing within range [{range_text}], but tried writing to row [{area.r1}]"
            )
        if b.c1 is not None and area.c1 is not None and area.c1 > b.c1:
            raise bad_request(
                f"Requested writing within range [{range_text}], but tried writing to column "
                f"[{index_to_col(area.c1 - 1)}]"
            )
    if cells and ((area.r1 or 0) > sheet.row_count or (area.c1 or 0) > sheet.col_count):
        raise bad_request(
            f"Range ({quote_title(sheet.title)}!{format_range(sheet.title, area).split('!', 1)[1]}) "
            f"exceeds grid limits. Max rows: {sheet.row_count}, max columns: {sheet.col_count}"
        )
    sheet.write(b.r0, b.c0, cells)
    return sheet, area if cells else Bounds(b.r0, b.c0, b.r0 + 1, b.c0 + 1)


def values_update(wb: Workbook, range_text: str, query: Query, body: Any) -> dict:
    option = _input_option(q1(query, "valueInputOption"))
    cells = _cells(body, option)
    sheet, area = _apply_update(wb, range_text, cells)
    return _update_response(wb, sheet, area, cells, query)


def values_append(wb: Workbook, range_text: str, query: Query, body: Any) -> dict:
    option = _input_option(q1(query, "valueInputOption"))
    insert = q1(query, "insertDataOption") or "OVERWRITE"
    if insert not in ("OVERWRITE", "INSERT_ROWS"):
        raise bad_request(f"Invalid value at 'insert_data_option' ({insert})")
    cells = _cells(body, option)
    sheet, b = wb.resolve(range_text)
    # Simplified table detection: contiguous non-empty rows from the range's top row down.
    end = b.r0
    while end < sheet.row_count and not sheet.row_is_empty(end):
        end += 1
    table_width = sheet.used_width(b.r0, end)
    area = _area(end, b.c0, cells)
    if cells:
        if insert == "INSERT_ROWS":
            sheet.insert_rows(end, len(cells))
        sheet.row_count = max(sheet.row_count, area.r1 or 0)
        sheet.col_count = max(sheet.col_count, area.c1 or 0)
        sheet.write(end, b.c0, cells)
    out: dict[str, Any] = {"spreadsheetId": wb.key}
    if end > b.r0:
        out["tableRange"] = format_range(sheet.title, Bounds(b.r0, b.c0, end, max(table_width, b.c0 + 1)))
    out["updates"] = _update_response(
        wb, sheet, area if cells else Bounds(end, b.c0, end + 1, b.c0 + 1), cells, query
    )
    return out


def values_batch_update(wb: Workbook, body: Any) -> dict:
    if not isinstance(body, dict):
        raise bad_request("Invalid JSON payload received.")
    option = _input_option(body.get("valueInputOption"))
    query: Query = {}
    if body.get("includeValuesInResponse"):
        query["includeValuesInResponse"] = ["true"]
        query["responseValueRenderOption"] = [body.get("responseValueRenderOption") or "FORMATTED_VALUE"]
    responses, sheets = [], set()
    for i, item in enumerate(body.get("data") or []):
        if not isinstance(item, dict) or not isinstance(item.get("range"), str):
            raise bad_request(f"Invalid data[{i}]: range is required")
        cells = _cells(item, option, f"data[{i}].")
        sheet, area = _apply_update(wb, item["range"], cells)
        sheets.add(sheet.sheet_id)
        responses.append(_update_response(wb, sheet, area, cells, query))
    out: dict[str, Any] = {"spreadsheetId": wb.key}
    if responses:
        out.update(
            totalUpdatedRows=sum(r.get("updatedRows", 0) for r in responses),
            totalUpdatedColumns=sum(r.get("updatedColumns", 0) for r in responses),
            totalUpdatedCells=sum(r.get("updatedCells", 0) for r in responses),
            totalUpdatedSheets=len(sheets),
            responses=responses,
        )
    return out


def values_clear(wb: Workbook, range_text: str) -> dict:
    sheet, b = wb.resolve(range_text)
    sheet.clear(b)
    return {
        "spreadsheetId": wb.key,
        "clearedRange": format_range(sheet.title, b.clip(sheet.row_count, sheet.col_count)),
    }


def values_batch_clear(wb: Workbook, body: Any) -> dict:
    if not isinstance(body, dict):
        raise bad_request("Invalid JSON payload received.")
    resolved = [wb.resolve(text) for text in body.get("ranges") or []]
    for sheet, b in resolved:
        sheet.clear(b)
    cleared = [format_range(s.title, b.clip(s.row_count, s.col_count)) for s, b in resolved]
    return {"spreadsheetId": wb.key, "clearedRanges": cleared}
