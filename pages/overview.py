"""Overview: where the project stands, in one screen."""

import streamlit as st

from de_core.overview import build_overview
from de_core.thaidate import format_baht, format_date, format_score
from de_ui.chrome import banners, selected_year, today
from de_ui.data import workbook
from de_ui.i18n import lang, t

wb = workbook()
fy = selected_year(wb)
view = build_overview(wb, fy, today())
L = lang()

st.title(t("overview.title"))
if fy is None:
    st.info(t("app.no_year"))
    st.stop()
st.caption(f"{view.office_name} · {t('app.fy_label', fy=fy)} · {t('app.figures_as_of', date=format_date(view.as_of, L))}")
banners(wb)

st.subheader(t("overview.de_progress"))
if not view.steps_total:
    st.info(t("overview.empty_steps"))
for col, stage in zip(st.columns(5), view.stages, strict=True):
    with col:
        st.metric(t(f"stage.{stage.stage}"), t("overview.steps_done", done=stage.done, total=stage.total),
                  delta=t("overview.late_steps", n=stage.late) if stage.late else None, delta_color="inverse")
        st.progress(stage.share)

st.subheader(t("overview.kpi_groups"))
if not view.kpis_total:
    st.info(t("overview.empty_kpis"))
for col, group in zip(st.columns(4), view.groups, strict=True):
    with col:
        st.metric(t(f"group.{group.group}"), t("overview.kpis_met", met=group.met, total=group.total))
        st.progress(group.share)

left, right = st.columns(2)
with left:
    st.subheader(t("overview.budget"))
    budget = view.budget
    a, b, c = st.columns(3)
    a.metric(t("overview.allocation"), format_baht(budget.allocation, L))
    b.metric(t("overview.planned"), format_baht(budget.planned, L))
    c.metric(t("overview.spent"), format_baht(budget.spent, L))
    if budget.allocation:
        st.progress(min(1.0, float(budget.spent / budget.allocation)))
        st.caption(f"{t('overview.remaining')}: {format_baht(budget.remaining, L)}")
with right:
    st.subheader(t("overview.ita"))
    ita = view.ita
    if ita is None or ita.total is None:
        st.info(t("overview.ita_none"))
    else:
        gap = ita.gap(view.ita_target)
        st.metric(t("overview.ita_total", fy=ita.fiscal_year), format_score(ita.total),
                  delta=t("overview.ita_band", band=ita.band.level if ita.band else "–"), delta_color="off")
        st.caption(t("overview.ita_gap", gap=format_score(gap)) if gap else t("overview.ita_reached"))

st.subheader(t("overview.reflections"))
if not view.reflections:
    st.info(t("overview.no_reflections"))
for ref in view.reflections:
    with st.container(border=True):
        group = t(f"group.{ref['author_group']}") if ref.get("author_group") else ""
        st.caption(f"{format_date(ref.get('written_on'), L)} · {group} · {ref.get('author_role') or ''}")
        st.markdown(f"**{t('overview.what')}:** ")
        st.text(ref.get("what") or "")
        if ref.get("now_what"):
            st.markdown(f"**{t('overview.now_what')}:** ")
            st.text(ref["now_what"])
