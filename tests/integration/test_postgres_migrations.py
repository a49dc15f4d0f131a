"""Migrations: numbered SQL files applied in order, each once, recorded in schema_version; a failing one leaves
nothing of itself; the app refuses a database behind or ahead of it."""

from __future__ import annotations

import threading

import psycopg
import pytest

from de_core.store.base import SchemaMismatch, StoreError
from de_core.store.postgres import migrate as mig
from de_core.store.postgres.store import open_office
from tests.pgserver.fixtures import pg_server  # noqa: F401  (pytest fixture)


def _versions(url: str) -> list[tuple[int, str]]:
    with psycopg.connect(url) as conn:
        return [(v, n) for v, n in conn.execute("SELECT version, name FROM schema_version ORDER BY applied_at, version")]


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}


def test_the_shipped_migration_files_are_numbered_one_two_three_without_gaps():
    found = mig.migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert [m.name for m in found[:2]] == ["workbook_tables", "row_level_security"]


def test_a_fresh_database_gets_every_migration_in_order_and_a_second_run_applies_nothing(pg_server):  # noqa: F811
    url = pg_server.owner_url(pg_server.new_database(migrated=False))
    applied = mig.migrate(url)
    assert [m.version for m in applied] == [m.version for m in mig.migrations()]
    assert _versions(url) == [(m.version, m.name) for m in mig.migrations()]
    assert {"schema_version", "offices", "tabs", "sheet_rows"} <= _tables(url)
    assert mig.migrate(url) == []
    assert len(_versions(url)) == len(mig.migrations())


def test_migrations_stop_where_told_and_the_rest_follow_in_order_later(pg_server):  # noqa: F811
    url = pg_server.owner_url(pg_server.new_database(migrated=False))
    with psycopg.connect(url) as conn:
        assert [m.version for m in mig.apply_migrations(conn, upto=1)] == [1]
        assert mig.applied_version(conn) == 1
    assert "sheet_rows" in _tables(url)
    assert [m.version for m in mig.migrate(url)] == list(range(2, len(mig.migrations()) + 1))


def test_a_failing_migration_leaves_nothing_of_itself_and_the_version_where_it_was(pg_server, monkeypatch):  # noqa: F811
    url = pg_server.owner_url(pg_server.new_database())
    known = mig.migrations()
    broken = mig.Migration(len(known) + 1, "broken", "CREATE TABLE half_made (x int);\nSELECT no_such_function();")
    monkeypatch.setattr(mig, "migrations", lambda: [*known, broken])
    with pytest.raises(StoreError):
        mig.migrate(url)
    assert "half_made" not in _tables(url)
    assert len(_versions(url)) == len(known)


def test_two_migrators_at_once_apply_each_migration_once(pg_server):  # noqa: F811
    url = pg_server.owner_url(pg_server.new_database(migrated=False))
    results: list[list[mig.Migration]] = []
    threads = [threading.Thread(target=lambda: results.append(mig.migrate(url))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(len(r) for r in results) == [0, len(mig.migrations())]
    assert len(_versions(url)) == len(mig.migrations())


def test_the_app_refuses_a_database_that_is_not_migrated_and_says_who_must_migrate_it(pg_server):  # noqa: F811
    url = pg_server.app_url(pg_server.new_database(migrated=False))
    with pytest.raises(SchemaMismatch) as err:
        open_office(url, "office-x")
    assert "de-dashboard migrate" in err.value.hint_en and "migrate" in err.value.hint_th


def test_the_app_refuses_a_database_newer_than_itself(pg_server, monkeypatch):  # noqa: F811
    url = pg_server.owner_url(pg_server.new_database())
    known = mig.migrations()
    monkeypatch.setattr(mig, "migrations", lambda: known[:-1])
    with psycopg.connect(url) as conn, pytest.raises(SchemaMismatch) as err:
        mig.check_version(conn)
    assert "newer" in err.value.message_en
