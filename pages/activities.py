"""Activities: the Gantt of the fiscal year, the spread over quarters, and one activity in detail."""

import streamlit as st

from de_core.activities import tables as tx
from de_core.activities.charts import gantt, quarter_chart
from de_core.activities.timeline import STATUSES
from de_core.activities.view import activities_view
from de_core.cycle.progress import GROUPS
from de_core.thaidate import format_baht
from de_ui.charts import cached_chart
from de_ui.chrome import page_start
from de_ui.i18n import t

page = page_start("activities.title")
wb, fy, L = page.wb, page.fy, page.lang
view = wb.derived(("activities", fy, page.as_of), lambda: activities_view(wb, fy, page.as_of))
if not view.timeline.rows:
    st.info(t("activities.empty"))
    st.stop()

st.subheader(t("activities.timeline"))
c1, c2, c3 = st.columns(3)
ALL = t("activities.all")
owners = c1.multiselect(t("activities.filter_owner"), view.timeline.owners, key="act_owner", placeholder=ALL)
statuses = c2.multiselect(t("activities.filter_status"), STATUSES, key="act_status", placeholder=ALL,
                          format_func=lambda s: t(f"activities.status_{s}"))
groups = c3.multiselect(t("activities.filter_group"), GROUPS, key="act_group", placeholder=ALL,
                        format_func=lambda g: t(f"group.{g}"))
rows = view.timeline.filtered(owners, statuses, groups)
late = sum(r.late for r in view.timeline.rows)
if late:
    st.error(t("activities.late_count", n=late), icon=":material/schedule:")
if rows:
    chosen = (tuple(owners), tuple(statuses), tuple(groups))
    cached_chart(wb, "act_gantt", (fy, view.as_of, L, chosen), lambda: gantt(rows, fy, view.as_of, wb.schema, L))
else:
    st.info(t("activities.no_match"))
if view.timeline.problems:
    st.warning(t("activities.date_problems", n=len(view.timeline.problems)), icon=":material/event_busy:")
    st.dataframe(tx.problems_table(view.timeline.problems, L), hide_index=True, width="stretch")

st.subheader(t("activities.quarters"))
st.caption(t("activities.quarters_help"))
for message in tx.spread_messages(view.spread, L):
    st.warning(message, icon=":material/warning:")
if not view.spread.warnings:
    st.success(t("activities.spread_ok"), icon=":material/check_circle:")
cached_chart(wb, "act_quarters", (fy, view.as_of, L), lambda: quarter_chart(view.spread, L))

st.subheader(t("activities.detail"))
choice = st.selectbox(t("activities.choose"), list(view.choices), format_func=view.choices.get, key="act_detail")
detail = view.detail(choice)
if detail is not None:
    act = detail.activity
    st.markdown(f"**{tx.md_escape(act.get('no') or '')} {tx.md_escape(act.get('title'))}**")
    if detail.parent:
        st.caption(t("activities.part_of", name=tx.md_escape(detail.parent.get("title"))))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("activities.col_status"), t(f"activities.status_{detail.row.status}"))
    m2.metric(t("budget.planned"), tx.planned_text(detail, L))
    m3.metric(t("budget.spent"), format_baht(detail.spent, L))
    m4.metric(t("budget.remaining"), format_baht(detail.remaining, L))
    st.dataframe(tx.timeline_table([detail.row], L), hide_index=True, width="stretch")
    st.caption(tx.tags_line(act, wb.schema, L))
    if detail.unknown_kpis:
        st.warning(t("activities.unknown_kpis", ids=tx.md_escape(", ".join(detail.unknown_kpis))))
    for section, table in tx.detail_tables(detail, wb.schema, L).items():
        st.markdown(f"**{t(f'activities.section_{section}')}**")
        if table.empty:
            st.caption(t("activities.none"))
        else:
            st.dataframe(table, hide_index=True, width="stretch",
                         column_config={t("activities.col_link"): st.column_config.LinkColumn()})
    if detail.links:
        st.caption(t("activities.links"))
        st.text("\n".join(detail.links))
