"""Long lists cut into pages (the reflection feed, the KPI cards): which items a page shows and its numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

PAGE_SIZE = 50
T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a long list: its items, its 1-based number of `pages`, and which positions it shows."""

    items: list[T]
    number: int
    pages: int
    first: int  # 1-based position of the first item shown (0 when the list is empty)
    last: int
    total: int


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """How many pages `total` items fill (at least one, even when empty)."""
    return max(1, -(-total // size))


def paginate(items: Sequence[T], number: int, size: int = PAGE_SIZE) -> Page[T]:
    """Page `number` (1-based) of the items; a number out of range shows the nearest page."""
    pages = page_count(len(items), size)
    number = min(max(1, number), pages)
    start = (number - 1) * size
    shown = list(items[start:start + size])
    return Page(shown, number, pages, start + 1 if shown else 0, start + len(shown), len(items))
