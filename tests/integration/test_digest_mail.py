"""E-mail to a real SMTP server on loopback (aiosmtpd): STARTTLS before the password, one message with text and HTML,
at most once: a connection lost after the message was handed over is an unknown outcome and is never repeated; what
failed before that is tried again; a refusal is not."""

from __future__ import annotations

import email
from datetime import datetime
from email.policy import default

import pytest

from de_core.digest.mail import Mailer, compose
from de_core.digest.model import build_digest
from de_core.digest.settings import SmtpSettings
from de_core.ops.demo import DEMO_AS_OF
from de_core.writing.submission import BANGKOK
from tests.mailserver.fixtures import PASSWORD, USER, MailServer, mail_server, start_server  # noqa: F401
from tests.unit.digestdata import APP

NOW = datetime(2023, 6, 30, 8, 0, tzinfo=BANGKOK)
TO = "director@example.go.th"



@pytest.fixture
def box(mail_server: MailServer) -> MailServer:  # noqa: F811
    return mail_server


@pytest.fixture
def message(demo_wb):
    digest = build_digest(demo_wb, 2566, DEMO_AS_OF, app_url=APP)
    return compose(digest, f"แดชบอร์ด DE <{USER}>", TO, f"email:{TO}:2023-W26", NOW)


def _mailer(box, password: str = PASSWORD, ca: bool = True, sleeps: list | None = None) -> Mailer:
    settings = SmtpSettings(box.host, f"แดชบอร์ด DE <{USER}>", (TO,), box.port, USER, password,
                            str(box.ca_file) if ca else "", timeout=10)
    return Mailer(settings, sleep=(sleeps.append if sleeps is not None else lambda s: None))


def test_the_digest_goes_out_once_over_starttls_with_text_html_and_its_message_id(box, message):
    result = _mailer(box).send(message)
    assert result.status == "sent" and result.code == 250 and result.attempts == 1
    assert result.request_id == message["Message-ID"]
    assert box.logins == [(USER, True)]  # the password went only over TLS
    (got,) = box.received
    assert got.sender == USER and got.recipients == [TO]
    parsed = email.message_from_bytes(got.data, policy=default)
    assert parsed["Message-ID"] == message["Message-ID"] and parsed["Subject"].startswith("[สรุป DE]")
    assert "4.3 สรุปผลข้อมูล" in parsed.get_body(("plain",)).get_content()
    assert "&lt;" not in parsed["Subject"] and "<ul" in parsed.get_body(("html",)).get_content()


def test_a_connection_lost_after_the_message_was_handed_over_is_unknown_and_not_repeated(box, message):
    box.inject("drop_after_data")
    result = _mailer(box).send(message)
    assert result.status == "unknown" and result.attempts == 1 and "may have been delivered" in result.note_en
    assert len(box.received) == 1


def test_a_temporary_refusal_is_tried_again_and_sent_once(box, message):
    box.inject("451")
    sleeps: list[float] = []
    result = _mailer(box, sleeps=sleeps).send(message)
    assert result.status == "sent" and result.attempts == 2 and sleeps == [2.0]
    assert len(box.received) == 1


def test_a_refused_recipient_fails_without_trying_again(box, message):
    box.inject("550_rcpt")
    result = _mailer(box).send(message)
    assert result.status == "failed" and result.code == 550 and result.attempts == 1
    assert box.received == []


def test_a_wrong_password_fails_at_once_and_no_text_holds_a_password(box, message):
    result = _mailer(box, password="wrong-password-xyz").send(message)
    assert result.status == "failed" and result.attempts == 1 and box.received == []
    text = result.note_th + result.note_en + repr(result) + repr(_mailer(box))
    assert "wrong-password-xyz" not in text and PASSWORD not in text


def test_a_server_whose_certificate_the_client_cannot_trust_gets_no_password_and_no_message(box, message):
    result = _mailer(box, ca=False).send(message)  # the system's CAs do not know the office's own CA
    assert result.status == "failed" and box.logins == [] and box.received == []
    assert result.attempts == 1 and "ca_file" in result.note_en  # not retried: it would fail the same way


def test_a_server_without_starttls_gets_no_password_and_no_message(tmp_path, message):
    controller, box = start_server(tmp_path, starttls=False)
    try:
        result = _mailer(box).send(message)
        assert result.status == "failed" and result.attempts == 1 and "STARTTLS" in result.note_en
        assert box.logins == [] and box.received == []
    finally:
        controller.stop()
