"""The store contract runs over every store: each backend adds its factory to STORE_KINDS."""

from __future__ import annotations

import itertools

import pytest

from de_core.sheet.raw import RawWorkbook
from de_core.store.google.store import GoogleSheetStore
from tests.fakesheets import FakeSheetsServer
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import google_store
from tests.pgserver.fixtures import pg_server, postgres_factory  # noqa: F401  (pytest fixtures)

STORE_KINDS = ["sqlite", "google", "postgresql"]


@pytest.fixture
def google_factory(fake_sheets: FakeSheetsServer):  # noqa: F811
    """Build a Google store over the loopback fake (real gspread over HTTP) holding the given raw workbook."""
    counter = itertools.count()

    def make(raw: RawWorkbook | None = None) -> GoogleSheetStore:
        return google_store(fake_sheets, raw, key=f"contract-{next(counter)}")

    return make


@pytest.fixture(params=STORE_KINDS)
def make_store(request):
    """A factory: make_store(raw=None) → a fresh store of the parametrized kind holding `raw`."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_factory")
    if request.param == "google":
        return request.getfixturevalue("google_factory")
    if request.param == "postgresql":  # a real server (tests/pgserver): skipped where none can be had, never in CI
        return request.getfixturevalue("postgres_factory")
    raise AssertionError(f"unknown store kind {request.param}")
