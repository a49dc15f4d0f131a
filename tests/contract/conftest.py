"""The store contract runs over every store: each backend adds its factory to STORE_KINDS."""

from __future__ import annotations

import pytest

STORE_KINDS = ["sqlite"]


@pytest.fixture(params=STORE_KINDS)
def make_store(request, sqlite_factory):
    """A factory: make_store(raw=None) → a fresh store of the parametrized kind holding `raw`."""
    if request.param == "sqlite":
        return sqlite_factory
    raise AssertionError(f"unknown store kind {request.param}")
