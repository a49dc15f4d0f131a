"""What the digest needs from secrets.toml ([digest], [line], [smtp]) and how its secrets stay secret.

The channel access token and the SMTP password are held in fields left out of every repr; `redact` takes them out
of any text before it is printed, logged, written to the digest log or shown on a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from de_core.digest.period import EVERY

LINE_API = "https://api.line.me"
LINE_ID = re.compile(r"^[CUR][0-9a-f]{32}$")  # group (C…), user (U…) or multi-person chat (R…) id
BROADCAST = "broadcast"
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
HIDDEN = "••••••"
CHANNELS = ("line", "email")


class DigestConfigError(ValueError):
    """A digest setting that cannot be used, said in Thai and English (never with a secret in it)."""

    def __init__(self, th: str, en: str):
        super().__init__(en)
        self.th, self.en = th, en

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


@dataclass(frozen=True)
class LineSettings:
    token: str = field(repr=False)
    to: tuple[str, ...] = ()
    broadcast: bool = False
    api_url: str = LINE_API

    @property
    def targets(self) -> tuple[str, ...]:
        return (BROADCAST,) if self.broadcast else self.to


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    sender: str
    to: tuple[str, ...]
    port: int = 587
    username: str = ""
    password: str = field(default="", repr=False)
    ca_file: str = ""  # a certificate authority of the office's own (else the system's)
    timeout: float = 30.0


@dataclass(frozen=True)
class DigestSettings:
    app_url: str = ""
    every: str = "week"
    lang: str = "th"
    line: LineSettings | None = None
    smtp: SmtpSettings | None = None

    @property
    def secrets(self) -> tuple[str, ...]:
        values = [self.line.token if self.line else "", self.smtp.password if self.smtp else ""]
        return tuple(v for v in values if v)

    @property
    def channels(self) -> tuple[str, ...]:
        """The channels configured, in order: line, email."""
        return tuple(c for c, s in (("line", self.line), ("email", self.smtp)) if s is not None)

    def targets(self, channels: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """(channel, target) for every configured target of the chosen channels (all when None)."""
        wanted = set(channels or self.channels)
        out: list[tuple[str, str]] = []
        if self.line is not None and "line" in wanted:
            out += [("line", t) for t in self.line.targets]
        if self.smtp is not None and "email" in wanted:
            out += [("email", t) for t in self.smtp.to]
        return out

    def redact(self, text: object) -> str:
        """The text with every secret (as written, and URL-encoded) replaced by ••••••."""
        return redact(str(text), self.secrets)


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` without any of the secrets in it."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        for form in {secret, quote(secret, safe="")}:
            text = text.replace(form, HIDDEN)
    return text


def _error(th: str, en: str) -> DigestConfigError:
    return DigestConfigError(th, en)


def _web_address(value: object, what_th: str, what_en: str, https_only: bool = False) -> str:
    text = str(value or "").strip()
    parts = urlsplit(text)
    loopback = (parts.hostname or "") in LOOPBACK
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.username or parts.password or (
            https_only and parts.scheme != "https" and not loopback):
        raise _error(f"{what_th} ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https:// (ได้ «{text[:80]}»)",
                     f"{what_en} must be a web address beginning with https:// (got «{text[:80]}»)")
    return text.rstrip("/")


def _strings(value: object) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else list(value or [])
    return tuple(s for s in (str(v).strip() for v in items) if s)


def _line(section: Mapping[str, Any]) -> LineSettings | None:
    if not section:
        return None
    token = str(section.get("channel_access_token") or "").strip()
    if not token:
        raise _error("[line] ต้องมี channel_access_token (จาก LINE Developers console)",
                     "[line] needs channel_access_token (from the LINE Developers console)")
    to, broadcast = _strings(section.get("to")), bool(section.get("broadcast", False))
    bad = [t for t in to if not LINE_ID.match(t)]
    if bad:
        raise _error(f"[line] to: «{bad[0][:40]}» ไม่ใช่รหัสกลุ่มหรือผู้ใช้ของ LINE (C… หรือ U… ตามด้วยอักษร 32 ตัว; "
                     "ไม่ใช่ LINE ID ที่ขึ้นต้นด้วย @) ดูวิธีหารหัสกลุ่มใน README",
                     f"[line] to: «{bad[0][:40]}» is not a LINE group or user id (C… or U… and 32 characters; not the "
                     "@ LINE ID): the README says how to find a group's id")
    if broadcast == bool(to):
        raise _error("[line] ระบุอย่างใดอย่างหนึ่ง: to = [รหัสกลุ่ม] หรือ broadcast = true (ส่งถึงเพื่อนทุกคนของบัญชี)",
                     "[line] give one of: to = [group ids] or broadcast = true (every friend of the account)")
    api = _web_address(section.get("api_url") or LINE_API, "[line] api_url", "[line] api_url", https_only=True)
    return LineSettings(token, to, broadcast, api)


def _smtp(section: Mapping[str, Any]) -> SmtpSettings | None:
    if not section:
        return None
    host, sender, to = str(section.get("host") or "").strip(), str(section.get("sender") or "").strip(), \
        _strings(section.get("to"))
    if not host or not sender or not to:
        raise _error("[smtp] ต้องมี host, sender และ to (รายชื่ออีเมลผู้รับ)",
                     "[smtp] needs host, sender and to (the recipients' addresses)")
    bad = [a for a in to if "@" not in a or any(c in a for c in " ,;:<>")]
    if bad:
        raise _error(f"[smtp] to: «{bad[0][:80]}» ไม่ใช่ที่อยู่อีเมล", f"[smtp] to: «{bad[0][:80]}» is not an address")
    try:
        port, timeout = int(section.get("port") or 587), float(section.get("timeout") or 30)
    except (TypeError, ValueError):
        raise _error("[smtp] port และ timeout ต้องเป็นตัวเลข", "[smtp] port and timeout must be numbers") from None
    return SmtpSettings(host, sender, to, port, str(section.get("username") or ""),
                        str(section.get("password") or ""), str(section.get("ca_file") or ""), timeout)


def load_settings(secrets: Mapping[str, Any]) -> DigestSettings:
    """The digest settings in secrets.toml. Raises DigestConfigError (what to fix, no secret in it)."""
    digest = secrets.get("digest") or {}
    every = str(digest.get("every") or "week").strip()
    if every not in EVERY:
        raise _error(f"[digest] every ต้องเป็น {' / '.join(EVERY)}", f"[digest] every must be {' / '.join(EVERY)}")
    lang = str(digest.get("lang") or "th").strip()
    if lang not in ("th", "en"):
        raise _error("[digest] lang ต้องเป็น th หรือ en", "[digest] lang must be th or en")
    url = digest.get("app_url")
    app_url = _web_address(url, "[digest] app_url", "[digest] app_url") if url else ""
    return DigestSettings(app_url, every, lang, _line(secrets.get("line") or {}), _smtp(secrets.get("smtp") or {}))
