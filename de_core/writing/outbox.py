"""The local outbox: writes that could not be sent wait in a SQLite file beside the app, then go out once.

The row id (for an update, the submission id) is the idempotency key: sending twice appends nothing twice.
An append waits as ONE item holding the row and its audit row (made when it was saved), sent later as one write.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from de_core.store.base import DuplicateIdConflict, SheetStore, StoreError
from de_core.writing.actor import Actor
from de_core.writing.submission import AUDIT_TAB, Submission, bangkok_now, is_retryable, refused, unavailable
from de_core.writing.writer import Writer

DEFAULT_NAME = "outbox.sqlite"
PATH_ENV = "DE_DASHBOARD_OUTBOX"
RETRY_AFTER = timedelta(seconds=30)

_DDL = """
CREATE TABLE IF NOT EXISTS items (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, tab TEXT NOT NULL, op TEXT NOT NULL,
  row_id TEXT NOT NULL, payload TEXT NOT NULL, who TEXT NOT NULL, method TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', last_attempt_at TEXT,
  delivered_at TEXT, failed_at TEXT, dismissed INTEGER NOT NULL DEFAULT 0, audit TEXT NOT NULL DEFAULT ''
);
"""
_COLUMNS = "id, tab, op, row_id, payload, who, method, created_at, attempts, last_error, last_attempt_at, " \
           "delivered_at, failed_at, audit"
_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def outbox_path(secrets: Mapping[str, Any], workbook_path: Path | None = None) -> Path:
    """[outbox] path in secrets, else $DE_DASHBOARD_OUTBOX, else outbox.sqlite beside the workbook."""
    configured = (secrets.get("outbox") or {}).get("path") or os.environ.get(PATH_ENV)
    if configured:
        return Path(configured)
    return (workbook_path.parent if workbook_path else Path("data")) / DEFAULT_NAME


@dataclass(frozen=True)
class Item:
    """One queued submission and what happened to it so far."""

    submission: Submission
    who: str
    method: str
    created_at: str
    attempts: int = 0
    last_error: str = ""
    last_attempt_at: str | None = None
    delivered_at: str | None = None
    failed_at: str | None = None
    audit: dict[str, str] | None = None  # the audit row sent with an append (made when it was saved)


@dataclass
class DeliveryReport:
    """What one delivery round did: keys delivered, keys that failed for good, what still waits, and why."""

    delivered: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    remaining: int = 0
    error: StoreError | None = None


class Outbox:
    """Queued submissions in a SQLite file. Safe with several sessions and processes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(_DDL)
            if "audit" not in {row[1] for row in conn.execute("PRAGMA table_info(items)")}:  # a file from before
                conn.execute("ALTER TABLE items ADD COLUMN audit TEXT NOT NULL DEFAULT ''")
        with _LOCKS_GUARD:
            self._lock = _LOCKS.setdefault(str(self.path.resolve()), threading.Lock())

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            yield conn
        finally:
            conn.close()

    def put(self, sub: Submission, actor: Actor, error: BaseException | None, at: datetime,
            audit: Mapping[str, str] | None = None) -> None:
        """Queue a submission that just failed to go out, with the audit row to send with it (a queued key takes
        the new content, waits again).

        Raises PermissionDenied for a viewer: the outbox only ever holds an editor's writes, so delivery, which
        runs later for whoever opens the page, never sends anything a viewer typed.
        """
        if not actor.can_write:
            raise refused()
        message = getattr(error, "message_en", None) or (str(error) if error else "")
        stamp = at.isoformat(timespec="seconds")
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO items (id, tab, op, row_id, payload, who, method, created_at, attempts, "
                "last_error, last_attempt_at, audit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET payload = excluded.payload, audit = excluded.audit, "
                "attempts = attempts + 1, "
                "last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at, "
                "delivered_at = NULL, failed_at = NULL, dismissed = 0",
                (sub.key, sub.tab, sub.op, sub.row_id, json.dumps(sub.values, ensure_ascii=False), actor.who,
                 actor.method, stamp, message, stamp, json.dumps(dict(audit), ensure_ascii=False) if audit else ""),
            )

    def _select(self, where: str, args: tuple = ()) -> list[Item]:
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM items WHERE {where} ORDER BY seq", args).fetchall()
        return [
            Item(Submission(key, tab, op, row_id, json.loads(payload)), who, method, created, attempts, error,
                 attempted, delivered, failed, json.loads(audit) if audit else None)
            for key, tab, op, row_id, payload, who, method, created, attempts, error, attempted, delivered,
            failed, audit in rows
        ]

    def pending(self) -> list[Item]:
        """Items still to send, oldest first."""
        return self._select("delivered_at IS NULL AND failed_at IS NULL")

    def failed(self) -> list[Item]:
        """Items the store refused for good (e.g. an id conflict), not yet dismissed, oldest first."""
        return self._select("failed_at IS NOT NULL AND delivered_at IS NULL AND dismissed = 0")

    def get(self, key: str) -> Item | None:
        """The item with this key, delivered or not."""
        found = self._select("id = ?", (key,))
        return found[0] if found else None

    def _set(self, sql: str, args: tuple) -> None:
        with self._connect() as conn:
            conn.execute(sql, args)

    def settle(self, key: str, at: datetime) -> None:
        """Mark a waiting item delivered because the same key was just written directly."""
        self._set("UPDATE items SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
                  (at.isoformat(timespec="seconds"), key))

    def requeue(self, key: str) -> None:
        """Let a failed item wait for delivery again (after the cause was fixed in the sheet)."""
        self._set("UPDATE items SET failed_at = NULL, last_attempt_at = NULL "
                  "WHERE id = ? AND delivered_at IS NULL", (key,))

    def dismiss(self, key: str) -> None:
        """Hide a failed item (its text stays in the file)."""
        self._set("UPDATE items SET dismissed = 1 WHERE id = ?", (key,))

    def _attempted(self, key: str, at: datetime, error: str, failed: bool) -> None:
        self._set("UPDATE items SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?, "
                  "failed_at = CASE WHEN ? THEN ? ELSE failed_at END WHERE id = ?",
                  (error, at.isoformat(timespec="seconds"), failed, at.isoformat(timespec="seconds"), key))

    def deliver(self, store: SheetStore, clock: Callable[[], datetime] = bangkok_now,
                force: bool = False) -> DeliveryReport:
        """Send waiting items in order, each once. Stops at the first failure that may pass later.

        Without `force`, an item tried less than 30 seconds ago waits. Never raises StoreError.
        """
        report = DeliveryReport()
        with self._lock:
            for _round in range(3):
                progressed = self._deliver_round(store, clock, force, report)
                if not progressed or report.error is not None:
                    break
        report.remaining = len(self.pending())
        return report

    def _deliver_round(self, store: SheetStore, clock: Callable[[], datetime], force: bool,
                       report: DeliveryReport) -> bool:
        progressed = False
        for item in self.pending():
            now = clock()
            tried = datetime.fromisoformat(item.last_attempt_at) if item.last_attempt_at else None
            if not force and tried and now - tried < RETRY_AFTER:
                break
            try:
                self._send(store, item, clock)
            except StoreError as err:
                if is_retryable(err):
                    self._attempted(item.submission.key, now, err.message_en, failed=False)
                    report.error = err
                    return progressed
                self._attempted(item.submission.key, now, err.message_en, failed=True)
                report.failed.append(item.submission.key)
                continue
            self._set("UPDATE items SET attempts = attempts + 1, delivered_at = ? WHERE id = ?",
                      (now.isoformat(timespec="seconds"), item.submission.key))
            report.delivered.append(item.submission.key)
            progressed = True
        return progressed

    def _send(self, store: SheetStore, item: Item, clock: Callable[[], datetime]) -> None:
        sub = item.submission
        try:
            if sub.tab == AUDIT_TAB:  # an audit row waiting alone (ids filled, columns added; or an older file)
                try:
                    store.append(AUDIT_TAB, [sub.values])
                except DuplicateIdConflict:
                    pass  # the same change was audited by a later direct attempt
                return
            actor = Actor(item.who, "editor", item.method)  # type: ignore[arg-type]
            Writer(store, actor, clock, outbox=self).send(sub, item.audit)
        except OSError as exc:
            raise unavailable(exc) from exc
