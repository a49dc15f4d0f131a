"""The Dockerfile's own command, run as the container runs it (its ENV, /data in a temporary folder, from the files
the image gets): healthy, every request the pages make stays on the app (no font server, no CDN), its icon is the
app's file, and a browser session of a server bound to every address is a viewer."""

import subprocess
import sys
import urllib.request
from urllib.parse import urlparse

import pytest

from de_core.display.i18n import translate
from de_ui.nav import PAGES
from tests.browser.conftest import screenshot, wait_ready
from tests.deploy.conftest import (
    CONTAINER_PORT,
    DATA,
    DOCKERIGNORE,
    ignore_rules,
    ignored,
    listing,
    new_context,
    read_image,
)

PATHS = {p.file: p.url_path for p in PAGES}
# Overview first ("/" before any deep link, as a deployment's first visitor), the pages a viewer reads most, and
# last the reflection form (a viewer gets a prompt instead).
WALK = ["/", *(f"/{PATHS[f]}" for f in ("pages/ita.py", "pages/activities.py", "pages/reflections.py",
                                         "pages/share.py", "pages/reflect.py"))]


def _option(command: list[str], name: str) -> str:
    values = [w.split("=", 1)[1] for w in command if w.startswith(f"--{name}=")]
    assert len(values) == 1, (name, command)
    return values[0]


def test_the_command_is_the_production_one():
    image = read_image()
    assert image.cmd[:3] == ["streamlit", "run", "streamlit_app.py"]
    assert _option(image.cmd, "server.address") == "0.0.0.0"  # reachable from outside the container
    assert _option(image.cmd, "server.port") == CONTAINER_PORT
    assert _option(image.cmd, "server.headless") == "true"
    assert _option(image.cmd, "browser.gatherUsageStats") == "false"
    assert _option(image.cmd, "server.maxUploadSize") == "25"  # = client_max_body_size 25m in deploy/nginx.conf
    assert image.env["DE_DASHBOARD_DB"].startswith(f"{DATA}/") and image.env["DE_DASHBOARD_OUTBOX"].startswith(f"{DATA}/")
    assert f'VOLUME ["{DATA}"]' in image.text and f"EXPOSE {CONTAINER_PORT}" in image.text
    users = [line.split()[1] for line in image.text.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")


def test_the_build_context_keeps_secrets_data_and_the_repository_out():
    rules = ignore_rules(DOCKERIGNORE.read_text(encoding="utf-8"))
    for kept in ("streamlit_app.py", "pages/overview.py", "static/icon.png", "static/fonts/OFL.txt",
                 ".streamlit/config.toml", "de_core/thaidate.py", "sheets_schema/tabs.toml", "pyproject.toml"):
        assert not ignored(kept, rules), kept
    for left_out in (".streamlit/secrets.toml", "data/workbook.sqlite", "data/outbox.sqlite", ".git/config",
                     ".venv/bin/python", "artifacts/browser/x.png", "deploy/certs/privkey.pem", "tests/conftest.py",
                     "de_core/__pycache__/x.pyc", "static/secrets.toml"):
        assert ignored(left_out, rules), left_out


def test_the_image_holds_every_file_the_app_runs_from(container_app):
    app = container_app.app_dir
    for spec in PAGES:
        assert (app / spec.file).is_file(), spec.file
    for package in ("de_core", "de_ui", "sheets_schema"):
        assert (app / package / "__init__.py").is_file(), package
    assert (app / "static" / "icon.png").is_file() and len(list((app / "static" / "fonts").glob("*.woff2"))) == 4
    assert not list(app.rglob("secrets.toml")) and not (app / "data").exists()


def test_the_healthcheck_passes_only_on_the_health_endpoint_of_a_running_app(container_app):
    image = read_image()
    port = str(urlparse(container_app.url).port)
    assert image.healthcheck[0] == "python" and f"'http://127.0.0.1:{CONTAINER_PORT}/_stcore/health'" in image.healthcheck[-1]
    probe = [sys.executable, *image.healthcheck[1:-1], image.healthcheck[-1].replace(CONTAINER_PORT, port)]
    assert subprocess.run(probe, capture_output=True, timeout=30).returncode == 0
    closed = [sys.executable, *image.healthcheck[1:-1], image.healthcheck[-1].replace(CONTAINER_PORT, "9")]
    assert subprocess.run(closed, capture_output=True, timeout=30).returncode != 0
    page = [sys.executable, *image.healthcheck[1:-1],  # a path the app answers with its page, not its health
            image.healthcheck[-1].replace(CONTAINER_PORT, port).replace("/_stcore/health", "/_stcore/healthz")]
    assert subprocess.run(page, capture_output=True, timeout=30).returncode != 0


@pytest.mark.browser
def test_the_pages_load_only_from_the_app_and_the_session_is_a_viewer(browser, container_app):
    """Every request of the pages (the tab icon too) goes to the app's own host: no font server, no CDN. Bound to
    every address, the server has no local editor: even this browser on the same machine (loopback, no proxy) gets
    the viewer prompt instead of the reflection form."""
    app_host = urlparse(container_app.url).netloc
    requests, sockets, icons = [], [], set()
    context = new_context(browser)
    context.on("request", lambda request: requests.append(request.url))
    try:
        tab = context.new_page()
        tab.on("websocket", lambda socket: sockets.append(socket.url))
        for path in WALK:
            tab.goto(f"{container_app.url}{path}")
            wait_ready(tab)
            tab.evaluate("() => document.fonts.ready")
            assert tab.locator('[data-testid="stException"]').count() == 0, screenshot(tab, f"deploy{path.replace('/', '-')}")
            assert tab.get_by_text("Page not found").count() == 0, path
            icons.update(tab.evaluate("() => [...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)"))
        main = tab.locator('[data-testid="stMain"]')  # the last page: the reflection form's
        shot = screenshot(tab, "deploy-reflect-viewer")
        assert main.locator('[data-testid="stForm"]').count() == 0, shot
        assert translate("forms.viewer_prompt", "th")[:40] in main.inner_text(), shot
        assert translate("forms.local_editor_banner", "th")[:30] not in main.inner_text(), shot
    finally:
        context.close()
    network = [url for url in requests + sockets if not url.startswith(("data:", "blob:"))]
    assert len(network) > 10 and sockets, (requests, sockets)
    outside = sorted({url for url in network if urlparse(url).netloc != app_host})
    assert not outside, outside
    assert container_app.outside == [], "the server itself reached out"
    # The tab's icon is the app's own file (checked here too: a browser may take it from its cache).
    assert len(icons) == 1 and urlparse(next(iter(icons))).netloc == app_host, icons
    with urllib.request.urlopen(next(iter(icons)), timeout=10) as reply:
        assert reply.headers["Content-Type"] == "image/png" and reply.read(4) == b"\x89PNG"
    # The app wrote only on the volume (the demo workbook made on the first run), nothing into /app, which is
    # root's and read-only to the app's user in the image.
    assert (container_app.data_dir / "workbook.sqlite").is_file()
    assert listing(container_app.app_dir) == sorted(container_app.app_files)
