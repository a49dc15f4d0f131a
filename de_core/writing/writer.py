"""The one write path: permission first, then the store, then an audit row for every confirmed change."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Literal

from de_core.store.base import DuplicateIdConflict, SheetStore, StoreError
from de_core.writing.actor import Actor
from de_core.writing.ids import new_id
from de_core.writing.submission import (
    AUDIT_TAB,
    Queue,
    Submission,
    WriteResult,
    bangkok_now,
    compact,
    refused,
    unavailable,
)

log = logging.getLogger(__name__)

_AUDIT_NS = uuid.UUID("6f1c5b0e-4a8e-4d7e-9a53-2d1f0c9b7e11")


class Writer:
    """Writes rows for one actor. Refuses viewers before touching the store; audits every confirmed change."""

    def __init__(self, store: SheetStore, actor: Actor, clock: Callable[[], datetime] = bangkok_now,
                 outbox: Queue | None = None):
        self.store = store
        self.actor = actor
        self.clock = clock
        self.outbox = outbox

    def _check(self, tab_key: str) -> None:
        if not self.actor.can_write:
            raise refused()
        if tab_key == AUDIT_TAB:
            raise ValueError("the audit tab is written by the Writer itself")

    def append(self, tab_key: str, row: Mapping[str, Any]) -> WriteResult:
        """Append one row carrying its id (the same id and content again is a no-op). Raises StoreError."""
        self._check(tab_key)
        return self.send(Submission.append(tab_key, row))

    def update(self, tab_key: str, row_id: str, values: Mapping[str, Any],
               key: str | None = None) -> WriteResult:
        """Change cells of the row with that id (found again at write time). Raises StoreError."""
        self._check(tab_key)
        return self.send(Submission.update(tab_key, row_id, values, key))

    def send(self, sub: Submission) -> WriteResult:
        """Send one submission now and audit it. Raises StoreError (PermissionDenied for viewers)."""
        self._check(sub.tab)
        try:
            if sub.op == "append":
                appended = self.store.append(sub.tab, [sub.values])
                status = "written" if appended.appended else "already_present"
                audit_id = "aud-" + uuid.uuid5(_AUDIT_NS, f"{sub.tab}\n{sub.row_id}\nappend").hex
                audit = self._audit(audit_id, "append", sub, {}, sub.values)
                return WriteResult(sub, status, audit)
            updated = self.store.update(sub.tab, sub.row_id, sub.values)
        except OSError as exc:
            raise unavailable(exc) from exc
        if updated.before == updated.after:
            return WriteResult(sub, "unchanged")
        audit = self._audit(new_id(AUDIT_TAB), "update", sub, updated.before, updated.after)
        return WriteResult(sub, "written", audit)

    def fill_missing_ids(self, tab_key: str, make_id: Callable[[str], str] = new_id) -> list[str]:
        """Give every row without an id a fresh one (Data health's editor action), audited per row."""
        self._check(tab_key)
        filled = self.store.fill_missing_ids(tab_key, make_id)
        for row_id in filled:
            sub = Submission.update(tab_key, row_id, {"id": row_id})
            self._audit(new_id(AUDIT_TAB), "fill_id", sub, {"id": ""}, {"id": row_id})
        return filled

    def add_columns(self, tab_key: str, headers: list[str]) -> list[str]:
        """Add header cells a tab lacks (unknown columns an import keeps), audited."""
        self._check(tab_key)
        added = self.store.ensure_columns(tab_key, headers)
        if added:
            sub = Submission.update(tab_key, "", {})
            self._audit(new_id(AUDIT_TAB), "add_columns", sub, {}, {"columns": ", ".join(added)})
        return added

    def append_many(self, tab_key: str, rows: list[Mapping[str, Any]]) -> int:
        """Append rows in one store call (an import), each audited. Returns how many were new."""
        self._check(tab_key)
        subs = [Submission.append(tab_key, row) for row in rows]
        result = self.store.append(tab_key, [sub.values for sub in subs])
        landed = set(result.appended)
        for sub in subs:
            if sub.row_id in landed:
                audit_id = "aud-" + uuid.uuid5(_AUDIT_NS, f"{sub.tab}\n{sub.row_id}\nappend").hex
                self._audit(audit_id, "append", sub, {}, sub.values)
        return len(landed)

    def submit(self, sub: Submission) -> WriteResult:
        """Send now; when the store cannot be reached, keep it in the outbox. Raises StoreError otherwise."""
        self._check(sub.tab)
        try:
            result = self.send(sub)
        except StoreError as err:
            if self.outbox is None or not err.retryable:
                raise
            self.outbox.put(sub, self.actor, err, self.clock())
            return WriteResult(sub, "queued", error=err)
        if self.outbox is not None:
            self.outbox.settle(sub.key, self.clock())
        return result

    def _audit(self, audit_id: str, action: str, sub: Submission, before: Mapping[str, str],
               after: Mapping[str, str]) -> Literal["written", "queued", "lost"]:
        row = {"id": audit_id, "at": self.clock().isoformat(timespec="seconds"), "who": self.actor.who,
               "action": action, "tab": sub.tab, "row_id": sub.row_id, "before": compact(before),
               "after": compact(after)}
        try:
            self.store.append(AUDIT_TAB, [row])
        except DuplicateIdConflict:
            return "written"  # this very change was audited by an earlier attempt
        except (StoreError, OSError) as err:
            if self.outbox is not None:
                self.outbox.put(Submission.append(AUDIT_TAB, row), self.actor, err, self.clock())
                return "queued"
            log.warning("audit row %s for %s/%s was not written: %s", audit_id, sub.tab, sub.row_id, err)
            return "lost"
        return "written"
