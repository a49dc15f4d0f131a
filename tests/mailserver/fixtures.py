"""pytest fixtures: ``from tests.mailserver.fixtures import mail_server`` in a test module.

A real SMTP server (aiosmtpd) on 127.0.0.1 with STARTTLS (a certificate from a throw-away CA made by trustme) and
AUTH allowed only after STARTTLS, as a careful office mail server is set up. Tests that need it get it here: skipped
on a machine without aiosmtpd, a failure in CI (CI=true), where the README's test command installs it.

Faults, each used by one message: "drop_after_data" (the message is taken, then the connection closes before the
answer: the client cannot know), "451" (the message is refused for now), "550_rcpt" (the recipient is refused).
"""

from __future__ import annotations

import os
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import trustme

USER, PASSWORD = "dashboard@example.go.th", "mail-secret-pass/word 42"


def _aiosmtpd() -> Any:
    try:
        import aiosmtpd.controller
        import aiosmtpd.smtp
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("aiosmtpd is missing: the README's test command installs it (the [test] extra)")
        pytest.skip("the e-mail tests need aiosmtpd: pip install -e '.[test]'")
    return aiosmtpd


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes


@dataclass
class MailServer:
    host: str
    port: int
    ca_file: Path
    received: list[Received] = field(default_factory=list)  # messages the server answered 250 to (or dropped)
    logins: list[tuple[str, bool]] = field(default_factory=list)  # (login, was the connection TLS)
    faults: list[str] = field(default_factory=list)

    def inject(self, *faults: str) -> None:
        self.faults.extend(faults)


class _Handler:
    def __init__(self, box: MailServer):
        self.box = box

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802 - aiosmtpd hook name
        if self.box.faults and self.box.faults[0] == "550_rcpt":
            self.box.faults.pop(0)
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        fault = self.box.faults.pop(0) if self.box.faults else ""
        if fault == "451":
            return "451 4.3.0 try again later"
        self.box.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        if fault == "drop_after_data":
            server.transport.close()
        return "250 OK queued"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp_path: Path, starttls: bool = True) -> tuple[Any, MailServer]:
    lib = _aiosmtpd()
    ca = trustme.CA()
    ca_file = tmp_path / "office-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    box = MailServer("127.0.0.1", _free_port(), ca_file)
    tls = None
    if starttls:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(tls)

    def authenticator(server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode()
        box.logins.append((login, session.ssl is not None))
        ok = login == USER and auth_data.password.decode() == PASSWORD
        return lib.smtp.AuthResult(success=ok, handled=False)

    controller = lib.controller.Controller(
        _Handler(box), hostname="127.0.0.1", port=box.port, tls_context=tls, require_starttls=starttls,
        authenticator=authenticator, auth_require_tls=True, server_hostname="localhost")
    controller.start()
    return controller, box


@pytest.fixture
def mail_server(tmp_path) -> Iterator[MailServer]:
    controller, box = start_server(tmp_path)
    try:
        yield box
    finally:
        controller.stop()
