"""`de-dashboard digest` end to end, against the fake LINE API and a real SMTP server on loopback: the dry run prints
the Thai digest and sends nothing; --send delivers once per target through a 429 and a dropped connection; a second
run for the period (on this machine or a fresh one reading the same Google Sheet) sends nothing; a secret never
shows in the output, the logs or the workbook."""

from __future__ import annotations

import io
import logging
import sqlite3

import pytest

from de_core.digest.line import LineClient
from de_core.ops.cli import main
from de_core.ops.demo import demo_workbook
from de_core.sheet.workbook import parse_workbook
from de_core.store.local import SQLiteStore
from tests.fakeline import FakeLineServer, Fault
from tests.fakeline.fixtures import fake_line  # noqa: F401  (pytest fixture)
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, sheets_from_raw
from tests.mailserver.fixtures import PASSWORD, USER, MailServer, mail_server  # noqa: F401  (pytest fixture)

APP = "https://de-dashboard.example.go.th"
TO = ("director@example.go.th", "officer@example.go.th")


@pytest.fixture
def line(fake_line: FakeLineServer) -> FakeLineServer:  # noqa: F811
    return fake_line


@pytest.fixture
def box(mail_server: MailServer) -> MailServer:  # noqa: F811
    return mail_server


def _secrets(tmp_path, line, box, group, extra: str = "", db: bool = True):
    path = tmp_path / "secrets.toml"
    emb = f'[embedded]\npath = "{tmp_path / "workbook.sqlite"}"\n' if db else ""
    path.write_text(f"""{emb}{extra}
[digest]
app_url = "{APP}"
[line]
channel_access_token = "{line.token}"
to = ["{group}"]
api_url = "{line.base_url}"
[smtp]
host = "{box.host}"
port = {box.port}
username = "{USER}"
password = "{PASSWORD}"
sender = "แดชบอร์ด DE <{USER}>"
to = {list(TO)!r}
ca_file = "{box.ca_file}"
timeout = 10
""".replace("'", '"'), encoding="utf-8")
    return path


def _cli(*args, factory=None):
    out, err = io.StringIO(), io.StringIO()
    code = main(["digest", *args], out=out, err=err, **({"client_factory": factory} if factory else {}))
    return code, out.getvalue(), err.getvalue()


def _log(store) -> list[dict]:
    return parse_workbook(store.read_all()).rows("digest_log")


def test_the_dry_run_prints_the_thai_digest_and_what_would_be_sent_and_sends_nothing(tmp_path, line, box):
    secrets = _secrets(tmp_path, line, box, line.add_group(12))
    code, out, err = _cli("--dry-run", "--secrets", str(secrets))
    assert code == 0, err
    assert out.startswith("สรุปความคืบหน้าโครงการ DE · สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ\n")
    assert "ล่าช้า (3)" in out and "• 4.3 สรุปผลข้อมูล" in out and f"โหมดประชุม: {APP}/?meeting=1&lang=th" in out
    assert out.count("จะส่ง / would send") == 3
    assert line.seen == [] and box.received == []
    assert _log(SQLiteStore(tmp_path / "workbook.sqlite")) == []


def test_send_delivers_once_through_a_429_and_a_dropped_connection_and_a_second_run_sends_nothing(tmp_path, line, box):
    group = line.add_group(12)
    secrets = _secrets(tmp_path, line, box, group)
    line.inject(Fault("429", retry_after="1"), Fault("accept_then_drop"))
    code, out, err = _cli("--send", "--secrets", str(secrets))
    assert code == 0, out + err
    assert len(line.sent) == 1 and line.messages_used == 12 and line.sent[0].messages[0]["type"] == "flex"
    assert [s.status for s in line.seen] == [429, "dropped", 409]
    assert sorted(r.recipients[0] for r in box.received) == sorted(TO)
    store = SQLiteStore(tmp_path / "workbook.sqlite")
    rows = {r["id"]: r for r in _log(store)}
    assert set(rows) == {f"line:{group}:2023-W26", *(f"email:{a}:2023-W26" for a in TO)}
    assert {r["status"] for r in rows.values()} == {"sent"}
    assert rows[f"line:{group}:2023-W26"]["request_id"] == line.sent[0].request_id
    audit = [a for a in parse_workbook(store.read_all()).rows("audit") if a["tab"] == "digest_log"]
    assert len(audit) == 6 and all(a["who"].startswith("de-dashboard digest") for a in audit)  # claim + outcome
    seen = len(line.seen)
    code, out, _ = _cli("--send", "--secrets", str(secrets))
    assert code == 0 and out.count("ส่งแล้วสำหรับรอบนี้") == 3
    assert len(line.seen) == seen and len(line.sent) == 1 and len(box.received) == 2


def test_an_email_whose_outcome_is_unknown_is_reported_and_never_sent_again(tmp_path, line, box):
    secrets = _secrets(tmp_path, line, box, line.add_group(2))
    box.inject("drop_after_data")
    code, out, _ = _cli("--send", "--channel", "email", "--secrets", str(secrets))
    assert code == 1 and "ไม่ทราบผล / outcome unknown" in out and "ส่งแล้ว / sent" in out
    assert len(box.received) == 2  # the first address (the answer lost), the second (sent)
    code, out, _ = _cli("--send", "--channel", "email", "--secrets", str(secrets))
    assert code == 0 and "outcome is unknown, so it is not repeated" in out and "already sent" in out
    assert len(box.received) == 2
    assert line.seen == []


def test_a_line_send_cut_off_before_its_outcome_was_logged_is_resumed_with_its_key_and_not_delivered_twice(
        tmp_path, line, box):
    group = line.add_group(5)
    secrets = _secrets(tmp_path, line, box, group)
    code, _, _ = _cli("--send", "--channel", "line", "--secrets", str(secrets))
    store = SQLiteStore(tmp_path / "workbook.sqlite")
    rid = f"line:{group}:2023-W26"
    store.update("digest_log", rid, {"status": "กำลังส่ง"})  # as if the run died between the send and its record
    code, out, _ = _cli("--send", "--channel", "line", "--secrets", str(secrets))
    assert code == 0 and "LINE had already accepted this request" in out
    assert len(line.sent) == 1 and line.seen[-1].status == 409
    assert {r["id"]: r["status"] for r in _log(store)}[rid] == "sent"


def test_a_failed_send_is_logged_and_the_next_run_sends_it_once(tmp_path, line, box):
    group = line.add_group(5)
    secrets = _secrets(tmp_path, line, box, group)
    line.inject(Fault("monthly"))
    code, out, _ = _cli("--send", "--channel", "line", "--secrets", str(secrets))
    assert code == 1 and "allowance is used up" in out and line.sent == []
    store = SQLiteStore(tmp_path / "workbook.sqlite")
    assert [r["status"] for r in _log(store)] == ["failed"]
    code, out, _ = _cli("--send", "--channel", "line", "--secrets", str(secrets))
    assert code == 0 and len(line.sent) == 1
    assert [(r["status"], r["attempts"]) for r in _log(store)] == [("sent", 2)]


@pytest.fixture
def sheets(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    return fake_sheets


def test_a_fresh_machine_reading_the_same_google_sheet_sends_nothing_twice(tmp_path, line, box, sheets):
    sheets.add_spreadsheet(KEY, "DE Workbook", sheets_from_raw(demo_workbook()))
    group = line.add_group(7)
    factory = lambda _fields: fake_client(sheets.base_url, timeout=5)  # noqa: E731
    gsheets = f'[connections.gsheets]\nspreadsheet = "{KEY}"\n'
    first = tmp_path / "machine-1"
    first.mkdir()
    code, out, err = _cli("--send", "--secrets", str(_secrets(first, line, box, group, gsheets, db=False)),
                          factory=factory)
    assert code == 0, out + err
    second = tmp_path / "machine-2"  # a new CI runner: nothing on disk but the secrets
    second.mkdir()
    code, out, _ = _cli("--send", "--secrets", str(_secrets(second, line, box, group, gsheets, db=False)),
                        factory=factory)
    assert code == 0 and out.count("already sent for this period") == 3
    assert len(line.sent) == 1 and len(box.received) == 2


def test_a_sheet_without_the_log_tab_is_told_to_run_provision_and_nothing_is_sent(tmp_path, line, box, sheets):
    tabs = sheets_from_raw(demo_workbook())
    del tabs["บันทึกการส่งสรุป"]
    sheets.add_spreadsheet(KEY, "DE Workbook", tabs)
    factory = lambda _fields: fake_client(sheets.base_url, timeout=5)  # noqa: E731
    secrets = _secrets(tmp_path, line, box, line.add_group(3), f'[connections.gsheets]\nspreadsheet = "{KEY}"\n',
                       db=False)
    code, out, _ = _cli("--send", "--secrets", str(secrets), factory=factory)
    assert code == 1 and "not sent: the digest log could not be written" in out
    assert line.seen == [] and box.received == []


def test_no_secret_shows_in_output_logs_or_the_workbook_even_when_sends_fail(tmp_path, line, box, caplog):
    caplog.set_level(logging.DEBUG)
    group = line.add_group(3)
    wrong = _secrets(tmp_path, line, box, group).read_text(encoding="utf-8")
    (tmp_path / "wrong.toml").write_text(wrong.replace(f'channel_access_token = "{line.token}"',
                                                       'channel_access_token = "wrong-token-0123456789"')
                                         .replace(f'password = "{PASSWORD}"', 'password = "wrong-password-0123"')
                                         .replace("workbook.sqlite", "other.sqlite"))
    outputs = []
    for path in (tmp_path / "secrets.toml", tmp_path / "wrong.toml"):
        for mode in ("--dry-run", "--send"):
            code, out, err = _cli(mode, "--secrets", str(path))
            outputs.append(out + err)
    cells = ""
    for db in ("workbook.sqlite", "other.sqlite"):
        with sqlite3.connect(tmp_path / db) as conn:
            cells += " ".join(str(c) for row in conn.execute("SELECT * FROM sheet_rows") for c in row)
    ours = [r.getMessage() for r in caplog.records if not r.name.startswith("mail.")]  # mail.*: the test server's
    assert any(r.name.startswith("de_core.digest") for r in caplog.records)
    seen = "\n".join([*outputs, *ours, cells])
    for secret in (line.token, PASSWORD, "wrong-token-0123456789", "wrong-password-0123"):
        assert secret not in seen
    assert "ส่งไม่สำเร็จ / failed" in outputs[-1] and "401" in outputs[-1]


def test_the_cli_client_never_shows_its_token():
    assert "tok" not in repr(LineClient("tok-secret-value-123"))
