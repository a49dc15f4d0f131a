"""Shared bench helpers: tables printed as Markdown, timing, memory peaks, the fake Sheets server and AppTest runs."""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/x.py` as well as `python -m bench.x`
    sys.path.insert(0, str(ROOT))

from de_core.sheet.raw import RawWorkbook  # noqa: E402
from de_core.store.google.retry import RetryPolicy  # noqa: E402
from de_core.store.google.store import GoogleSheetStore  # noqa: E402
from tests.fakesheets import FakeSheetsServer, Fault, fake_client  # noqa: E402
from tests.fakesheets.faults import FaultPlan  # noqa: E402
from tests.integration.gsheets_support import sheets_from_raw  # noqa: E402

KEY = "bench-workbook"
APP = ROOT / "streamlit_app.py"
OVERVIEW = "pages/overview.py"


def quiet() -> None:
    """Silence Streamlit's bare-mode warnings (no runtime, no ScriptRunContext) so only the tables print."""
    import logging

    logging.disable(logging.WARNING)  # AppTest resets Streamlit's logger levels on every run: switch off the lot


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]], note: str = "") -> str:
    """A Markdown table (pasted as is into docs/BENCHMARKS.md)."""
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    out = [f"### {title}", "", line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in cells[1:]]
    if note:
        out += ["", note]
    return "\n".join(out) + "\n"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def mib(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:,.1f} MiB"


def ratio(a: float, b: float) -> str:
    return f"{a / b:,.1f}×" if b else "–"


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Median wall time (perf_counter) of `repeat` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_memory(fn: Callable[[], Any]) -> tuple[int, Any]:
    """Peak Python heap allocated while fn runs (tracemalloc, stdlib), and its result."""
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, result


@contextlib.contextmanager
def fake_sheets(raw: RawWorkbook | None, key: str = KEY, latency: float = 0.0) -> Iterator[FakeSheetsServer]:
    """A started loopback Sheets API holding `raw` (plus header rows for the other schema tabs), answering each
    request after `latency` seconds."""
    srv = FakeSheetsServer()
    if latency:
        srv._faults = Latency(latency)  # the fake's fault plan, with a delay in front (bench only)
    srv.start()
    try:
        srv.add_spreadsheet(key, "DE Workbook", sheets_from_raw(raw))
        yield srv
    finally:
        srv.stop()


class Latency(FaultPlan):
    """The fake's fault plan plus a fixed delay before every answer (a simulated network round trip)."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def take(self, kind: str) -> Fault | None:
        return super().take(kind) or Fault(kind, status=200, delay=self.seconds)


def google_store(srv: FakeSheetsServer, key: str = KEY, sleep: Callable[[float], Any] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> GoogleSheetStore:
    """Our Google store over the fake, through real gspread over loopback HTTP."""
    return GoogleSheetStore(fake_client(srv.base_url, timeout=30), key, sleep=sleep, clock=clock,
                            retry=RetryPolicy(max_total_seconds=120, base=0.5, cap=8, max_attempts=10))


@contextlib.contextmanager
def app_env(db: Path | None = None) -> Iterator[None]:
    """The working directory and environment AppTest needs, with fresh Streamlit caches before and after."""
    import streamlit as st

    from de_ui.data import forget_reads

    old_cwd, old_db = os.getcwd(), os.environ.get("DE_DASHBOARD_DB")
    os.chdir(ROOT)
    if db is not None:
        os.environ["DE_DASHBOARD_DB"] = str(db)
    st.cache_data.clear()
    st.cache_resource.clear()
    forget_reads()
    try:
        yield
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()
        forget_reads()
        os.chdir(old_cwd)
        if old_db is None:
            os.environ.pop("DE_DASHBOARD_DB", None)
        else:
            os.environ["DE_DASHBOARD_DB"] = old_db


def overview_app(secrets: dict | None = None):
    """An AppTest of the whole app (its first page is the overview), not run yet."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=600)
    if secrets:
        for name, value in secrets.items():
            at.secrets[name] = value
    return at


class ServerScriptCache:
    """Compiled scripts kept across AppTest runs, as a Streamlit server keeps them for its whole process.

    AppTest makes a new ScriptCache on every run, so each run compiles streamlit_app.py and the page again (with
    Streamlit's "magic" AST pass), which a server does only on its first run. Inside `with ServerScriptCache() as
    scripts:` every run shares one cache; `scripts.restart()` drops it (a new server process: the next run
    compiles again)."""

    def __enter__(self) -> ServerScriptCache:
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.testing.v1 import app_test, local_script_runner

        self._modules = (app_test, local_script_runner)
        self._real = ScriptCache
        self.restart()
        for module in self._modules:
            module.ScriptCache = lambda: self._shared
        return self

    def restart(self) -> None:
        self._shared = self._real()

    def __exit__(self, *_: object) -> None:
        for module in self._modules:
            module.ScriptCache = self._real


def check_clean(at) -> None:
    """Raise when the AppTest run shows an exception (a benchmark of a broken page means nothing)."""
    if at.exception:
        raise RuntimeError(f"the page raised: {[e.value for e in at.exception]}")
