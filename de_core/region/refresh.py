"""Reading every office of the region within the quota, in passes: one Drive listing, then only the offices whose
sheet changed since their last good read, at most once per refresh interval, paced (pacer) and in a background
thread of the server process (one Region per process, not per session).

An office that cannot be read keeps its last good figures with the reason and the time (problems); on a 429 every
read is held for a while and the office is tried again later in the same pass. Clock, wall time and today are
injected so tests and the benchmark run the same code on a simulated clock.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from de_core.region.figures import office_years
from de_core.region.offices import GOOGLE, Office
from de_core.region.pacer import Pacer
from de_core.region.problems import BROKEN, QUOTA, OfficeProblem, no_source, problem_of, quota_problem
from de_core.region.state import OfficeState, PassReport, Progress, utc_now
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.workbook import Workbook, parse_workbook

Reader = Callable[[Office], RawWorkbook]
Listing = Callable[[], dict[str, str]]  # spreadsheet key → modified time, of the offices' shared folder
KEPT_WORKBOOKS = 8  # parsed office workbooks kept for the office view (the scorecard keeps only figures)
__all__ = ["KEPT_WORKBOOKS", "OfficeState", "PassReport", "Progress", "Region", "utc_now"]  # state, re-exported


class Region:
    """The offices of a region and their last good figures, refreshed in passes (see the module's doc)."""

    def __init__(self, offices: Callable[[], list[Office]], read: Reader, *, listing: Listing | None = None,
                 local_version: Callable[[Office], str | None] = lambda office: None, interval: float = 900.0,
                 pacer: Pacer | None = None, clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = utc_now, today: Callable[[], date] = date.today,
                 quota_wait: float = 60.0, attempts: int = 3):
        self.list_offices, self.read, self.listing = offices, read, listing
        self.local_version, self.interval = local_version, interval
        self.pacer = pacer
        self.clock, self.now, self.today = clock, now, today
        self.quota_wait, self.attempts = quota_wait, attempts
        self.states: dict[str, OfficeState] = {}
        self.order: list[str] = []
        self.progress = Progress()
        self.list_problem: OfficeProblem | None = None  # the regional workbook or the Drive listing failed
        self.passes = 0
        self.last_pass: PassReport | None = None
        self._lock = threading.Lock()
        self._pass_lock = threading.Lock()
        self._workbooks: OrderedDict[tuple[str, str | None], Workbook] = OrderedDict()
        self._view_lock = threading.Lock()  # one office-view read at a time (sessions wait for it, not re-read)
        self._view_tries: dict[str, float] = {}  # office id → clock() of its last office-view read
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    # -- what the page reads ---------------------------------------------------------------
    def snapshot(self) -> list[OfficeState]:
        """Every office in the regional workbook's order with what is known of it (a copy: safe to read)."""
        with self._lock:
            return [self.states[i] for i in self.order if i in self.states]

    def office(self, office_id: str) -> OfficeState | None:
        with self._lock:
            return self.states.get(office_id)

    # -- one pass --------------------------------------------------------------------------
    def refresh(self) -> PassReport:
        """One pass: the list of offices, the Drive listing, then every office due (module doc). Never raises for
        one office; a failed list of offices or listing is kept in list_problem and the pass reads what it can."""
        with self._pass_lock:
            start = self.clock()
            report = PassReport()
            offices, listed = self._lists()
            self._recompute_day()  # first, so the offices read below cannot push a kept one out before it is
            due = self._due(offices, listed, report)
            with self._lock:
                self.progress = Progress(True, 0, len(due), self._eta(len(due)))
            report.due = len(due)
            tries = dict.fromkeys((o.id for o, _ in due), 0)
            queue = list(due)
            while queue:
                office, version = queue.pop(0)
                tries[office.id] += 1
                outcome = self._read_one(office, version)
                if outcome == QUOTA:
                    report.quota_hits += 1
                    if self.pacer is not None:
                        self.pacer.hold(self.quota_wait)
                    if tries[office.id] < self.attempts:
                        queue.append((office, version))
                        continue
                report.read += outcome == "read"
                report.failed += outcome != "read"
                with self._lock:
                    self.progress.done += 1
                    self.progress.eta_seconds = self._eta(len(queue))
            with self._lock:
                self.progress.running = False
                self.passes += 1
            report.seconds = self.clock() - start
            self.last_pass = report
            return report

    def _lists(self) -> tuple[list[Office], dict[str, str] | None]:
        try:
            offices = self.list_offices()
        except Exception as exc:  # the regional workbook cannot be read: keep the offices known
            self.list_problem = problem_of(exc, self.now())
            with self._lock:
                offices = [s.office for s in (self.states[i] for i in self.order)]
            return offices, None
        self.list_problem = None
        with self._lock:
            self.order = [o.id for o in offices]
            for o in offices:
                kept = self.states.get(o.id)
                self.states[o.id] = replace(kept, office=o) if kept else OfficeState(o)
            for gone in set(self.states) - set(self.order):
                del self.states[gone]
        listed = None
        if self.listing is not None and any(o.kind == GOOGLE for o in offices):
            try:
                listed = self.listing()
            except Exception as exc:  # without the listing every office due is read: costly, never wrong
                self.list_problem = problem_of(exc, self.now())
        return offices, listed

    def _version(self, office: Office, listed: dict[str, str] | None) -> str | None:
        if office.kind == GOOGLE:
            return listed.get(office.key) if listed is not None else None
        return self.local_version(office)

    def _due(self, offices: list[Office], listed: dict[str, str] | None,
             report: PassReport) -> list[tuple[Office, str | None]]:
        due = []
        now = self.clock()
        today = self.today()
        for office in offices:
            state = self.office(office.id) or OfficeState(office)
            version = self._version(office, listed)
            if state.day is not None and state.day != today and self.kept_workbook(office.id) is None:
                due.append((office, version))  # a new day moves late counts: read once a day (kept: recomputed)
                continue
            if state.read_at is not None and version is not None and version == state.version:
                report.unchanged += 1
                continue
            if state.read_at is not None and now - state.read_clock < self.interval:
                report.unchanged += 1  # changed, but read within the interval: the next pass reads it
                continue
            due.append((office, version))
        return due

    def _read_one(self, office: Office, version: str | None) -> str:
        at = self.now()
        if office.kind == GOOGLE and not office.key:
            self._fail(office, no_source(at))
            return "failed"
        try:
            raw = self.read(office)
        except Exception as exc:
            problem = problem_of(exc, at)
            self._fail(office, quota_problem(at) if problem.kind == QUOTA else problem)
            return problem.kind if problem.kind == QUOTA else "failed"
        day = self.today()
        try:
            wb = parse_workbook(raw)
            years = office_years(wb, day)
            if not years:
                raise ValueError("no fiscal year")
        except Exception as exc:  # a broken tab: the last good figures stay, with the reason
            self._fail(office, replace(problem_of(exc, at), kind=BROKEN))
            return "failed"
        wb.read_at = at
        wb.derived("sheet_cells", lambda: raw)  # the office's own cells for its export page, never this server's
        with self._lock:
            self.states[office.id] = OfficeState(office, years, at, version, None, self.clock(), day)
            self._workbooks[(office.id, version)] = wb
            self._workbooks.move_to_end((office.id, version))
            for stale in [k for k in self._workbooks if k[0] == office.id and k[1] != version]:
                del self._workbooks[stale]
            while len(self._workbooks) > KEPT_WORKBOOKS:
                self._workbooks.popitem(last=False)
        return "read"

    def _fail(self, office: Office, problem: OfficeProblem) -> None:
        with self._lock:
            kept = self.states.get(office.id) or OfficeState(office)
            self.states[office.id] = replace(kept, office=office, problem=problem)

    def _recompute_day(self) -> None:
        """Figures of unchanged offices worked out again when the day changed (late counts move with it); the
        offices whose workbook is no longer kept are read again by the next pass (_due)."""
        day = self.today()
        for state in self.snapshot():
            wb = self.kept_workbook(state.office.id)
            if state.day != day and wb is not None:
                years = office_years(wb, day)
                with self._lock:
                    now = self.states.get(state.office.id)
                    if now is not None and now.read_clock == state.read_clock:  # not read again meanwhile
                        self.states[state.office.id] = replace(now, years=years, day=day)

    def _eta(self, remaining: int) -> float:
        return self.pacer.eta(remaining) if self.pacer is not None else 0.0

    # -- the office view -------------------------------------------------------------------
    def kept_workbook(self, office_id: str) -> Workbook | None:
        """The office's workbook from its last good read, when still kept (the KEPT_WORKBOOKS used last)."""
        with self._lock:
            state = self.states.get(office_id)
            key = (office_id, state.version) if state else None
            if key not in self._workbooks:
                return None
            self._workbooks.move_to_end(key)
            return self._workbooks[key]

    def workbook(self, office_id: str) -> Workbook | None:
        """The office's workbook for its own pages (read-only): the kept one, else read now, at most once per
        interval for the office whatever the number of sessions (None: not read; its state says why)."""
        state = self.office(office_id)
        if state is None:
            return None
        with self._view_lock:
            kept = self.kept_workbook(office_id)
            tried = self._view_tries.get(office_id, float("-inf"))
            if kept is not None or self.clock() - tried < self.interval:
                return kept
            self._view_tries[office_id] = self.clock()
            self._read_one(state.office, state.version)
            return self.kept_workbook(office_id)

    # -- the background thread -------------------------------------------------------------
    def start(self) -> None:
        """Run a pass now and then every interval, in a daemon thread of this process (once)."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop.clear()
            if self.passes == 0:
                self.progress = Progress(True)  # the first visit says a pass is under way, before it has counted
            self._thread = threading.Thread(target=self._run, name="region-refresh", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.refresh()
            except Exception as exc:  # never let the thread die: the next pass tries again
                self.list_problem = problem_of(exc, self.now())
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=10)

    def wait_first_pass(self, timeout: float) -> bool:
        """Wait until a first pass is over (tests; a region of local offices on the first page)."""
        deadline = time.monotonic() + timeout
        while self.passes == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.passes > 0
