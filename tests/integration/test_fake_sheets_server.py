"""The loopback fake Sheets API, exercised only through the real gspread client over HTTP."""

from __future__ import annotations

import threading
import time

import gspread
import pytest
import requests
from gspread.urls import SPREADSHEETS_API_V4_BASE_URL

from tests.fakesheets import FakeSheetsServer, Fault, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)

KEY = "sheet-key-1"
HEADER = ["id", "name", "amount"]


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    fake_sheets.add_spreadsheet(
        KEY,
        title="DE Workbook",
        sheets={
            "Data": [HEADER, ["1", "a", "10"], ["2", "b", "20"]],
            "ตั้งค่า": [["key", "value"], ["year", "2568"]],
            "Log": [],
        },
    )
    return fake_sheets


@pytest.fixture
def gc(srv: FakeSheetsServer) -> gspread.Client:
    return fake_client(srv.base_url, timeout=3)


def _api_error(fn) -> gspread.exceptions.APIError:
    with pytest.raises(gspread.exceptions.APIError) as info:
        fn()
    return info.value


def test_open_by_key_makes_one_metadata_request_with_thai_locale(srv, gc):
    sh = gc.open_by_key(KEY)
    assert (sh.title, sh.locale, sh.timezone) == ("DE Workbook", "th_TH", "Asia/Bangkok")
    assert srv.count() == 1 and srv.count("spreadsheets.get") == 1
    assert srv.requests[0].query == {"includeGridData": ["false"]}
    assert [ws.title for ws in sh.worksheets()] == ["Data", "ตั้งค่า", "Log"]
    assert sh.sheet1.id == 0 and sh.sheet1.row_count == 1000 and sh.sheet1.col_count == 26


def test_batch_get_returns_all_tabs_in_request_order_in_one_request(srv, gc):
    sh = gc.open_by_key(KEY)
    srv.reset_counts()
    res = sh.values_batch_get(
        ["'ตั้งค่า'!A1:Z", "Data", "'Log'"], params={"valueRenderOption": "FORMATTED_VALUE"}
    )
    assert srv.count() == 1 and srv.count("values.batchGet") == 1
    assert srv.requests[0].query["ranges"] == ["'ตั้งค่า'!A1:Z", "Data", "'Log'"]
    ranges = res["valueRanges"]
    assert [r["range"] for r in ranges] == ["'ตั้งค่า'!A1:Z1000", "Data!A1:Z1000", "Log!A1:Z1000"]
    assert ranges[0]["values"] == [["key", "value"], ["year", "2568"]]
    assert ranges[1]["values"][0] == HEADER
    assert "values" not in ranges[2]  # a fully empty range has no "values" key
    assert all(r["majorDimension"] == "ROWS" for r in ranges)


def test_trailing_empty_cells_are_dropped(srv, gc):
    ws = gc.open_by_key(KEY).worksheet("Data")
    ws.update(values=[["x", "", ""], ["", "", ""], ["", "y", ""]], range_name="A5", value_input_option="RAW")
    ws.update(values=[["", ""]], range_name="B2:C2", value_input_option="RAW")
    res = ws.spreadsheet.values_get("Data!A1:E20")
    assert res["range"] == "Data!A1:E20"
    assert res["values"] == [HEADER, ["1"], ["2", "b", "20"], [], ["x"], [], ["", "y"]]
    assert "values" not in ws.spreadsheet.values_get("Data!H1:J9")
    assert srv.values(KEY, "Data")[-1] == ["", "y"]


def test_append_insert_rows_lands_after_table_and_shifts_rows_below(srv, gc):
    srv.set_cell(KEY, "Data", "A5", "note below the table")
    ws = gc.open_by_key(KEY).worksheet("Data")
    res = ws.append_rows(
        [["3", "c", "30"], ["4", "d", "40"]],
        value_input_option="RAW",
        insert_data_option="INSERT_ROWS",
        table_range="A1",
    )
    assert res["tableRange"] == "Data!A1:C3"
    assert res["updates"]["updatedRange"] == "Data!A4:C5"
    assert res["updates"]["updatedRows"] == 2 and res["updates"]["updatedCells"] == 6
    assert srv.values(KEY, "Data") == [
        HEADER,
        ["1", "a", "10"],
        ["2", "b", "20"],
        ["3", "c", "30"],
        ["4", "d", "40"],
        [],
        ["note below the table"],
    ]
    assert srv.sheet_props(KEY, "Data")["gridProperties"]["rowCount"] == 1002


def test_append_overwrite_writes_after_table_without_shifting(srv, gc):
    srv.set_cell(KEY, "Data", "A5", "note")
    ws = gc.open_by_key(KEY).worksheet("Data")
    res = ws.append_rows(
        [["3", "c", "30"]], value_input_option="RAW", insert_data_option="OVERWRITE", table_range="A1"
    )
    assert res["updates"]["updatedRange"] == "Data!A4:C4"
    assert srv.values(KEY, "Data")[3:] == [["3", "c", "30"], ["note"]]
    assert srv.sheet_props(KEY, "Data")["gridProperties"]["rowCount"] == 1000


def test_append_to_an_empty_sheet_starts_at_the_top_and_grows_the_grid(srv, gc):
    sh = gc.open_by_key(KEY)
    ws = sh.add_worksheet("Tiny", rows=2, cols=2)
    res = ws.append_rows(
        [["a", "b", "c"]] * 3, value_input_option="RAW", insert_data_option="INSERT_ROWS", table_range="A1"
    )
    assert "tableRange" not in res and res["updates"]["updatedRange"] == "Tiny!A1:C3"
    grid = srv.sheet_props(KEY, "Tiny")["gridProperties"]
    assert (grid["rowCount"], grid["columnCount"]) == (5, 3)


def test_raw_input_keeps_formula_text(srv, gc):
    ws = gc.open_by_key(KEY).worksheet("Data")
    ws.update(
        values=[["=1+1", '=HYPERLINK("http://x")', 7, "0812345678"]],
        range_name="A5",
        value_input_option="RAW",
    )
    assert ws.get("A5:D5")[0] == ["=1+1", '=HYPERLINK("http://x")', "7", "0812345678"]
    assert not srv.is_formula(KEY, "Data", "A5")
    assert ws.get("A5:D5", value_render_option="UNFORMATTED_VALUE")[0] == [
        "=1+1",
        '=HYPERLINK("http://x")',
        7,
        "0812345678",
    ]


def test_user_entered_formula_is_a_formula(srv, gc):
    ws = gc.open_by_key(KEY).worksheet("Data")
    ws.update(
        values=[["=1+1", "=SUM(C2:C3)", "'=2+2", "0812345678"]],
        range_name="A5",
        value_input_option="USER_ENTERED",
    )
    assert srv.is_formula(KEY, "Data", "A5") and srv.is_formula(KEY, "Data", "B5")
    assert not srv.is_formula(KEY, "Data", "C5")
    assert ws.get("A5:D5")[0] == ["2", "#NAME?", "=2+2", "812345678"]
    assert ws.get("A5:D5", value_render_option="FORMULA")[0] == ["=1+1", "=SUM(C2:C3)", "=2+2", 812345678]
    assert ws.get("A5:B5", value_render_option="UNFORMATTED_VALUE")[0] == [2, "#NAME?"]


def test_429_carries_retry_after_and_surfaces_as_api_error(srv, gc):
    ws = gc.open_by_key(KEY).worksheet("Data")
    srv.inject(Fault(kind="values.append", status=429, retry_after=7))
    srv.inject(Fault(kind="values.append", status=429))
    for expected in ("7", "0"):
        err = _api_error(lambda: ws.append_rows([["x"]], value_input_option="RAW", table_range="A1"))
        assert err.code == 429 and err.response.status_code == 429
        assert err.error["status"] == "RESOURCE_EXHAUSTED" and "Write requests" in err.error["message"]
        assert err.response.headers["Retry-After"] == expected
    srv.inject(Fault(kind=None, status=503, times=2))
    assert _api_error(lambda: ws.get("A1")).code == 503
    assert _api_error(lambda: ws.get("A1")).error["status"] == "UNAVAILABLE"
    assert ws.get("A1") == [["id"]]
    assert len(srv.values(KEY, "Data")) == 3  # failed appends did not land
    assert [r.status for r in srv.requests if r.kind == "values.append"] == [429, 429]


def test_dropped_connection_raises_connection_error(srv, gc):
    ws = gc.open_by_key(KEY).worksheet("Data")
    srv.inject(Fault(kind="values.append", drop=True))
    with pytest.raises(requests.exceptions.ConnectionError):
        ws.append_rows([["3", "c", "30"]], value_input_option="RAW", table_range="A1")
    assert len(srv.values(KEY, "Data")) == 3
    assert srv.requests[-1].status == 0 and not srv.requests[-1].applied
    ws.append_rows([["3", "c", "30"]], value_input_option="RAW", table_range="A1")
    assert len(srv.values(KEY, "Data")) == 4


def test_apply_then_fail_writes_and_then_errors(srv, gc):
    ws = gc.open_by_key(KEY).worksheet("Data")
    srv.inject(Fault(kind="values.append", status=500, apply_then_fail=True))
    assert (
        _api_error(
            lambda: ws.append_rows([["3", "c", "30"]], value_input_option="RAW", table_range="A1")
        ).code
        == 500
    )
    srv.inject(Fault(kind="values.append", drop=True, apply_then_fail=True))
    with pytest.raises(requests.exceptions.ConnectionError):
        ws.append_rows([["4", "d", "40"]], value_input_option="RAW", table_range="A1")
    assert srv.values(KEY, "Data")[3:] == [["3", "c", "30"], ["4", "d", "40"]]
    assert [r.applied for r in srv.requests if r.kind == "values.append"] == [True, True]


def test_slow_reply_times_out_the_client_but_the_write_still_lands(srv):
    gc = fake_client(srv.base_url, timeout=0.3)
    ws = gc.open_by_key(KEY).worksheet("Data")
    srv.inject(Fault(kind="values.update", status=200, delay=1.0))
    with pytest.raises(requests.exceptions.ReadTimeout):
        ws.update(values=[["late"]], range_name="A9", value_input_option="RAW")
    deadline = time.monotonic() + 3
    while srv.values(KEY, "Data")[-1:] != [["late"]] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.values(KEY, "Data")[-1] == ["late"]


def test_person_edit_callback_runs_before_next_write(srv, gc):
    ws = gc.open_by_key(KEY).worksheet("Data")
    before = ws.get_all_values()  # the app reads ...
    seen = []

    def person_edits(server: FakeSheetsServer, key: str) -> None:
        seen.append(key)
        server.insert_rows(key, "Data", 2, [["0", "inserted by a person", "5"]])

    srv.before_next_write(person_edits)
    ws.get("A1")  # reads do not trigger it
    assert seen == []
    ws.update(values=[["b-edited"]], range_name="B3", value_input_option="RAW")  # ... then writes by position
    assert seen == [KEY]
    assert before[2] == ["2", "b", "20"]
    assert srv.values(KEY, "Data")[2] == ["1", "b-edited", "10"]  # the stale position hit the wrong row
    ws.update(values=[["again"]], range_name="B3", value_input_option="RAW")
    assert seen == [KEY]  # only once


def test_person_edit_helpers_are_visible_to_gspread(srv, gc):
    srv.move_row(KEY, "Data", 3, 2)
    srv.rename_header(KEY, "Data", "amount", "จำนวนเงิน")
    srv.set_cell(KEY, "Data", "D1", "=1+2", user_entered=True)
    srv.delete_rows(KEY, "Data", 3)
    ws = gc.open_by_key(KEY).worksheet("Data")
    assert ws.get_all_values() == [["id", "name", "จำนวนเงิน", "3"], ["2", "b", "20", ""]]
    assert srv.sheet_props(KEY, "Data")["gridProperties"]["rowCount"] == 999


def test_thai_tab_names_are_quoted_and_round_trip(srv, gc):
    sh = gc.open_by_key(KEY)
    ws = sh.worksheet("ตั้งค่า")
    res = ws.update(values=[["ปีงบประมาณ", "๒๕๖๘"]], range_name="A3", value_input_option="RAW")
    assert res["updatedRange"] == "'ตั้งค่า'!A3:B3"
    assert sh.values_get("'ตั้งค่า'!A1:C3") == {
        "range": "'ตั้งค่า'!A1:C3",
        "majorDimension": "ROWS",
        "values": [["key", "value"], ["year", "2568"], ["ปีงบประมาณ", "๒๕๖๘"]],
    }
    quoted = sh.add_worksheet("ครู's tab", rows=10, cols=3)
    quoted.update(values=[["ok"]], range_name="A1", value_input_option="RAW")
    assert sh.values_get("'ครู''s tab'!A1")["range"] == "'ครู''s tab'!A1"
    assert quoted.get_all_values() == [["ok"]]
    assert any(r.path.endswith("/values/'ตั้งค่า'!A3") for r in srv.requests)


def test_missing_sheet_range_is_400(srv, gc):
    sh = gc.open_by_key(KEY)
    err = _api_error(lambda: sh.values_batch_get(["Data!A1", "'ไม่มี'!A1:B2"]))
    assert err.code == 400 and err.error["status"] == "INVALID_ARGUMENT"
    assert err.error["message"] == "Unable to parse range: 'ไม่มี'!A1:B2"
    assert (
        _api_error(
            lambda: sh.values_update("Nope!A1", params={"valueInputOption": "RAW"}, body={"values": [["x"]]})
        ).code
        == 400
    )


def test_unknown_key_is_404_and_forbidden_is_403(srv, gc):
    with pytest.raises(gspread.exceptions.SpreadsheetNotFound):
        gc.open_by_key("no-such-key")
    err = _api_error(lambda: gc.http_client.values_get("no-such-key", "A1"))
    assert err.error == {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}
    sh = gc.open_by_key(KEY)
    srv.forbid(KEY)
    with pytest.raises(PermissionError):
        gc.open_by_key(KEY)
    err = _api_error(lambda: sh.values_get("Data"))
    assert err.error == {
        "code": 403,
        "message": "The caller does not have permission",
        "status": "PERMISSION_DENIED",
    }


def test_add_sheet_frozen_rows_validation_and_protection_are_recorded(srv, gc):
    sh = gc.open_by_key(KEY)
    res = sh.batch_update(
        {
            "requests": [
                {
                    "addSheet": {
                        "properties": {"title": "บันทึก", "gridProperties": {"rowCount": 50, "columnCount": 5}}
                    }
                },
            ]
        }
    )
    props = res["replies"][0]["addSheet"]["properties"]
    assert props["title"] == "บันทึก" and props["index"] == 3 and props["sheetType"] == "GRID"
    sid = props["sheetId"]
    grid = {"sheetId": sid, "startRowIndex": 1, "endRowIndex": 50, "startColumnIndex": 2, "endColumnIndex": 3}
    rule = {"condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": "ใช่"}]}, "strict": True}
    res = sh.batch_update(
        {
            "requests": [
                {
                    "updateSheetProperties": {
                        "properties": {"sheetId": sid, "gridProperties": {"frozenRowCount": 1}},
                        "fields": "gridProperties.frozenRowCount",
                    }
                },
                {"setDataValidation": {"range": grid, "rule": rule}},
                {
                    "addProtectedRange": {
                        "protectedRange": {
                            "range": {"sheetId": sid, "startRowIndex": 0, "endRowIndex": 1},
                            "description": "header",
                            "warningOnly": True,
                        }
                    }
                },
                {
                    "repeatCell": {
                        "range": {"sheetId": sid, "endRowIndex": 1},
                        "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
                        "fields": "userEnteredFormat.textFormat.bold",
                    }
                },
                {"autoResizeDimensions": {"dimensions": {"sheetId": sid, "dimension": "COLUMNS"}}},
            ]
        }
    )
    assert res["replies"][0] == {} and res["replies"][4] == {}
    pid = res["replies"][2]["addProtectedRange"]["protectedRange"]["protectedRangeId"]
    assert srv.sheet_props(KEY, "บันทึก")["gridProperties"] == {
        "rowCount": 50,
        "columnCount": 5,
        "frozenRowCount": 1,
    }
    assert srv.data_validations(KEY, "บันทึก") == [{"range": grid, "rule": rule}]
    assert [p["protectedRangeId"] for p in srv.protected_ranges(KEY, "บันทึก")] == [pid]
    assert srv.formats(KEY, "บันทึก")[0]["fields"] == "userEnteredFormat.textFormat.bold"
    ws = sh.worksheet("บันทึก")
    assert ws.frozen_row_count == 1
    assert [p["description"] for p in sh.list_protected_ranges(sid)] == ["header"]
    err = _api_error(lambda: sh.add_worksheet("Data", rows=1, cols=1))
    assert err.code == 400 and 'A sheet with the name "Data" already exists' in err.error["message"]


def test_failed_batch_update_applies_nothing(srv, gc):
    sh = gc.open_by_key(KEY)
    err = _api_error(
        lambda: sh.batch_update(
            {
                "requests": [
                    {"addSheet": {"properties": {"title": "New"}}},
                    {"deleteSheet": {"sheetId": 424242}},
                ]
            }
        )
    )
    assert err.code == 400 and "No grid with id: 424242" in err.error["message"]
    assert srv.sheet_titles(KEY) == ["Data", "ตั้งค่า", "Log"]
    assert _api_error(lambda: sh.batch_update({"requests": [{"frobnicate": {}}]})).code == 400


def test_values_batch_update_and_batch_clear(srv, gc):
    sh = gc.open_by_key(KEY)
    res = sh.values_batch_update(
        {
            "valueInputOption": "RAW",
            "data": [
                {"range": "Data!D1", "values": [["note"]]},
                {"range": "'ตั้งค่า'!A3:B3", "values": [["k", "v"]]},
            ],
        }
    )
    assert res["totalUpdatedCells"] == 3 and res["totalUpdatedSheets"] == 2
    assert [r["updatedRange"] for r in res["responses"]] == ["Data!D1", "'ตั้งค่า'!A3:B3"]
    res = sh.values_batch_clear(body={"ranges": ["Data!D:D", "'ตั้งค่า'!A3:B3"]})
    assert res["clearedRanges"] == ["Data!D1:D1000", "'ตั้งค่า'!A3:B3"]
    assert srv.values(KEY, "Data")[0] == HEADER and len(srv.values(KEY, "ตั้งค่า")) == 2
    assert srv.count("values.batchUpdate") == 1 and srv.count("values.batchClear") == 1


def test_update_beyond_grid_or_range_is_400(srv, gc):
    ws = gc.open_by_key(KEY).worksheet("Data")
    err = _api_error(lambda: ws.update(values=[["x"]], range_name="A1001", value_input_option="RAW"))
    assert "exceeds grid limits. Max rows: 1000, max columns: 26" in err.error["message"]
    err = _api_error(
        lambda: ws.update(values=[["x", "y", "z"]], range_name="A5:B5", value_input_option="RAW")
    )
    assert "but tried writing to column [C]" in err.error["message"]
    assert len(srv.values(KEY, "Data")) == 3


def test_unknown_route_is_404_and_malformed_body_is_400(srv, gc):
    http = gc.http_client
    assert _api_error(lambda: http.request("get", f"{SPREADSHEETS_API_V4_BASE_URL}/{KEY}/bogus")).code == 404
    err = _api_error(
        lambda: http.request(
            "post",
            f"{SPREADSHEETS_API_V4_BASE_URL}/{KEY}:batchUpdate",
            data=b"{not json",
            headers={"Content-Type": "application/json"},
        )
    )
    assert err.code == 400 and err.error["status"] == "INVALID_ARGUMENT"


def test_request_counts_by_kind(srv, gc):
    sh = gc.open_by_key(KEY)
    ws = sh.worksheet("Data")
    ws.get_all_values()
    sh.values_batch_get(["Data", "Log"])
    ws.append_rows([["3"]], value_input_option="RAW", table_range="A1")
    ws.update(values=[["x"]], range_name="E1", value_input_option="RAW")
    sh.batch_update(
        {"requests": [{"autoResizeDimensions": {"dimensions": {"sheetId": 0, "dimension": "ROWS"}}}]}
    )
    assert {
        k: srv.count(k)
        for k in (
            "spreadsheets.get",
            "values.get",
            "values.batchGet",
            "values.append",
            "values.update",
            "spreadsheets.batchUpdate",
        )
    } == {
        "spreadsheets.get": 2,
        "values.get": 1,
        "values.batchGet": 1,
        "values.append": 1,
        "values.update": 1,
        "spreadsheets.batchUpdate": 1,
    }
    assert srv.count() == 7
    srv.reset_counts()
    assert srv.count() == 0 and srv.requests == []


def test_random_faults_are_reproducible_with_a_seed(srv, gc):
    def run() -> list[int]:
        srv.add_spreadsheet(KEY, sheets={"Data": [HEADER]})
        srv.reset_counts()
        srv.inject_random(
            0.3,
            kinds=("values.append",),
            statuses=(429, 503),
            drop_rate=0.1,
            apply_then_fail_rate=0.1,
            seed=42,
        )
        ws = gc.open_by_key(KEY).worksheet("Data")
        for i in range(40):
            try:
                ws.append_rows([[str(i)]], value_input_option="RAW", table_range="A1")
            except (gspread.exceptions.APIError, requests.exceptions.ConnectionError):
                pass
        srv.clear_faults()
        return [r.status for r in srv.requests if r.kind == "values.append"]

    first = run()
    landed = len(srv.values(KEY, "Data")) - 1
    assert first == run()
    assert {429, 503, 0} <= set(first) and 200 in first
    assert landed == sum(1 for r in srv.requests if r.kind == "values.append" and r.applied)


def test_concurrent_appends_from_many_clients_all_land(srv):
    def worker(n: int) -> None:
        ws = fake_client(srv.base_url, timeout=3).open_by_key(KEY).worksheet("Log")
        for i in range(10):
            ws.append_rows(
                [[f"{n}-{i}"]], value_input_option="RAW", insert_data_option="INSERT_ROWS", table_range="A1"
            )

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    rows = srv.values(KEY, "Log")
    assert sorted(r[0] for r in rows) == sorted(f"{n}-{i}" for n in range(5) for i in range(10))
    assert srv.count("values.append") == 50
