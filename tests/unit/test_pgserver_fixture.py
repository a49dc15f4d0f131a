"""The PostgreSQL test fixture gets its server the way the browser tests get Chromium: an installed one, else
apt-get when root, else a skip (a failure in CI)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.pgserver import cluster
from tests.pgserver.fixtures import unavailable


def test_an_installed_server_is_used_as_it_is(monkeypatch):
    monkeypatch.setattr(cluster, "server_bin", lambda: Path("/usr/lib/postgresql/15/bin"))
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("nothing may be installed"))
    assert cluster.ensure_server() == Path("/usr/lib/postgresql/15/bin")


def test_without_a_server_root_installs_debian_s_postgresql_with_apt_get(monkeypatch):
    found = iter([None, Path("/usr/lib/postgresql/17/bin")])
    ran: list[list[str]] = []
    monkeypatch.setattr(cluster, "server_bin", lambda: next(found))
    monkeypatch.setattr(cluster.os, "geteuid", lambda: 0)
    monkeypatch.setattr(cluster.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(cluster.subprocess, "run", lambda argv, **kw: ran.append(argv))
    assert cluster.ensure_server() == Path("/usr/lib/postgresql/17/bin")
    assert ran == [["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "postgresql"]]


def test_without_a_server_or_root_it_says_how_to_get_one(monkeypatch):
    monkeypatch.setattr(cluster, "server_bin", lambda: None)
    monkeypatch.setattr(cluster.os, "geteuid", lambda: 1000)
    with pytest.raises(cluster.NoServer, match="apt-get install -y postgresql"):
        cluster.ensure_server()


def test_no_server_is_a_skip_locally_and_a_failure_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        unavailable("not installed")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        unavailable("not installed")
