"""Numbered SQL migrations (migrations/0001_*.sql, 0002_*.sql, ...) applied in order, each once, each in its own
transaction under one advisory lock, and recorded in the table schema_version. Run by `de-dashboard migrate` as the
database's owner (a role that may create tables and the role de_dashboard_app), never by the app itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import psycopg

from de_core.store.base import SchemaMismatch
from de_core.store.postgres.connect import db_errors

FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
LOCK_KEY = 0x5DE0_2566  # pg_advisory_xact_lock: two migrators at once take turns
VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The migration files shipped with the app, in order. Raises ValueError when their numbers are not 1, 2, 3..."""
    folder = resources.files("de_core.store.postgres") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = FILE_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise ValueError(f"migration numbers must run 1, 2, 3...: {[m.version for m in found]}")
    return found


def latest_version() -> int:
    return len(migrations())


def applied_version(conn: psycopg.Connection) -> int:
    """The highest migration recorded in schema_version; 0 when there is no such table yet."""
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    got = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(got[0]) if got else 0


def apply_migrations(conn: psycopg.Connection, upto: int | None = None) -> list[Migration]:
    """Apply the migrations the database lacks (up to `upto`), in order; returns those applied.

    Raises SchemaMismatch when the database is newer than this app, and what db_errors maps otherwise.
    """
    known = migrations()
    target = len(known) if upto is None else upto
    done: list[Migration] = []
    with db_errors():
        for migration in known[:target]:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                conn.execute(VERSION_TABLE)
                have = applied_version(conn)
                if have > len(known):
                    raise newer_database(have, len(known))
                if migration.version <= have:
                    continue
                conn.execute(migration.sql.encode())  # no parameters: several statements in one request
                conn.execute("INSERT INTO schema_version (version, name) VALUES (%s, %s)",
                             (migration.version, migration.name))
                done.append(migration)
    return done


def migrate(conninfo: str) -> list[Migration]:
    """Connect (as the owner) and apply every pending migration. Returns the migrations applied."""
    with db_errors():
        conn = psycopg.connect(conninfo)
    with conn:
        return apply_migrations(conn)


def newer_database(have: int, known: int) -> SchemaMismatch:
    return SchemaMismatch(
        f"ฐานข้อมูลเป็นรุ่นที่ใหม่กว่าแอปนี้ (migration {have} แต่แอปรู้จักถึง {known})",
        f"The database is newer than this app (migration {have}; the app knows up to {known})",
        "ปรับรุ่นแอปให้ตรงกับฐานข้อมูล", "Upgrade the app to the version the database was migrated by",
    )


def not_migrated(have: int, known: int) -> SchemaMismatch:
    return SchemaMismatch(
        f"ฐานข้อมูลยังไม่ได้ปรับโครงสร้าง (migration {have} จาก {known})",
        f"The database is not migrated (migration {have} of {known})",
        "ให้ผู้ดูแลฐานข้อมูลสั่ง de-dashboard migrate (ด้วยบัญชีเจ้าของฐานข้อมูล) แล้วเปิดแอปอีกครั้ง",
        "Have the database's owner run `de-dashboard migrate`, then open the app again",
    )


def check_version(conn: psycopg.Connection) -> None:
    """Refuse a database that is behind or ahead of this app's migrations (SchemaMismatch)."""
    have, known = applied_version(conn), latest_version()
    if have < known:
        raise not_migrated(have, known)
    if have > known:
        raise newer_database(have, known)
