"""A throw-away PostgreSQL cluster: Debian's server binaries (apt-get installs them when missing and we are root),
initdb in a temporary folder, pg_ctl start on a free loopback port, stopped and removed at the end.

initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user (runuser), which owns the folder.
Usable outside pytest (bench/bench_postgres.py); tests get it from tests/pgserver/fixtures.py.

The cluster answers only on 127.0.0.1 and its own socket folder, with trust authentication for local roles:
a test server, never a deployment's.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

SUPERUSER = "postgres"
FAST = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off")


class NoServer(Exception):
    """PostgreSQL cannot be had on this machine (not installed, and no root or apt-get to install it)."""


def server_bin() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl, or None."""
    found = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists() and (p / "pg_ctl").exists()]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return found[-1] if found else None


def ensure_server() -> Path:
    """The server's bin folder; Debian's postgresql installed with apt-get when missing and root. Raises NoServer."""
    found = server_bin()
    if found is not None:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise NoServer("PostgreSQL is not installed: run as root (the tests apt-get install it) or "
                       "`sudo apt-get install -y postgresql`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "postgresql"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    found = server_bin()
    if found is None:
        raise NoServer("apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb was found")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class TempCluster:
    """initdb + pg_ctl in a temporary folder; `url(user, database)` names a connection to it."""

    fast: bool = True  # fsync off: for tests (a benchmark measuring writes keeps the defaults)
    port: int = field(default_factory=free_port)
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="de-pg-")))
    bin: Path | None = None

    def _as_owner(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        """Run a server program as the folder's owner: `postgres` when we are root (initdb refuses root)."""
        argv = [str(self.bin / cmd[0]), *cmd[1:]] if self.bin else list(cmd)
        if os.geteuid() == 0:
            argv = ["runuser", "-u", SUPERUSER_OS, "--", *argv]
        return subprocess.run(argv, check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> TempCluster:
        self.bin = ensure_server()
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam(SUPERUSER_OS)
            except KeyError as exc:
                raise NoServer("PostgreSQL is installed but there is no `postgres` user to run it") from exc
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        self.folder.chmod(0o700)
        data = self.folder / "data"
        self._as_owner("initdb", "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-locale")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if self.fast:
            options += " " + FAST
        try:
            self._as_owner("pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"), "-o", options, "-w",
                           "-t", "60", "start")
        except subprocess.CalledProcessError as exc:
            log = (self.folder / "server.log")
            raise NoServer(f"pg_ctl start failed: {exc.stderr}\n{log.read_text() if log.exists() else ''}") from exc
        return self

    def stop(self) -> None:
        if self.bin is not None and (self.folder / "data" / "postmaster.pid").exists():
            try:
                self._as_owner("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> TempCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, user: str = SUPERUSER, database: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def sql(self, *statements: str, database: str = "postgres") -> None:
        """Run statements as the superuser (autocommit: CREATE DATABASE cannot run in a transaction)."""
        with psycopg.connect(self.url(SUPERUSER, database), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement.encode())


SUPERUSER_OS = "postgres"  # the operating-system user that owns the cluster when we are root
