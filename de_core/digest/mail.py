"""Sending the digest by e-mail over SMTP with STARTTLS, at most once.

One message per recipient, plain text and HTML, with a Message-ID made from the log row's id (the same message
every time it is made). The password is sent only after STARTTLS (a server without it gets nothing). What happens
before the message is handed over (connecting, TLS, sign-in, MAIL, RCPT, DATA refused) sent nothing and may be
tried again; once the message has been handed over, only the server's "250" says it was taken: a dropped connection
or a time-out then is an unknown outcome, reported as such and never repeated.
"""

from __future__ import annotations

import hashlib
import logging
import re
import smtplib
import ssl
import time
from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr

from de_core.digest.html import digest_html
from de_core.digest.model import Digest
from de_core.digest.outcome import Delivery
from de_core.digest.settings import SmtpSettings
from de_core.digest.text import digest_text

log = logging.getLogger(__name__)


def message_id(row_id: str, sender: str) -> str:
    """A stable Message-ID for one digest to one recipient for one period: <de-digest.<hash>@<sender's domain>>."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "de-dashboard.invalid"
    return f"<de-digest.{hashlib.sha256(row_id.encode()).hexdigest()[:32]}@{domain}>"


def compose(digest: Digest, sender: str, recipient: str, row_id: str, now: datetime) -> EmailMessage:
    """The e-mail of a digest to one recipient: subject, plain text, HTML alternative, stable Message-ID."""
    msg = EmailMessage()
    msg["Subject"] = digest.subject
    msg["From"] = sender
    msg["To"] = recipient
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id(row_id, sender)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to it
    msg["Content-Language"] = digest.lang
    msg.set_content(digest_text(digest))
    msg.add_alternative(digest_html(digest), subtype="html")
    return msg


def payload(msg: EmailMessage) -> bytes:
    """The message as DATA carries it: CRLF lines, leading dots doubled, ending with <CRLF>.<CRLF>."""
    data = re.sub(rb"(?m)^\.", b"..", msg.as_bytes(policy=SMTP))
    return (data if data.endswith(b"\r\n") else data + b"\r\n") + b".\r\n"


class Mailer:
    """Sends one message per call; `smtp_class`, `context` and `sleep` are injected in tests."""

    def __init__(self, settings: SmtpSettings, context: ssl.SSLContext | None = None,
                 smtp_class: Callable[..., smtplib.SMTP] = smtplib.SMTP, attempts: int = 3,
                 sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self.context = context or ssl.create_default_context(cafile=settings.ca_file or None)
        self.smtp_class, self.attempts, self.sleep = smtp_class, attempts, sleep

    def __repr__(self) -> str:
        return f"Mailer({self.settings.host!r}, {self.settings.port})"

    def send(self, msg: EmailMessage) -> Delivery:
        """Send once; a failure before the message was handed over is tried again (at most `attempts` times)."""
        delivery, again = Delivery("failed"), False
        for attempt in range(1, self.attempts + 1):
            delivery, again = self._once(msg, attempt)
            if delivery.status != "failed" or not again:
                return delivery
            if attempt < self.attempts:
                self.sleep(2.0 * attempt)
        return delivery

    def _once(self, msg: EmailMessage, attempt: int) -> tuple[Delivery, bool]:
        s, mid = self.settings, str(msg["Message-ID"])
        handed_over, smtp = False, None

        def failed(th: str, en: str, code: int | None = None, again: bool = True) -> tuple[Delivery, bool]:
            return Delivery("failed", mid, attempt, code, th, en), again

        try:
            smtp = self.smtp_class(s.host, s.port, timeout=s.timeout)
            smtp.set_debuglevel(0)  # its debug output would show the sign-in
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                return failed("เซิร์ฟเวอร์อีเมลไม่รองรับ STARTTLS จึงไม่ส่ง (รหัสผ่านไม่ถูกส่งออกไป)",
                              "the mail server offers no STARTTLS, so nothing was sent (nor the password)", again=False)
            smtp.starttls(context=self.context)
            smtp.ehlo()
            if s.username:
                smtp.login(s.username, s.password)
            for command, arg, ok in (("mail", parseaddr(s.sender)[1], (250,)), ("rcpt", str(msg["To"]), (250, 251))):
                code, _said = getattr(smtp, command)(arg)
                if code not in ok:
                    return failed(f"เซิร์ฟเวอร์อีเมลไม่รับ ({code})", f"the mail server refused {command.upper()} ({code})",
                                  code, 400 <= code < 500)
            code, _said = smtp.docmd("DATA")
            if code != 354:
                return failed(f"เซิร์ฟเวอร์อีเมลไม่รับ ({code})", f"the mail server refused DATA ({code})", code,
                              400 <= code < 500)
            handed_over = True
            smtp.send(payload(msg))
            code, _said = smtp.getreply()
            handed_over = False
            log.info("SMTP %s:%d DATA: %d", s.host, s.port, code)
            if code == 250:
                return Delivery("sent", mid, attempt, code), False
            return failed(f"เซิร์ฟเวอร์อีเมลไม่รับข้อความ ({code})", f"the mail server refused the message ({code})", code,
                          400 <= code < 500)
        except ssl.SSLCertVerificationError:
            return failed("ใบรับรองของเซิร์ฟเวอร์อีเมลตรวจสอบไม่ผ่าน จึงไม่ส่ง (รหัสผ่านไม่ถูกส่งออกไป): ถ้าสำนักงานออกใบรับรองเอง "
                          "ให้ระบุ ca_file ใน [smtp]", "the mail server's certificate could not be verified, so nothing "
                          "was sent (nor the password): if the office issues its own, set ca_file in [smtp]", again=False)
        except smtplib.SMTPAuthenticationError as exc:
            return failed("เข้าสู่ระบบเซิร์ฟเวอร์อีเมลไม่ได้: ตรวจ username และ password ใน [smtp]",
                          "the mail server refused the sign-in: check username and password in [smtp]",
                          exc.smtp_code, again=False)
        except (smtplib.SMTPException, OSError) as exc:
            log.warning("SMTP %s:%d attempt %d: %s", s.host, s.port, attempt, type(exc).__name__)
            if handed_over:
                return Delivery("unknown", mid, attempt, None, "การเชื่อมต่อขาดหลังส่งข้อความไปแล้ว ไม่ทราบว่าถึงผู้รับหรือไม่ จึงไม่ส่งซ้ำ",
                                "the connection dropped after the message was handed over: it may have been "
                                "delivered, so it is not sent again"), False
            return failed(f"ติดต่อเซิร์ฟเวอร์อีเมลไม่ได้ ({type(exc).__name__})",
                          f"could not talk to the mail server ({type(exc).__name__})")
        finally:
            if smtp is not None:
                try:
                    smtp.quit()
                except (smtplib.SMTPException, OSError):
                    smtp.close()
