"""AppTest harness: each test gets its own embedded workbook file and fresh Streamlit caches."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import streamlit as st
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from de_core.ops.config import open_embedded
from de_core.writing.passcode import RateLimiter
from de_ui import auth
from de_ui.data import forget_reads
from de_ui.nav import PAGES as NAV_PAGES

ROOT = Path(__file__).resolve().parents[2]
REMOTE_URL = "https://de-dashboard.example.go.th/"
LOOPBACK = "127.0.0.1"  # what .streamlit/config.toml binds the README's run command to
EVERYWHERE = "0.0.0.0"  # what a deployment binds (the Dockerfile's command)


def bind(address: str | None) -> None:
    """Set the server.address option the app sees, as the server's own configuration would."""
    st_config.set_option("server.address", address)
PAGES = [p.file for p in NAV_PAGES]


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "workbook.sqlite"
    monkeypatch.setenv("DE_DASHBOARD_DB", str(path))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(auth, "LIMITER", RateLimiter())  # each test starts with no failed passcodes
    bind(LOOPBACK)  # the README's run command; deployed=True binds every address
    forget_reads()
    st.cache_data.clear()
    st.cache_resource.clear()
    yield path
    bind(None)
    forget_reads()
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def store(db_path):
    """The embedded store the app will open, already filled with the demo (tests may change it first)."""
    return open_embedded(db_path)


@pytest.fixture
def run_page(db_path):
    """Run the app on a page (optionally in English) and return the finished AppTest."""

    def run(page: str | None = None, lang: str | None = None, url: str | None = None,
            deployed: bool = False) -> AppTest:
        """url: the address the browser reports; deployed: the server binds every address (as the container
        does), so the session is a viewer, reached at REMOTE_URL unless another url is given."""
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        if deployed:
            bind(EVERYWHERE)
            url = url or REMOTE_URL
        if url:
            at.context["url"] = url
        if lang:
            at.query_params["lang"] = lang
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        return at

    return run


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()<>#+\-.!|~$:&=])")


def shown(text: str) -> str:
    """Markdown source as a person reads it: backslash escapes (de_core.display.mdtext) and word joiners gone."""
    return _ESCAPED.sub(r"\1", text).replace("\u2060", "")


def page_text(at: AppTest) -> str:
    """All the text a person would read on the page (markdown, metrics, captions, alerts, tables, HTML blocks), as shown: the
    escapes that keep sheet text from being read as Markdown are taken out (tests/app/hostile_oracle.py checks them)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "error",
                 "success"):
        parts += [str(getattr(e, "value", "")) for e in at.get(kind)]
    for m in at.metric:
        parts += [m.label, str(m.value), str(m.delta or "")]
    for df in at.dataframe:
        parts.append(df.value.to_string())
    parts += [html_text(e.proto.body) for e in at.get("html")]
    return shown("\n".join(parts))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.skip = tag == "style"
        self.parts.append("\n" if tag in ("div", "tr", "br", "p") else " ")

    def handle_endtag(self, tag: str) -> None:
        self.skip = False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(body: str) -> str:
    """The text of an st.html block as a reader sees it (tags and styles gone, entities decoded)."""
    reader = _Text()
    reader.feed(body)
    return "".join(reader.parts)


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert "Traceback" not in page_text(at)
