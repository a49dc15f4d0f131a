"""Deployment harness without a container engine: the Dockerfile read as data (its ENV, WORKDIR, COPY and exec-form
CMD), the image's /app assembled from the build context as .dockerignore filters it, and that CMD run from there
(a free port for 8501, a temporary folder for /data) until the end of the session; plus one headless Chromium."""

from __future__ import annotations

import http.server
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, SERVER_START_SECONDS, _free_port, ensure_chromium
from tests.services import apt_installed, serving

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
NGINX = Path("/usr/sbin/nginx")
CONTAINER_PORT = "8501"
DATA = "/data"
# An office's name for the server, which this machine's browser resolves to loopback (the proxy tests use it so
# that the app sees a Host and an Origin that are not a loopback address, as in production).
OFFICE_HOST = "de-dashboard.test"


def ensure_nginx() -> Path:
    """Debian's nginx, installed with apt-get when missing (root only; elsewhere the tests skip, in CI they fail).
    In a container without systemd the package starts no service; the tests run their own nginx in the foreground."""
    return apt_installed(NGINX, "nginx", "the reverse-proxy tests")


def instructions(text: str) -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined, comments dropped."""
    found: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if pending and line.lstrip().startswith("#"):
            continue  # a comment inside a continued instruction
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).strip().partition(" ")
        found.append((keyword.upper(), arguments.strip()))
        pending = ""
    return found


def final_stage(text: str) -> list[tuple[str, str]]:
    """The instructions from the last FROM on: what the running image is made of."""
    steps = instructions(text)
    start = max(i for i, (keyword, _) in enumerate(steps) if keyword == "FROM")
    return steps[start:]


def env(text: str) -> dict[str, str]:
    """Every ENV of the final stage (KEY=value pairs, or the old one-pair `ENV KEY value` form)."""
    values: dict[str, str] = {}
    for keyword, arguments in final_stage(text):
        if keyword != "ENV":
            continue
        words = shlex.split(arguments)
        if "=" not in words[0]:
            values[words[0]] = " ".join(words[1:])
            continue
        for word in words:
            key, _, value = word.partition("=")
            values[key] = value
    return values


def workdir(text: str) -> str:
    return [arguments for keyword, arguments in final_stage(text) if keyword == "WORKDIR"][-1]


def exec_form(arguments: str, what: str) -> list[str]:
    """A JSON array (exec form); the shell form would run under /bin/sh, which forwards no stop signal."""
    try:
        words = json.loads(arguments)
    except json.JSONDecodeError:
        pytest.fail(f"{what} is not in exec form (a JSON array): {arguments}")
    assert isinstance(words, list) and all(isinstance(w, str) for w in words), arguments
    return words


def cmd(text: str) -> list[str]:
    return exec_form([a for k, a in final_stage(text) if k == "CMD"][-1], "CMD")


def healthcheck(text: str) -> list[str]:
    """The HEALTHCHECK's command (after its --options and the word CMD)."""
    arguments = [a for k, a in final_stage(text) if k == "HEALTHCHECK"][-1]
    _, _, command = arguments.partition(" CMD ")
    return exec_form(command.strip(), "HEALTHCHECK CMD")


def _pattern(pattern: str) -> re.Pattern:
    """A .dockerignore pattern (Go filepath.Match plus `**` for any number of folders) as a regex."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def ignore_rules(text: str) -> list[tuple[bool, str, re.Pattern]]:
    """(is an exception `!`, pattern, its regex) in file order; the last rule that matches a path or a folder above
    it decides whether the build receives it."""
    rules = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pattern = os.path.normpath(line.lstrip("!").strip()).lstrip("/")
        rules.append((line.startswith("!"), pattern, _pattern(pattern)))
    return rules


def ignored(relative: str, rules: list[tuple[bool, str, re.Pattern]]) -> bool:
    parts = relative.split("/")
    prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    verdict = False
    for exception, _, regex in rules:
        if any(regex.match(prefix) for prefix in prefixes):
            verdict = not exception
    return verdict


def build_context(rules: list[tuple[bool, str, re.Pattern]]) -> list[str]:
    """Every file of the repository the docker build receives (relative paths). A folder is not walked when it is
    ignored and no exception can name anything inside it (.git, .venv)."""
    exceptions = [pattern for exception, pattern, _ in rules if exception]

    def walked(folder: str) -> bool:
        return not ignored(folder, rules) or any(p.startswith((folder + "/", "*")) for p in exceptions)

    files = []
    for folder, subfolders, names in os.walk(ROOT):
        base = Path(folder).relative_to(ROOT).as_posix()
        base = "" if base == "." else base + "/"
        subfolders[:] = [d for d in subfolders if walked(base + d)]
        files += [base + name for name in names if not ignored(base + name, rules)]
    return sorted(files)


@dataclass(frozen=True)
class Image:
    """The parts of the Dockerfile the tests run."""

    text: str
    env: dict[str, str]
    workdir: str
    cmd: list[str]
    healthcheck: list[str]


def read_image() -> Image:
    text = DOCKERFILE.read_text(encoding="utf-8")
    return Image(text, env(text), workdir(text), cmd(text), healthcheck(text))


def assemble_app(target: Path) -> Path:
    """The image's WORKDIR: the COPY instructions of the final stage applied to the filtered build context (a
    folder's contents go into the destination, a single file to the destination's name unless it ends with /)."""
    image = read_image()
    files = build_context(ignore_rules(DOCKERIGNORE.read_text(encoding="utf-8")))
    copies = [shlex.split(a) for k, a in final_stage(image.text) if k == "COPY"]
    assert copies, "the Dockerfile copies nothing into the image"
    for words in copies:
        assert not any(w.startswith("--") for w in words), f"COPY options are not modelled here: {words}"
        *sources, destination = words
        if destination.startswith("/"):
            assert Path(destination).is_relative_to(image.workdir), f"COPY outside {image.workdir}: {words}"
            destination = str(Path(destination).relative_to(image.workdir))
        for source in (os.path.normpath(s) for s in sources):
            if source in files:  # one file
                into_folder = destination.endswith("/") or len(sources) > 1
                chosen = {source: target / destination / Path(source).name if into_folder else target / destination}
            else:  # a folder (or the whole context): its contents
                prefix = "" if source == "." else source + "/"
                chosen = {f: target / destination / f[len(prefix):] for f in files if f.startswith(prefix)}
            assert chosen, f"COPY {source}: nothing of it is in the build context (see .dockerignore)"
            for name, path in chosen.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, path)
    return target


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@dataclass(frozen=True)
class RunningApp:
    url: str
    app_dir: Path
    app_files: frozenset[str]  # as assembled, before the server started
    outside: list[str]  # requests the server process tried to send anywhere (through the recording proxy)
    data_dir: Path
    command: list[str]
    log: Path


def container_command(image: Image, port: int) -> list[str]:
    """The image's CMD as this machine runs it: this venv's streamlit, the given port in place of 8501 (only)."""
    command = list(image.cmd)
    assert command[0] == "streamlit", command
    ports = [i for i, word in enumerate(command) if CONTAINER_PORT in word]
    assert len(ports) == 1 and command[ports[0]] == f"--server.port={CONTAINER_PORT}", command
    command[ports[0]] = f"--server.port={port}"
    return [sys.executable, "-m", "streamlit", *command[1:]]


def container_env(image: Image, data_dir: Path, home: Path) -> dict[str, str]:
    """What the container's process sees: the base image's PATH, HOME and LANG, then the Dockerfile's ENV with
    /data moved to a temporary folder. Nothing else of this shell (no DE_* setting of the developer)."""
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8"}
    return base | {key: value.replace(DATA, str(data_dir)) for key, value in image.env.items()}


class _Refuse(http.server.BaseHTTPRequestHandler):
    """A loopback "proxy" that records every request sent through it and answers 502."""

    def _refuse(self) -> None:
        self.server.seen.append(f"{self.command} {self.path}")
        self.send_error(502)

    do_GET = do_POST = do_PUT = do_HEAD = do_CONNECT = _refuse

    def log_message(self, *args) -> None:
        pass


@contextmanager
def recording_proxy() -> Iterator[tuple[str, list[str]]]:
    """(its URL, what was sent through it): set as HTTP(S)_PROXY of a server so that any request it makes to the
    outside world is seen here, and sent nowhere."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Refuse)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def container_app(tmp_path_factory) -> Iterator[RunningApp]:
    """The Dockerfile's CMD, run as the container would, from the assembled /app, until the end of the session.
    Its outside requests go to a recording proxy (HTTP_PROXY and HTTPS_PROXY are the only additions to its ENV)."""
    image = read_image()
    folder = tmp_path_factory.mktemp("container")
    app_dir = assemble_app(folder / "app")
    app_files = frozenset(listing(app_dir))
    data_dir, home = folder / "data", folder / "home"
    data_dir.mkdir()
    home.mkdir()
    port = _free_port()
    command = container_command(image, port)
    log_path = folder / "streamlit.log"
    url = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log, recording_proxy() as (proxy, outside):
        proxies = {name: proxy for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")}
        server = subprocess.Popen(command, cwd=app_dir, env=container_env(image, data_dir, home) | proxies,
                                  stdout=log, stderr=subprocess.STDOUT)
        with serving(server, url, log_path, SERVER_START_SECONDS, "the container's command"):
            yield RunningApp(url, app_dir, app_files, outside, data_dir, command, log_path)


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """One headless Debian chromium for the deploy tests; each test opens its own context (fresh cookies). It is
    launched from the session's one Playwright driver (tests/conftest.py), which the browser suite shares."""
    executable = ensure_chromium()
    launched = playwright_driver.chromium.launch(
        executable_path=str(executable), headless=True,
        args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {OFFICE_HOST} 127.0.0.1"])
    yield launched
    launched.close()


def new_context(browser, **options):
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="th-TH",
                                  timezone_id="Asia/Bangkok", **options)
    context.set_default_timeout(30_000)
    return context
