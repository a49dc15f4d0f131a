"""The fake's spreadsheets.get: grid data (includeGridData) and the `fields` mask, through real gspread over HTTP."""

from __future__ import annotations

import gspread
import pytest

from de_core.store.google.read import FULL_LOAD_FIELDS as FULL
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)

KEY = "sheet-key-1"


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    fake_sheets.add_spreadsheet(KEY, "DE Workbook", {"Data": [["id", "name"], ["1", "", "ก"], [], ["", "b"]],
                                                     "Log": []})
    fake_sheets.set_cell(KEY, "Data", "D2", "=1+1", user_entered=True)
    return fake_sheets


@pytest.fixture
def http(srv: FakeSheetsServer) -> gspread.http_client.HTTPClient:
    return fake_client(srv.base_url, timeout=3).http_client


def _get(http, **params: str) -> dict:
    return http.fetch_sheet_metadata(KEY, params=params)


def test_without_a_mask_metadata_comes_without_cells_unless_grid_data_is_asked_for(srv, http):
    plain = _get(http, includeGridData="false")
    assert plain["spreadsheetId"] == KEY and all("data" not in s for s in plain["sheets"])
    (data,) = _get(http, includeGridData="true")["sheets"][0]["data"]
    assert len(data["rowMetadata"]) == 1000 and len(data["columnMetadata"]) == 26
    rows = data["rowData"]
    assert rows[0]["values"][1] == {"userEnteredValue": {"stringValue": "name"},
                                    "effectiveValue": {"stringValue": "name"}, "formattedValue": "name"}
    assert rows[1]["values"][1] == {} and rows[2] == {} and len(rows) == 4  # empty cell, empty row, no trailing
    assert rows[1]["values"][3] == {"userEnteredValue": {"formulaValue": "=1+1"},
                                    "effectiveValue": {"numberValue": 2}, "formattedValue": "2"}
    assert srv.count() == 2 and srv.count("spreadsheets.get") == 2


def test_a_mask_returns_only_the_fields_it_names_and_overrides_include_grid_data(http):
    assert _get(http, includeGridData="true", fields="sheets.properties.title") == {
        "sheets": [{"properties": {"title": "Data"}}, {"properties": {"title": "Log"}}]}
    assert _get(http, fields="properties.title,spreadsheetId") == {"properties": {"title": "DE Workbook"},
                                                                    "spreadsheetId": KEY}


def test_the_full_load_mask_keeps_formatted_values_and_leaves_empty_cells_and_rows_as_empty_objects(http):
    full = _get(http, includeGridData="true", fields=FULL)
    assert set(full) == {"properties", "sheets"} and full["properties"]["locale"] == "th_TH"
    data, log = full["sheets"]
    assert set(data) == {"properties", "data"} and data["properties"]["gridProperties"]["rowCount"] == 1000
    assert data["data"] == [{"rowData": [
        {"values": [{"formattedValue": "id"}, {"formattedValue": "name"}]},
        {"values": [{"formattedValue": "1"}, {}, {"formattedValue": "ก"}, {"formattedValue": "2"}]},
        {},
        {"values": [{}, {"formattedValue": "b"}]},
    ]}]
    assert log["data"] == [{}]


def test_parentheses_and_snake_case_select_the_same_fields_as_dotted_camel_case(http):
    dotted = _get(http, fields="sheets.properties.title,sheets.properties.sheetId,sheets.data.rowData")
    grouped = _get(http, fields="sheets(properties(title,sheet_id),data.row_data)")
    assert dotted == grouped and set(dotted["sheets"][0]["properties"]) == {"title", "sheetId"}


def test_a_whole_field_selects_everything_under_it_even_when_a_subfield_is_named_too(http):
    both = _get(http, fields="sheets.properties.title,sheets")
    assert "rowMetadata" in both["sheets"][0]["data"][0] and "index" in both["sheets"][0]["properties"]


def test_cells_with_a_format_but_no_value_come_back_as_empty_objects(http):
    book = fake_client(http.base_url).open_by_key(KEY)
    book.batch_update({"requests": [{"repeatCell": {
        "range": {"sheetId": 0, "startRowIndex": 4, "endRowIndex": 6, "endColumnIndex": 2},
        "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}}, "fields": "userEnteredFormat"}}]})
    rows = _get(http, fields=FULL)["sheets"][0]["data"][0]["rowData"]
    assert rows[4:] == [{"values": [{}, {}]}, {"values": [{}, {}]}]
    full = _get(http, includeGridData="true")["sheets"][0]["data"][0]["rowData"]
    assert full[5]["values"][1] == {"userEnteredFormat": {"textFormat": {"bold": True}}}


@pytest.mark.parametrize("params", [{"fields": "sheets..title"}, {"fields": "sheets(title"},
                                    {"fields": "sheets.properties)"}, {"ranges": "Data!A1:B2"}])
def test_a_bad_mask_or_a_request_the_fake_does_not_model_is_refused_with_400(http, params):
    with pytest.raises(gspread.exceptions.APIError) as err:
        _get(http, **params)
    assert err.value.code == 400
