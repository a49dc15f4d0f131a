"""The Best Practice report drawn on a page (the report page's preview, the writing page's live preview): the same
model the .docx, HTML and PDF are made from, every sheet text shown as typed."""

from __future__ import annotations

import streamlit as st

from de_core.display.mdtext import md_escape, md_escape_lines
from de_core.documents.report import Block, Report, Section
from de_core.documents.report.preview import preview_rows
from de_ui.blocks import static_table
from de_ui.i18n import t

HEADING = {1: "####", 2: "#####", 3: "######"}


def _flow(block: Block) -> None:
    flow = block.flow
    if flow is None:
        return
    st.markdown(f"**{md_escape(flow.start)}**")
    for stage in flow.stages:
        with st.container(border=True):
            st.markdown(f"**{stage.number}\\. {md_escape(stage.name)}**")
            st.markdown("  \n".join(f"**{md_escape(no)}** {md_escape(title)}" for no, title in stage.steps) or "–")
    st.caption(flow.loop)
    if flow.goal:
        st.markdown(f"**{md_escape(flow.goal)}**")


def _caption(block: Block) -> str:
    text = f"{block.label}: {block.text}" if block.label and block.text else block.label or block.text
    return md_escape(text)


def draw_block(block: Block) -> None:
    """One block of a section, as the documents show it."""
    kind = block.kind
    if kind == "paragraph":  # each line its own paragraph, in one element (a line alone is never a heading)
        st.markdown("\n\n".join(md_escape(line) for line in block.text.split("\n") if line.strip()))
    elif kind == "subheading":
        st.markdown(f"**{md_escape(f'{block.label} {block.text}'.strip())}**")
    elif kind == "item":
        st.markdown(f"{md_escape(block.label)} {md_escape_lines(block.text)}")
    elif kind == "table" and block.table is not None:
        headers, rows, hidden = preview_rows(block.table)
        static_table(headers or [" " * (i + 1) for i in range(block.table.width)], rows)
        if hidden:
            st.caption(t("report.more_rows", n=hidden))
    elif kind == "flowchart":
        _flow(block)
        st.caption(_caption(block))
    elif kind == "figure":
        with st.container(border=True):
            st.caption(md_escape(t("report.figure_box")))
            st.text(block.url or t("report.figure_missing"))
        st.caption(_caption(block))
    elif kind == "facts":
        st.markdown("  \n".join(f"**{md_escape(k)}** {md_escape(v)}" for k, v in block.pairs))
    elif kind == "checklist":
        marks = "  \n".join(f"{'☑' if on else '☐'} {md_escape(label)}" for on, label in block.checks)
        st.markdown(f"**{md_escape(block.text)}**  \n{marks}")
    elif kind == "signature":
        st.markdown(f"{md_escape(block.text)}  \n{md_escape(block.label)}")
    else:
        st.info(md_escape(block.text), icon=":material/edit_note:")


def draw_section(section: Section) -> None:
    """A section's heading and its blocks."""
    st.markdown(f"{HEADING.get(section.level, '######')} {md_escape(section.heading)}")
    for block in section.blocks:
        draw_block(block)


def draw_report(report: Report) -> None:
    """The whole report: the cover's lines, then every section in the seed's order, then the appendices."""
    with st.container(border=True):
        st.markdown(f"**{md_escape(report.cover.heading)}**  \n### {md_escape(report.cover.title)}")
        st.markdown("  \n".join(md_escape(line) for line in report.cover.lines))
    for section in report.parts:
        draw_section(section)
    st.caption(report.footer)
