"""One digest run: the digest for the period, then for every configured target either a send (its log row written
first, then the send, then its outcome) or the reason it is skipped. The same for the command and the page."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from de_core.digest.flex import flex_message, text_message
from de_core.digest.line import LineClient
from de_core.digest.log import Entry, Plan, claim, entries, last_digest_day, plan_for, record, row_id
from de_core.digest.mail import Mailer, compose
from de_core.digest.model import Digest, build_digest
from de_core.digest.outcome import Delivery
from de_core.digest.period import period_of
from de_core.digest.settings import DigestSettings
from de_core.sheet.workbook import Workbook
from de_core.sheet.years import as_of
from de_core.store.base import DuplicateIdConflict, StoreError
from de_core.writing.writer import Writer


def digest_for(wb: Workbook, fiscal_year: int, today: date, settings: DigestSettings) -> Digest:
    """The digest of the period holding the data's date, counting changes since the last digest sent."""
    day = as_of(wb, fiscal_year, today)
    since = last_digest_day(wb, fiscal_year, period_of(day, settings.every).key, day)
    return build_digest(wb, fiscal_year, today, settings.every, since, settings.app_url, settings.lang)


@dataclass(frozen=True)
class Outcome:
    channel: str
    target: str
    row_id: str
    status: str  # sent, failed, unknown, skipped, or would_send / would_resume in a dry run
    note_th: str = ""
    note_en: str = ""
    request_id: str = ""

    def note(self, lang: str = "th") -> str:
        return self.note_th if lang == "th" else self.note_en


def plans(wb: Workbook, digest: Digest, settings: DigestSettings, now: datetime,
          channels: Iterable[str] | None = None) -> list[tuple[str, str, Plan]]:
    """(channel, target, what to do) for every target of the chosen channels, from the log as read."""
    log = entries(wb)
    return [(c, t, plan_for(log.get(row_id(c, t, digest.period.key)), c, now)) for c, t in settings.targets(channels)]


def dry_run(wb: Workbook, digest: Digest, settings: DigestSettings, now: datetime,
            channels: Iterable[str] | None = None) -> list[Outcome]:
    """What a send would do for each target, writing and sending nothing."""
    return [Outcome(c, t, row_id(c, t, digest.period.key), "skipped" if p.action == "skip" else f"would_{p.action}",
                    p.why_th, p.why_en) for c, t, p in plans(wb, digest, settings, now, channels)]


def text_key(retry_key: str) -> str:
    """The retry key of the plain-text fallback: made from the Flex message's key (the same on every run)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"de-dashboard:digest-text:{retry_key}"))


def _line(client: LineClient, digest: Digest, entry: Entry) -> Delivery:
    sent = client.send(entry.target, [flex_message(digest)], entry.retry_key)
    if sent.status == "failed" and sent.code == 400:  # LINE could not take the Flex message: the same as text
        text = client.send(entry.target, [text_message(digest)], text_key(entry.retry_key))
        return Delivery(text.status, text.request_id, sent.attempts + text.attempts, text.code,
                        f"ส่งเป็นข้อความธรรมดา เพราะ {sent.note_th}".strip(), f"sent as plain text: {sent.note_en}".strip()) \
            if text.status == "sent" else text
    return sent


def deliver(writer: Writer, wb: Workbook, digest: Digest, settings: DigestSettings, clock: Callable[[], datetime],
            channels: Iterable[str] | None = None, line: LineClient | None = None,
            mailer: Mailer | None = None) -> list[Outcome]:
    """Send the digest once to every target that has not had it this period; the outcome of each, secrets taken out.

    `wb` must be freshly read (its log decides). Nothing is sent to a target whose log row could not be written.
    """
    outcomes: list[Outcome] = []
    for channel, target, plan in plans(wb, digest, settings, clock(), channels):
        rid = row_id(channel, target, digest.period.key)
        if plan.action == "skip":
            outcomes.append(Outcome(channel, target, rid, "skipped", plan.why_th, plan.why_en))
            continue
        try:
            entry = claim(writer, plan, channel, target, digest.period.key, digest.fiscal_year, digest.as_of, clock())
        except DuplicateIdConflict:
            outcomes.append(Outcome(channel, target, rid, "skipped", "อีกรอบหนึ่งกำลังส่งถึงผู้รับนี้อยู่",
                                    "another run is sending to this target"))
            continue
        except StoreError as err:
            outcomes.append(Outcome(channel, target, rid, "failed", settings.redact(f"ไม่ได้ส่ง: บันทึกการส่งไม่ได้ ({err.message_th})"),
                                    settings.redact(f"not sent: the digest log could not be written ({err.message_en})")))
            continue
        if channel == "line":
            assert settings.line is not None
            client = line or LineClient(settings.line.token, settings.line.api_url)
            delivery = _line(client, digest, entry)
        else:
            assert settings.smtp is not None
            client_mail = mailer or Mailer(settings.smtp)
            delivery = client_mail.send(compose(digest, settings.smtp.sender, target, rid, clock()))
        note_th, note_en = settings.redact(delivery.note_th), settings.redact(delivery.note_en)
        try:
            record(writer, entry, delivery, note_th or note_en, clock())
        except StoreError as err:
            note_th += settings.redact(f" (บันทึกผลไม่ได้: {err.message_th})")
            note_en += settings.redact(f" (the outcome could not be logged: {err.message_en})")
        outcomes.append(Outcome(channel, target, rid, delivery.status, note_th.strip(), note_en.strip(),
                                delivery.request_id))
    return outcomes
