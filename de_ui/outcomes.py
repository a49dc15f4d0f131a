"""Harvested outcomes on the screen (issue #19): the year's outcomes as cards (everyone), the form that records one
(editors only: a viewer gets the sign-in prompt and the page stops there), and the outcomes beside the coverage map.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from de_core.activities.coverage import Coverage
from de_core.cycle.feed import activity_options, known_ids, kpi_options
from de_core.cycle.outcomes import OutcomeRow, outcomes_html
from de_core.display.mdtext import md_escape_line
from de_core.display.paging import page_count, paginate
from de_core.sheet.schema import Schema
from de_core.sheet.workbook import Workbook
from de_ui.auth import can_write, editor_gate, sign_in_block
from de_ui.blocks import paged
from de_ui.fields import field
from de_ui.i18n import t
from de_ui.markup import show
from de_ui.writes import date_field, field_key, on_submit, outbox_panel, show_outcome

F = "harvest"  # the form's key (its widgets: harvest.actor, harvest.change …)
PAGE = "pages/outcomes.py"
CUT = 160  # the change as quoted beside the coverage map


def listing(rows: list[OutcomeRow], lang: str) -> None:
    """The outcomes as cards, newest first, a page at a time."""
    st.subheader(t("harvest.list"))
    if not rows:
        st.info(t("harvest.empty"))
        return
    st.caption(t("harvest.count", n=len(rows)))
    box, number = paged(page_count(len(rows)), key="harvest.page")
    show(outcomes_html(paginate(rows, number).items, lang), where=box)


def _options(wb: Workbook, enum: str, lang: str) -> dict[str, str]:
    return {o.key: o.label(lang) for o in wb.schema.options(enum)}


def outcome_form(wb: Workbook, fy: int, lang: str, day: date) -> None:
    """Record an outcome (every column of the tab); a viewer sees the sign-in prompt instead."""
    st.subheader(t("harvest.add_title"))
    if not can_write():  # the list above stays for everyone; the form is for signed-in editors only
        st.info(t("harvest.viewer_hint"), icon=":material/lock:")
        sign_in_block()
        return
    editor_gate()  # an editor: who is signed in (or that this machine writes without signing in)
    outbox_panel()
    activities, kpis = dict(activity_options(wb, fy)), dict(kpi_options(wb, fy, lang))
    chars, decls = _options(wb, "characteristic", lang), _options(wb, "declaration", lang)
    choose = t("forms.choose")
    with st.form(F, enter_to_submit=False):
        a, b = st.columns([1, 2])
        with a:
            date_field(t("harvest.f_observed_on"), fy, field_key(F, "observed_on"), day)
        field(F, "actor", b.text_input, "harvest.f_actor")
        field(F, "change", st.text_area, "harvest.f_change", height=100)
        field(F, "place", st.text_input, "harvest.f_place")
        for name in ("significance", "contribution", "substantiation"):
            field(F, name, st.text_area, f"harvest.f_{name}", height=90)
        field(F, "substantiated_by", st.text_input, "harvest.f_substantiated_by")
        a, b = st.columns(2)
        field(F, "characteristics", a.multiselect, "forms.characteristics", list(chars), format_func=chars.get,
              placeholder=choose)
        field(F, "declarations", b.multiselect, "forms.declarations", list(decls), format_func=decls.get,
              placeholder=choose)
        field(F, "activity_id", st.selectbox, "forms.activity", list(activities), index=None,
              format_func=activities.get, placeholder=choose)
        field(F, "kpi_ids", st.multiselect, "forms.kpis", list(kpis), format_func=kpis.get, placeholder=choose)
        field(F, "evidence", st.text_area, "forms.evidence", height=80)
        field(F, "note", st.text_input, "forms.note")
        st.form_submit_button(t("forms.save"), type="primary", icon=":material/save:", on_click=on_submit,
                              args=(F, "outcome", fy, known_ids(wb, fy)), key=field_key(F, "_submit"))
    show_outcome(F)


def _cell(schema: Schema, c: str, d: str, lang: str) -> str:
    return f"{schema.enum_label('characteristic', c, lang)} × {schema.enum_label('declaration', d, lang)}"


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CUT else text[: CUT - 1] + "…"


def beside_coverage(cov: Coverage, schema: Schema, lang: str) -> None:
    """Under the coverage map: the harvested outcomes per cell, each outcome that fell in a gap cell (who changed
    and what), and the way to the outcomes page."""
    if cells := cov.outcome_cells:
        st.caption(t("harvest.per_cell", cells=", ".join(f"{_cell(schema, c, d, lang)} {n}" for c, d, n in cells)))
    for row, gaps in cov.gap_outcomes:
        st.info(t("harvest.in_gap", cell=", ".join(_cell(schema, c, d, lang) for c, d in gaps),
                  actor=md_escape_line(row.get("actor") or ""), change=md_escape_line(_cut(row.get("change") or ""))),
                icon=":material/emoji_objects:")
    st.page_link(PAGE, label=t("harvest.to_page"), icon=":material/eco:")
