"""The one write path: viewers refused before the store, every confirmed change audited, audit failures queued."""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta, timezone

import pytest

from de_core.store import (
    AppendResult,
    DuplicateIdConflict,
    PermissionDenied,
    SchemaMismatch,
    StoreUnavailable,
    UpdateResult,
)
from de_core.writing.actor import LOCAL_EDITOR, VIEWER, Actor
from de_core.writing.submission import Submission
from de_core.writing.writer import Writer

EDITOR = Actor("officer@example.go.th", "editor", "oidc")
AT = datetime(2023, 5, 15, 14, 30, tzinfo=timezone(timedelta(hours=7)))
ROW = {"id": "ref-1", "fiscal_year": "2566", "what": "=HYPERLINK(\"http://x\")", "so_what": "+cmd"}


def clock() -> datetime:
    return AT


class MemoryStore:
    """A store in memory that records every call and can fail on chosen tabs."""

    name = "memory"

    def __init__(self, fail_tabs: dict[str, Exception] | None = None):
        self.rows: dict[str, list[dict[str, str]]] = {}
        self.calls: list[tuple[str, str]] = []
        self.fail_tabs = fail_tabs or {}

    def read_all(self):
        raise NotImplementedError

    def append(self, tab_key, rows):
        self.calls.append(("append", tab_key))
        if tab_key in self.fail_tabs:
            raise self.fail_tabs[tab_key]
        result = AppendResult()
        tab = self.rows.setdefault(tab_key, [])
        for row in rows:
            same = [r for r in tab if r["id"] == row["id"]]
            if same and same[0] != dict(row):
                raise DuplicateIdConflict("ซ้ำ", "duplicate")
            (result.already_present if same else result.appended).append(row["id"])
            if not same:
                tab.append(dict(row))
        return result

    def update(self, tab_key, row_id, values):
        self.calls.append(("update", tab_key))
        if tab_key in self.fail_tabs:
            raise self.fail_tabs[tab_key]
        row = next(r for r in self.rows[tab_key] if r["id"] == row_id)
        before = {k: row.get(k, "") for k in values}
        row.update(values)
        return UpdateResult(row_id, 2, before, {k: row[k] for k in values})

    def _together(self, *tabs):
        """Both writes or neither: a failure on either tab writes nothing."""
        for tab in tabs:
            if tab in self.fail_tabs:
                raise self.fail_tabs[tab]

    def append_audited(self, tab_key, rows, audits):
        self._together(tab_key, "audit")
        result = self.append(tab_key, rows)
        landed = [a for r, a in zip(rows, audits, strict=True) if r["id"] in result.appended]
        if landed:
            self.append("audit", landed)
        return result

    def update_audited(self, tab_key, row_id, values, audit):
        self._together(tab_key, "audit")
        result = self.update(tab_key, row_id, values)
        row = audit(result)
        if row is not None:
            self.append("audit", [row])
        return result


class FakeOutbox:
    def __init__(self):
        self.items: list[tuple[Submission, Actor]] = []
        self.settled: list[str] = []

    def put(self, sub, actor, error, at, audit=None):
        self.items.append((sub, actor, audit))

    def settle(self, key, at):
        self.settled.append(key)


def test_a_viewer_is_refused_before_the_store_is_touched():
    store = MemoryStore()
    writer = Writer(store, VIEWER, clock)
    with pytest.raises(PermissionDenied) as err:
        writer.append("reflections", ROW)
    assert "อ่านข้อมูลได้อย่างเดียว" in err.value.message_th and "only read" in err.value.message_en
    with pytest.raises(PermissionDenied):
        writer.update("activities", "act-1", {"status": "เสร็จแล้ว"})
    with pytest.raises(PermissionDenied):
        writer.submit(Submission.append("reflections", ROW))
    assert store.calls == []


def test_a_viewer_submission_is_not_even_queued_in_the_outbox():
    outbox = FakeOutbox()
    with pytest.raises(PermissionDenied):
        Writer(MemoryStore(), VIEWER, clock, outbox).submit(Submission.append("reflections", ROW))
    assert outbox.items == []


def test_an_append_writes_the_row_raw_and_one_audit_row_with_who_when_and_after():
    store = MemoryStore()
    result = Writer(store, EDITOR, clock).append("reflections", ROW)
    assert result.status == "written" and result.audit == "written"
    assert store.rows["reflections"] == [ROW]
    (audit,) = store.rows["audit"]
    assert audit["id"].startswith("aud-")
    assert audit["at"] == "2023-05-15T14:30:00+07:00"
    assert (audit["who"], audit["action"], audit["tab"], audit["row_id"]) == (EDITOR.who, "append", "reflections",
                                                                              "ref-1")
    assert audit["before"] == ""
    assert json.loads(audit["after"]) == ROW
    assert " " not in audit["after"].replace("=HYPERLINK", "")  # compact JSON


def test_sending_the_same_append_twice_leaves_one_row_and_one_audit_row():
    store = MemoryStore()
    writer = Writer(store, EDITOR, clock)
    writer.append("reflections", ROW)
    again = writer.append("reflections", ROW)
    assert again.status == "already_present"
    assert len(store.rows["reflections"]) == 1 and len(store.rows["audit"]) == 1


def test_an_update_is_audited_before_to_after_and_an_unchanged_one_is_not():
    store = MemoryStore()
    store.rows["activities"] = [{"id": "act-1", "status": "ตามแผน", "actual_end": ""}]
    writer = Writer(store, LOCAL_EDITOR, clock)
    result = writer.update("activities", "act-1", {"status": "เสร็จแล้ว", "actual_end": "28/10/2565"})
    assert result.status == "written"
    (audit,) = store.rows["audit"]
    assert audit["action"] == "update" and audit["who"] == "local-editor"
    assert json.loads(audit["before"]) == {"status": "ตามแผน", "actual_end": ""}
    assert json.loads(audit["after"]) == {"status": "เสร็จแล้ว", "actual_end": "28/10/2565"}
    assert writer.update("activities", "act-1", {"status": "เสร็จแล้ว"}).status == "unchanged"
    assert len(store.rows["audit"]) == 1


def test_values_cross_as_text_and_nan_becomes_an_empty_cell():
    store = MemoryStore()
    Writer(store, EDITOR, clock).append("kpi_readings", {"id": "rd-1", "value": 80.0, "note": math.nan,
                                                          "evidence": None})
    assert store.rows["kpi_readings"] == [{"id": "rd-1", "value": "80", "note": "", "evidence": ""}]


def test_a_failure_of_the_audit_part_writes_neither_and_queues_one_item_with_row_and_audit():
    store = MemoryStore(fail_tabs={"audit": StoreUnavailable("ไม่ว่าง", "busy")})
    outbox = FakeOutbox()
    result = Writer(store, EDITOR, clock, outbox).submit(Submission.append("reflections", ROW))
    assert result.status == "queued"
    assert "reflections" not in store.rows and "audit" not in store.rows
    ((queued, actor, audit),) = outbox.items
    assert queued.key == "ref-1" and actor == EDITOR
    assert (audit["action"], audit["row_id"], audit["at"]) == ("append", "ref-1", "2023-05-15T14:30:00+07:00")


def test_a_refused_audit_part_without_an_outbox_writes_neither_and_says_so():
    store = MemoryStore(fail_tabs={"audit": SchemaMismatch("ไม่มีแท็บ", "no tab")})
    with pytest.raises(SchemaMismatch):
        Writer(store, EDITOR, clock).append("reflections", ROW)
    assert store.rows == {}


def test_a_retried_append_does_not_write_a_second_audit_row_for_the_same_change():
    store = MemoryStore()
    writer = Writer(store, EDITOR, clock)
    writer.append("reflections", ROW)
    later = Writer(store, EDITOR, lambda: AT + timedelta(minutes=5))
    again = later.append("reflections", ROW)  # its audit row went in with the row the first time
    assert (again.status, again.audit) == ("already_present", "skipped")
    assert len(store.rows["audit"]) == 1


def test_submit_queues_a_retryable_failure_and_raises_a_refusal():
    outbox = FakeOutbox()
    busy = Writer(MemoryStore({"reflections": StoreUnavailable("ไม่ว่าง", "busy")}), EDITOR, clock, outbox)
    result = busy.submit(Submission.append("reflections", ROW))
    assert result.status == "queued" and result.error is not None
    assert [s.key for s, _a, _audit in outbox.items] == ["ref-1"]
    refused = Writer(MemoryStore({"reflections": PermissionDenied("ไม่ได้แชร์", "not shared")}), EDITOR, clock,
                     FakeOutbox())
    with pytest.raises(PermissionDenied):
        refused.submit(Submission.append("reflections", ROW))


def test_a_network_error_from_the_store_becomes_a_retryable_store_error():
    store = MemoryStore({"reflections": ConnectionResetError("reset")})
    with pytest.raises(StoreUnavailable) as err:
        Writer(store, EDITOR, clock).append("reflections", ROW)
    assert err.value.retryable and "เครือข่าย" in err.value.message_th


def test_a_confirmed_submit_settles_the_same_key_waiting_in_the_outbox():
    outbox = FakeOutbox()
    Writer(MemoryStore(), EDITOR, clock, outbox).submit(Submission.append("reflections", ROW))
    assert outbox.settled == ["ref-1"]


def test_the_audit_tab_cannot_be_written_by_hand_and_an_append_needs_an_id():
    writer = Writer(MemoryStore(), EDITOR, clock)
    with pytest.raises(ValueError):
        writer.append("audit", {"id": "aud-x"})
    with pytest.raises(ValueError):
        writer.append("reflections", {"what": "no id"})
