"""KRA → KPI: the seed's matrix; per KRA group its KPIs as bullet graphs (latest reading against target and
baseline, one line each), then each KPI's card with its trend (the adaptations done on it marked) and evidence."""

import streamlit as st

from de_core.cycle import charts, kpis
from de_core.cycle.bullets import group_bullet, kpi_bullet
from de_core.cycle.feed import page_caption
from de_core.cycle.progress import GROUPS
from de_core.display import html
from de_core.display.mdtext import md_escape
from de_ui.blocks import paged
from de_ui.charts import cached_chart
from de_ui.chrome import page_start, today
from de_ui.i18n import t
from de_ui.markup import bullets, keyed_table, show

BADGE = {"met": ("green", ":material/check_circle:"), "not_met": ("orange", ":material/pending:"),
         "no_reading": ("gray", ":material/hourglass_empty:"), "no_target": ("gray", ":material/help:")}
page = page_start("kpis.title", meeting_switch=True)
wb, fy, L = page.wb, page.fy, page.lang

left, right = st.columns(2)
groups = left.multiselect(t("kpis.filter_group"), GROUPS, key="kpis_groups", format_func=lambda g: t(f"group.{g}"),
                          placeholder=t("kpis.all"))
states = right.multiselect(t("kpis.filter_state"), kpis.STATES, key="kpis_states", placeholder=t("kpis.all"),
                           format_func=lambda s: kpis.state_label(s, L))
day = today()
view = wb.derived(("kpis", fy, day, tuple(groups), tuple(states)),
                 lambda: kpis.build_kpi_view(wb, fy, day, groups, states))
if not view.total:
    st.info(t("kpis.empty"))
    st.stop()

show(html.figures([(t(f"kpis.count_{k}"), str(view.total if k == "total" else view.counts[k]))
                   for k in ("total", *kpis.STATES[:3])], "sj-big"))
bullets([group_bullet(b.summary, L, kpis.group_label(b.group, L)) for b in view.groups], label=t("overview.kpi_groups"))

cards_tab, matrix_tab = st.tabs([t("kpis.tab_cards"), t("kpis.tab_matrix")])
with cards_tab:
    if not view.shown:
        st.info(t("kpis.none_match"))
    listing, number = paged(view.card_page(1)[0].pages, key="kpis_page")  # the listing is drawn above its control
    page, blocks = view.card_page(number)
    if page.pages > 1:
        listing.caption(page_caption(page, L))
with listing:
    for block in blocks:
        st.subheader(kpis.group_label(block.group, L))
        for kra in block.kras:
            st.markdown(f"**KRA:** {md_escape(kra.get('title') or '')}")
        bullets([kpi_bullet(card.status, L) for card in block.cards], label=kpis.group_label(block.group, L))
        for card in block.cards:
            kpi, status = card.kpi, card.status
            with st.container(border=True):
                text_col, trend_col = st.columns([1.3, 1])
                color, icon = BADGE[status.state]
                text_col.markdown(f"**{md_escape(str(kpi.get('no') or ''))}. {md_escape(kpi.get('kpi') or '')}**")
                text_col.badge(kpis.state_label(status.state, L), color=color, icon=icon)
                for field in ("action", "expected_result", "measure", "evidence_types"):
                    if kpi.get(field):
                        text_col.markdown(f"*{t(f'kpis.{field}')}:* {md_escape(kpi[field])}")
                if status.actual is None:
                    trend_col.info(t("kpis.no_reading"))
                show(html.links([(e.label(L), e.url) for e in card.evidence]), where=trend_col)
                if card.has_trend:  # with a dashed line on each date an adaptation touching it was done
                    trend_col.markdown(f"**{t('kpis.trend')}**")
                    cached_chart(wb, f"kpi_t_{kpi['_row']}", (fy, day, L, card.marks),
                                 lambda c=card: charts.trend_line(c.status, L, adaptations=c.adaptations), where=trend_col)
                for line in card.adaptation_lines(L):
                    trend_col.caption(md_escape(line))
with matrix_tab:
    keyed_table(kpis.matrix_rows(wb, view, L), "kpis", (*kpis.MATRIX_COLUMNS, "link"), links={"link": t("kpis.open_evidence")},
                nowrap=("target", "actual"))
