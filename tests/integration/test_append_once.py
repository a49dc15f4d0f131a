"""Appends land once, after the last row with data, and the marks that make them idempotent do not pile up (#14).

An append is one spreadsheets.batchUpdate: a mark per row (spreadsheet-level developer metadata whose id comes from
the tab and the row's id) and appendCells. A copy of that request applied twice is refused whole by the server
(metadata ids are unique), so a retried append cannot land twice, whatever the timing (test_volume_appends).
"""

from __future__ import annotations

import pytest

from de_core.store.google import marks
from tests.fakesheets import FakeSheetsServer, Fault
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, FakeClock, google_store
from tests.integration.test_volume_appends import POLICY, TAB, TIMEOUT, expense

HEADER = ["รหัส", "ปีงบประมาณ", "รหัสกิจกรรม", "วันที่จ่าย", "รายการ", "จำนวนเงิน", "หลักฐาน (ลิงก์)", "หมายเหตุ"]


def ids(srv: FakeSheetsServer) -> list[str]:
    return [r[0] for r in srv.values(KEY, TAB)[1:] if any(r)]


def sent_marks(srv: FakeSheetsServer) -> list[dict]:
    return [m for m in srv.all_developer_metadata(KEY) if m["metadataKey"] == marks.KEY]


def test_an_append_is_one_read_and_one_request_carrying_the_rows_and_their_marks(fake_sheets):  # noqa: F811
    store = google_store(fake_sheets, clock=FakeClock(), policy=POLICY, timeout=TIMEOUT)
    store.read_all()
    fake_sheets.reset_counts()
    store.append("expenses", [expense(1), expense(2)])
    assert [r.kind for r in fake_sheets.requests] == ["values.batchGet", "spreadsheets.batchUpdate"]
    assert ids(fake_sheets) == ["exp-0001", "exp-0002"]
    assert sorted(m["metadataId"] for m in sent_marks(fake_sheets)) == sorted(
        marks.mark_id("expenses", f"exp-000{i}") for i in (1, 2))


def test_the_marks_of_an_append_whose_reply_came_back_go_with_the_next_append(fake_sheets):  # noqa: F811
    # every reply comes back here: a generous timeout, so a loaded machine does not turn one into a lost reply
    store = google_store(fake_sheets, clock=FakeClock(), policy=POLICY, timeout=15)
    store.append("expenses", [expense(i) for i in range(1, 6)])
    assert len(sent_marks(fake_sheets)) == 5
    fake_sheets.reset_counts()
    store.append("expenses", [expense(6)])
    assert fake_sheets.count() == 2  # the old marks are deleted inside the append's own request
    assert [m["metadataId"] for m in sent_marks(fake_sheets)] == [marks.mark_id("expenses", "exp-0006")]
    for i in range(7, 300):  # a long day of appends leaves one append's marks, not one per row
        store.append("expenses", [expense(i)])
    assert len(sent_marks(fake_sheets)) == 1
    assert ids(fake_sheets) == [f"exp-{i:04d}" for i in range(1, 300)]


def test_the_marks_of_a_re_sent_append_stay_for_the_window_then_go(fake_sheets):  # noqa: F811
    clock = FakeClock()
    store = google_store(fake_sheets, clock=clock, policy=POLICY, timeout=TIMEOUT)
    store.read_all()
    fake_sheets.inject(Fault(kind="spreadsheets.batchUpdate", status=503, apply_then_fail=True))  # reply lost
    store.append("expenses", [expense(1)])
    store.append("expenses", [expense(2)])
    kept = {m["metadataId"] for m in sent_marks(fake_sheets)}
    assert marks.mark_id("expenses", "exp-0001") in kept  # a copy of that request could still be on its way
    clock.now += marks.WINDOW + 1
    store.append("expenses", [expense(3)])
    assert [m["metadataId"] for m in sent_marks(fake_sheets)] == [marks.mark_id("expenses", "exp-0003")]
    assert ids(fake_sheets) == ["exp-0001", "exp-0002", "exp-0003"]


def test_a_mark_left_by_an_earlier_run_does_not_stop_the_same_id_from_being_appended_again(fake_sheets):  # noqa: F811
    fake_sheets.add_spreadsheet(KEY, "DE Workbook", {TAB: [HEADER]})
    first = google_store(fake_sheets, create=False)
    first.append("expenses", [expense(1)])
    fake_sheets.delete_rows(KEY, TAB, 2)  # a person removed the row; the mark stays until its window ends
    again = google_store(fake_sheets, create=False)  # another process (an outbox sending it again)
    result = again.append("expenses", [expense(1)])
    assert result.appended == ["exp-0001"] and ids(fake_sheets) == ["exp-0001"]
    assert len(sent_marks(fake_sheets)) == 1


def test_rows_without_an_id_are_appended_once_too(fake_sheets):  # noqa: F811
    fake_sheets.add_spreadsheet(KEY, "DE Workbook", {TAB: [HEADER]})
    store = google_store(fake_sheets, create=False)
    row = {**expense(1), "id": ""}
    store.append("expenses", [row, row])
    assert [r[4] for r in fake_sheets.values(KEY, TAB)[1:]] == [row["item"], row["item"]]


def test_three_hundred_appends_into_a_tab_with_blank_rows_land_after_the_last_data_row_in_order_once(
        fake_sheets):  # noqa: F811
    person = [HEADER, ["p-1", "2566", "act-1", "", "ของคน 1"], [], ["p-2", "2566", "act-2", "", "ของคน 2"], [], [],
              ["p-3", "2566", "act-3", "", "ของคน 3"]]
    fake_sheets.add_spreadsheet(KEY, "DE Workbook", {TAB: person})
    store = google_store(fake_sheets, create=False)
    for i in range(300):
        store.append("expenses", [expense(i)])
    grid = fake_sheets.values(KEY, TAB)
    assert grid[:len(person)] == person  # the blank rows inside the data stay as the person left them
    assert [r[0] for r in grid[len(person):]] == [f"exp-{i:04d}" for i in range(300)]
    assert grid[len(person) + 50] == [c for c in expense(50).values()]  # text stays text ("=SUM(A1)" included)


@pytest.mark.parametrize("fails", [False, True], ids=["deleting nothing is a no-op", "deleting nothing is refused"])
def test_a_mark_someone_else_deleted_never_stops_the_next_append(fake_sheets, fails):  # noqa: F811
    fake_sheets.switches.delete_unmatched_metadata_fails = fails  # Google documents neither reading
    store = google_store(fake_sheets, clock=FakeClock(), policy=POLICY, timeout=TIMEOUT)
    store.append("expenses", [expense(1)])
    fake_sheets.apply_requests(KEY, [{"deleteDeveloperMetadata": {"dataFilter": {"developerMetadataLookup": {
        "metadataKey": marks.KEY}}}}])  # another tool cleaned the sheet's metadata
    store.append("expenses", [expense(2)])
    store.append("expenses", [expense(3)])
    assert ids(fake_sheets) == ["exp-0001", "exp-0002", "exp-0003"]
    assert len(sent_marks(fake_sheets)) == 1


def test_a_server_that_takes_no_marks_still_gets_every_row_once(fake_sheets):  # noqa: F811
    store = google_store(fake_sheets, clock=FakeClock(), policy=POLICY, timeout=TIMEOUT)
    store.read_all()
    fake_sheets.inject(Fault(kind="spreadsheets.batchUpdate", status=400, times=3,
                             message="Invalid requests[0].createDeveloperMetadata: location"))
    store.append("expenses", [expense(1)])
    store.append("expenses", [expense(2)])
    assert ids(fake_sheets) == ["exp-0001", "exp-0002"] and sent_marks(fake_sheets) == []
