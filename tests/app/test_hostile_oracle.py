"""The oracle of test_hostile_text is calibrated: it flags every payload a page would let Streamlit or plotly
interpret, and passes the same payloads once escaped the app's way (md_escape, html.escape)."""

from __future__ import annotations

import html
import json

import pytest
from streamlit.testing.v1 import AppTest

from de_core.display.mdtext import md_escape, md_escape_line, md_escape_lines
from tests.app.hostile import INLINE, LINE, payload
from tests.app.hostile_oracle import markdown_problems, node_problems, plotly_problems

# What Streamlit shows literally even unescaped (no unsafe_allow_html): HTML tags, pipes on one line (no table).
INERT_RAW = {"qxhtml", "qxtag", "qxscript", "qxpipe", "qxtable"}


@pytest.mark.parametrize("atom", [a for a in INLINE + LINE if a.marker not in INERT_RAW], ids=lambda a: a.marker)
def test_an_unescaped_payload_is_flagged(atom):
    assert markdown_problems(f"{atom.literal} ข้อความ", "x"), atom.literal


@pytest.mark.parametrize("block", ["qxsetext\n===", "a\n\n    qxindent", "```\nqxfence\n```",
                                   "| qxtable | b |\n| --- | --- |\n| qxrow | x |", "[qxref][r]\n\n[r]: https://e.x/r"])
def test_an_unescaped_block_is_flagged(block):
    assert markdown_problems(block, "x")


def test_plotly_shows_quot_as_typed_so_quotes_must_not_be_escaped():
    spec = json.dumps({"data": [{"y": [html.escape('<img alt="qxtag">', quote=True)]}]})
    assert plotly_problems(spec, "x")


def test_html_is_flagged_only_where_it_would_be_drawn():
    assert not markdown_problems("<b>qxhtml</b>", "x")  # shown as typed without unsafe_allow_html
    spec = json.dumps({"data": [{"y": ["<b>qxhtml</b> <script>alert('qxscript')</script>"]}]})
    assert plotly_problems(spec, "x")


@pytest.mark.parametrize("n", range(8))
@pytest.mark.parametrize("escape", [md_escape, md_escape_line, md_escape_lines], ids=lambda f: f.__name__)
def test_every_payload_escaped_the_apps_way_passes(escape, n):
    cell = payload(n, "ต้นฉบับ")
    assert markdown_problems(f"**ป้าย:** {escape(cell)}", "x") == []
    title = f"<b>{html.escape(cell, quote=False)}</b>"  # plotly shows &quot; as typed: quotes stay
    assert plotly_problems(json.dumps({"layout": {"title": {"text": title}}}), "x") == []


def _leaky_app() -> None:
    import pandas as pd
    import streamlit as st

    st.dataframe(pd.DataFrame({"link": ["**qxbold**"]}), column_config={"link": st.column_config.LinkColumn()})
    st.table(pd.DataFrame({"cell": ["**qxbold**"]}))
    st.markdown("<b>qxhtml</b>", unsafe_allow_html=True)
    st.html("<i>qxhtml</i>")
    st.latex("qxmath")
    st.metric("**qxbold**", "1")
    with st.expander("_qxital_"):
        st.text("**qxbold**")  # plain text: fine
    st.link_button("x", "https://evil.example/qxlink")


def test_every_kind_of_element_that_would_interpret_sheet_text_is_flagged():
    at = AppTest.from_function(_leaky_app).run()
    flagged = {getattr(node, "type", "") for node in at._tree if node_problems(node)}
    assert flagged == {"dataframe", "table", "markdown", "html", "latex", "metric", "expander", "link_button"}, flagged
