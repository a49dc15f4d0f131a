"""Real-browser harness: Debian's chromium (apt-get installs it when missing and we are root), one `streamlit run`
server on a free port over a fresh embedded workbook, and one headless browser for the whole session."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.services import apt_installed, serving

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts" / "browser"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SERVER_START_SECONDS = 90


def ensure_chromium() -> Path:
    """/usr/bin/chromium, installed with apt-get when missing (root only; elsewhere the tests skip, in CI they fail)."""
    return apt_installed(CHROMIUM, "chromium", "the browser tests")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(folder: Path, db: Path) -> Iterator[str]:
    """`streamlit run streamlit_app.py` on a free port over the embedded workbook `db` (filled with the demo when it
    does not exist), until the block ends; yields its address."""
    port = _free_port()
    env = {**os.environ, "DE_DASHBOARD_DB": str(db)}
    log = (folder / "streamlit.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"  # loopback, so the app treats the browser as the local editor
    try:
        with serving(server, url, folder / "streamlit.log", SERVER_START_SECONDS, "streamlit"):
            yield url
    finally:
        log.close()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    """The app on a free port, over a new embedded workbook (the demo), until the end."""
    folder = tmp_path_factory.mktemp("browser-app")
    with running_app(folder, folder / "workbook.sqlite") as url:
        yield url


@pytest.fixture(scope="session")
def chromium_context(playwright_driver):
    """One headless chromium with a fresh profile for the session (Playwright drives Debian's build)."""
    executable = ensure_chromium()
    pw = playwright_driver
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(executable), headless=True,
            args=CHROMIUM_ARGS,  # the fresh profile folder becomes --user-data-dir
            viewport={"width": 1400, "height": 1600}, locale="th-TH", timezone_id="Asia/Bangkok",
        )
        context.set_default_timeout(30_000)
        yield context
        context.close()


@pytest.fixture(scope="session")
def warm_app(chromium_context, app_url):
    """Open "/" once before any deep link.

    The first script run of a fresh server process, with a folder named pages/ beside the entry script, uses
    Streamlit's old multipage mode, where a deep link shows "Page not found" once; after the first run every run
    uses st.navigation. A deployment's first visitor (or its warm-up probe) does the same.
    """
    tab = chromium_context.new_page()
    tab.goto(app_url)
    wait_ready(tab)
    tab.close()
    return app_url


@pytest.fixture
def open_app(chromium_context, warm_app):
    """Open a path of the app in a new tab and wait until its script has finished; the tab closes afterwards."""
    tabs = []

    def open_path(path: str):
        tab = chromium_context.new_page()
        tabs.append(tab)
        tab.goto(f"{warm_app}{path}")
        wait_ready(tab)
        return tab

    yield open_path
    for tab in tabs:
        tab.close()


def wait_ready(tab) -> None:
    """The app finished running its script, drew a page title, and every element has arrived (Streamlit can report
    the script as finished while some elements still show as skeletons for a moment)."""
    tab.wait_for_selector(READY)
    tab.wait_for_selector("h1")
    tab.wait_for_selector(READY)
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')")


def screenshot(tab, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
