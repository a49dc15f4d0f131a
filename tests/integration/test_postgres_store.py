"""What the PostgreSQL store adds to the contract: many offices in one database, concurrent writers, a workbook
copied in cell for cell, one query per read, one set-up per office however many processes open it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook
from de_core.store.base import StoreError
from de_core.store.postgres.store import open_office
from tests.pgserver.fixtures import pg_server, postgres_factory  # noqa: F401  (pytest fixtures)

EXPENSE = {"id": "exp-1", "fiscal_year": "2566", "activity_id": "act-4", "item": "ค่าอาหารว่าง", "amount": "2,400"}
TITLE = "ค่าใช้จ่าย"


def test_sixteen_writers_appending_at_once_lose_no_row_and_add_none_twice(postgres_factory):  # noqa: F811
    store = postgres_factory()
    writers, each = 16, 25

    def write(w: int) -> list[str]:
        done = []
        for i in range(each):
            row = {**EXPENSE, "id": f"exp-{w}-{i}", "note": f"{w}/{i}"}
            done += store.append("expenses", [row]).appended
            assert store.append("expenses", [row]).already_present == [row["id"]]  # a retry adds nothing
        return done

    with ThreadPoolExecutor(writers) as pool:
        appended = [i for ids in pool.map(write, range(writers)) for i in ids]
    rows = store.read_all().tabs[TITLE].rows[1:]
    assert len(appended) == len(rows) == writers * each
    assert sorted(r[0] for r in rows) == sorted(appended)


def test_the_same_row_sent_by_several_writers_at_once_lands_once(postgres_factory):  # noqa: F811
    store = postgres_factory()
    start = threading.Barrier(8)

    def send(_: int):
        start.wait()
        return store.append_audited("expenses", [EXPENSE], [{"id": "aud-1", "action": "append", "row_id": "exp-1"}])

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(send, range(8)))
    assert sum(len(r.appended) for r in results) == 1
    assert sum(len(r.already_present) for r in results) == 7
    raw = store.read_all()
    assert len(raw.tabs[TITLE].rows) == 2 and len(raw.tabs["บันทึกการแก้ไข"].rows) == 2


def test_offices_keep_their_own_ids_and_rows_in_one_database(postgres_factory):  # noqa: F811
    a, b = postgres_factory(), postgres_factory()
    a.append("expenses", [EXPENSE])
    b.append("expenses", [{**EXPENSE, "amount": "9,999"}])  # the same id in another office is another row
    b.update("expenses", "exp-1", {"note": "b"})
    mine, theirs = (parse_workbook(s.read_all()).by_id("expenses")["exp-1"] for s in (a, b))
    assert (mine["amount"], mine["note"]) == (2400, None)
    assert (theirs["amount"], theirs["note"]) == (9999, "b")


def test_a_workbook_is_kept_cell_for_cell_blank_rows_ragged_rows_repeated_ids_and_unknown_tabs(postgres_factory,  # noqa: F811
                                                                                                schema):
    header = schema.tab("expenses").headers("th")
    raw = RawWorkbook()
    raw.add(RawTab("แท็บของฉัน", [["ก", "ข"], ["=1+1", "001", "", ""], [], ["  "]]))
    raw.add(RawTab(TITLE, [header + ["คอลัมน์เพิ่ม"], ["e1", "2566"], [], ["e1", "2566", "act-1"], ["", "", "x"],
                           ["e2", "๒๕๖๖", "", "", "", "", "", "", "เพิ่ม"]]))
    raw.add(RawTab("ว่างเปล่า", []))
    store = postgres_factory(raw)
    back = store.read_all()
    assert list(back.tabs)[:3] == ["แท็บของฉัน", TITLE, "ว่างเปล่า"]
    for title, tab in raw.tabs.items():
        assert back.tabs[title].rows == tab.rows, title
    with pytest.raises(StoreError):  # e1 is on two rows
        store.update("expenses", "e1", {"note": "x"})
    assert store.update("expenses", "e2", {"note": "แก้"}).row_number == 6


def test_a_cell_postgresql_cannot_hold_is_refused_with_its_address_and_nothing_is_written(postgres_factory):  # noqa: F811
    store = postgres_factory()
    with pytest.raises(StoreError) as err:
        store.append("expenses", [EXPENSE, {**EXPENSE, "id": "exp-2", "note": "a\x00b"}])
    assert "NUL" in err.value.message_en and TITLE in err.value.message_th
    assert len(store.read_all().tabs[TITLE].rows) == 1


def test_read_all_is_one_query(postgres_factory, monkeypatch):  # noqa: F811
    store = postgres_factory()
    store.append("expenses", [EXPENSE])
    sent: list[str] = []
    real = store.pool.connection

    class Counting:
        """The pooled connection (and its cursors), recording each statement."""

        def __init__(self, conn):
            self.conn = conn

        def execute(self, query, *args, **kwargs):
            sent.append(str(query))
            return self.conn.execute(query, *args, **kwargs)

        def cursor(self, *args, **kwargs):
            return Counting(self.conn.cursor(*args, **kwargs))

        def __getattr__(self, name):
            return getattr(self.conn, name)

    @contextmanager
    def connection(*args, **kwargs):
        with real(*args, **kwargs) as conn:
            yield Counting(conn)

    monkeypatch.setattr(store.pool, "connection", connection)
    raw = store.read_all()
    assert raw.tabs[TITLE].rows[1][0] == "exp-1" and len(raw.tabs) == len(store.schema.tabs)
    assert len(sent) == 1, sent


def test_opening_an_office_sets_it_up_once_however_many_open_it_at_once(pg_server):  # noqa: F811
    url = pg_server.app_url()
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: open_office(url, "open-race", pool_size=2), range(4)))
    try:
        raw = stores[0].read_all()
        assert len(raw.tabs) == len(stores[0].schema.tabs)
        assert all(len(tab.rows) == 1 for tab in raw.tabs.values())
    finally:
        for store in stores:
            store.close()
