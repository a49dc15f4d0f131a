"""FakeSheetsServer: a loopback Google Sheets API v4 that real gspread talks to over HTTP."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from . import batch_api, get_api, metadata_api, values_api
from .drive_api import DriveFiles
from .errors import SheetsError, error_body, quota_message
from .faults import WRITE_KINDS, Fault, FaultPlan, RequestRecord
from .person_edits import PersonEdits
from .quota import Quota, user_of
from .transport import Handler, HTTPServer

_ID = r"/v4/spreadsheets/([^/:]+)"
DRIVE_FILES = "/drive/v3/files"  # Drive v3 files.list (drive_api.py)
_ROUTES = [
    ("GET", re.compile(f"^{_ID}$"), "spreadsheets.get"),
    ("POST", re.compile(f"^{_ID}:batchUpdate$"), "spreadsheets.batchUpdate"),
    ("GET", re.compile(f"^{_ID}/values:batchGet$"), "values.batchGet"),
    ("POST", re.compile(f"^{_ID}/values:batchUpdate$"), "values.batchUpdate"),
    ("POST", re.compile(f"^{_ID}/values:batchClear$"), "values.batchClear"),
    ("POST", re.compile(f"^{_ID}/values:batchGetByDataFilter$"), "values.batchGetByDataFilter"),
    ("POST", re.compile(f"^{_ID}/values:batchUpdateByDataFilter$"), "values.batchUpdateByDataFilter"),
    ("POST", re.compile(f"^{_ID}/developerMetadata:search$"), "developerMetadata.search"),
    ("POST", re.compile(f"^{_ID}/values/(.+):append$"), "values.append"),
    ("POST", re.compile(f"^{_ID}/values/(.+):clear$"), "values.clear"),
    ("GET", re.compile(f"^{_ID}/values/(.+)$"), "values.get"),
    ("PUT", re.compile(f"^{_ID}/values/(.+)$"), "values.update"),
]


def _call(kind: str, wb: Any, rng: str | None, query: dict, body: Any) -> dict:
    if kind == "spreadsheets.get":
        return get_api.spreadsheets_get(wb, query)
    if kind == "spreadsheets.batchUpdate":
        return batch_api.spreadsheets_batch_update(wb, body)
    if kind == "values.batchGet":
        return values_api.values_batch_get(wb, query)
    if kind == "values.batchUpdate":
        return values_api.values_batch_update(wb, body)
    if kind == "values.batchGetByDataFilter":
        return metadata_api.values_batch_get_by_data_filter(wb, body)
    if kind == "values.batchUpdateByDataFilter":
        return metadata_api.values_batch_update_by_data_filter(wb, body)
    if kind == "values.batchClear":
        return values_api.values_batch_clear(wb, body)
    if kind == "developerMetadata.search":
        return metadata_api.developer_metadata_search(wb, body)
    assert rng is not None
    if kind == "values.append":
        return values_api.values_append(wb, rng, query, body)
    if kind == "values.clear":
        return values_api.values_clear(wb, rng)
    if kind == "values.get":
        return values_api.values_get(wb, rng, query)
    return values_api.values_update(wb, rng, query, body)


class FakeSheetsServer(PersonEdits):
    """Loopback fake of the Google Sheets API v4 (the subset gspread 6.2 uses, and the edits a person makes).

    Tests drive it with faults (inject*), hooks around the next write (before_next_write, after_next_write),
    a person's edits (helpers, person_edits) and switches for undocumented behaviour (switches.Switches)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__()
        self._addr = (host, port)
        self._httpd: HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._faults = FaultPlan()
        self._before_write: list[Callable[[FakeSheetsServer, str], None]] = []
        self._after_write: list[Callable[[FakeSheetsServer, str], None]] = []
        self.requests: list[RequestRecord] = []
        self.errors: list[Exception] = []  # unexpected exceptions inside the fake or callbacks
        self.drive = DriveFiles()  # the Drive folders and modified times (drive_api.py)
        self.quota = Quota()  # per-user and per-project quotas, off until quota.configure() (quota.py)
        self.base_url = ""

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> str:
        if self._httpd is not None:
            return self.base_url
        self._stopping.clear()
        self._httpd = HTTPServer(self._addr, Handler)
        self._httpd.fake = self
        host, port = self._httpd.server_address[:2]
        self.base_url = f"http://{host}:{port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-sheets", daemon=True
        )
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        self._stopping.set()  # wakes up injected delays
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd.close_connections()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeSheetsServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- faults, hooks and counters --------------------------------------------------------
    def inject(self, fault: Fault) -> None:
        with self._lock:
            self._faults.add(fault)

    def inject_random(
        self,
        rate: float,
        kinds: Iterable[str] | None = ("values.append",),
        statuses: Iterable[int] = (429, 500, 503),
        drop_rate: float = 0.0,
        apply_then_fail_rate: float = 0.0,
        seed: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        """Per matching request: error with probability ``rate``, drop with ``drop_rate``,
        apply-then-error with ``apply_then_fail_rate`` (mutually exclusive bands)."""
        with self._lock:
            self._faults.set_random(rate, kinds, statuses, drop_rate, apply_then_fail_rate, seed, retry_after)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def before_next_write(self, callback: Callable[[FakeSheetsServer, str], None]) -> None:
        """Queue a callback; the next applied write request runs it (once) just before applying."""
        with self._lock:
            self._before_write.append(callback)

    def after_next_write(self, callback: Callable[[FakeSheetsServer, str], None]) -> None:
        """Queue a callback; the next write request that is applied runs it (once) right after applying it and
        before its reply is sent (a write refused with an error leaves it queued)."""
        with self._lock:
            self._after_write.append(callback)

    def count(self, kind: str | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.requests if kind is None or r.kind == kind)

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()

    # -- request handling ------------------------------------------------------------------
    def _dispatch(self, h: Handler, method: str, raw: bytes) -> None:
        split = urlsplit(h.path)
        query = parse_qs(split.query, keep_blank_values=True)
        kind, key, rng = "unknown", None, None
        for route_method, pattern, route_kind in _ROUTES:
            m = pattern.match(split.path)
            if m and route_method == method:
                kind, key = route_kind, unquote(m.group(1))
                rng = unquote(m.group(2)) if m.lastindex and m.lastindex > 1 else None
                break
        if method == "GET" and split.path == DRIVE_FILES:
            kind = "drive.files.list"
        rec = RequestRecord(method, unquote(split.path), query, kind, key)
        with self._lock:
            self.requests.append(rec)
        over = self.quota.charge(kind, user_of(h.headers.get("Authorization")))
        if over is not None:
            rec.status = 429
            return h.send_json(429, over)
        if kind == "drive.files.list":
            try:
                rec.status, payload = 200, self.drive.files_list(query)
            except SheetsError as e:
                rec.status, payload = e.code, e.body()
            return h.send_json(rec.status, payload)
        with self._lock:
            fault = rec.fault = self._faults.take(kind) if kind != "unknown" else None
        if fault and fault.delay:
            self._stopping.wait(fault.delay)
        if fault and not fault.apply_then_fail and (fault.drop or fault.status >= 400):
            return self._fail(h, rec, fault)
        status, payload = self._execute(rec, rng, raw)
        if fault and fault.apply_then_fail:
            return self._fail(h, rec, fault)
        rec.status = status
        h.send_json(status, payload)

    def _fail(self, h: Handler, rec: RequestRecord, fault: Fault) -> None:
        if fault.drop:
            rec.status = 0
            return h.drop()
        headers = {}
        if fault.retry_after is not None or fault.status == 429:
            ra = fault.retry_after or 0
            headers["Retry-After"] = str(int(ra)) if float(ra).is_integer() else str(ra)
        rec.status = fault.status
        message = fault.message
        if message is None and fault.status == 429:
            message = quota_message(rec.kind in WRITE_KINDS)
        h.send_json(fault.status, error_body(fault.status, message), headers)

    def _execute(self, rec: RequestRecord, rng: str | None, raw: bytes) -> tuple[int, dict]:
        if rec.kind == "unknown":
            return 404, error_body(404, f"Method not found: {rec.method} {rec.path}")
        body: Any = None
        if rec.method in ("POST", "PUT") and raw.strip():
            try:
                body = rec.body = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                return 400, error_body(400, f"Invalid JSON payload received. {e}")
        with self._lock:
            wb = self._books.get(rec.key or "")
            if wb is None:
                return 404, error_body(404)
            if wb.forbidden:
                return 403, error_body(403)
            hook = self._before_write.pop(0) if rec.kind in WRITE_KINDS and self._before_write else None
        try:
            if hook is not None:
                hook(self, wb.key)
            with self._lock:
                snap = wb.snapshot() if rec.kind in WRITE_KINDS else None
                try:
                    payload = _call(rec.kind, wb, rng, rec.query, body)
                except BaseException:
                    if snap is not None:
                        wb.restore(snap)
                    raise
                rec.applied = True
                after = self._after_write.pop(0) if rec.kind in WRITE_KINDS and self._after_write else None
            if rec.kind in WRITE_KINDS:
                self.drive.touch(wb.key)  # Drive's modifiedTime moves on every applied write
            if after is not None:
                after(self, wb.key)
            return 200, payload
        except SheetsError as e:
            return e.code, e.body()
        except Exception as e:  # a bug in the fake or in a test callback: answer 500, keep it for the test
            self.errors.append(e)
            return 500, error_body(500, f"Fake server error: {e!r}")
