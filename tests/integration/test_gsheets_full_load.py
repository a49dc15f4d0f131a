"""The cold full load (one spreadsheets.get with grid data) reads exactly what the warm values.batchGet reads."""

from __future__ import annotations

import threading

import pytest

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.store.google.read import grid_data_rows
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, google_store

TAB = "ค่าใช้จ่าย"


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    return fake_sheets


def _cold_and_warm(srv, store) -> tuple[RawWorkbook, RawWorkbook]:
    srv.reset_counts()
    cold, warm = store.read_all(), store.read_all()
    assert [r.kind for r in srv.requests] == ["spreadsheets.get", "values.batchGet"]
    assert cold.source == warm.source == f"google:{KEY}"
    return cold, warm


def test_the_cold_load_reads_the_demo_exactly_as_the_values_request_does(srv, demo_raw):
    cold, warm = _cold_and_warm(srv, google_store(srv, demo_raw))
    assert cold.tabs == warm.tabs and list(cold.tabs) == list(demo_raw.tabs)
    assert sum(len(t.rows) for t in cold.tabs.values()) > 100


def test_blanks_offsets_empty_tabs_numbers_and_thai_text_read_the_same_cold_and_warm(srv, schema):
    header = schema.tab("expenses").headers("th")
    raw = RawWorkbook()
    raw.add(RawTab(TAB, [header, ["exp-1", "2566", "", "", "ผู้บริหาร ๑๐,๐๐๐ บาท"], [], [],
                         ["exp-4", "", "act-4", "", "", "", "", "x"], ["", "", "", " "]]))
    raw.add(RawTab("ว่าง", []))
    raw.add(RawTab("ขวาล่าง", []))
    store = google_store(srv, raw)
    for a1, typed in [("E6", "=1+1"), ("F6", "0812"), ("G6", "1.50"), ("H6", "TRUE"), ("D7", "=1/0")]:
        srv.set_cell(KEY, TAB, a1, typed, user_entered=True)
    srv.set_cell(KEY, TAB, "I9", "nan")  # text the readers turn into "", not a trailing empty to the API
    srv.set_cell(KEY, "ขวาล่าง", "C3", "เริ่มที่ C3")
    srv.set_cell(KEY, "ขวาล่าง", "E5", "๒๕๖๖")
    cold, warm = _cold_and_warm(srv, store)
    assert cold.tabs == warm.tabs
    rows = cold.tabs[TAB].rows
    assert rows[1] == ["exp-1", "2566", "", "", "ผู้บริหาร ๑๐,๐๐๐ บาท"] and rows[2] == rows[3] == []
    assert rows[5] == ["", "", "", " ", "2", "812", "1.5", "TRUE"] and rows[6] == ["", "", "", "#DIV/0!"]
    assert rows[7] == [] and rows[8] == [""] * 9
    assert cold.tabs["ว่าง"].rows == []
    assert cold.tabs["ขวาล่าง"].rows == [[], [], ["", "", "เริ่มที่ C3"], [], ["", "", "", "", "๒๕๖๖"]]


def test_cells_that_carry_only_a_format_are_no_rows(srv, schema):
    store = google_store(srv)
    sheet_id = srv.sheet_props(KEY, TAB)["sheetId"]
    fake_client(srv.base_url).open_by_key(KEY).batch_update({"requests": [{"repeatCell": {
        "range": {"sheetId": sheet_id, "startRowIndex": 1},
        "cell": {"userEnteredFormat": {"numberFormat": {"type": "TEXT", "pattern": "@"}}},
        "fields": "userEnteredFormat.numberFormat"}}]})
    cold, warm = _cold_and_warm(srv, store)
    assert cold.tabs == warm.tabs and cold.tabs[TAB].rows == [schema.tab("expenses").headers("th")]


def test_grid_data_with_offsets_and_empty_cells_gives_the_rows_the_values_api_gives():
    data = [{"startRow": 2, "startColumn": 1, "rowData": [
        {"values": [{}, {"formattedValue": "x"}, {}]},
        {},
        {"values": [{"formattedValue": "๑๐,๐๐๐ บาท"}, {"formattedValue": ""}]},
    ]}]
    assert grid_data_rows(data) == [[], [], ["", "", "x"], [], ["", "๑๐,๐๐๐ บาท"]]
    assert grid_data_rows([{"rowData": [{}, {"values": [{}, {}]}]}]) == grid_data_rows([{}]) == []


def test_after_a_cold_load_the_store_keeps_the_metadata_without_the_cells(srv, demo_raw, schema):
    store = google_store(srv, demo_raw)
    store.read_all()
    srv.reset_counts()
    meta = store.metadata()
    assert meta["properties"]["title"] == "DE Workbook" and store.spreadsheet().title == "DE Workbook"
    assert all("data" not in s for s in meta["sheets"])
    assert store.titles() == srv.sheet_titles(KEY)
    props = store.sheet_properties(TAB)
    assert props["sheetId"] == srv.sheet_props(KEY, TAB)["sheetId"] and props["gridProperties"]["columnCount"] >= 8
    assert store.worksheet(TAB).title == TAB and srv.count() == 0


def test_viewers_opening_a_cold_store_at_once_load_the_sheet_once(srv, demo_raw):
    store = google_store(srv, demo_raw)
    srv.reset_counts()
    results: list[RawWorkbook] = []
    threads = [threading.Thread(target=lambda: results.append(store.read_all())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r.tabs == results[0].tabs for r in results)
    assert srv.count("spreadsheets.get") == 1 and srv.count("values.batchGet") == 3
