"""Row-level security, proven with handwritten SQL through the app's own connection set-up (connect.office_pool):
an office session cannot read or write another office's rows; a regional session reads its region's offices and
writes none; a connection that skipped the set-up, or the tables' owner, sees nothing."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors as pg

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.store.postgres.connect import office_pool, set_up
from de_core.store.postgres.regional import read_offices, set_region
from tests.pgserver.fixtures import pg_server, postgres_factory  # noqa: F401  (pytest fixtures)

EXPENSE = {"id": "exp-secret", "fiscal_year": "2566", "activity_id": "act-4", "item": "ค่าอาหารว่าง",
           "amount": "๒,๔๐๐ บาท"}
TITLE = "ค่าใช้จ่าย"


def _count(conn: psycopg.Connection, table: str, office: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table} WHERE office = %s", (office,)).fetchone()[0]


def _refused(conn: psycopg.Connection, sql: str, params: tuple) -> None:
    with pytest.raises(pg.InsufficientPrivilege):
        conn.execute(sql, params)
    conn.rollback()


@pytest.fixture
def two_offices(postgres_factory):  # noqa: F811
    mine, theirs = postgres_factory(office="sec-mine"), postgres_factory(office="sec-theirs")
    mine.append("expenses", [{**EXPENSE, "id": "exp-mine"}])
    theirs.append("expenses", [EXPENSE])
    return mine, theirs


def test_an_office_session_cannot_read_another_offices_rows(two_offices):
    mine, theirs = two_offices
    with mine.pool.connection() as conn:
        assert _count(conn, "sheet_rows", theirs.office) == 0
        assert _count(conn, "tabs", theirs.office) == 0
        assert conn.execute("SELECT count(*) FROM sheet_rows WHERE cells[1] = 'exp-secret'").fetchone()[0] == 0
        assert {o for (o,) in conn.execute("SELECT DISTINCT office FROM sheet_rows")} == {mine.office}
        assert _count(conn, "sheet_rows", mine.office) == 1


def test_an_office_session_cannot_write_another_offices_rows(two_offices):
    mine, theirs = two_offices
    before = theirs.read_all().tabs[TITLE].rows
    with mine.pool.connection() as conn:
        changed = conn.execute("UPDATE sheet_rows SET cells = '{x}' WHERE office = %s", (theirs.office,))
        assert changed.rowcount == 0
        conn.commit()
        _refused(conn, "INSERT INTO sheet_rows (office, title, row_id, cells) VALUES (%s, %s, 'x', '{x}')",
                 (theirs.office, TITLE))
        _refused(conn, "INSERT INTO tabs (office, title, position) VALUES (%s, 'ใหม่', 99)", (theirs.office,))
        _refused(conn, "UPDATE sheet_rows SET office = %s WHERE office = %s", (theirs.office, mine.office))
        _refused(conn, "DELETE FROM sheet_rows WHERE office = %s", (theirs.office,))
        _refused(conn, "UPDATE offices SET region = 'mine now' WHERE office = %s", (theirs.office,))
    assert theirs.read_all().tabs[TITLE].rows == before
    assert mine.read_all().tabs[TITLE].rows[1][0] == "exp-mine"


def test_a_connection_given_back_to_the_pool_is_set_up_again_for_its_office(two_offices):
    mine, theirs = two_offices
    with mine.pool.connection() as conn:  # handwritten SQL switching the session to the other office ...
        conn.execute("SELECT set_config('app.office', %s, false)", (theirs.office,))
        conn.commit()
    for _ in range(3):  # ... does not outlive the borrowing: every connection of the pool is mine again
        with mine.pool.connection() as conn:
            assert conn.execute("SELECT current_setting('app.office')").fetchone()[0] == mine.office
            assert _count(conn, "sheet_rows", theirs.office) == 0


def test_a_connection_without_the_set_up_and_the_tables_owner_see_no_rows(two_offices, pg_server):  # noqa: F811
    for url in (pg_server.app_url(), pg_server.owner_url()):
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT count(*) FROM sheet_rows").fetchone()[0] == 0
            assert conn.execute("SELECT count(*) FROM tabs").fetchone()[0] == 0
    with psycopg.connect(pg_server.app_url()) as conn:
        _refused(conn, "INSERT INTO sheet_rows (office, title, cells) VALUES ('sec-mine', %s, '{}')", (TITLE,))


def test_a_regional_session_reads_its_offices_at_once_and_writes_none(two_offices, postgres_factory,  # noqa: F811
                                                                           pg_server):  # noqa: F811
    mine, theirs = two_offices
    elsewhere = postgres_factory(office="sec-elsewhere")
    set_region(pg_server.owner_url(), "region-9", [mine.office, theirs.office])
    set_region(pg_server.owner_url(), "region-1", [elsewhere.office])
    pool = office_pool(pg_server.app_url(), region="region-9", max_size=2)
    try:
        books = read_offices(pool)
        assert set(books) == {mine.office, theirs.office}
        assert books[theirs.office].tabs[TITLE].rows == theirs.read_all().tabs[TITLE].rows
        assert read_offices(pool, [theirs.office, elsewhere.office]).keys() == {theirs.office}
        with pool.connection() as conn:
            assert conn.execute("UPDATE sheet_rows SET cells = '{}'").rowcount == 0
            conn.commit()
            _refused(conn, "INSERT INTO sheet_rows (office, title, cells) VALUES (%s, %s, '{}')", (mine.office, TITLE))
    finally:
        pool.close()
    assert mine.read_all().tabs[TITLE].rows[1][0] == "exp-mine"


def test_an_office_cannot_put_itself_in_a_region(postgres_factory, pg_server):  # noqa: F811
    store = postgres_factory(RawWorkbook(tabs={"x": RawTab("x", [["a"]])}), office="sec-climber")
    with store.pool.connection() as conn:
        _refused(conn, "UPDATE offices SET region = 'region-9' WHERE office = %s", (store.office,))
        _refused(conn, "INSERT INTO offices (office, region) VALUES ('sec-new', 'region-9')", ())
    with psycopg.connect(pg_server.app_url()) as conn:
        set_up(conn, store.office)
        assert conn.execute("SELECT region FROM offices WHERE office = %s", (store.office,)).fetchone()[0] == ""
