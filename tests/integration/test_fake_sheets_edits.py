"""The fake's person-style edits through real gspread: sort, cut/paste, copy/paste, appendCells, filters, hooks."""

from __future__ import annotations

import gspread
import pytest
from gspread.utils import PasteOrientation, PasteType

from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.errors import SheetsError
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)

KEY = "edits-key"
ROWS = [["id", "team", "amount"], ["r1", "b", "10"], ["r2", "A", "9"], ["r3", "a", "100"], ["r4", "", "5"],
        ["r5", "B", "10"]]


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    fake_sheets.add_spreadsheet(KEY, "Book", {"Data": [list(r) for r in ROWS], "Other": []})
    return fake_sheets


@pytest.fixture
def sh(srv: FakeSheetsServer) -> gspread.Spreadsheet:
    return fake_client(srv.base_url, timeout=3).open_by_key(KEY)


def _batch(sh: gspread.Spreadsheet, *requests: dict) -> dict:
    return sh.batch_update({"requests": list(requests)})


def _status(fn) -> int:
    with pytest.raises(gspread.exceptions.APIError) as info:
        fn()
    return info.value.response.status_code


def _ids(srv: FakeSheetsServer) -> list[str]:
    return [row[0] for row in srv.values(KEY, "Data")[1:]]


def _anchor(row: int, mid: int | None = None, sheet_id: int = 0) -> dict:
    meta = {"metadataKey": "de.row", "metadataValue": f"row{row}", "visibility": "DOCUMENT", "location": {
        "dimensionRange": {"sheetId": sheet_id, "dimension": "ROWS", "startIndex": row, "endIndex": row + 1}}}
    return {"createDeveloperMetadata": {"developerMetadata": meta | ({"metadataId": mid} if mid else {})}}


def _anchored_rows(srv: FakeSheetsServer) -> dict[str, int]:
    return {m["metadataValue"]: m["location"]["dimensionRange"]["startIndex"]
            for m in srv.developer_metadata(KEY, "Data")}


# -- sortRange -------------------------------------------------------------------------------------------
def test_a_sort_by_two_keys_orders_text_case_insensitively_and_numbers_numerically_below_the_header(srv, sh):
    ws = sh.worksheet("Data")
    ws.update(values=[[10], [9], [100], [5], [10]], range_name="C2:C6", value_input_option="RAW")  # numbers
    assert ws.sort((2, "asc"), (3, "des"), range="A2:C6")["replies"] == [{}]
    assert srv.values(KEY, "Data") == [ROWS[0], ["r3", "a", "100"], ["r2", "A", "9"], ["r1", "b", "10"],
                                       ["r5", "B", "10"], ["r4", "", "5"]]
    srv.set_cell(KEY, "Data", "C4", "10")  # stored text sorts after every number: first when descending
    ws.sort((3, "des"), range="A2:C6")
    assert _ids(srv) == ["r1", "r3", "r5", "r2", "r4"]


def test_empty_cells_sort_last_in_both_orders_and_a_sort_is_stable(srv, sh):
    ws = sh.worksheet("Data")
    ws.sort((2, "des"), range="A2:C6")
    assert _ids(srv) == ["r1", "r5", "r2", "r3", "r4"]  # b == B and a == A keep their order
    ws.sort((2, "asc"), range="A2:C6")
    assert _ids(srv) == ["r2", "r3", "r1", "r5", "r4"]


def test_a_sort_moves_only_the_cells_inside_its_range(srv, sh):
    sh.worksheet("Data").sort((3, "asc"), range="B2:C6")  # column A stays where it was
    assert [r[0] for r in srv.values(KEY, "Data")[1:]] == ["r1", "r2", "r3", "r4", "r5"]
    assert [r[2] for r in srv.values(KEY, "Data")[1:]] == ["10", "10", "100", "5", "9"]  # all text cells


def test_a_sort_with_a_column_outside_its_range_or_no_order_is_refused_and_changes_nothing(srv, sh):
    rng = {"sheetId": 0, "startRowIndex": 1, "startColumnIndex": 0, "endColumnIndex": 2}
    assert _status(lambda: _batch(sh, {"sortRange": {"range": rng, "sortSpecs": [
        {"dimensionIndex": 2, "sortOrder": "ASCENDING"}]}})) == 400
    assert _status(lambda: _batch(sh, {"sortRange": {"range": rng, "sortSpecs": [{"dimensionIndex": 1}]}})) == 400
    assert srv.values(KEY, "Data") == ROWS


# -- cutPaste / copyPaste ---------------------------------------------------------------------------------
def test_cut_paste_moves_the_cells_overwrites_the_destination_and_leaves_the_source_empty(srv, sh):
    sh.worksheet("Data").cut_range("A2:C3", "A5")
    assert srv.values(KEY, "Data") == [ROWS[0], [], [], ROWS[3], ROWS[1], ROWS[2]]
    sh.worksheet("Data").cut_range("B5:B5", "A1", paste_type=PasteType.format)  # cut even when nothing pastes
    assert srv.values(KEY, "Data")[0] == ROWS[0] and srv.values(KEY, "Data")[4] == ["r1", "", "10"]


def test_copy_paste_copies_and_repeats_a_source_to_fill_a_destination_of_a_multiple_size(srv, sh):
    ws = sh.worksheet("Data")
    ws.copy_range("A2:C2", "A5:C5")
    assert srv.values(KEY, "Data")[4] == ROWS[1] and srv.values(KEY, "Data")[1] == ROWS[1]
    ws.copy_range("A2:B2", "D1:G3")  # 3 rows x 4 columns: the 1x2 source twice across, three times down
    assert [r[3:7] for r in srv.values(KEY, "Data")[:3]] == [["r1", "b", "r1", "b"]] * 3
    ws.copy_range("A1:C1", "H1", paste_orientation=PasteOrientation.transpose)
    assert [r[7] for r in srv.values(KEY, "Data")[:3]] == ["id", "team", "amount"]


def test_copy_paste_values_pastes_what_a_formula_computes(srv, sh):
    srv.set_cell(KEY, "Data", "D2", "=2+3", user_entered=True)
    sh.worksheet("Data").copy_range("D2", "E2", paste_type=PasteType.values)
    assert srv.is_formula(KEY, "Data", "D2") and not srv.is_formula(KEY, "Data", "E2")
    assert srv.cell(KEY, "Data", "E2", "UNFORMATTED_VALUE") == 5


# -- appendCells ------------------------------------------------------------------------------------------
def _rows(*values: dict) -> list[dict]:
    return [{"values": [{"userEnteredValue": v} for v in values]}]


def test_append_cells_lands_after_the_last_row_with_data_while_values_append_fills_the_first_blank_row(srv, sh):
    srv.blank_row(KEY, "Data", 3)
    reply = _batch(sh, {"appendCells": {"sheetId": 0, "rows": _rows({"stringValue": "cells"}),
                                        "fields": "userEnteredValue"}})
    assert reply["replies"] == [{}] and srv.values(KEY, "Data")[6] == ["cells"]
    sh.values_append("Data!A1", {"valueInputOption": "RAW"}, {"values": [["values"]]})
    assert srv.values(KEY, "Data")[2] == ["values"]


def test_append_cells_stores_string_values_as_text_and_other_values_as_typed(srv, sh):
    values = ({"stringValue": "=1+1"}, {"stringValue": "001"}, {"numberValue": 7.5}, {"boolValue": True},
              {"formulaValue": "=2*3"}, {})
    _batch(sh, {"appendCells": {"sheetId": 0, "rows": _rows(*values), "fields": "*"}})
    assert srv.values(KEY, "Data", "FORMULA")[6] == ["=1+1", "001", 7.5, True, "=2*3"]
    assert srv.values(KEY, "Data", "UNFORMATTED_VALUE")[6] == ["=1+1", "001", 7.5, True, 6]
    assert not srv.is_formula(KEY, "Data", "A7") and srv.is_formula(KEY, "Data", "E7")


def test_append_cells_grows_a_full_sheet_and_needs_fields(srv, sh):
    ws = sh.add_worksheet("Small", rows=2, cols=2)
    _batch(sh, {"appendCells": {"sheetId": ws.id, "rows": _rows({"stringValue": "x"}) * 3, "fields": "*"}})
    assert srv.values(KEY, "Small") == [["x"]] * 3 and srv.sheet_props(KEY, "Small")["gridProperties"] == {
        "rowCount": 3, "columnCount": 2}
    assert _status(lambda: _batch(sh, {"appendCells": {"sheetId": 0, "rows": _rows({"stringValue": "y"})}})) == 400


def test_update_cells_writes_from_a_start_or_fills_a_range_clearing_what_its_rows_leave_out(srv, sh):
    _batch(sh, {"updateCells": {"start": {"sheetId": 0, "rowIndex": 1, "columnIndex": 1}, "fields": "userEnteredValue",
                                "rows": _rows({"stringValue": "=1+1"}, {"numberValue": 3})}})
    assert srv.values(KEY, "Data", "FORMULA")[1] == ["r1", "=1+1", 3] and not srv.is_formula(KEY, "Data", "B2")
    _batch(sh, {"updateCells": {"range": {"sheetId": 0, "startRowIndex": 2, "endRowIndex": 4, "endColumnIndex": 2},
                                "fields": "userEnteredValue", "rows": _rows({"stringValue": "x"})}})
    assert srv.values(KEY, "Data")[2:4] == [["x", "", "9"], ["", "", "100"]]
    too_big = {"range": {"sheetId": 0, "startRowIndex": 1, "endRowIndex": 2, "endColumnIndex": 1}, "fields": "*",
               "rows": _rows({"stringValue": "a"}, {"stringValue": "b"})}
    assert _status(lambda: _batch(sh, {"updateCells": too_big})) == 400


def test_a_batch_reply_carries_grid_data_for_its_response_ranges_only(srv, sh):
    reply = sh.batch_update({"requests": [], "includeSpreadsheetInResponse": True, "responseIncludeGridData": True,
                             "responseRanges": ["Data!B3:C4", "Data!A1:A1"]})
    (sheet,) = reply["updatedSpreadsheet"]["sheets"]
    first, second = sheet["data"]
    assert (first["startRow"], first["startColumn"], len(first["rowMetadata"])) == (2, 1, 2)
    assert [[c["formattedValue"] for c in r["values"]] for r in first["rowData"]] == [["A", "9"], ["a", "100"]]
    assert "startRow" not in second and second["rowData"] == [{"values": [
        {"userEnteredValue": {"stringValue": "id"}, "effectiveValue": {"stringValue": "id"}, "formattedValue": "id"}]}]


# -- filters ----------------------------------------------------------------------------------------------
def _hidden_in_grid_data(sh: gspread.Spreadsheet) -> list[int]:
    meta = sh.fetch_sheet_metadata(params={"includeGridData": "true"})["sheets"][0]["data"][0]["rowMetadata"]
    return [i + 1 for i, m in enumerate(meta) if m.get("hiddenByFilter")]


def test_a_basic_filter_hides_rows_in_grid_data_while_values_reads_still_return_them(srv, sh):
    spec = {"columnIndex": 1, "filterCriteria": {"hiddenValues": ["b", ""]}}
    _batch(sh, {"setBasicFilter": {"filter": {"range": {"sheetId": 0}, "filterSpecs": [spec]}}})
    assert _hidden_in_grid_data(sh)[:2] == [2, 5] and srv.hidden_rows(KEY, "Data")[:2] == [2, 5]
    assert sh.worksheet("Data").get_all_values() == ROWS
    shown = sh.fetch_sheet_metadata()["sheets"][0]["basicFilter"]
    assert shown["filterSpecs"] == [spec] and shown["criteria"] == {"1": spec["filterCriteria"]}
    srv.insert_rows(KEY, "Data", 2, [["new", "b", "1"]])  # hidden rows are rows: they move down with them
    assert srv.hidden_rows(KEY, "Data")[:2] == [3, 6]
    sh.worksheet("Data").clear_basic_filter()
    assert _hidden_in_grid_data(sh) == [] and "basicFilter" not in sh.fetch_sheet_metadata()["sheets"][0]


def test_the_legacy_criteria_map_filters_like_filter_specs(srv, sh):
    _batch(sh, {"setBasicFilter": {"filter": {"range": {"sheetId": 0, "endRowIndex": 6},
                                              "criteria": {"2": {"hiddenValues": ["10"]}}}}})
    assert srv.hidden_rows(KEY, "Data") == [2, 6]
    assert srv.basic_filter(KEY, "Data")["filterSpecs"] == [{"columnIndex": 2, "filterCriteria": {
        "hiddenValues": ["10"]}}]


def test_a_filter_view_is_stored_for_its_viewer_and_hides_nothing(srv, sh):
    reply = _batch(sh, {"addFilterView": {"filter": {"title": "mine", "range": {"sheetId": 0}, "filterSpecs": [
        {"columnIndex": 1, "filterCriteria": {"hiddenValues": ["b"]}}]}}})
    view = reply["replies"][0]["addFilterView"]["filter"]
    assert view["filterViewId"] > 0 and view["title"] == "mine"
    assert sh.fetch_sheet_metadata()["sheets"][0]["filterViews"] == [view]
    assert _hidden_in_grid_data(sh) == [] and srv.hidden_rows(KEY, "Data") == []
    dup = {"addFilterView": {"filter": {"filterViewId": view["filterViewId"], "range": {"sheetId": 0}}}}
    assert _status(lambda: _batch(sh, dup)) == 400


# -- row metadata under sort and cut/paste (not documented by Google: a switch) ----------------------------
def test_row_metadata_stays_with_its_row_position_under_a_sort_and_a_cut_paste_by_default(srv, sh):
    _batch(sh, _anchor(1), _anchor(3))
    srv.sort_rows(KEY, "Data", [(2, "DESCENDING")])
    srv.cut_paste_row(KEY, "Data", 2, 7)
    assert srv.metadata_follows_data is False and _anchored_rows(srv) == {"row1": 1, "row3": 3}


def test_row_metadata_follows_the_data_of_a_sort_and_a_whole_row_cut_paste_when_switched(srv, sh):
    srv.metadata_follows_data = True
    _batch(sh, _anchor(1), _anchor(3))  # on r1 and r3
    sh.worksheet("Data").sort((3, "asc"), range="A2:C6")  # text order: r1 r5 r3 r4 r2
    assert _ids(srv) == ["r1", "r5", "r3", "r4", "r2"] and _anchored_rows(srv) == {"row1": 1, "row3": 3}
    srv.sort_rows(KEY, "Data", [("id", "DESCENDING")])
    assert _anchored_rows(srv) == {"row1": 5, "row3": 3}
    srv.cut_paste_row(KEY, "Data", 6, 8)
    assert srv.values(KEY, "Data")[7][0] == "r1" and _anchored_rows(srv) == {"row1": 7, "row3": 3}
    sh.worksheet("Data").cut_range("A4:B4", "A9")  # not a whole row: metadata stays
    assert _anchored_rows(srv)["row3"] == 3


# -- hooks and helpers ------------------------------------------------------------------------------------
def test_after_next_write_runs_once_after_the_write_is_applied_and_before_its_reply(srv, sh):
    seen = []

    def person(server: FakeSheetsServer, key: str) -> None:
        rec = server.requests[-1]
        seen.append((server.values(key, "Data")[1], rec.applied, rec.status))
        server.blank_row(key, "Data", 2)

    srv.after_next_write(person)
    ws = sh.worksheet("Data")
    assert _status(lambda: ws.update(values=[["x"]], range_name="Z2000", value_input_option="RAW")) == 400
    assert seen == []  # a refused write leaves the hook queued
    ws.update(values=[["edited"]], range_name="A2", value_input_option="RAW")
    assert seen == [(["edited", "b", "10"], True, 0)] and srv.values(KEY, "Data")[1] == []
    ws.update(values=[["again"]], range_name="A2", value_input_option="RAW")
    assert len(seen) == 1


def test_person_edit_helpers_go_through_the_requests_and_apply_all_or_nothing(srv):
    srv.copy_paste_row(KEY, "Data", 2, 8)
    srv.set_filter(KEY, "Data", "team", ["a"])
    assert srv.values(KEY, "Data")[7] == ROWS[1] and srv.hidden_rows(KEY, "Data") == [4]
    srv.clear_filter(KEY, "Data")
    view_id = srv.add_filter_view(KEY, "Data", "v", "team", ["b"])
    assert srv.hidden_rows(KEY, "Data") == [] and srv.filter_views(KEY, "Data")[0]["filterViewId"] == view_id
    with pytest.raises(SheetsError):
        srv.apply_requests(KEY, [{"appendCells": {"sheetId": 0, "rows": _rows({"stringValue": "z"}),
                                                  "fields": "*"}}, {"deleteSheet": {"sheetId": 12345}}])
    assert len(srv.values(KEY, "Data")) == 8 and srv.batch_requests(KEY) == []
