"""Shared fixtures: fresh stores for the contract suite, the demo workbook, a fixed 'today'."""

from __future__ import annotations

from datetime import date

import pytest

from de_core.ops.demo import DEMO_AS_OF, demo_workbook
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.schema import load_schema
from de_core.sheet.workbook import parse_workbook
from de_core.store.local import SQLiteStore


@pytest.fixture
def schema():
    return load_schema()


@pytest.fixture
def demo_raw() -> RawWorkbook:
    return demo_workbook()


@pytest.fixture
def demo_wb(demo_raw):
    return parse_workbook(demo_raw)


@pytest.fixture
def today() -> date:
    return DEMO_AS_OF


@pytest.fixture
def sqlite_factory(tmp_path):
    """Build a SQLite store holding the given raw workbook (or just the header rows)."""
    counter = iter(range(1000))

    def make(raw: RawWorkbook | None = None) -> SQLiteStore:
        store = SQLiteStore(tmp_path / f"wb-{next(counter)}.sqlite")
        store.initialize(raw)
        return store

    return make


@pytest.fixture(scope="session")
def playwright_driver():
    """The one Playwright driver of the whole test session: its sync API allows a single running instance per
    thread, so the browser suite and the deploy tests both launch their Chromium from this one."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw
