"""Overview: where the project stands, in one screen; meeting mode (?meeting=1) for the projector, live."""

import streamlit as st

from de_core.activities.charts import budget_gauge
from de_core.display.charts import share_gauge
from de_core.display.mdtext import md_escape_line
from de_core.ita.charts import ita_gauge
from de_core.summary.overview import build_overview, due_rows
from de_core.thaidate import format_baht, format_date, format_datetime
from de_ui.blocks import caption_line, metrics, section, table, text_sections
from de_ui.charts import cached_chart
from de_ui.chrome import local_time, page_start, today
from de_ui.data import workbook
from de_ui.i18n import t
from de_ui.meeting import live

page = page_start("overview.title", meeting_switch=True, caption=False, meeting_banners=False)
fy, L = page.fy, page.lang
BIG = 1.3 if page.meeting else 1.0  # charts grow with the type in meeting mode


def board() -> None:
    data, day = workbook(), today()
    # The view and its figures are made once per data, year and day, then reused by every rerun (read-only here).
    view = data.derived(("overview", fy, day), lambda: build_overview(data, fy, day))
    read = t("app.data_as_of", time=format_datetime(local_time(view.read_at), L)) if view.read_at else ""
    caption_line(md_escape_line(view.office_name), t("app.fy_label", fy=fy), t("app.figures_as_of", date=format_date(view.as_of, L)),
                 read)
    ita_col, budget_col = st.columns(2)
    with ita_col:
        if view.ita is None:
            st.info(t("overview.ita_none", fy=fy))
            caption_line(view.ita_previous_line(L))
        else:
            cached_chart(data, "ov_ita", (fy, day, L), lambda: ita_gauge(view.ita, view.ita_target, L, 320), scale=BIG)
            st.markdown(f"### {view.ita_headline(L)}")
    with budget_col:
        budget = view.budget
        if budget.allocation is None:
            st.info(t("overview.no_allocation"))
        cached_chart(data, "ov_budget", (fy, day, L), scale=BIG,
                     build=lambda: budget_gauge(budget.spent, budget.allocation, budget.planned, L, 240))
        metrics({t(f"overview.{key}"): format_baht(amount, L) for key, amount in budget.amounts.items()}, per_row=2)

    section(t("overview.de_progress"), t("overview.steps_hint"), t("overview.empty_steps"), view.steps_total)
    for col, stage in zip(st.columns(5), view.stages, strict=True):
        col.metric(t(f"stage.{stage.stage}"), f"{stage.done}/{stage.total}", delta_arrow="off",
                   delta=t("overview.late_steps", n=stage.late) if stage.late else None, delta_color="inverse")
        col.progress(stage.share)

    if section(t("overview.kpi_groups"), empty=t("overview.empty_kpis"), has=view.kpis_total):
        for col, g in zip(st.columns(4), view.groups, strict=True):
            cached_chart(data, f"ov_group_{g.group}", (fy, day, L), where=col, scale=BIG,
                         build=lambda g=g: share_gauge(g.met, g.total, t(f"group.{g.group}"), L))

    if section(t("overview.due_title", late=len(view.late), due=len(view.due_this_month)),
               empty=t("overview.nothing_due"), has=view.due, good_when_empty=True):
        table(due_rows(view.due_shown, L), "overview", ("no", "kind", "state", "due", "title", "owner"), "ov_due",
              late="late")
        if view.due_hidden:
            st.caption(t("overview.due_more", n=view.due_hidden))
    st.page_link("pages/de_tracker.py", label=t("overview.to_tracker"), icon=":material/checklist:")

    section(t("overview.reflections"), empty=t("overview.no_reflections"), has=view.reflections)
    for ref in view.reflections:
        with st.container(border=True):
            group = t(f"group.{ref['author_group']}") if ref.get("author_group") else ""
            caption_line(format_date(ref.get("written_on"), L), group)
            st.text(ref.get("author_role") or "")
            text_sections(ref, {name: f"{t(f'overview.{name}')}:" for name in ("what", "now_what")}, always=["what"])


live(board, page.meeting)
