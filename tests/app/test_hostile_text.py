"""Issue #15: every place sheet text is shown is escaped. Every page runs, in Thai and English (and the overview in
meeting mode), on a workbook whose every text cell holds Markdown, HTML, LaTeX, Streamlit directives, links and a
long unbroken word (tests/app/hostile.py); the oracle (tests/app/hostile_oracle.py) fails on any payload that a
page lets Streamlit or plotly interpret. Outside requests are checked in chromium (test_hostile_in_browser.py).
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from streamlit.testing.v1 import AppTest

from de_core.documents.report import build_report, render_html
from de_core.sheet.workbook import parse_workbook
from tests.app.conftest import PAGES, ROOT, assert_clean
from tests.app.hostile import hostile_workbook, write_hostile
from tests.app.hostile_oracle import carries_sheet_text, literal_problems, node_problems, strings

HOSTILE_TAB = "**qxtab** <b>แท็บ</b>"  # an unknown tab of the hostile workbook
# (page, widget values set before the run, ?meeting=1): every page as it opens, then the views that need a choice.
VIEWS = [(page, {}, False) for page in PAGES] + [
    ("pages/overview.py", {}, True),  # meeting mode
    ("pages/overview.py", {"fiscal_year": 2567}, False),  # a year without ITA: last year's score and band
    ("pages/activities.py", {"act_detail": "act-4-01"}, False),  # a sub-activity: its parent named
    ("pages/data.py", {"csv_tab": HOSTILE_TAB}, False),  # the CSV button names the tab
    ("pages/report_write.py", {"rwrite.section": "5", "rwrite.editing": "rs-5-02"}, False),  # a row in the form
]
CASES = [(page, lang, state, meeting) for page, state, meeting in VIEWS for lang in ("th", "en")]
# Pages that show sheet text through Markdown or plotly: the test must see it there, or it proves nothing.
SHOWS_SHEET_TEXT = {"pages/overview.py", "pages/kpis.py", "pages/activities.py", "pages/ita.py",
                    "pages/reflections.py", "pages/report.py", "pages/budget.py", "pages/report_write.py"}


@pytest.fixture
def hostile_db(db_path):
    return write_hostile(db_path)


def run(page: str, lang: str, state: dict, meeting: bool) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    if meeting:
        at.query_params["meeting"] = "1"
        return at.run()
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    return at


def interpreted_sheet_text(at: AppTest) -> tuple[list[str], int]:
    """(every problem the oracle finds on the page, how many strings carrying sheet text it read as rendered)."""
    problems: list[str] = []
    rendered = 0
    for node in at._tree:
        problems += node_problems(node)
        kind = getattr(getattr(node, "proto", None), "DESCRIPTOR", None)
        if kind is not None and kind.name in ("Markdown", "Alert", "Metric", "Heading", "PlotlyChart", "Table",
                                              "LinkButton", "Block"):
            rendered += sum(1 for _path, value in strings(node.proto)
                            if carries_sheet_text(value if isinstance(value, str) else value.decode("utf-8", "replace")))
    return problems, rendered


def _case_id(page: str, lang: str, state: dict, meeting: bool) -> str:
    return "-".join([page.split("/")[-1][:-3], lang, *(["meeting"] if meeting else []), *map(str, state)])


@pytest.mark.parametrize(("page", "lang", "state", "meeting"), CASES, ids=[_case_id(*c) for c in CASES])
def test_every_page_shows_hostile_sheet_text_as_typed(hostile_db, page, lang, state, meeting):
    at = run(page, lang, state, meeting)
    assert_clean(at)
    problems, rendered = interpreted_sheet_text(at)
    assert not problems, f"{len(problems)} places interpret sheet text:\n" + "\n".join(problems[:40])
    if page in SHOWS_SHEET_TEXT:
        assert rendered, "no sheet text reached a Markdown element or a chart: the page was not exercised"


class _Markup(HTMLParser):
    """The tags and attributes of an HTML document, and its text as a reader sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(f"<{tag} {attrs}>")
        self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_printable_report_keeps_hostile_sheet_text_as_text(lang):
    """The Best Practice report's HTML file (opened in a browser to print): sheet text only ever as text."""
    wb = parse_workbook(hostile_workbook())
    markup = _Markup()
    markup.feed(render_html(build_report(wb, 2566, lang, date(2023, 6, 30))))
    text = "".join(markup.text)
    assert "qxbold" in text and "qxtag" in text  # the sheet's text is in the file
    assert not [tag for tag in markup.tags if carries_sheet_text(tag)]
    assert literal_problems(text) == []
