"""The store contract runs over every store: each backend adds its factory to STORE_KINDS."""

from __future__ import annotations

import itertools

import pytest

from de_core.raw import RawWorkbook
from de_core.schema import load_schema
from de_core.store.gsheets import GoogleSheetStore
from de_core.store.retry import RetryPolicy
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)

STORE_KINDS = ["sqlite", "google"]
FAST_RETRY = RetryPolicy(max_total_seconds=5, base=0.01, cap=0.05, max_attempts=6)


def sheets_from_raw(raw: RawWorkbook | None) -> dict[str, list[list[str]]]:
    """The tabs a fresh spreadsheet holds: the given ones, then header rows for every other schema tab."""
    schema = load_schema()
    tabs = {title: [list(r) for r in tab.rows] for title, tab in (raw.tabs.items() if raw else [])}
    present = {found.key for title in tabs if (found := schema.find_tab(title)) is not None}
    tabs.update({t.th: [t.headers("th")] for t in schema.tabs if t.key not in present})
    return tabs


@pytest.fixture
def google_factory(fake_sheets: FakeSheetsServer):  # noqa: F811
    """Build a Google store over the loopback fake (real gspread over HTTP) holding the given raw workbook."""
    counter = itertools.count()

    def make(raw: RawWorkbook | None = None) -> GoogleSheetStore:
        key = f"contract-{next(counter)}"
        fake_sheets.add_spreadsheet(key, "DE Workbook", sheets_from_raw(raw))
        client = fake_client(fake_sheets.base_url, timeout=3)
        return GoogleSheetStore(client, key, retry=FAST_RETRY, sleep=lambda _s: None)

    return make


@pytest.fixture(params=STORE_KINDS)
def make_store(request):
    """A factory: make_store(raw=None) → a fresh store of the parametrized kind holding `raw`."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_factory")
    if request.param == "google":
        return request.getfixturevalue("google_factory")
    raise AssertionError(f"unknown store kind {request.param}")
