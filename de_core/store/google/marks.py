"""Idempotency marks of appends: a spreadsheet-level developer metadata entry per appended row, sent in the same
atomic request as the row. Its metadataId comes from the tab and the row's id, and metadata ids are unique in a
spreadsheet, so a request sent twice (a lost reply, a retry) can be applied only once. A mark is needed only while
a copy of its request may still be on its way: the marks of an append whose reply came back are deleted in the next
append's own request; those of an append that was sent again are kept WINDOW seconds (Google ends a request after
180 s) and then deleted the same way. So the sheet holds about one append's marks, not one per row ever added."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from de_core.sheet.text import normalize

KEY = "de.sent"
WINDOW = 300.0  # seconds the marks of a re-sent append are kept
_ID_SPACE = 2**31 - 2  # metadataId is a positive int32


def mark_id(tab_key: str, row_key: str) -> int:
    """The metadataId of the mark of one row: the same for the same tab and row id, in 1 … 2^31 − 1."""
    digest = hashlib.sha256(f"{KEY}\n{tab_key}\n{normalize(row_key)}".encode()).digest()
    return 1 + int.from_bytes(digest[:8], "big") % _ID_SPACE


def content_key(cells: list[str]) -> str:
    """The stand-in id of a row without one: its content (a batch of such rows is marked by its first row)."""
    return "content:" + hashlib.sha256("\x1f".join(cells).encode()).hexdigest()


def create(metadata_id: int, tab_key: str, row_key: str, now: datetime | None = None) -> dict[str, Any]:
    """The createDeveloperMetadata request of one mark (its value says what and when, for people reading it)."""
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return {"createDeveloperMetadata": {"developerMetadata": {
        "metadataId": metadata_id, "metadataKey": KEY, "metadataValue": f"{tab_key}:{row_key} {stamp}",
        "location": {"spreadsheet": True}, "visibility": "DOCUMENT"}}}


def delete(metadata_id: int) -> dict[str, Any]:
    """The deleteDeveloperMetadata request of one mark."""
    return {"deleteDeveloperMetadata": {"dataFilter": {"developerMetadataLookup": {"metadataId": metadata_id}}}}


class SentMarks:
    """The marks this store created and when each may go (store clock): at once, or after the window."""

    def __init__(self, clock: Callable[[], float], window: float = WINDOW):
        self._clock, self._window = clock, window
        self._due: dict[int, float] = {}

    def remember(self, ids: list[int], resent: bool) -> None:
        """Marks of an append that went out; kept for the window when it had to be sent again."""
        due = self._clock() + (self._window if resent else 0.0)
        for metadata_id in ids:
            self._due[metadata_id] = due

    def due(self) -> list[int]:
        """Marks that may be deleted now."""
        now = self._clock()
        return [i for i, at in self._due.items() if at <= now]

    def forget(self, ids: list[int]) -> None:
        for metadata_id in ids:
            self._due.pop(metadata_id, None)

    def __len__(self) -> int:
        return len(self._due)
