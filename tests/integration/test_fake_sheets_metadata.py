"""The fake's developer metadata: anchors stay with their rows and columns, by-data-filter reads and writes,
metadata on the spreadsheet itself, developerMetadata.search, unique ids and the unmatched-delete switch."""

from __future__ import annotations

import gspread
import pytest
from gspread.urls import SPREADSHEETS_API_V4_BASE_URL

from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)

KEY = "meta-key"
URL = SPREADSHEETS_API_V4_BASE_URL + f"/{KEY}"
ROWS = [["id", "name", "note"], ["r1", "a", "x"], ["r2", "b", "y"], ["r3", "c", "z"]]
LOOKUP = {"developerMetadataLookup": {"metadataKey": "de.row", "metadataValue": "r2", "locationType": "ROW"}}


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    fake_sheets.add_spreadsheet(KEY, "Book", {"Data": [list(r) for r in ROWS]})
    return fake_sheets


@pytest.fixture
def http(srv: FakeSheetsServer) -> gspread.http_client.HTTPClient:
    return fake_client(srv.base_url, timeout=3).http_client


def _post(http, path: str, body: dict) -> dict:
    return http.request("post", URL + path, json=body).json()


def _anchor(http, row: int, dim: str = "ROWS", value: str = "r2", visibility: str = "DOCUMENT") -> dict:
    meta = {"metadataKey": "de.row", "metadataValue": value, "visibility": visibility, "location": {
        "dimensionRange": {"sheetId": 0, "dimension": dim, "startIndex": row, "endIndex": row + 1}}}
    return _post(http, ":batchUpdate", {"requests": [{"createDeveloperMetadata": {"developerMetadata": meta}}]})


def _found(http) -> list[dict]:
    return _post(http, "/values:batchGetByDataFilter", {"dataFilters": [LOOKUP]}).get("valueRanges", [])


def test_a_created_row_anchor_is_returned_with_its_id_and_location(http):
    meta = _anchor(http, 2)["replies"][0]["createDeveloperMetadata"]["developerMetadata"]
    assert meta["metadataId"] > 0 and meta["location"]["locationType"] == "ROW"
    assert meta["location"]["dimensionRange"] == {"sheetId": 0, "dimension": "ROWS", "startIndex": 2, "endIndex": 3}


def test_a_lookup_reads_the_anchored_row_from_column_a_wherever_rows_were_inserted_deleted_or_moved(srv, http):
    _anchor(http, 2)
    srv.insert_rows(KEY, "Data", 2, [["new"], ["new2"]])
    assert [m["valueRange"]["values"] for m in _found(http)] == [[["r2", "b", "y"]]]
    srv.delete_rows(KEY, "Data", 2)  # r2 is now on sheet row 4
    srv.move_row(KEY, "Data", 4, 5)
    (match,) = _found(http)
    assert match["valueRange"]["range"].startswith("Data!A5:") and match["valueRange"]["values"] == [["r2", "b", "y"]]
    assert match["dataFilters"] == [LOOKUP]


def test_move_dimension_moves_the_rows_and_their_anchor(srv, http):
    _anchor(http, 2)
    _post(http, ":batchUpdate", {"requests": [{"moveDimension": {"source": {
        "sheetId": 0, "dimension": "ROWS", "startIndex": 2, "endIndex": 3}, "destinationIndex": 1}}]})
    assert srv.values(KEY, "Data")[1] == ["r2", "b", "y"]
    assert _found(http)[0]["valueRange"]["range"].startswith("Data!A2:")


def test_deleting_the_anchored_row_deletes_its_anchor_and_a_write_through_it_writes_nothing(srv, http):
    _anchor(http, 2)
    srv.delete_rows(KEY, "Data", 3)
    assert srv.developer_metadata(KEY, "Data") == [] and _found(http) == []
    res = _post(http, "/values:batchUpdateByDataFilter",
                {"valueInputOption": "RAW", "data": [{"dataFilter": LOOKUP, "values": [[None, None, "!"]]}]})
    assert res["totalUpdatedCells"] == 0 and res["responses"] == []
    assert srv.values(KEY, "Data") == [ROWS[0], ROWS[1], ROWS[3]]


def test_a_write_through_an_anchor_skips_null_cells_and_lands_on_the_moved_row(srv, http):
    _anchor(http, 2)
    srv.insert_rows(KEY, "Data", 2, [["person", "p", "p"]])
    res = _post(http, "/values:batchUpdateByDataFilter",
                {"valueInputOption": "RAW", "data": [{"dataFilter": LOOKUP, "values": [[None, "", "new"]]}]})
    assert res["totalUpdatedCells"] == 2 and res["responses"][0]["updatedRange"].startswith("Data!A4:")
    assert srv.values(KEY, "Data")[3] == ["r2", "", "new"] and srv.values(KEY, "Data")[1] == ["person", "p", "p"]


def test_column_anchors_follow_a_moved_column(srv, http):
    _anchor(http, 2, dim="COLUMNS", value="note")
    srv.move_column(KEY, "Data", 2, 0)
    (meta,) = srv.developer_metadata(KEY, "Data")
    assert meta["location"]["dimensionRange"]["startIndex"] == 0 and srv.values(KEY, "Data")[0] == ["note", "id",
                                                                                                    "name"]


def test_delete_developer_metadata_removes_every_match_and_returns_them(srv, http):
    _anchor(http, 1)
    _anchor(http, 2)
    res = _post(http, ":batchUpdate", {"requests": [{"deleteDeveloperMetadata": {"dataFilter": LOOKUP}}]})
    assert len(res["replies"][0]["deleteDeveloperMetadata"]["deletedDeveloperMetadata"]) == 2
    assert srv.developer_metadata(KEY, "Data") == []


def test_metadata_without_visibility_or_outside_the_grid_is_refused(http):
    with pytest.raises(gspread.exceptions.APIError) as info:
        _anchor(http, 2, visibility="")
    assert info.value.response.status_code == 400
    with pytest.raises(gspread.exceptions.APIError):
        _anchor(http, 5000)


def test_a_failed_batch_update_leaves_no_anchor_behind(srv, http):
    meta = {"metadataKey": "de.row", "metadataValue": "r2", "visibility": "DOCUMENT", "location": {
        "dimensionRange": {"sheetId": 0, "dimension": "ROWS", "startIndex": 1, "endIndex": 2}}}
    with pytest.raises(gspread.exceptions.APIError):
        _post(http, ":batchUpdate", {"requests": [{"createDeveloperMetadata": {"developerMetadata": meta}},
                                                  {"deleteSheet": {"sheetId": 999}}]})
    assert srv.developer_metadata(KEY, "Data") == []


def _on_book(value: str, mid: int | None = None) -> dict:
    meta = {"metadataKey": "de.book", "metadataValue": value, "visibility": "DOCUMENT", "location": {"spreadsheet": True}}
    return {"createDeveloperMetadata": {"developerMetadata": meta | ({"metadataId": mid} if mid else {})}}


def _search(http, *filters: dict) -> list[dict]:
    return _post(http, "/developerMetadata:search", {"dataFilters": list(filters)}).get("matchedDeveloperMetadata", [])


def test_spreadsheet_metadata_is_created_found_by_search_shown_by_get_and_deleted(srv, http):
    meta = _post(http, ":batchUpdate", {"requests": [_on_book("v1")]})["replies"][0]["createDeveloperMetadata"][
        "developerMetadata"]
    assert meta["location"] == {"locationType": "SPREADSHEET", "spreadsheet": True} and meta["metadataId"] > 0
    lookup = {"developerMetadataLookup": {"metadataKey": "de.book", "locationType": "SPREADSHEET"}}
    assert _search(http, lookup) == [{"developerMetadata": meta, "dataFilters": [lookup]}]
    assert http.request("get", URL).json()["developerMetadata"] == [meta]
    _post(http, ":batchUpdate", {"requests": [{"deleteDeveloperMetadata": {"dataFilter": {
        "developerMetadataLookup": {"metadataId": meta["metadataId"]}}}}]})
    assert _search(http, lookup) == [] and srv.all_developer_metadata(KEY) == []


def test_search_by_range_finds_the_row_metadata_intersecting_it_once_with_every_matching_filter(srv, http):
    _anchor(http, 1, value="r1")
    _anchor(http, 3, value="r3")
    _post(http, ":batchUpdate", {"requests": [_on_book("book")]})
    by_a1, by_key = {"a1Range": "Data!A2:C3"}, {"developerMetadataLookup": {"metadataValue": "r1"}}
    found = _search(http, by_a1, by_key)
    assert [(m["developerMetadata"]["metadataValue"], m["dataFilters"]) for m in found] == [("r1", [by_a1, by_key])]
    assert [m["metadataValue"] for m in srv.all_developer_metadata(KEY)] == ["book", "r1", "r3"]


def test_a_metadata_id_used_anywhere_is_refused_and_nothing_of_its_batch_is_applied(srv, http):
    row_id = _anchor(http, 1)["replies"][0]["createDeveloperMetadata"]["developerMetadata"]["metadataId"]
    append = {"appendCells": {"sheetId": 0, "rows": [{"values": [{"userEnteredValue": {"stringValue": "late"}}]}],
                              "fields": "userEnteredValue"}}
    for reused in (row_id, 77):
        with pytest.raises(gspread.exceptions.APIError) as info:
            _post(http, ":batchUpdate", {"requests": [_on_book("first", 77), append, _on_book("again", reused)]})
        assert info.value.response.status_code == 400
    assert srv.values(KEY, "Data") == ROWS and [m["metadataId"] for m in srv.all_developer_metadata(KEY)] == [row_id]


def test_deleting_metadata_that_matches_nothing_is_a_no_op_unless_switched_to_an_error(srv, http):
    gone = {"deleteDeveloperMetadata": {"dataFilter": {"developerMetadataLookup": {"metadataKey": "none"}}}}
    reply = _post(http, ":batchUpdate", {"requests": [gone]})
    assert reply["replies"] == [{"deleteDeveloperMetadata": {"deletedDeveloperMetadata": []}}]
    srv.delete_unmatched_metadata_fails = True
    with pytest.raises(gspread.exceptions.APIError) as info:
        _post(http, ":batchUpdate", {"requests": [_on_book("kept?"), gone]})
    assert info.value.response.status_code == 400 and srv.all_developer_metadata(KEY) == []
