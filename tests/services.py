"""Debian packages a test needs (chromium, nginx, postgresql), the way DECISIONS.md says: installed with apt-get
when missing and running as root; elsewhere the tests skip, and in CI (CI=true) they fail instead of skipping."""

from __future__ import annotations

import os
import shutil
import subprocess
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
