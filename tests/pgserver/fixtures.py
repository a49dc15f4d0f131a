"""pytest fixtures: ``from tests.pgserver.fixtures import pg_server, postgres_factory`` in a conftest or test module.

`pg_server` (session): a throw-away cluster (cluster.py) with the database `de_test` migrated by its owner, and the
app's login role: a member of de_dashboard_app that owns nothing, so row-level security applies to it as it will
in a deployment. Skipped on a machine that cannot have PostgreSQL, a failure in CI (CI=true), where the tests must
run. `postgres_factory`: make(raw=None) → a PostgresStore for a new office in that database holding `raw`.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from de_core.sheet.raw import RawWorkbook
from de_core.store.postgres.connect import office_pool
from de_core.store.postgres.migrate import migrate
from de_core.store.postgres.store import PostgresStore
from tests.pgserver.cluster import NoServer, TempCluster

OWNER = "de_owner"  # owns the databases and runs the migrations (CREATEROLE: they create de_dashboard_app)
APP = "de_office_app"  # the app logs in as this: member of de_dashboard_app, owner of nothing
DATABASE = "de_test"


@dataclass
class PgServer:
    cluster: TempCluster
    database: str = DATABASE

    def owner_url(self, database: str | None = None) -> str:
        return self.cluster.url(OWNER, database or self.database)

    def app_url(self, database: str | None = None) -> str:
        return self.cluster.url(APP, database or self.database)

    def superuser_url(self, database: str | None = None) -> str:
        return self.cluster.url(database=database or self.database)

    def new_database(self, name: str | None = None, migrated: bool = True) -> str:
        """A fresh database owned by the owner role (migrated by it unless told not to). Returns its name."""
        name = name or f"de_{uuid.uuid4().hex[:10]}"
        self.cluster.sql(f'CREATE DATABASE "{name}" OWNER {OWNER}')
        if migrated:
            migrate(self.owner_url(name))
        return name


def start_server() -> PgServer:
    """The cluster with its roles and the migrated test database. Raises NoServer."""
    cluster = TempCluster().start()
    try:
        cluster.sql(f"CREATE ROLE {OWNER} LOGIN CREATEROLE", f"CREATE ROLE {APP} LOGIN")
        server = PgServer(cluster)
        server.new_database(DATABASE)
        cluster.sql(f"GRANT de_dashboard_app TO {APP}")  # the role the first migration made
    except BaseException:
        cluster.stop()
        raise
    return server


def unavailable(reason: object) -> None:
    """No server for the tests: a failure in CI (CI set), where they must run; elsewhere a skip saying why."""
    if os.environ.get("CI"):  # never a silent skip in CI
        pytest.fail(f"CI cannot start PostgreSQL for the tests: {reason}")
    pytest.skip(f"PostgreSQL tests need a server: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        server = start_server()
    except (NoServer, OSError, subprocess.CalledProcessError, psycopg.Error) as exc:
        unavailable(exc)
    try:
        yield server
    finally:
        server.cluster.stop()


@pytest.fixture
def postgres_factory(pg_server: PgServer) -> Iterator:
    """make(raw=None, office=None) → a store for a new office (or the given one) holding `raw` (header rows only
    when None), connected as the app's login role through the app's own connection set-up."""
    counter = itertools.count()
    stores: list[PostgresStore] = []

    def make(raw: RawWorkbook | None = None, office: str | None = None) -> PostgresStore:
        office = office or f"office-{uuid.uuid4().hex[:8]}-{next(counter)}"
        store = PostgresStore(office_pool(pg_server.app_url(), office, min_size=1, max_size=4), office)
        stores.append(store)
        store.initialize(raw)
        return store

    yield make
    for store in stores:
        store.close()
