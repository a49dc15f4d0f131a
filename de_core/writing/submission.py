"""What a write is, before any store sees it: a submission, its result, and the errors and clock both the
writer and the outbox use (shared here so that neither has to import the other)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Literal, Protocol

from de_core.store.base import AUDIT_TAB, PermissionDenied, StoreError, StoreUnavailable, cell_text
from de_core.writing.actor import Actor

BANGKOK = timezone(timedelta(hours=7), "ICT")
__all__ = ["AUDIT_TAB", "BANGKOK", "Queue", "Submission", "WriteResult", "bangkok_now", "compact", "is_retryable",
           "refused", "unavailable"]

Op = Literal["append", "update"]


def bangkok_now() -> datetime:
    """The current time in Thailand (UTC+7, no daylight saving)."""
    return datetime.now(BANGKOK)


@dataclass(frozen=True)
class Submission:
    """One write as it is sent, queued and retried. `key` is its idempotency key (the row id of an append)."""

    key: str
    tab: str
    op: Op
    row_id: str
    values: dict[str, str] = field(default_factory=dict)

    @classmethod
    def append(cls, tab: str, row: Mapping[str, Any]) -> Submission:
        """An append of one row; raises ValueError when the row carries no id."""
        values = {k: cell_text(v) for k, v in row.items()}
        row_id = values.get("id", "")
        if not row_id:
            raise ValueError("an appended row must carry its id")
        return cls(row_id, tab, "append", row_id, values)

    @classmethod
    def update(cls, tab: str, row_id: str, values: Mapping[str, Any], key: str | None = None) -> Submission:
        """An update of some cells of the row `row_id`; `key` identifies this submission (fresh when None)."""
        return cls(key or f"upd-{uuid.uuid4().hex}", tab, "update", row_id,
                   {k: cell_text(v) for k, v in values.items()})


@dataclass
class WriteResult:
    """What happened: status of the row, status of its audit row, and the error that queued it (if any)."""

    submission: Submission
    status: Literal["written", "already_present", "unchanged", "queued"]
    audit: Literal["written", "queued", "skipped", "lost"] = "skipped"
    error: StoreError | None = None


def refused() -> PermissionDenied:
    """The error every write by a viewer gets, before anything reaches the store."""
    return PermissionDenied(
        "ผู้ชมอ่านข้อมูลได้อย่างเดียว จึงไม่ได้บันทึก", "Viewers can only read; nothing was saved",
        "ลงชื่อเข้าใช้ในฐานะผู้แก้ไขก่อน แล้วลองอีกครั้ง", "Sign in as an editor, then try again",
    )


def unavailable(exc: BaseException) -> StoreUnavailable:
    """A network-level failure as a retryable store error."""
    return StoreUnavailable(
        "เชื่อมต่อที่เก็บข้อมูลไม่ได้ในขณะนี้ (เครือข่าย)", "The data store cannot be reached right now (network)",
        "ตรวจการเชื่อมต่ออินเทอร์เน็ต รายการนี้เก็บไว้ในเครื่องและจะส่งให้อีกครั้ง",
        f"Check the connection; the item is kept here and will be sent again ({type(exc).__name__})",
    )


def compact(values: Mapping[str, str] | None) -> str:
    """Cells as compact JSON text for the audit tab ("" for nothing)."""
    return json.dumps(dict(values), ensure_ascii=False, separators=(",", ":")) if values else ""


def is_retryable(err: BaseException) -> bool:
    """Whether a failed write may succeed later unchanged (network, quota, busy store)."""
    return bool(getattr(err, "retryable", False)) or isinstance(err, OSError)


class Queue(Protocol):
    """Where a write that could not be sent waits (the outbox): the writer puts it there and settles it."""

    def put(self, sub: Submission, actor: Actor, error: BaseException | None, at: datetime,
            audit: Mapping[str, str] | None = None) -> None: ...

    def settle(self, key: str, at: datetime) -> None: ...
