"""Overview: where the project stands, in one screen; meeting mode (?meeting=1) for the projector, live."""

import pandas as pd
import streamlit as st

from de_core import charts
from de_core.overview import build_overview, due_rows
from de_core.thaidate import format_baht, format_date, format_datetime, format_score
from de_ui.charts import show_chart
from de_ui.chrome import banners, local_time, selected_year, today
from de_ui.data import workbook
from de_ui.i18n import lang, t
from de_ui.meeting import live, meeting_toggle

wb = workbook()
fy = selected_year(wb)
L = lang()
head, switch = st.columns([4, 1], vertical_alignment="bottom")
head.title(t("overview.title"))
with switch:
    meeting = meeting_toggle()
if fy is None:
    st.info(t("app.no_year"))
    st.stop()
if not meeting:
    banners(wb)
BIG = 1.3 if meeting else 1.0  # charts grow with the type in meeting mode


def board() -> None:
    data, day = workbook(), today()
    # The view and its figures are made once per data, year, day and language, then reused by every rerun of
    # every session (plotly figures take most of a rerun to build); they are read-only here.
    view = data.derived(("overview", fy, day), lambda: build_overview(data, fy, day))

    def plot(key: str, build) -> None:
        fig = data.derived(("overview.fig", key, fy, day, L, BIG), lambda: charts.enlarge(build(), BIG))
        show_chart(fig, key=key)

    read = t("app.data_as_of", time=format_datetime(local_time(view.read_at), L)) if view.read_at else ""
    st.caption(" · ".join(x for x in (view.office_name, t("app.fy_label", fy=fy),
                                      t("app.figures_as_of", date=format_date(view.as_of, L)), read) if x))

    ita_col, budget_col = st.columns(2)
    with ita_col:
        if view.ita is None:
            st.info(t("overview.ita_none", fy=fy))
            if view.ita_previous:
                prev = view.ita_previous
                st.caption(t("overview.ita_previous", fy=prev.fiscal_year, score=format_score(prev.total),
                             band=prev.band.level if prev.band else "–"))
        else:
            plot("ov_ita", lambda: charts.ita_gauge(view.ita, view.ita_target, L, height=320))
            gap = view.ita_gap
            st.markdown(f"### {t('overview.ita_gap', gap=format_score(gap)) if gap else t('overview.ita_reached')}")
    with budget_col:
        budget = view.budget
        if budget.allocation is None:
            st.info(t("overview.no_allocation"))
        plot("ov_budget", lambda: charts.budget_gauge(budget.spent, budget.allocation, budget.planned, L, 240))
        amounts = {"allocation": budget.allocation, "planned": budget.planned, "spent": budget.spent,
                   "remaining": budget.remaining}
        for col, (key, amount) in zip(st.columns(2) * 2, amounts.items(), strict=True):
            col.metric(t(f"overview.{key}"), format_baht(amount, L))

    st.subheader(t("overview.de_progress"))
    st.caption(t("overview.steps_hint"))
    if not view.steps_total:
        st.info(t("overview.empty_steps"))
    for col, stage in zip(st.columns(5), view.stages, strict=True):
        col.metric(t(f"stage.{stage.stage}"), f"{stage.done}/{stage.total}", delta_arrow="off",
                   delta=t("overview.late_steps", n=stage.late) if stage.late else None, delta_color="inverse")
        col.progress(stage.share)

    st.subheader(t("overview.kpi_groups"))
    if not view.kpis_total:
        st.info(t("overview.empty_kpis"))
    else:
        for col, group in zip(st.columns(4), view.groups, strict=True):
            with col:
                plot(f"ov_group_{group.group}",
                     lambda g=group: charts.share_gauge(g.met, g.total, t(f"group.{g.group}"), L))

    st.subheader(t("overview.due_title", late=len(view.late), due=len(view.due_this_month)))
    if view.due:
        rows = pd.DataFrame(due_rows(view.due_shown, L))
        shown = rows.drop(columns="late").style.apply(
            lambda r: ["background-color: #ffebee" if rows.loc[r.name, "late"] else ""] * len(r), axis=1)
        st.dataframe(shown, hide_index=True, width="stretch", key="ov_due", column_config={
            c: t(f"overview.col_{c}") for c in ("no", "kind", "state", "due", "title", "owner")})
        if view.due_hidden:
            st.caption(t("overview.due_more", n=view.due_hidden))
    else:
        st.success(t("overview.nothing_due"))
    st.page_link("pages/de_tracker.py", label=t("overview.to_tracker"), icon=":material/checklist:")

    st.subheader(t("overview.reflections"))
    if not view.reflections:
        st.info(t("overview.no_reflections"))
    for ref in view.reflections:
        with st.container(border=True):
            group = t(f"group.{ref['author_group']}") if ref.get("author_group") else ""
            st.caption(f"{format_date(ref.get('written_on'), L)} · {group}")
            st.text(ref.get("author_role") or "")
            st.markdown(f"**{t('overview.what')}:**")
            st.text(ref.get("what") or "")
            if ref.get("now_what"):
                st.markdown(f"**{t('overview.now_what')}:**")
                st.text(ref["now_what"])


live(board, meeting)
