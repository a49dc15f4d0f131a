"""deploy/nginx.conf, the file compose.yaml mounts, run by Debian's nginx in front of the container's command: only
its upstream, listen ports and certificate paths are rewritten (certificates from a test authority made with
trustme). HTTPS answers with the security headers, plain HTTP redirects, the WebSocket upgrades (and would not
without the Upgrade header or with the Host stripped of its port), large uploads stop at 25 MB, and a browser gets
the overview through it."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import _free_port, screenshot, wait_ready
from tests.deploy.conftest import NGINX_CONF, OFFICE_HOST, ensure_nginx, new_context

NGINX_START_SECONDS = 15


def render(text: str, upstream: str, http_port: int, https_port: int, certificate: Path, key: Path) -> str:
    """The repository's nginx.conf for a loopback test: each of the five marked lines must be there exactly once,
    so a change to the file that the test would no longer cover fails here instead of passing unnoticed."""
    swaps = {
        "server app:8501;": f"server {upstream};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "ssl_certificate /etc/nginx/certs/fullchain.pem;": f"ssl_certificate {certificate};",
        "ssl_certificate_key /etc/nginx/certs/privkey.pem;": f"ssl_certificate_key {key};",
    }
    for old, new in swaps.items():
        lines = [line for line in text.splitlines() if line.strip().startswith(old)]
        assert len(lines) == 1 and "rendered by the test" in lines[0], (old, lines)
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Proxy:
    https: str  # https://127.0.0.1:<port>
    http: str
    ca: Path
    log: Path

    @property
    def office(self) -> str:
        """The HTTPS address under the office's name (Chromium maps it to loopback; so does _open_stream)."""
        return f"https://{OFFICE_HOST}:{urlparse(self.https).port}"


@dataclass(frozen=True)
class Certificates:
    chain: Path
    key: Path
    ca: Path


@pytest.fixture(scope="module")
def certificates(tmp_path_factory) -> Certificates:
    """A test certificate authority and a server certificate for the office's name and 127.0.0.1, as PEM files."""
    import trustme

    folder = tmp_path_factory.mktemp("certs")
    authority = trustme.CA(organization_name="Sujarit DE test CA")
    issued = authority.issue_cert(OFFICE_HOST, "127.0.0.1")
    found = Certificates(folder / "fullchain.pem", folder / "privkey.pem", folder / "ca.pem")
    for i, blob in enumerate(issued.cert_chain_pems):
        blob.write_to_path(str(found.chain), append=i > 0)
    issued.private_key_pem.write_to_path(str(found.key))
    authority.cert_pem.write_to_path(str(found.ca))
    return found


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def nginx(conf: Callable[[int, int], str], folder: Path, ca: Path) -> Iterator[Proxy]:
    """nginx in the foreground (its own process group, so its workers end with it) on two free loopback ports,
    with conf(http_port, https_port) as its configuration."""
    executable = ensure_nginx()
    folder.mkdir(parents=True, exist_ok=True)
    http_port, https_port = _free_port(), _free_port()
    (folder / "nginx.conf").write_text(conf(http_port, https_port), encoding="utf-8")
    log = folder / "nginx.log"
    with log.open("w") as out:
        master = subprocess.Popen(
            [str(executable), "-p", f"{folder}/", "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log"),
             "-g", f"daemon off; pid {folder / 'nginx.pid'};"],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + NGINX_START_SECONDS
            while not (_listening(https_port) and _listening(http_port)):
                if master.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {log.read_text()}")
                time.sleep(0.05)
            yield Proxy(f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}", ca, log)
        finally:
            with suppress(ProcessLookupError):  # the group this test started: master and workers
                os.killpg(master.pid, signal.SIGTERM)
            try:
                master.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(master.pid, signal.SIGKILL)
                master.wait()
    assert not _listening(https_port), "nginx still answers after the test stopped it"


def rendered(container_app, certificates: Certificates, edit=lambda text: text) -> Callable[[int, int], str]:
    """deploy/nginx.conf for this test, for the ports nginx() picks; optionally broken by edit."""
    def conf(http_port: int, https_port: int) -> str:
        return edit(render(NGINX_CONF.read_text(encoding="utf-8"), urlparse(container_app.url).netloc, http_port,
                           https_port, certificates.chain, certificates.key))

    return conf


@pytest.fixture(scope="module")
def proxy(container_app, certificates, tmp_path_factory) -> Iterator[Proxy]:
    with nginx(rendered(container_app, certificates), tmp_path_factory.mktemp("nginx"), certificates.ca) as running:
        yield running


def _trusting(ca: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca))


def test_health_answers_over_https_with_the_security_headers(proxy):
    with urllib.request.urlopen(f"{proxy.https}/_stcore/health", context=_trusting(proxy.ca), timeout=10) as reply:
        assert reply.status == 200 and reply.read() == b"ok"
        headers = reply.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Server"] == "nginx"  # server_tokens off: no version
    with pytest.raises(urllib.error.URLError, match="CERTIFICATE_VERIFY_FAILED"):  # a real check: unknown authority
        urllib.request.urlopen(f"{proxy.https}/_stcore/health", context=ssl.create_default_context(), timeout=10)


def test_plain_http_redirects_to_https(proxy):
    address = urlparse(proxy.http)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", "/ita-score?lang=en")
    reply = connection.getresponse()
    assert reply.status == 301
    assert reply.getheader("Location") == "https://127.0.0.1/ita-score?lang=en"  # 443 in production
    connection.close()


def _open_stream(proxy: Proxy):
    """A browser's handshake for the page's WebSocket on the office's name: wss, the app's subprotocol, and the
    page's Origin, which the app accepts only when it names the Host the app was given (a loopback Origin would be
    accepted whatever the Host)."""
    from websockets.sync.client import connect

    port = urlparse(proxy.https).port
    return connect(f"wss://{OFFICE_HOST}:{port}/_stcore/stream", sock=socket.create_connection(("127.0.0.1", port)),
                   ssl=_trusting(proxy.ca), server_hostname=OFFICE_HOST, subprotocols=["streamlit"],
                   origin=proxy.office, open_timeout=10)


def test_the_websocket_upgrades_through_the_proxy(proxy):
    with _open_stream(proxy) as stream:
        assert stream.response.status_code == 101
        assert stream.subprotocol == "streamlit"


# The same handshake through a deliberately broken copy of the file: the test above would catch either mistake.
BROKEN = {
    "no Upgrade header": lambda text: re.sub(r"\n\s*proxy_set_header Upgrade [^;]*;", "", text),
    "Host without its port": lambda text: text.replace("proxy_set_header Host $http_host;",
                                                       "proxy_set_header Host $host;"),
}


@pytest.mark.parametrize("mistake", BROKEN)
def test_the_websocket_fails_through_a_broken_copy(container_app, certificates, tmp_path, mistake):
    from websockets.exceptions import InvalidStatus

    broken = rendered(container_app, certificates, BROKEN[mistake])
    assert broken(1, 2) != rendered(container_app, certificates)(1, 2)
    seen = len(container_app.outside)
    with nginx(broken, tmp_path / "nginx", certificates.ca) as running, pytest.raises(InvalidStatus):
        with _open_stream(running):
            pass
    # Refusing an Origin it does not know, Streamlit also asks checkip.amazonaws.com for its own address (sent to
    # the recording proxy here, nowhere else): forget those so the other tests still see a quiet server.
    del container_app.outside[seen:]


def test_the_stream_stays_open_between_pings():
    block = re.search(r"location /_stcore/stream \{(.*?)\}", NGINX_CONF.read_text(encoding="utf-8"), re.S)
    timeout = re.search(r"proxy_read_timeout (\d+)([smh]?);", block.group(1))
    seconds = int(timeout.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[timeout.group(2)]
    assert seconds >= 600  # the default 60 s would cut a quiet tab's connection


def test_uploads_up_to_25_mb_pass_and_larger_are_refused_at_the_proxy(proxy):
    address = urlparse(proxy.https)

    def post(length: int, body: bytes) -> int:
        connection = http.client.HTTPSConnection(address.hostname, address.port, context=_trusting(proxy.ca),
                                                 timeout=30)
        connection.putrequest("PUT", "/_stcore/upload_file/none/none")
        connection.putheader("Content-Length", str(length))
        connection.endheaders(body)
        status = connection.getresponse().status
        connection.close()
        return status

    assert post(26 * 1024 * 1024, b"") == 413  # refused on the header alone, before any byte is sent
    assert post(2 * 1024 * 1024, b"x" * 2 * 1024 * 1024) != 413  # an .xlsx-sized body reaches the app


def test_the_app_bundles_arrive_compressed(proxy):
    """Streamlit serves its JavaScript uncompressed and leaves compression to the proxy: the first visit's largest
    downloads shrink here."""
    context = _trusting(proxy.ca)
    with urllib.request.urlopen(f"{proxy.https}/", context=context, timeout=10) as reply:
        page = reply.read().decode("utf-8")
    bundles = re.findall(r'src="\.?/?(static/js/[^"]+\.js)"', page)
    assert bundles, page[:500]
    request = urllib.request.Request(f"{proxy.https}/{bundles[0]}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, context=context, timeout=10) as reply:
        assert reply.headers["Content-Encoding"] == "gzip"
        sent = len(reply.read())
    with urllib.request.urlopen(f"{proxy.https}/{bundles[0]}", context=context, timeout=10) as reply:
        whole = len(reply.read())
    assert sent * 2 < whole


@pytest.mark.browser
def test_the_overview_renders_in_a_browser_through_the_proxy(browser, proxy):
    host = urlparse(proxy.office).netloc
    requests = []
    context = new_context(browser, ignore_https_errors=True)  # the test authority is not in Chromium's store
    context.on("request", lambda request: requests.append(request.url))
    try:
        tab = context.new_page()
        tab.goto(f"{proxy.office}/?lang=th")
        wait_ready(tab)
        text = tab.locator('[data-testid="stApp"]').inner_text()
        shot = screenshot(tab, "deploy-overview-through-proxy")
        assert tab.locator('[data-testid="stException"]').count() == 0, shot
        assert "50,000" in text and "35,610" in text, shot
    finally:
        context.close()
    assert requests and all(urlparse(url).netloc == host for url in requests if not url.startswith("data:"))
