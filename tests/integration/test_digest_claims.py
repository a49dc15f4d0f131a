"""Two runs that read the digest log at the same moment (cron and the page's button): the first claims the target,
the second's claim is refused by the store and it sends nothing. A viewer's run sends nothing at all."""

from __future__ import annotations

from datetime import datetime

import pytest

from de_core.digest.send import deliver, digest_for
from de_core.digest.settings import load_settings
from de_core.ops.demo import DEMO_AS_OF, demo_workbook
from de_core.sheet.workbook import parse_workbook
from de_core.store.local import SQLiteStore
from de_core.writing.actor import VIEWER, Actor
from de_core.writing.submission import BANGKOK
from de_core.writing.writer import Writer
from tests.fakeline import FakeLineServer
from tests.fakeline.fixtures import fake_line  # noqa: F401  (pytest fixture)

NOW = datetime(2023, 6, 30, 8, 0, tzinfo=BANGKOK)
EDITOR = Actor("de-dashboard digest (cron)", "editor", "local")


@pytest.fixture
def line(fake_line: FakeLineServer) -> FakeLineServer:  # noqa: F811
    return fake_line


@pytest.fixture
def store(tmp_path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "workbook.sqlite")
    store.initialize(demo_workbook())
    return store


def _settings(line: FakeLineServer):
    return load_settings({"line": {"channel_access_token": line.token, "to": [line.add_group(4)],
                                   "api_url": line.base_url}})


def test_two_runs_that_read_the_log_together_send_once(store, line):
    settings = _settings(line)
    wb_a, wb_b = parse_workbook(store.read_all()), parse_workbook(store.read_all())  # both see an empty log
    digest = digest_for(wb_a, 2566, DEMO_AS_OF, settings)
    first = deliver(Writer(store, EDITOR), wb_a, digest, settings, lambda: NOW)
    second = deliver(Writer(store, EDITOR), wb_b, digest, settings, lambda: NOW)
    assert [o.status for o in first] == ["sent"]
    assert [(o.status, o.note_en) for o in second] == [("skipped", "another run is sending to this target")]
    assert len(line.sent) == 1


def test_a_viewer_run_sends_nothing_and_writes_nothing(store, line):
    settings = _settings(line)
    wb = parse_workbook(store.read_all())
    outcomes = deliver(Writer(store, VIEWER), wb, digest_for(wb, 2566, DEMO_AS_OF, settings), settings,
                       lambda: NOW)
    assert [o.status for o in outcomes] == ["failed"] and "not sent" in outcomes[0].note_en
    assert line.seen == [] and parse_workbook(store.read_all()).rows("digest_log") == []
