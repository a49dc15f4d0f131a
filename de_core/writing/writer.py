"""The one write path: permission first, then the store, which writes every change together with its audit row
(one transaction, one atomic request: a crash never leaves a stored row without its audit row)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Literal

from de_core.store.base import SheetStore, StoreError
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

    def audit_row(self, action: str, sub: Submission, before: Mapping[str, str],
                  after: Mapping[str, str]) -> dict[str, str]:
        """The audit row of a change by this actor, now: a fresh id, who, when (+07:00), tab, row, before → after."""
        return {"id": new_id(AUDIT_TAB), "at": self.clock().isoformat(timespec="seconds"), "who": self.actor.who,
                "action": action, "tab": sub.tab, "row_id": sub.row_id, "before": compact(before),
                "after": compact(after)}

    def send(self, sub: Submission, audit: Mapping[str, str] | None = None) -> WriteResult:
        """Send one submission now, written together with its audit row (`audit`, for an append made when it was
        first saved; else made now). A row already present (its confirmation was lost) adds neither.

        Raises StoreError (PermissionDenied for viewers).
        """
        self._check(sub.tab)
        try:
            if sub.op == "append":
                row = audit or self.audit_row("append", sub, {}, sub.values)
                appended = self.store.append_audited(sub.tab, [sub.values], [row])
                if appended.appended:
                    return WriteResult(sub, "written", "written")
                return WriteResult(sub, "already_present")
            updated = self.store.update_audited(sub.tab, sub.row_id, sub.values, lambda res: None if (
                res.before == res.after) else self.audit_row("update", sub, res.before, res.after))
        except OSError as exc:
            raise unavailable(exc) from exc
        if updated.before == updated.after:
            return WriteResult(sub, "unchanged")
        return WriteResult(sub, "written", "written")

    def fill_missing_ids(self, tab_key: str, make_id: Callable[[str], str] = new_id) -> list[str]:
        """Give every row without an id a fresh one (Data health's editor action), audited per row."""
        self._check(tab_key)
        filled = self.store.fill_missing_ids(tab_key, make_id)
        for row_id in filled:
            sub = Submission.update(tab_key, row_id, {"id": row_id})
            self._audit("fill_id", sub, {"id": ""}, {"id": row_id})
        return filled

    def add_columns(self, tab_key: str, headers: list[str]) -> list[str]:
        """Add header cells a tab lacks (unknown columns an import keeps), audited."""
        self._check(tab_key)
        added = self.store.ensure_columns(tab_key, headers)
        if added:
            sub = Submission.update(tab_key, "", {})
            self._audit("add_columns", sub, {}, {"columns": ", ".join(added)})
        return added

    def append_many(self, tab_key: str, rows: list[Mapping[str, Any]]) -> int:
        """Append rows in one store call (an import), each with its audit row, together. Returns how many were new."""
        self._check(tab_key)
        subs = [Submission.append(tab_key, row) for row in rows]
        audits = [self.audit_row("append", sub, {}, sub.values) for sub in subs]
        result = self.store.append_audited(tab_key, [sub.values for sub in subs], audits)
        return len(result.appended)

    def submit(self, sub: Submission) -> WriteResult:
        """Send now; when the store cannot be reached, keep it in the outbox as ONE item: the row with its audit row
        (an update's audit row is made when it is delivered). Raises StoreError otherwise."""
        self._check(sub.tab)
        audit = self.audit_row("append", sub, {}, sub.values) if sub.op == "append" else None
        try:
            result = self.send(sub, audit)
        except StoreError as err:
            if self.outbox is None or not err.retryable:
                raise
            self.outbox.put(sub, self.actor, err, self.clock(), audit)
            return WriteResult(sub, "queued", error=err)
        if self.outbox is not None:
            self.outbox.settle(sub.key, self.clock())
        return result

    def _audit(self, action: str, sub: Submission, before: Mapping[str, str],
               after: Mapping[str, str]) -> Literal["written", "queued", "lost"]:
        """The audit row of a change the store made on its own (ids filled, columns added), as a write of its own;
        when it fails it waits in the outbox."""
        row = self.audit_row(action, sub, before, after)
        try:
            self.store.append(AUDIT_TAB, [row])
        except (StoreError, OSError) as err:
            if self.outbox is not None:
                self.outbox.put(Submission.append(AUDIT_TAB, row), self.actor, err, self.clock())
                return "queued"
            log.warning("audit row %s for %s/%s was not written: %s", row["id"], sub.tab, sub.row_id, err)
            return "lost"
        return "written"
