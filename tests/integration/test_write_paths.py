"""The write path on every store (SQLite, the Google store over the fake Sheets server, PostgreSQL).

Failures are simulated with a failing wrapper around any store and, on Google, with faults the fake server
injects into real HTTP replies.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from de_core.ops.demo import demo_workbook
from de_core.sheet.workbook import parse_workbook
from de_core.store import PermissionDenied, StoreUnavailable
from de_core.writing.actor import VIEWER, Actor
from de_core.writing.forms import prepare
from de_core.writing.outbox import Outbox
from de_core.writing.writer import Writer
from tests.contract.conftest import google_factory, make_store  # noqa: F401  (pytest fixtures)
from tests.fakesheets import Fault
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.pgserver.fixtures import pg_server, postgres_factory  # noqa: F401  (pytest fixtures of make_store)

FY = 2566
EDITOR = Actor("officer@example.go.th", "editor", "oidc")
KNOWN = {"activities": {"act-4", "act-5", "act-5-07"}, "kpis": {"kpi-exec-2", "kpi-sup-1"}}
LATER = datetime(2023, 5, 15, 10, 0, tzinfo=timezone(timedelta(hours=7)))
FORMULAS = ["=HYPERLINK(\"http://evil.example.com\",\"คลิก\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "=1+1"]
VALUES = {
    "activity_id": "act-5-07", "kpi_ids": ["kpi-exec-2", "kpi-sup-1"], "author_group": "supervisors",
    "author_role": "ศึกษานิเทศก์", "written_on": date(2023, 5, 15), "what": "ชี้แจงผู้ประเมิน EIT\nครบทั้งสองกลุ่ม",
    "so_what": FORMULAS[0], "now_what": FORMULAS[1], "characteristics": ["honesty"], "declarations": ["network"],
    "confidence": "on_track", "evidence": "https://www.example.go.th/ev.pdf",
}


@pytest.fixture
def store(make_store):  # noqa: F811
    return make_store(demo_workbook())


@pytest.fixture
def outbox(tmp_path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite")


def reflection(key: str = "ref-w1", **changes):
    return prepare("reflection", {**VALUES, **changes}, FY, KNOWN, key).submission


def records(store, tab: str) -> list[dict]:
    return parse_workbook(store.read_all()).rows(tab)


def rows_with_id(store, tab: str, row_id: str) -> list[dict]:
    return [r for r in records(store, tab) if r["id"] == row_id]


class Failing:
    """Any store whose writes to some tabs fail as 'busy' a number of times; optionally after the write landed."""

    def __init__(self, store, tabs=("reflections",), times: int = 1, landed: bool = False):
        self.inner, self.tabs, self.left, self.landed = store, set(tabs), times, landed
        self.name = store.name

    def read_all(self):
        return self.inner.read_all()

    def _fail(self, tab_key, send):
        if tab_key in self.tabs and self.left > 0:
            self.left -= 1
            if self.landed:
                send()
            raise StoreUnavailable("ไม่ว่าง", "busy")
        return send()

    def append(self, tab_key, rows):
        return self._fail(tab_key, lambda: self.inner.append(tab_key, rows))

    def update(self, tab_key, row_id, values):
        return self._fail(tab_key, lambda: self.inner.update(tab_key, row_id, values))

    def _fail_together(self, tab_key, send):
        return self._fail("audit" if "audit" in self.tabs else tab_key, send)

    def append_audited(self, tab_key, rows, audits):
        return self._fail_together(tab_key, lambda: self.inner.append_audited(tab_key, rows, audits))

    def update_audited(self, tab_key, row_id, values, audit):
        return self._fail_together(tab_key, lambda: self.inner.update_audited(tab_key, row_id, values, audit))


def test_a_submitted_reflection_appends_exactly_one_row_with_every_field(store):
    result = Writer(store, EDITOR).submit(reflection())
    assert result.status == "written"
    (row,) = rows_with_id(store, "reflections", "ref-w1")
    for key, typed in VALUES.items():
        expected = [typed] if key == "evidence" else typed
        assert row[key] == expected, key
    assert row["fiscal_year"] == FY and len(records(store, "reflections")) == 9


def test_every_write_leaves_an_audit_row_with_who_what_and_after(store):
    Writer(store, EDITOR).submit(reflection())
    (audit,) = [a for a in records(store, "audit") if a["row_id"] == "ref-w1"]
    assert (audit["who"], audit["action"], audit["tab"]) == (EDITOR.who, "append", "reflections")
    assert datetime.fromisoformat(audit["at"]).utcoffset() == timedelta(hours=7)
    assert FORMULAS[1] in audit["after"]


def test_sending_the_same_form_twice_leaves_one_row_and_one_audit_row(store):
    writer = Writer(store, EDITOR)
    writer.submit(reflection())
    assert writer.submit(reflection()).status == "already_present"
    assert len(rows_with_id(store, "reflections", "ref-w1")) == 1
    assert len([a for a in records(store, "audit") if a["row_id"] == "ref-w1"]) == 1


def test_formula_looking_text_is_stored_and_read_back_as_text(store):
    for n, text in enumerate(FORMULAS):
        Writer(store, EDITOR).submit(reflection(f"ref-f{n}", what=text))
    raw_rows = store.read_all().tabs["สะท้อนผล"].rows
    stored = {r[0]: r[7] for r in raw_rows[1:]}
    assert [stored[f"ref-f{n}"] for n in range(len(FORMULAS))] == FORMULAS


def test_a_viewer_cannot_write_to_any_store(store):
    before = store.read_all()
    with pytest.raises(PermissionDenied):
        Writer(store, VIEWER).submit(reflection())
    with pytest.raises(PermissionDenied):
        Writer(store, VIEWER).update("activities", "act-5-07", {"status": "เสร็จแล้ว"})
    assert store.read_all().tabs == before.tabs


def test_an_activity_result_changes_only_that_row_and_is_audited_before_to_after(store):
    sub = prepare("activity_result", {"status": "done", "actual_start": date(2023, 7, 3),
                                      "actual_end": date(2023, 7, 4)}, FY, KNOWN, "upd-1", row_id="act-5-07").submission
    before = {r["id"]: r for r in records(store, "activities")}
    Writer(store, EDITOR).submit(sub)
    after = {r["id"]: r for r in records(store, "activities")}
    assert after["act-5-07"]["status"] == "done" and after["act-5-07"]["actual_end"] == date(2023, 7, 4)
    assert after["act-5-07"]["title"] == before["act-5-07"]["title"]
    assert {k: v for k, v in after.items() if k != "act-5-07"} == {k: v for k, v in before.items() if k != "act-5-07"}
    (audit,) = [a for a in records(store, "audit") if a["row_id"] == "act-5-07"]
    assert '"status":"ตามแผน"' in audit["before"] and '"status":"เสร็จแล้ว"' in audit["after"]


def test_a_failed_write_waits_in_the_outbox_and_is_delivered_once_later(store, outbox, request):
    if store.name == "google":
        server = request.getfixturevalue("fake_sheets")
        server.inject(Fault("spreadsheets.batchUpdate", status=503, times=50))
        target = store
    else:
        target = Failing(store, times=1)
    result = Writer(target, EDITOR, outbox=outbox).submit(reflection())
    assert result.status == "queued" and result.error.retryable
    assert [i.submission.key for i in outbox.pending()] == ["ref-w1"]
    assert rows_with_id(store, "reflections", "ref-w1") == []
    if store.name == "google":
        server.clear_faults()
    assert outbox.deliver(target, lambda: LATER, force=True).delivered == ["ref-w1"]
    assert outbox.deliver(target, lambda: LATER, force=True).delivered == []
    assert len(rows_with_id(store, "reflections", "ref-w1")) == 1
    assert len([a for a in records(store, "audit") if a["row_id"] == "ref-w1"]) == 1


def test_a_write_that_landed_but_lost_its_reply_is_not_doubled_by_the_outbox(store, outbox, request):
    if store.name == "google":
        server = request.getfixturevalue("fake_sheets")
        server.inject(Fault("spreadsheets.batchUpdate", status=503, apply_then_fail=True))
        server.inject(Fault("spreadsheets.batchUpdate", status=503, times=50))
        target = store
    else:
        target = Failing(store, times=1, landed=True)
    Writer(target, EDITOR, outbox=outbox).submit(reflection())
    if store.name == "google":
        server.clear_faults()
    outbox.deliver(target, lambda: LATER, force=True)
    assert len(rows_with_id(store, "reflections", "ref-w1")) == 1
    assert outbox.pending() == []


def test_a_failure_of_the_audit_part_writes_neither_and_the_outbox_sends_both_once(store, outbox):
    flaky = Failing(store, tabs=("audit",), times=1)
    result = Writer(flaky, EDITOR, outbox=outbox).submit(reflection())
    assert result.status == "queued"
    assert rows_with_id(store, "reflections", "ref-w1") == []
    assert [a for a in records(store, "audit") if a["row_id"] == "ref-w1"] == []
    outbox.deliver(flaky, force=True)
    assert len([a for a in records(store, "audit") if a["row_id"] == "ref-w1"]) == 1
    assert len(rows_with_id(store, "reflections", "ref-w1")) == 1


def test_an_update_and_its_audit_row_go_in_one_write_request_on_google(store, request):
    if store.name != "google":
        pytest.skip("one request is a Google notion; SQLite and PostgreSQL do both in one transaction (contract suite)")
    server = request.getfixturevalue("fake_sheets")
    Writer(store, EDITOR).update("activities", "act-4", {"status": "เสร็จแล้ว"})  # makes the app's hidden tab once
    server.reset_counts()
    Writer(store, EDITOR).update("activities", "act-5-07", {"status": "เสร็จแล้ว"})
    assert server.count("spreadsheets.batchUpdate") == 1 and server.count("values.batchGet") == 1
    (write,) = [r for r in server.requests if r.kind == "spreadsheets.batchUpdate"]
    kinds = [name for req in write.body["requests"] for name in req]
    assert {"copyPaste", "updateCells", "appendCells", "createDeveloperMetadata"} <= set(kinds)
    (audit,) = [a for a in records(store, "audit") if a["row_id"] == "act-5-07"]
    assert '"status":"เสร็จแล้ว"' in audit["after"]
