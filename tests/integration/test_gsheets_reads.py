"""Google store reads: the whole workbook in one request (cold: one spreadsheets.get with the values; warm: one
values.batchGet), text as displayed, tabs found again."""

from __future__ import annotations

import pytest

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook
from de_core.store.base import StoreError
from de_core.store.google.read import FULL_LOAD_FIELDS
from de_core.store.google.store import GoogleSheetStore, spreadsheet_key
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, google_store


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    return fake_sheets


def test_a_cold_load_is_one_request_that_brings_the_tab_list_and_every_tab(srv, demo_raw):
    store = google_store(srv, demo_raw)
    srv.reset_counts()
    raw = store.read_all()
    assert len(raw.tabs) == len(demo_raw.tabs)
    (get,) = srv.requests
    assert get.kind == "spreadsheets.get" and get.status == 200
    assert get.query == {"includeGridData": ["true"], "fields": [FULL_LOAD_FIELDS]}


def test_later_loads_reuse_the_metadata_and_cost_one_request_each(srv, demo_raw):
    store = google_store(srv, demo_raw)
    store.read_all()
    srv.reset_counts()
    for _ in range(3):
        store.read_all()
    assert srv.count() == 3 and srv.count("values.batchGet") == 3


def test_a_warm_load_asks_for_formatted_values_of_every_tab_by_quoted_thai_title(srv, demo_raw, schema):
    store = google_store(srv, demo_raw)
    store.read_all()
    srv.reset_counts()
    store.read_all()
    (batch,) = srv.requests
    assert batch.kind == "values.batchGet"
    assert batch.query["valueRenderOption"] == ["FORMATTED_VALUE"]
    assert batch.query["ranges"] == [f"'{t.th}'" for t in schema.tabs]


def test_every_tab_comes_back_in_sheet_order_with_thai_titles_and_text_cells(srv, demo_raw):
    raw = google_store(srv, demo_raw).read_all()
    assert list(raw.tabs) == list(demo_raw.tabs)
    assert raw.source == f"google:{KEY}" and raw.read_at is not None
    cells = [c for tab in raw.tabs.values() for row in tab.rows for c in row]
    assert cells and all(isinstance(c, str) for c in cells)


def test_the_demo_read_from_the_sheet_parses_without_errors(srv, demo_raw):
    wb = parse_workbook(google_store(srv, demo_raw).read_all())
    assert not [i for i in wb.issues if i.severity == "error"]


def test_ragged_and_blank_rows_keep_their_places_so_addresses_stay_true(srv, schema):
    header = schema.tab("expenses").headers("th")
    raw = RawWorkbook()
    raw.add(RawTab("ค่าใช้จ่าย", [header, ["exp-1", "2566"], [], ["exp-3", "2566", "act-4", "", "", "", "", "x"]]))
    rows = google_store(srv, raw).read_all().tabs["ค่าใช้จ่าย"].rows
    assert rows[1] == ["exp-1", "2566"] and rows[2] == [] and rows[3][0] == "exp-3" and rows[3][7] == "x"


def test_cells_are_read_as_displayed_not_as_numbers_or_formulas(srv, schema):
    store = google_store(srv)
    srv.set_cell(KEY, "ค่าใช้จ่าย", "A2", "exp-f")
    srv.set_cell(KEY, "ค่าใช้จ่าย", "F2", "=1+1", user_entered=True)
    srv.set_cell(KEY, "ค่าใช้จ่าย", "E2", "001")
    srv.set_cell(KEY, "ค่าใช้จ่าย", "G2", "0812", user_entered=True)
    row = store.read_all().tabs["ค่าใช้จ่าย"].rows[1]
    assert row[4:7] == ["001", "2", "812"]


def test_a_tab_renamed_by_a_person_is_found_again_with_one_more_metadata_request(srv, demo_raw):
    store = google_store(srv, demo_raw)
    store.read_all()
    sheet_id = store.sheet_properties("ค่าใช้จ่าย")["sheetId"]
    fake_client(srv.base_url).open_by_key(KEY).batch_update({"requests": [{"updateSheetProperties": {
        "properties": {"sheetId": sheet_id, "title": "Expenses"}, "fields": "title"}}]})
    srv.reset_counts()
    raw = store.read_all()
    assert "Expenses" in raw.tabs and "ค่าใช้จ่าย" not in raw.tabs
    assert srv.count("spreadsheets.get") == 1 and srv.count("values.batchGet") == 2


def test_refresh_metadata_sees_a_tab_added_since_the_store_opened(srv, demo_raw):
    store = google_store(srv, demo_raw)
    store.read_all()
    fake_client(srv.base_url).open_by_key(KEY).add_worksheet("บันทึกเพิ่ม", rows=5, cols=2)
    assert "บันทึกเพิ่ม" not in store.read_all().tabs
    store.refresh_metadata()
    assert "บันทึกเพิ่ม" in store.read_all().tabs


@pytest.mark.parametrize("given", [
    KEY,
    f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0",
    f"  https://docs.google.com/spreadsheets/d/{KEY}/edit?usp=sharing  ",
])
def test_a_sheet_url_or_its_key_name_the_same_spreadsheet(srv, given):
    assert spreadsheet_key(given) == KEY
    google_store(srv)
    store = GoogleSheetStore(fake_client(srv.base_url), given)
    assert store.key == KEY and "ค่าใช้จ่าย" in store.read_all().tabs


@pytest.mark.parametrize("given", ["", "   ", "https://example.com/not-a-sheet"])
def test_something_that_is_not_a_sheet_url_or_key_is_refused_with_a_thai_message(given):
    with pytest.raises(StoreError) as err:
        spreadsheet_key(given)
    assert "Google Sheet" in err.value.message_th and "spreadsheet" in err.value.hint_en


def test_creating_the_store_sends_no_request(srv):
    google_store(srv)
    srv.reset_counts()
    GoogleSheetStore(fake_client(srv.base_url), KEY)
    assert srv.count() == 0
