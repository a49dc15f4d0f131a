"""ITA: scores per tool and the weighted total, gap to AA with a what-if, history, the OIT checklist."""

import streamlit as st

from de_core.ita import display as show
from de_core.ita.score import TOOLS
from de_core.ita.view import build_ita_view, what_if
from de_core.thaidate import format_score
from de_ui.blocks import section
from de_ui.charts import cached_chart
from de_ui.chrome import page_start, today
from de_ui.i18n import t
from de_ui.markup import table

page = page_start("ita.title")
wb, fy, L, day = page.wb, page.fy, page.lang, today()
view = wb.derived(("ita", fy, day), lambda: build_ita_view(wb, fy, day))
year = view.year
if view.issues:
    with st.expander(t("ita.problems", n=len(view.issues)), expanded=True, icon=":material/warning:"):
        table(show.issues_table(view.issues, L))

if section(t("ita.scores"), empty=t("ita.no_scores", fy=fy), has=year.has_scores):
    cols = st.columns(5)
    for col, row in zip(cols, view.tools, strict=False):
        col.metric(f"{row.tool.upper()} · {show.weight_text(row.weight)}", format_score(row.score))
    cols[3].metric(t("ita.total"), format_score(year.total), show.band_text(year.band, L), "off", delta_arrow="off")
    cols[4].metric(t("ita.official"), format_score(year.official_total))
    st.caption(show.year_caption(year, L))
    for note in filter(None, (show.no_total_reason(year, L), show.rules_text(year, L), show.borrowed_text(year, L))):
        st.warning(note)
    table(show.scores_table(view, L), numeric=show.number_columns(L))
    if view.has_indicators:
        with st.expander(t("ita.indicators")):
            table(show.indicators_table(view, L), numeric=show.number_columns(L))

    st.subheader(t("ita.gap_title"))
    gap_col, text_col = st.columns([1, 3])
    gap_col.metric(t("ita.gap"), format_score(view.gap))
    if view.gap == 0:
        text_col.success(t("ita.reached", target=format_score(view.target)))
    if best := show.best_tool_text(view, L):
        text_col.markdown(best)
    text_col.markdown(needed := show.needed_text(view.needed_oit, year.scores, view.target, L))

    st.subheader(t("ita.whatif"), help=t("ita.whatif_help"))
    keys = {tool: f"ita_whatif_{tool}_{fy}" for tool in TOOLS}
    if st.button(t("ita.whatif_reset"), key="ita_whatif_reset", icon=":material/undo:"):
        for key in keys.values():
            st.session_state.pop(key, None)
    cols = st.columns(4)
    inputs = {tool: col.number_input(tool.upper(), 0.0, 100.0, None if year.scores.get(tool) is None else
                                     float(year.scores[tool]), 0.01, "%.2f", key=keys[tool])
              for col, tool in zip(cols, TOOLS, strict=False)}
    result = what_if(year, inputs, view.target)
    cols[3].metric(t("ita.whatif_total"), format_score(result.total), show.band_text(result.band, L), "off",
                   delta_arrow="off")
    if (after := show.needed_text(result.needed_oit, result.scores, view.target, L)) != needed:  # said once
        st.markdown(after)

if section(t("ita.history"), empty=t("ita.no_history"), has=view.history):
    cached_chart(wb, "ita_history", (fy, day, L), lambda: show.history_figure(view, L))
    table(show.history_table(view, L), numeric=show.number_columns(L))

checklist = view.checklist
if section(t("ita.oit"), empty=t("ita.no_oit", fy=fy), has=checklist.total):
    a, b = st.columns(2)
    a.metric(t("ita.oit_published"), t("ita.oit_published_value", n=checklist.published, total=checklist.total),
             f"{format_score(checklist.percent)}%", "off", delta_arrow="off")
    b.metric(t("ita.oit_projected"), format_score(checklist.projected_oit),
             t("ita.oit_entered", score=format_score(year.scores.get("oit"))), "off", delta_arrow="off")
    st.caption(f"{show.counts_text(checklist, L)} · {t('ita.oit_rule')}")
    if flagged := show.flagged_text(checklist, L):
        st.warning(flagged, icon=":material/link_off:")
    table(show.checklist_groups_table(checklist, L), numeric=show.number_columns(L))
    table(show.checklist_items_table(checklist, L), links={t("ita.col_url"): t("ita.open_link")},
          nowrap=[t("ita.col_code"), t("ita.col_checked_on")])

if section(t("ita.activities"), empty=t("ita.no_activities"), has=view.activities):
    table(show.activities_table(view, L))
