"""Overview: where the project stands, in one screen; meeting mode (?meeting=1) for the projector, live.

Rows of figures are bullet graphs, one line each (DE stages, KRA groups, the budget); the ITA score, a figure that
stands alone, keeps its gauge. Meeting mode puts the ITA score, KPI groups, budget and the late list on the first
screen in large type; on a phone the blocks stack in reading order.
"""

import streamlit as st

from de_core.display.mdtext import md_escape_line
from de_core.summary.overview import build_overview
from de_core.thaidate import format_date, format_datetime
from de_ui import glance
from de_ui.blocks import caption_line
from de_ui.chrome import local_time, page_start, today
from de_ui.data import workbook
from de_ui.i18n import t
from de_ui.meeting import live

page = page_start("overview.title", meeting_switch=True, caption=False, meeting_banners=False)
fy, L, MEETING = page.fy, page.lang, page.meeting


def board() -> None:
    data, day = workbook(), today()
    # The view and its figures are made once per data, year and day, then reused by every rerun (read-only here).
    view = data.derived(("overview", fy, day), lambda: build_overview(data, fy, day))
    read = t("app.data_as_of", time=format_datetime(local_time(view.read_at), L)) if view.read_at else ""
    caption_line(md_escape_line(view.office_name), t("app.fy_label", fy=fy), t("app.figures_as_of", date=format_date(view.as_of, L)),
                 read)
    top = st.columns([1, 1.15, 1.15] if MEETING else [1, 1], gap="small")
    with top[0]:
        glance.ita_block(data, view, day, L, MEETING)
    if MEETING:
        with top[1]:
            glance.groups_block(view, L)
    with top[-1]:
        glance.budget_block(view, L)
    if MEETING:
        glance.due_block(view, L, meeting=True)
        glance.stages_block(view, L)
    else:
        left, right = st.columns(2, gap="small")
        with left:
            glance.stages_block(view, L)
        with right:
            glance.groups_block(view, L)
        glance.due_block(view, L)
    glance.loop_block(view, L)
    glance.reflections_block(view, L)


live(board, MEETING)
