"""Shared helpers for the Google store tests: a spreadsheet in the fake, a store over real gspread, a fake clock."""

from __future__ import annotations

from de_core.sheet.raw import RawWorkbook
from de_core.sheet.schema import load_schema
from de_core.store.google.retry import RetryPolicy
from de_core.store.google.store import GoogleSheetStore
from tests.fakesheets import FakeSheetsServer, fake_client

KEY = "de-workbook-key"
FAST_RETRY = RetryPolicy(max_total_seconds=30, base=0.01, cap=0.05, max_attempts=12)


class FakeClock:
    """An injected clock: sleep() records the wait and moves time on; no wall time passes."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def sheets_from_raw(raw: RawWorkbook | None) -> dict[str, list[list[str]]]:
    """The tabs a fresh spreadsheet holds: the given ones, then header rows for every other schema tab."""
    schema = load_schema()
    tabs = {title: [list(r) for r in tab.rows] for title, tab in (raw.tabs.items() if raw else [])}
    present = {found.key for title in tabs if (found := schema.find_tab(title)) is not None}
    tabs.update({t.th: [t.headers("th")] for t in schema.tabs if t.key not in present})
    return tabs


def google_store(srv: FakeSheetsServer, raw: RawWorkbook | None = None, *, key: str = KEY,
                 policy: RetryPolicy = FAST_RETRY, clock: FakeClock | None = None, timeout: float = 15,
                 create: bool = True) -> GoogleSheetStore:
    """A Google store over the fake holding `raw` (plus header rows for the other schema tabs)."""
    if create:
        srv.add_spreadsheet(key, "DE Workbook", sheets_from_raw(raw))
    clock = clock or FakeClock()
    return GoogleSheetStore(fake_client(srv.base_url, timeout=timeout), key, retry=policy, sleep=clock.sleep,
                            clock=clock.clock, rand=lambda: 0.5)
