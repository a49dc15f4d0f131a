"""KRA → KPI: the seed's matrix, each KPI's gauge against its target and baseline, its trend and evidence."""

import pandas as pd
import streamlit as st

from de_core import charts
from de_core.feed import page_caption
from de_core.kpi_view import STATES, build_kpi_view, format_value, matrix_rows, state_label
from de_core.mdtext import md_escape
from de_core.progress import GROUPS
from de_core.thaidate import format_date, format_number
from de_ui.charts import show_chart
from de_ui.chrome import page_start, today
from de_ui.i18n import t

BADGE = {"met": ("green", ":material/check_circle:"), "not_met": ("orange", ":material/pending:"),
         "no_reading": ("gray", ":material/hourglass_empty:"), "no_target": ("gray", ":material/help:")}
page = page_start("kpis.title", meeting_switch=True)
wb, fy, L = page.wb, page.fy, page.lang

left, right = st.columns(2)
groups = left.multiselect(t("kpis.filter_group"), GROUPS, key="kpis_groups", format_func=lambda g: t(f"group.{g}"),
                          placeholder=t("kpis.all"))
states = right.multiselect(t("kpis.filter_state"), STATES, key="kpis_states", placeholder=t("kpis.all"),
                           format_func=lambda s: state_label(s, L))
day = today()
view = wb.derived(("kpis", fy, day, tuple(groups), tuple(states)),
                 lambda: build_kpi_view(wb, fy, day, groups, states))
st.caption(f"{t('app.fy_label', fy=fy)} · {t('app.figures_as_of', date=format_date(view.as_of, L))}")
if not view.total:
    st.info(t("kpis.empty"))
    st.stop()

for col, key in zip(st.columns(4), ("total", *STATES[:3]), strict=True):
    col.metric(t(f"kpis.count_{key}"), view.total if key == "total" else view.counts[key])
for col, block in zip(st.columns(len(view.groups)), view.groups, strict=True):
    name = t(f"group.{block.group}") if block.group else t("kpis.no_group")
    summary = wb.derived(("kpis.group", block.group, fy, day, L),
                         lambda b=block, n=name: charts.share_gauge(b.summary.met, b.summary.total, n, L))
    show_chart(summary, key=f"kpis_sum_{block.group}", where=col)

cards_tab, matrix_tab = st.tabs([t("kpis.tab_cards"), t("kpis.tab_matrix")])
with cards_tab:
    if not view.shown:
        st.info(t("kpis.none_match"))
    listing = st.container()  # filled once the page control under it gives the page number
    number, pages = 1, view.card_page(1)[0].pages
    if pages > 1:
        left, right = st.columns([1, 3], vertical_alignment="bottom")
        number = left.number_input(t("feed.page"), min_value=1, max_value=pages, value=1, step=1, key="kpis_page")
        right.caption(t("feed.pages", number=format_number(number), pages=format_number(pages)))
    page, blocks = view.card_page(int(number))
    if pages > 1:
        listing.caption(page_caption(page, L))
with listing:
    for block in blocks:
        st.subheader(t(f"group.{block.group}") if block.group else t("kpis.no_group"))
        for kra in block.kras:
            st.markdown(f"**KRA:** {md_escape(kra.get('title') or '')}")
        for card in block.cards:
            kpi, status = card.kpi, card.status
            with st.container(border=True):
                text_col, gauge_col, trend_col = st.columns([1.3, 1, 1.2])
                color, icon = BADGE[status.state]
                text_col.markdown(f"**{md_escape(str(kpi.get('no') or ''))}. {md_escape(kpi.get('kpi') or '')}**")
                text_col.badge(state_label(status.state, L), color=color, icon=icon)
                for field in ("action", "expected_result", "measure", "evidence_types"):
                    if kpi.get(field):
                        text_col.markdown(f"*{t(f'kpis.{field}')}:* {md_escape(kpi[field])}")
                with gauge_col:
                    if status.actual is None:
                        st.info(t("kpis.no_reading"))
                    elif status.qualitative:
                        st.metric(t("kpis.latest"), format_value(status.actual, kpi, L),
                                  delta=format_date(status.latest.get("measured_on"), L), delta_color="off",
                                  delta_arrow="off")
                    else:
                        gauge = wb.derived(("kpis.gauge", kpi["_row"], fy, day, L),
                                           lambda s=status: charts.kpi_gauge(s, L))
                        show_chart(gauge, key=f"kpi_g_{kpi['_row']}")
                    for e in card.evidence:
                        st.link_button(md_escape(e.label(L)), e.url, type="tertiary", icon=":material/attach_file:")
                if card.has_trend:
                    trend_col.markdown(f"**{t('kpis.trend')}**")
                    trend = wb.derived(("kpis.trend", kpi["_row"], fy, day, L), lambda s=status: charts.trend_line(s, L))
                    show_chart(trend, key=f"kpi_t_{kpi['_row']}", where=trend_col)
with matrix_tab:
    st.dataframe(pd.DataFrame(matrix_rows(wb, view, L)), hide_index=True, width="stretch", key="kpis_matrix",
                 column_config={**{c: t(f"kpis.col_{c}") for c in ("group", "no", "kpi", "action", "expected",
                                                                   "evidence_types", "target", "actual", "state")},
                                "link": st.column_config.LinkColumn(t("kpis.col_link"),
                                                                    display_text=t("kpis.open_evidence"))})
