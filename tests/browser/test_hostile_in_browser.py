"""Issue #15 in a real chromium: every page over the hostile workbook (tests/app/hostile.py) asks no host but the
app's own (no image, font or script from evil.example or anywhere else), holds no link, image, script or event
handler made of sheet text, and shows each payload as typed in Streamlit's real Markdown renderer and in plotly's
SVG (the same literal check as the AppTest oracle, here on what the browser drew)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from de_ui.nav import PAGES
from tests.app.hostile import EVIL, write_hostile
from tests.app.hostile_oracle import literal_problems
from tests.browser.conftest import running_app, screenshot, wait_ready

pytestmark = pytest.mark.browser

# Pages that show no sheet text through Markdown, HTML blocks or a chart (tables on a canvas, forms, the link page).
QUIET = {"write-reflection", "record-results", "data-health", "import-export", "share-link",
         "office-setup", "send-digest"}  # send-digest: sheet text only in a text area and code blocks, not Markdown

# What the page holds that sheet text must never become, and the texts the browser drew.
PROBE = """(evil) => {
  const own = location.origin, out = [];
  const foreign = (url) => /^(https?:)?\\/\\//i.test(url) && !new URL(url, own).href.startsWith(own);
  for (const el of document.querySelectorAll('img, image, video, audio, source, iframe, embed, object')) {
    const src = el.getAttribute('src') || el.getAttribute('href') || el.getAttribute('data') || '';
    if (src.includes(evil) || foreign(src)) out.push(`${el.tagName} ${src}`);
  }
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.href.includes(evil) || /^\\s*javascript:/i.test(a.getAttribute('href'))) out.push(`link ${a.href}`);
  }
  for (const s of document.querySelectorAll('script')) {
    if ((s.src && foreign(s.src)) || /qx[a-z]|alert\\(/.test(s.textContent)) out.push(`script ${s.src || s.textContent.slice(0, 80)}`);
  }
  for (const el of document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]')) {
    out.push(`handler ${el.outerHTML.slice(0, 120)}`);
  }
  for (const k of document.querySelectorAll('.katex')) {
    if (/qx[a-z]/.test(k.textContent)) out.push(`LaTeX ${k.textContent.slice(0, 80)}`);
  }
  const markdown = [...document.querySelectorAll('[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"], '
    + '[data-testid="stHtml"]')].map(e => e.innerText);
  const svg = [...document.querySelectorAll('.js-plotly-plot text')].map(e => e.textContent);
  return {out, markdown, svg};
}"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-app")
    with running_app(folder, write_hostile(folder / "workbook.sqlite")) as url:
        yield url


def test_every_page_over_hostile_sheet_text_asks_no_other_host_and_shows_it_as_typed(chromium_context, hostile_url):
    """One tab walks the menu (a page switch inside the app costs a rerun, not a new load of the frontend), then
    opens the overview in meeting mode. English adds no sheet text: test_hostile_text covers it in AppTest."""
    own = urlsplit(hostile_url).netloc
    asked: list[str] = []
    problems: dict[str, dict] = {}
    tab = chromium_context.new_page()
    tab.on("request", lambda request: asked.append(request.url))

    def read(view: str) -> None:
        tab.wait_for_load_state("networkidle")
        found = tab.evaluate(PROBE, EVIL)
        found["requests"], asked[:] = list(asked), []
        if wrong := _problems(found, own, view):
            problems[view] = {**wrong, "screenshot": str(screenshot(tab, f"hostile-{view}"))}

    try:
        tab.goto(f"{hostile_url}/?lang=th")  # "/" first: a new server's first run (see warm_app)
        wait_ready(tab)
        read(PAGES[0].url_path)
        for spec in PAGES[1:]:
            title = tab.locator("h1").first.inner_text()
            tab.click(f'[data-testid="stSidebarNav"] a[href$="/{spec.url_path}"]')
            tab.wait_for_function("(old) => document.querySelector('h1')?.innerText !== old", arg=title)
            wait_ready(tab)
            read(spec.url_path)
        tab.goto(f"{hostile_url}/?meeting=1&lang=th")
        wait_ready(tab)
        read("meeting")
    finally:
        tab.close()
    assert not problems, problems


def _problems(found: dict, own: str, view: str) -> dict:
    """What is wrong with one view: requests to another host, elements made of sheet text, payloads not drawn as
    typed, or no sheet text drawn at all on a page that shows it."""
    outside = [u for u in found["requests"] if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).netloc != own]
    drawn = [p for text in found["markdown"] for p in literal_problems(text)]
    drawn += [f"plotly {p}" for text in found["svg"] for p in literal_problems(text, cut=True)]
    if view not in QUIET and not any("qx" in t for t in found["markdown"] + found["svg"]):
        drawn.append("no sheet text reached the page: it was not exercised")
    return {k: v[:10] for k, v in (("requests", outside), ("elements", found["out"]), ("drawn", drawn)) if v}
