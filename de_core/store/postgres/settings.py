"""[connections.postgresql] in the secrets, in the layout of Streamlit's SQL connection: a `url`, or `dialect`,
`host`, `port`, `database`, `username`, `password` (and `query` for driver options such as sslmode); plus this
app's `office` key (or a `region` for a regional session) and which signed-in people belong to which office.

Reads settings only: importing this module never imports psycopg.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from de_core.store.base import StoreError

SECTION = "postgresql"
DIALECTS = ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2")


@dataclass(frozen=True)
class PostgresSettings:
    """Where the database is (`conninfo`: a libpq URL), whose rows this app reads and writes (`office`), or which
    region's offices it reads (`region`), and the offices of signed-in people (`members`: office → e-mails and
    @domains)."""

    conninfo: str
    office: str = ""
    region: str = ""
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pool_size: int = 8

    def office_of(self, email: str) -> str:
        """The office a (verified) e-mail belongs to: a listed address first, then a listed @domain; "" when none."""
        email = email.strip().lower()
        if not email:
            return ""
        for office, who in self.members.items():
            if email in who:
                return office
        domain = "@" + email.rpartition("@")[2]
        for office, who in self.members.items():
            if domain in who:
                return office
        return ""


def postgres_section(secrets: Mapping[str, Any]) -> dict[str, Any]:
    """The [connections.postgresql] section of the secrets, or {}."""
    return dict((secrets.get("connections") or {}).get(SECTION) or {})


def configured(secrets: Mapping[str, Any]) -> bool:
    """Whether the secrets name a PostgreSQL database (a url or a host)."""
    section = postgres_section(secrets)
    return bool(str(section.get("url") or "").strip() or str(section.get("host") or "").strip())


def _bad(th: str, en: str) -> StoreError:
    return StoreError(f"ตั้งค่า [connections.postgresql] ไม่ถูกต้อง: {th}",
                      f"[connections.postgresql] is not usable: {en}",
                      "ดูตัวอย่างใน .streamlit/secrets.toml.example", "See .streamlit/secrets.toml.example")


def conninfo_of(section: Mapping[str, Any]) -> str:
    """A libpq URL from a `url` or from dialect/host/port/database/username/password/query.

    Raises StoreError when neither a url nor a host is given, or the dialect is not PostgreSQL.
    """
    url = str(section.get("url") or "").strip()
    if url:
        for prefix in ("postgresql+psycopg2://", "postgresql+psycopg://", "postgres://"):
            if url.startswith(prefix):  # SQLAlchemy's driver-qualified URLs, as Streamlit's SQL connection takes
                url = "postgresql://" + url[len(prefix):]
        return url
    dialect = str(section.get("dialect") or "postgresql").strip().lower()
    if dialect not in DIALECTS:
        raise _bad(f"dialect ต้องเป็น postgresql (ได้ «{dialect}»)", f"dialect must be postgresql (got «{dialect}»)")
    host = str(section.get("host") or "").strip()
    if not host:
        raise _bad("ไม่มี url หรือ host", "give a url, or a host")
    user = quote(str(section.get("username") or ""), safe="")
    password = quote(str(section.get("password") or ""), safe="")
    auth = f"{user}:{password}@" if user and password else (f"{user}@" if user else "")
    port = f":{int(section['port'])}" if section.get("port") else ""
    database = quote(str(section.get("database") or ""), safe="")
    query = dict(section.get("query") or {})
    tail = f"?{urlencode({k: str(v) for k, v in query.items()})}" if query else ""
    return f"postgresql://{auth}{quote(host, safe='')}{port}/{database}{tail}"


def _members(section: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """[connections.postgresql.offices.<office>] emails = [...], domains = ["example.go.th"] → office → who."""
    out: dict[str, tuple[str, ...]] = {}
    for office, entry in dict(section.get("offices") or {}).items():
        if not isinstance(entry, Mapping):
            continue
        emails = [str(e).strip().lower() for e in _listed(entry.get("emails"))]
        domains = ["@" + str(d).strip().lower().lstrip("@") for d in _listed(entry.get("domains"))]
        out[str(office)] = tuple(x for x in emails + domains if x.strip("@"))
    return out


def _listed(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value or [])


def postgres_settings(secrets: Mapping[str, Any]) -> PostgresSettings:
    """The PostgreSQL settings from the secrets. Raises StoreError when the section is unusable or names neither
    an office nor a region."""
    section = postgres_section(secrets)
    office = str(section.get("office") or "").strip()
    region = str(section.get("region") or "").strip()
    if not office and not region:
        raise _bad("ไม่มี office (รหัสสำนักงานของแอปนี้)", "no office (this app's office key)")
    try:
        pool_size = max(1, int(section.get("pool_size") or 8))
    except (TypeError, ValueError):
        raise _bad("pool_size ต้องเป็นจำนวนเต็ม", "pool_size must be a whole number") from None
    return PostgresSettings(conninfo_of(section), office, region, _members(section), pool_size)


@contextmanager
def psycopg_needed() -> Iterator[None]:
    """Around an import of the PostgreSQL store: a missing psycopg becomes a StoreError saying how to install it."""
    try:
        yield
    except ImportError as exc:
        if "psycopg" not in str(exc):
            raise
        raise StoreError("ยังไม่ได้ติดตั้งส่วนเสริม PostgreSQL (psycopg)", "The PostgreSQL extra (psycopg) is not installed",
                         'ติดตั้งด้วย .venv/bin/pip install -e ".[postgres]"',
                         'Install it: .venv/bin/pip install -e ".[postgres]"') from exc
