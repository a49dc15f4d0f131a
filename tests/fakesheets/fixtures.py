"""pytest fixture: ``from tests.fakesheets.fixtures import fake_sheets`` in a conftest or test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .server import FakeSheetsServer


@pytest.fixture
def fake_sheets() -> Iterator[FakeSheetsServer]:
    """A started FakeSheetsServer on 127.0.0.1 (free port); stopped after the test."""
    srv = FakeSheetsServer()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
