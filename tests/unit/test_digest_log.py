"""What a run does for one target, from its digest log row: send, resume (LINE, within a day, same retry key) or
skip, with the reason."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from de_core.digest.log import Entry, last_digest_day, plan_for, row_id
from de_core.ops.demo import DEMO_AS_OF
from de_core.writing.submission import BANGKOK
from tests.unit.itadata import demo_with

NOW = datetime(2023, 6, 30, 8, 0, tzinfo=BANGKOK)


def _entry(status, started=NOW - timedelta(hours=1), key="123e4567-e89b-12d3-a456-426614174000"):
    return Entry("line:C1:2023-W26", "line", "C1", "2023-W26", status, started, 1, key)


def test_the_row_id_is_channel_target_period():
    assert row_id("line", "Cabc", "2023-W26") == "line:Cabc:2023-W26"


@pytest.mark.parametrize(("entry", "channel", "action"), [
    (None, "line", "send"),
    (_entry("sent"), "line", "skip"),
    (_entry("failed"), "line", "send"),
    (_entry("failed"), "email", "send"),
    (_entry("unknown"), "line", "resume"),
    (_entry("sending"), "line", "resume"),
    (_entry("unknown", started=NOW - timedelta(hours=30)), "line", "skip"),
    (_entry("unknown", key=""), "line", "skip"),
    (_entry("unknown", started=None), "line", "skip"),
    (_entry("unknown"), "email", "skip"),
    (_entry("sending"), "email", "skip"),
    (_entry(""), "email", "skip"),  # a status typed in the sheet that the app cannot read: never guessed as failed
])
def test_each_log_state_leads_to_one_action(entry, channel, action):
    plan = plan_for(entry, channel, NOW)
    assert plan.action == action
    if action == "skip":
        assert plan.why_th and plan.why_en


def test_changes_are_counted_from_the_last_digest_sent_for_an_earlier_period():
    rows = [{"id": "line:C1:2023-W24", "fiscal_year": "2566", "channel": "LINE", "target": "C1", "period": "2023-W24",
             "status": "ส่งแล้ว", "as_of": "16/06/2566"},
            {"id": "line:C1:2023-W25", "fiscal_year": "2566", "channel": "LINE", "target": "C1", "period": "2023-W25",
             "status": "ไม่ทราบผล", "as_of": "23/06/2566"},
            {"id": "email:a@b:2023-W26", "fiscal_year": "2566", "channel": "อีเมล", "target": "a@b",
             "period": "2023-W26", "status": "ส่งแล้ว", "as_of": "30/06/2566"}]
    wb = demo_with(appends={"digest_log": rows})
    assert not [i for i in wb.issues if i.tab_key == "digest_log"]
    assert last_digest_day(wb, 2566, "2023-W26", DEMO_AS_OF).isoformat() == "2023-06-16"
    assert last_digest_day(wb, 2567, "2023-W26", DEMO_AS_OF) is None
