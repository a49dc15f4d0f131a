"""The Overview's blocks: the ITA score (a gauge when the year has a total, else the latest year's figure), the
budget, DE stages and KRA groups as bullet graphs, the late / due list, the DE loop and the latest reflections."""

from __future__ import annotations

from datetime import date

import streamlit as st

from de_core.display import html
from de_core.display.bullets import bullets_html
from de_core.ita.charts import ita_gauge
from de_core.sheet.workbook import Workbook
from de_core.summary import glance
from de_core.summary.overview import Overview
from de_ui.blocks import section
from de_ui.charts import cached_chart
from de_ui.i18n import t
from de_ui.markup import bullets, show
from de_ui.nav import PAGES

ADAPTATION_LOG = "pages/adaptations.py"


def ita_block(wb: Workbook, view: Overview, day: date, lang: str, meeting: bool) -> None:
    """The ITA score against the target: the year's gauge, or the latest earlier year's figure and band."""
    st.subheader(t("glance.ita_label"))
    if view.ita is None:  # the instructions are for staff at a desk: not in a meeting, not on a phone
        show(glance.ita_stat_html(view, lang), "" if meeting else
             html.hint(t("overview.ita_none", fy=view.fiscal_year), "sj-wide-only"))
        return
    scale = 1.25 if meeting else 1.0
    cached_chart(wb, "ov_ita", (view.fiscal_year, day, lang),
                 lambda: ita_gauge(view.ita, view.ita_target, lang, 300), scale=scale)
    st.markdown(f"**{view.ita_headline(lang)}**")


def budget_block(view: Overview, lang: str) -> None:
    """Baht spent against the plan to date and the allocation, then the four amounts."""
    st.subheader(t("glance.budget"))
    if view.budget is None or view.budget.allocation is None:
        st.info(t("overview.no_allocation"))
    show(bullets_html(glance.budget_bullets(view, lang), "sj-stack", t("glance.budget")),
         html.figures(glance.budget_figures(view, lang), "sj-wide-only"))  # on a phone the bullet says enough


def stages_block(view: Overview, lang: str) -> None:
    if section(t("overview.de_progress"), t("glance.steps_hint"), t("overview.empty_steps"), view.steps_total):
        bullets(glance.stage_bullets(view, lang), label=t("overview.de_progress"))


def groups_block(view: Overview, lang: str) -> None:
    if section(t("overview.kpi_groups"), empty=t("overview.empty_kpis"), has=view.kpis_total):
        bullets(glance.group_bullets(view, lang), label=t("overview.kpi_groups"))


def due_block(view: Overview, lang: str, meeting: bool = False) -> None:
    """What is late or due this month (the longest late first), the item and its owner always shown; the meeting
    board's first screen holds the longest late only."""
    if section(t("overview.due_title", late=len(view.late), due=len(view.due_this_month)),
               empty=t("overview.nothing_due"), has=view.due, good_when_empty=True):
        show(glance.due_table_html(view.due_for(meeting), lang))
        if view.hidden_for(meeting):
            st.caption(t("overview.due_more", n=view.hidden_for(meeting)))
    st.page_link("pages/de_tracker.py", label=t("overview.to_tracker"), icon=":material/checklist:")


def loop_block(view: Overview, lang: str) -> None:
    """The DE loop in one line of figures (two to a row on a phone): adaptations open, late, done this year, and
    the reflections adapted; the way to the adaptation log when the app has that page."""
    figures = glance.loop_figures(view, lang)
    if not figures:
        return
    st.subheader(t("glanceloop.title"))
    show(html.figures(figures))
    if any(p.file == ADAPTATION_LOG for p in PAGES):
        st.page_link(ADAPTATION_LOG, label=t("glanceloop.to_log"), icon=":material/alt_route:")


def reflections_block(view: Overview, lang: str) -> None:
    if section(t("overview.reflections"), empty=t("overview.no_reflections"), has=view.reflections):
        show(glance.reflections_html(view, lang))
