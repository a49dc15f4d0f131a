"""pytest fixtures: ``from tests.fakeline.fixtures import fake_line`` in a test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .server import FakeLineServer


@pytest.fixture
def fake_line() -> Iterator[FakeLineServer]:
    """A started FakeLineServer on 127.0.0.1 (free port), stopped after the test."""
    srv = FakeLineServer()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
