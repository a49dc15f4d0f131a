"""Debian packages a test needs (chromium, nginx, postgresql), the way DECISIONS.md says: installed with apt-get
when missing and running as root; elsewhere the tests skip, and in CI (CI=true) they fail instead of skipping."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def apt_installed(binary: Path, package: str, needed_by: str) -> Path:
    """`binary`, installing Debian's `package` first when it is missing (root only)."""
    if binary.exists():
        return binary
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        if os.environ.get("CI"):  # CI must run them: never a silent skip there
            pytest.fail(f"CI cannot install {package} (needs root and apt-get); {needed_by} must run in CI")
        pytest.skip(f"{needed_by} need {binary}: run as root (they apt-get install it) or "
                    f"`sudo apt-get install -y {package}`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", package], check=True, env=env, stdout=subprocess.DEVNULL)
    return binary


def healthy(url: str) -> bool:
    """Whether a Streamlit server answers its health check with 200."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


@contextmanager
def serving(server: subprocess.Popen, url: str, log: Path, seconds: float, what: str) -> Iterator[str]:
    """Wait (up to `seconds`) until the started server is healthy, hand out its url, then stop it."""
    try:
        deadline = time.monotonic() + seconds
        while not healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start: {log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
