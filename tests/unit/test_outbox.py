"""The local outbox: queued writes survive a restart and are delivered later, in order, exactly once."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from de_core.store import StoreUnavailable
from de_core.writing.actor import Actor
from de_core.writing.outbox import Outbox, outbox_path
from de_core.writing.submission import Submission
from de_core.writing.writer import Writer

EDITOR = Actor("officer@example.go.th", "editor", "oidc")
T0 = datetime(2023, 5, 15, 9, 0, tzinfo=timezone(timedelta(hours=7)))
BUSY = StoreUnavailable("ไม่ว่าง", "busy")


def reflection(n: int, what: str = "") -> Submission:
    return Submission.append("reflections", {"id": f"ref-q{n}", "fiscal_year": "2566", "written_on": "15/05/2566",
                                             "author_group": "ศึกษานิเทศก์", "what": what or f"ข้อความที่ {n}"})


def rows(store, title: str = "สะท้อนผล") -> list[list[str]]:
    return store.read_all().tabs[title].rows[1:]


class Clock:
    def __init__(self, at: datetime = T0):
        self.at = at

    def __call__(self) -> datetime:
        return self.at


class Down:
    """A store that refuses every write as 'busy' (what a network or quota failure looks like)."""

    name = "down"

    def append(self, tab_key, rows):
        raise BUSY

    def update(self, tab_key, row_id, values):
        raise BUSY

    def append_audited(self, tab_key, rows, audits):
        raise BUSY

    def update_audited(self, tab_key, row_id, values, audit):
        raise BUSY


@pytest.fixture
def outbox(tmp_path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite")


def test_a_queued_submission_survives_reopening_the_file(tmp_path):
    Outbox(tmp_path / "o.sqlite").put(reflection(1), EDITOR, BUSY, T0)
    (item,) = Outbox(tmp_path / "o.sqlite").pending()
    assert item.submission == reflection(1)
    assert (item.who, item.method, item.attempts, item.last_error) == (EDITOR.who, "oidc", 1, "busy")
    assert item.created_at == "2023-05-15T09:00:00+07:00"


def test_delivery_sends_items_in_order_once_and_audits_them_as_their_author(outbox, sqlite_factory):
    store = sqlite_factory()
    for n in (1, 2, 3):
        outbox.put(reflection(n), EDITOR, BUSY, T0)
    report = outbox.deliver(store, Clock(T0 + timedelta(minutes=1)))
    assert report.delivered == ["ref-q1", "ref-q2", "ref-q3"] and report.remaining == 0
    assert [r[0] for r in rows(store)] == ["ref-q1", "ref-q2", "ref-q3"]
    assert outbox.deliver(store, Clock(T0 + timedelta(minutes=2)), force=True).delivered == []
    assert len(rows(store)) == 3
    audit = rows(store, "บันทึกการแก้ไข")
    assert [(a[2], a[3], a[5]) for a in audit] == [(EDITOR.who, "append", f"ref-q{n}") for n in (1, 2, 3)]


def test_an_item_whose_row_already_landed_counts_as_delivered_without_a_second_row(outbox, sqlite_factory):
    store = sqlite_factory()
    Writer(store, EDITOR).append("reflections", reflection(1).values)  # the write landed, the reply was lost
    outbox.put(reflection(1), EDITOR, BUSY, T0)
    assert outbox.deliver(store, force=True).delivered == ["ref-q1"]
    assert len(rows(store)) == 1 and len(rows(store, "บันทึกการแก้ไข")) == 1


def test_an_id_conflict_fails_that_item_with_its_message_and_the_rest_still_go(outbox, sqlite_factory):
    store = sqlite_factory()
    Writer(store, EDITOR).append("reflections", reflection(1, "อีกข้อความหนึ่ง").values)
    outbox.put(reflection(1), EDITOR, BUSY, T0)
    outbox.put(reflection(2), EDITOR, BUSY, T0)
    report = outbox.deliver(store, force=True)
    assert report.failed == ["ref-q1"] and report.delivered == ["ref-q2"]
    (failed,) = outbox.failed()
    assert "ref-q1" in failed.last_error and failed.failed_at
    assert outbox.pending() == []
    outbox.dismiss("ref-q1")
    assert outbox.failed() == []


def test_a_busy_store_stops_delivery_keeps_the_order_and_is_not_hammered(outbox, sqlite_factory):
    clock = Clock(T0)
    outbox.put(reflection(1), EDITOR, BUSY, T0)
    outbox.put(reflection(2), EDITOR, BUSY, T0)
    clock.at = T0 + timedelta(seconds=10)
    report = outbox.deliver(Down(), clock)
    assert report.delivered == [] and report.error is None and report.remaining == 2  # tried 10 s ago: wait
    clock.at = T0 + timedelta(seconds=31)
    report = outbox.deliver(Down(), clock)
    assert report.error is BUSY and report.remaining == 2
    assert [i.attempts for i in outbox.pending()] == [2, 1]  # stopped at the first: the second waits its turn
    store = sqlite_factory()
    assert outbox.deliver(store, clock, force=True).delivered == ["ref-q1", "ref-q2"]


def test_queuing_the_same_key_again_keeps_one_item_with_the_newest_text(outbox):
    outbox.put(reflection(1, "ร่างแรก"), EDITOR, BUSY, T0)
    outbox.put(reflection(1, "ร่างที่แก้แล้ว"), EDITOR, BUSY, T0)
    (item,) = outbox.pending()
    assert item.submission.values["what"] == "ร่างที่แก้แล้ว" and item.attempts == 2


def test_a_key_written_directly_is_settled_and_never_sent_again(outbox, sqlite_factory):
    store = sqlite_factory()
    outbox.put(reflection(1), EDITOR, BUSY, T0)
    result = Writer(store, EDITOR, outbox=outbox).submit(reflection(1))
    assert result.status == "written"
    assert outbox.pending() == [] and outbox.get("ref-q1").delivered_at
    assert len(rows(store)) == 1


def test_a_failed_item_can_be_sent_again_after_the_sheet_is_fixed(outbox, sqlite_factory):
    store = sqlite_factory()
    Writer(store, EDITOR).append("reflections", reflection(1, "อื่น").values)
    outbox.put(reflection(1), EDITOR, BUSY, T0)
    outbox.deliver(store, force=True)
    outbox.requeue("ref-q1")
    assert [i.submission.key for i in outbox.pending()] == ["ref-q1"]


def test_a_queued_audit_row_is_appended_as_it_is(outbox, sqlite_factory):
    store = sqlite_factory()
    audit = Submission.append("audit", {"id": "aud-1", "at": "2023-05-15T09:00:00+07:00", "who": EDITOR.who,
                                        "action": "append", "tab": "reflections", "row_id": "ref-q1"})
    outbox.put(audit, EDITOR, BUSY, T0)
    assert outbox.deliver(store, force=True).delivered == ["aud-1"]
    assert [r[0] for r in rows(store, "บันทึกการแก้ไข")] == ["aud-1"]


def test_two_sessions_delivering_at_once_still_write_each_row_once(tmp_path, sqlite_factory):
    store = sqlite_factory()
    first = Outbox(tmp_path / "shared.sqlite")
    for n in range(1, 6):
        first.put(reflection(n), EDITOR, BUSY, T0)
    boxes = [Outbox(tmp_path / "shared.sqlite") for _ in range(4)]
    threads = [threading.Thread(target=b.deliver, args=(store,), kwargs={"force": True}) for b in boxes]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(r[0] for r in rows(store)) == [f"ref-q{n}" for n in range(1, 6)]
    assert len(rows(store, "บันทึกการแก้ไข")) == 5


def test_the_outbox_lives_beside_the_workbook_unless_configured(monkeypatch):
    monkeypatch.delenv("DE_DASHBOARD_OUTBOX", raising=False)
    assert outbox_path({}, Path("/srv/de/workbook.sqlite")) == Path("/srv/de/outbox.sqlite")
    assert outbox_path({}) == Path("data/outbox.sqlite")
    assert outbox_path({"outbox": {"path": "/var/de/o.sqlite"}}) == Path("/var/de/o.sqlite")
    monkeypatch.setenv("DE_DASHBOARD_OUTBOX", "/tmp/x.sqlite")
    assert outbox_path({}, Path("/srv/de/workbook.sqlite")) == Path("/tmp/x.sqlite")


def test_a_queued_save_is_one_item_with_its_audit_row_and_is_delivered_as_one(outbox, sqlite_factory):
    result = Writer(Down(), EDITOR, Clock(T0), outbox).submit(reflection(1))
    assert result.status == "queued"
    (item,) = outbox.pending()
    assert item.submission == reflection(1)
    assert item.audit is not None and (item.audit["row_id"], item.audit["action"]) == ("ref-q1", "append")
    assert item.audit["at"] == "2023-05-15T09:00:00+07:00"  # when it was saved, not when it is delivered
    store = sqlite_factory()
    assert outbox.deliver(store, Clock(T0 + timedelta(hours=2)), force=True).delivered == ["ref-q1"]
    (audit,) = rows(store, "บันทึกการแก้ไข")
    assert (audit[0], audit[1], audit[5]) == (item.audit["id"], "2023-05-15T09:00:00+07:00", "ref-q1")
    assert len(rows(store)) == 1


def test_an_outbox_file_from_before_the_audit_column_still_opens_and_delivers(tmp_path, sqlite_factory):
    import sqlite3

    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("""CREATE TABLE items (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, tab TEXT NOT NULL, op TEXT NOT NULL,
      row_id TEXT NOT NULL, payload TEXT NOT NULL, who TEXT NOT NULL, method TEXT NOT NULL, created_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', last_attempt_at TEXT,
      delivered_at TEXT, failed_at TEXT, dismissed INTEGER NOT NULL DEFAULT 0);
      INSERT INTO items (id, tab, op, row_id, payload, who, method, created_at)
      VALUES ('ref-q1', 'reflections', 'append', 'ref-q1', '{"id": "ref-q1", "fiscal_year": "2566"}',
              'officer@example.go.th', 'oidc', '2023-05-15T09:00:00+07:00');""")
    conn.close()
    store = sqlite_factory()
    assert Outbox(path).deliver(store, force=True).delivered == ["ref-q1"]
    assert [a[5] for a in rows(store, "บันทึกการแก้ไข")] == ["ref-q1"]
