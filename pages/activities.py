"""Activities: the Gantt of the fiscal year, the spread over quarters (what they hold, said plainly), and one
activity in detail; tables show their whole text."""

import streamlit as st

from de_core.activities import tables as tx
from de_core.activities.charts import gantt, quarter_chart
from de_core.activities.timeline import STATUSES
from de_core.activities.view import activities_view
from de_core.cycle.progress import GROUPS
from de_core.display import html
from de_ui.charts import cached_chart
from de_ui.chrome import page_start
from de_ui.i18n import t
from de_ui.markup import notes, show, table

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
    cached_chart(wb, "act_gantt", (fy, view.as_of, L, chosen),
                 lambda: gantt(rows, fy, view.as_of, wb.schema, L, view.kpi_names(L)), min_width=760)
else:
    st.info(t("activities.no_match"))
if view.timeline.problems:
    st.warning(t("activities.date_problems", n=len(view.timeline.problems)), icon=":material/event_busy:")
    table(tx.problems_table(view.timeline.problems, L))

st.subheader(t("activities.quarters"))
st.caption(f"{t('activities.quarters_help')} · {tx.quarters_line(view.spread, L)}")
notes(tx.spread_messages(view.spread, L), tx.spread_ok(view.spread, L))
cached_chart(wb, "act_quarters", (fy, view.as_of, L), lambda: quarter_chart(view.spread, L), min_width=640)

st.subheader(t("activities.detail"))
choice = st.selectbox(t("activities.choose"), list(view.choices), format_func=view.choices.get, key="act_detail")
detail = view.detail(choice)
if detail is not None:
    act = detail.activity
    st.markdown(f"**{tx.md_escape(act.get('no') or '')} {tx.md_escape(act.get('title'))}**")
    if detail.parent:
        st.caption(t("activities.part_of", name=tx.md_escape(detail.parent.get("title"))))
    show(html.figures(tx.detail_figures(detail, L)))
    table(tx.timeline_table([detail.row], L))
    st.caption(tx.tags_line(act, wb.schema, L))
    if detail.unknown_kpis:
        st.warning(t("activities.unknown_kpis", ids=tx.md_escape(", ".join(detail.unknown_kpis))))
    for section, frame in tx.detail_tables(detail, wb.schema, L).items():
        st.markdown(f"**{t(f'activities.section_{section}')}**")
        if frame.empty:
            st.caption(t("activities.none"))
        else:
            table(frame, links={t("activities.col_link"): t("activities.open_link")})
    if detail.links:
        st.caption(t("activities.links"))
        show(html.links([(url, url) for url in detail.links]))
