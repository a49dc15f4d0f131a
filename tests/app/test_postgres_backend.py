"""The app on PostgreSQL ([connections.postgresql]): the office's workbook from the database, the figures following
a change made there, a signed-in person's office chosen by their verified e-mail, a database not migrated named."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from de_core.sheet.workbook import parse_workbook
from de_ui import data
from de_ui.data import forget_reads
from tests.app.conftest import ROOT, assert_clean, page_text
from tests.app.htmlblocks import bullets
from tests.pgserver.fixtures import pg_server, postgres_factory  # noqa: F401  (pytest fixtures)


@pytest.fixture(autouse=True)
def _close_office_stores():
    """The app keeps one pool per office for the process (de_ui.data.OFFICE_STORES): closed after each test."""
    yield
    for store in data.OFFICE_STORES.values():
        store.close()
    data.OFFICE_STORES.clear()


def _run(section: dict, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["connections"] = {"postgresql": section}
    if user is not None:
        at.user = user
    at.run()
    return at


def test_the_overview_reads_the_offices_workbook_from_postgresql_and_follows_a_change(db_path, postgres_factory,  # noqa: F811
                                                                                      pg_server, demo_raw):  # noqa: F811
    store = postgres_factory(demo_raw, office="app-demo")
    section = {"url": pg_server.app_url(), "office": "app-demo"}
    at = _run(section)
    assert_clean(at)
    assert bullets(at)["ใช้จริง"].value == "35,610 บาท จาก 50,000 บาท (71%)"
    expense = next(iter(parse_workbook(store.read_all()).by_id("expenses")))
    store.update("expenses", expense, {"amount": "40,000"})
    forget_reads()  # the next visitor after the cache time
    st.cache_resource.clear()
    at = _run(section)
    assert_clean(at)
    assert bullets(at)["ใช้จริง"].value.startswith("7")  # the figure moved with the database's row
    assert not db_path.exists()  # no embedded file was made on the side


def test_a_signed_in_person_sees_the_office_their_verified_email_belongs_to(db_path, postgres_factory,  # noqa: F811
                                                                             pg_server, demo_raw):  # noqa: F811
    postgres_factory(demo_raw, office="app-home")
    other = postgres_factory(demo_raw, office="app-other")
    sid = next(iter(parse_workbook(other.read_all()).by_id("settings")))
    other.update("settings", sid, {"office_name": "สำนักงานเขตทดสอบอื่น"})
    section = {"url": pg_server.app_url(), "office": "app-home",
               "offices": {"app-other": {"domains": ["other.example.go.th"]}}}
    person = {"email": "staff@other.example.go.th", "email_verified": True, "is_logged_in": True}
    assert "สำนักงานเขตทดสอบอื่น" in page_text(_run(section, person))
    unverified = {**person, "email_verified": False}
    assert "สำนักงานเขตทดสอบอื่น" not in page_text(_run(section, unverified))
    assert "สำนักงานเขตทดสอบอื่น" not in page_text(_run(section))


def test_a_database_not_migrated_shows_who_must_migrate_it_never_a_traceback(db_path, pg_server):  # noqa: F811
    at = _run({"url": pg_server.app_url(pg_server.new_database(migrated=False)), "office": "app-x"})
    assert_clean(at)
    assert "de-dashboard migrate" in page_text(at)
