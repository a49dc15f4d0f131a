"""The digest log tab: one row per channel, target and period (its id channel:target:period), written through the
Writer (so audited) before a send and after it. A period is sent once: the row is found by a second run on this
machine or a fresh one; two runs at once meet at the append, which refuses the second claim."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from de_core.digest.outcome import Delivery
from de_core.sheet.schema import load_schema
from de_core.sheet.workbook import Workbook
from de_core.store.base import conflict
from de_core.writing.forms import be_text
from de_core.writing.writer import Writer

TAB = "digest_log"
RESUME_WITHIN = timedelta(hours=23)  # LINE keeps a retry key for 24 hours after its first request


def row_id(channel: str, target: str, period_key: str) -> str:
    """"line:C0123…:2023-W26": the log row (and idempotency key) of one digest to one target for one period."""
    return f"{channel}:{target}:{period_key}"


@dataclass(frozen=True)
class Entry:
    id: str
    channel: str
    target: str
    period: str
    status: str  # sending, sent, failed, unknown (or None: a status typed in the sheet that the app cannot read)
    started_at: datetime | None = None
    attempts: int = 0
    retry_key: str = ""
    as_of: date | None = None
    request_id: str = ""


def _when(text: object) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text or "").strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def entries(wb: Workbook) -> dict[str, Entry]:
    """The log's rows by id (a workbook without the tab has none)."""
    return {r["id"]: Entry(r["id"], r.get("channel") or "", r.get("target") or "", r.get("period") or "",
                           r.get("status") or "", _when(r.get("started_at")), r.get("attempts") or 0,
                           (r.get("retry_key") or "").strip(), r.get("as_of"), r.get("request_id") or "")
            for r in wb.rows(TAB) if r.get("id")}


def last_digest_day(wb: Workbook, fiscal_year: int, period_key: str, day: date) -> date | None:
    """The data date of the latest digest of the year sent for an earlier period (on or before `day`)."""
    days = [r["as_of"] for r in wb.rows(TAB, fiscal_year) if r.get("status") == "sent" and r.get("as_of")
            and r.get("period") != period_key and r["as_of"] <= day]
    return max(days) if days else None


Action = Literal["send", "resume", "skip"]


@dataclass(frozen=True)
class Plan:
    action: Action
    entry: Entry | None = None
    why_th: str = ""
    why_en: str = ""


def plan_for(entry: Entry | None, channel: str, now: datetime) -> Plan:
    """What to do for one target this period: send (no row yet, or the last try certainly failed), resume (a LINE
    send that may have gone through, within a day: LINE drops a repeat with the same retry key) or skip."""
    if entry is None:
        return Plan("send")
    if entry.status == "sent":
        return Plan("skip", entry, "ส่งแล้วสำหรับรอบนี้", "already sent for this period")
    if entry.status == "failed":
        return Plan("send", entry)
    if channel == "line" and entry.retry_key and entry.started_at and now - entry.started_at < RESUME_WITHIN:
        return Plan("resume", entry)
    return Plan("skip", entry, "ไม่ทราบผลการส่งครั้งก่อน จึงไม่ส่งซ้ำ (ตรวจดูกับผู้รับ แล้วแก้สถานะในแท็บบันทึกการส่งสรุปหากต้องส่งใหม่)",
                "the last send's outcome is unknown, so it is not repeated (ask the recipients; change the status in "
                "the digest log tab to send again)")


def _label(enum: str, key: str) -> str:
    return load_schema().enum_label(enum, key, "th")


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def claim(writer: Writer, plan: Plan, channel: str, target: str, period_key: str, fiscal_year: int, as_of: date,
          now: datetime) -> Entry:
    """Write the row that says this target is being sent to, before anything is sent, and return it.

    A new row is appended (a second run's append of the same id is refused: DuplicateIdConflict); a failed row gets
    a fresh retry key; a resumed row keeps its key. Raises StoreError: then nothing may be sent.
    """
    rid = row_id(channel, target, period_key)
    old = plan.entry
    if plan.action == "resume" and old is not None:
        writer.update(TAB, rid, {"status": _label("digest_status", "sending"), "attempts": old.attempts + 1})
        return Entry(rid, channel, target, period_key, "sending", old.started_at, old.attempts + 1, old.retry_key,
                     as_of)
    key = str(uuid.uuid4())
    values = {"status": _label("digest_status", "sending"), "as_of": be_text(as_of), "started_at": _stamp(now),
              "finished_at": "", "attempts": (old.attempts if old else 0) + 1, "request_id": "", "retry_key": key,
              "note": ""}
    if old is None:
        result = writer.append(TAB, {"id": rid, "fiscal_year": fiscal_year, "channel": _label("digest_channel", channel),
                                     "target": target, "period": period_key, **values})
        if result.status != "written":  # the same row, claimed by another run a moment ago
            raise conflict(load_schema().tab(TAB), rid)
    else:
        writer.update(TAB, rid, values)
    return Entry(rid, channel, target, period_key, "sending", now, int(values["attempts"]), key, as_of)


def record(writer: Writer, entry: Entry, delivery: Delivery, note: str, now: datetime) -> None:
    """Write what became of the send into its row. Raises StoreError."""
    writer.update(TAB, entry.id, {"status": _label("digest_status", delivery.status), "finished_at": _stamp(now),
                                  "request_id": delivery.request_id, "note": note})
