"""A viewer session tries every write path — forms, import, fill ids, the outbox, the Writer itself — and writes nothing.

"Nothing" is checked on the store: every tab, the audit tab included, holds exactly the rows it held before.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from de_core.documents.importer import apply_import, plan_import
from de_core.store import PermissionDenied, StoreUnavailable
from de_core.writing.actor import LOCAL_EDITOR, VIEWER
from de_core.writing.ids import new_id
from de_core.writing.outbox import Outbox
from de_core.writing.submission import AUDIT_TAB, Submission
from de_core.writing.writer import Writer
from tests.app.conftest import EVERYWHERE, PAGES, REMOTE_URL, assert_clean, bind
from tests.app.formfill import REFLECTION, fill

NOW = datetime(2023, 6, 30, 10, 0)
NEW_ROW = {"id": "exp-viewer", "fiscal_year": "2566", "activity_id": "act-4", "spent_on": "30/06/2566",
           "item": "ค่าเอกสาร", "amount": "500 บาท"}


def snapshot(store) -> dict[str, list[list[str]]]:
    """Every tab's rows as the store holds them."""
    return {title: [list(r) for r in tab.rows] for title, tab in store.read_all().tabs.items()}


@pytest.fixture
def before(store):
    """The store with one row lacking an id (so "fill missing ids" has work), then its snapshot."""
    store.append("expenses", [{**NEW_ROW, "id": "exp-x"}])
    store.update("expenses", "exp-x", {"id": ""})
    return snapshot(store)


def test_a_viewer_visiting_every_page_and_pressing_every_button_writes_nothing(store, before, run_page):
    for page in PAGES:
        at = run_page(page, deployed=True)
        assert_clean(at)
        assert not any(b.key and b.key.endswith("._submit") for b in at.button), f"{page} offers a form to a viewer"
        assert not [b for b in at.button if b.key in ("fill_ids", "import_apply", "outbox.send_now")], page
        for key in [b.key for b in at.button if b.key]:
            at.button(key=key).click().run()
            assert_clean(at)
    assert snapshot(store) == before


def test_a_viewer_cannot_submit_a_form_left_filled_in_the_session(store, before, run_page):
    at = fill(run_page("pages/reflect.py"), "reflect", REFLECTION)  # filled as the local editor
    bind(EVERYWHERE)  # the same session, now on a server that every computer can reach
    at.button(key="reflect._submit").click().run()
    assert_clean(at)
    status, error = at.session_state["reflect._outcome"]
    assert status == "error" and isinstance(error, PermissionDenied)
    assert snapshot(store) == before


def test_a_viewer_adding_editor_words_to_the_url_still_gets_no_form(store, before, run_page):
    for page in ("pages/reflect.py", "pages/results.py", "pages/data.py", "pages/data_health.py"):
        at = run_page(page, url=REMOTE_URL + "?role=editor&editor=1&admin=true", deployed=True)
        at.query_params.update({"role": "editor", "editor": "1"})
        at.run()
        assert_clean(at)
        assert not at.get("form") and not at.get("file_uploader"), page
    assert snapshot(store) == before


def test_every_writer_call_by_a_viewer_is_refused_before_the_store(store, before, tmp_path):
    writer = Writer(store, VIEWER, clock=lambda: NOW, outbox=Outbox(tmp_path / "outbox.sqlite"))
    calls = [
        lambda: writer.append("expenses", NEW_ROW),
        lambda: writer.update("expenses", "exp-01", {"amount": "1 บาท"}),
        lambda: writer.send(Submission.append("expenses", NEW_ROW)),
        lambda: writer.submit(Submission.append("reflections", {"id": "ref-v", "what": "=cmd"})),
        lambda: writer.submit(Submission.update("activities", "act-5", {"status": "done"})),
        lambda: writer.fill_missing_ids("expenses", new_id),
        lambda: writer.add_columns("expenses", ["ผู้ตรวจ"]),
        lambda: writer.append_many("expenses", [NEW_ROW, {**NEW_ROW, "id": "exp-viewer-2"}]),
        lambda: writer.append(AUDIT_TAB, {"id": "aud-forged", "who": "someone"}),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as err:
            call()
        assert err.value.message_th and err.value.hint_en
    assert writer.outbox.pending() == [] and writer.outbox.failed() == []  # nothing queued for later either
    assert snapshot(store) == before


def test_an_import_applied_by_a_viewer_writes_nothing(store, before):
    incoming = store.read_all()
    incoming.tabs["ค่าใช้จ่าย"].rows.append(["exp-import", "2566", "act-4", "1/06/2566", "นำเข้า", "100"])
    incoming.tabs["ค่าใช้จ่าย"].rows[1][5] = "99,999 บาท"
    plan = plan_import(store.read_all(), incoming)
    assert plan.changes
    with pytest.raises(PermissionDenied):
        apply_import(Writer(store, VIEWER), plan)
    assert snapshot(store) == before


def test_the_outbox_never_takes_a_viewers_item_so_delivery_cannot_send_one(store, before, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite")
    busy = StoreUnavailable("ไม่ว่าง", "busy")
    with pytest.raises(PermissionDenied):
        outbox.put(Submission.append("expenses", NEW_ROW), VIEWER, busy, NOW)
    report = outbox.deliver(store, clock=lambda: NOW, force=True)
    assert not report.delivered and not outbox.pending()
    assert snapshot(store) == before


def test_the_same_outbox_item_queued_by_an_editor_is_delivered(store, before, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite")
    outbox.put(Submission.append("expenses", NEW_ROW), LOCAL_EDITOR, StoreUnavailable("ไม่ว่าง", "busy"), NOW)
    assert outbox.deliver(store, clock=lambda: NOW, force=True).delivered == ["exp-viewer"]
    assert snapshot(store) != before  # the check above is able to see a write
