"""The late copy of a re-sent append is emptied on the next reads, and nothing else is ever touched (#9).

The Sheets API has no idempotency key: when an append's first request is applied only after the client gave up,
re-read the tab and re-sent, the row is in the sheet twice (test_volume_appends sets that up). The store keeps
the re-sent ids for a window and empties an identical later copy through a verified row anchor (de_core.store.google.tidy).
"""

from __future__ import annotations

from de_core.store.google.resent import WINDOW
from tests.fakesheets import FakeSheetsServer, Fault
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, FakeClock, google_store
from tests.integration.test_volume_appends import POLICY, TAB, TIMEOUT, append_that_lands_late, expense


def ids(srv: FakeSheetsServer) -> list[str]:
    return [r[0] for r in srv.values(KEY, TAB)[1:] if any(r)]


def test_a_persons_copy_with_one_cell_changed_is_never_emptied(fake_sheets):  # noqa: F811
    store = append_that_lands_late(fake_sheets)
    fake_sheets.set_cell(KEY, TAB, "H3", "สำเนาของฉัน")  # a person made the second row their own
    before = fake_sheets.values(KEY, TAB)
    raw = store.read_all()
    assert fake_sheets.values(KEY, TAB) == before
    assert [r[0] for r in raw.tabs[TAB].rows[1:]] == ["exp-0001", "exp-0001"]
    assert fake_sheets.count() == 1  # not identical to what was sent: not even anchored


def test_an_id_past_its_window_is_not_looked_at(fake_sheets):  # noqa: F811
    clock = FakeClock()
    store = append_that_lands_late(fake_sheets, clock)
    clock.now += WINDOW + 1
    store.read_all()
    assert ids(fake_sheets) == ["exp-0001", "exp-0001"]
    assert fake_sheets.count() == 1
    assert store.resent.watched("expenses") == []  # forgotten


def test_a_read_with_nothing_pending_costs_the_one_request_it_always_cost(fake_sheets):  # noqa: F811
    store = google_store(fake_sheets, clock=FakeClock(), policy=POLICY, timeout=TIMEOUT)
    store.append("expenses", [expense(1), expense(2)])
    store.read_all()
    fake_sheets.reset_counts()
    store.read_all()
    assert fake_sheets.count() == 1
    fake_sheets.reset_counts()
    store.read_tab(store.schema.tab("expenses"))
    assert fake_sheets.count() == 1


def test_a_re_sent_id_without_a_second_row_costs_no_extra_request(fake_sheets):  # noqa: F811
    store = google_store(fake_sheets, clock=FakeClock(), policy=POLICY, timeout=TIMEOUT)
    store.read_all()
    fake_sheets.inject(Fault(kind="values.append", status=503))  # refused, not applied: re-sent once
    store.append("expenses", [expense(1)])
    assert [s.row_id for s in store.resent.watched("expenses")] == ["exp-0001"]
    fake_sheets.reset_counts()
    store.read_all()
    assert fake_sheets.count() == 1
    assert ids(fake_sheets) == ["exp-0001"]


def test_a_row_inserted_above_the_copy_before_it_is_anchored_makes_the_store_leave_every_row_alone(
        fake_sheets):  # noqa: F811
    store = append_that_lands_late(fake_sheets)
    person = ["exp-9999", "2566", "act-9", "01/06/2566", "แถวที่คนแทรก", "5 บาท"]
    fake_sheets.before_next_write(lambda srv, key: srv.insert_rows(key, TAB, 2, [person]))  # before the anchor
    store.read_all()
    assert fake_sheets.values(KEY, TAB)[1:] == [person, *[list(expense(1).values())[:-2]] * 2]  # nothing emptied
    assert fake_sheets.developer_metadata(KEY, TAB) == []
    assert fake_sheets.count("values.batchUpdateByDataFilter") == 0  # the verify refused: no write at all
    raw = store.read_all()  # the next load tries again, on the rows as they are now
    assert [r[0] for r in raw.tabs[TAB].rows[1:] if any(r)] == ["exp-9999", "exp-0001"]
    assert ids(fake_sheets) == ["exp-9999", "exp-0001"]
    assert fake_sheets.values(KEY, TAB)[1] == person


def test_the_next_append_reads_the_tab_tidied_and_adds_its_row_once(fake_sheets):  # noqa: F811
    store = append_that_lands_late(fake_sheets)
    result = store.append("expenses", [expense(2)])
    assert result.appended == ["exp-0002"]
    assert ids(fake_sheets) == ["exp-0001", "exp-0002"]
