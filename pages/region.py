"""The regional scorecard: every office of the region side by side, read within the Sheets API quota."""

import streamlit as st

from de_core.region import table as region_table
from de_ui.i18n import lang, t
from de_ui.markup import show
from de_ui.region import (
    controls,
    demo_note,
    health,
    progress_note,
    region,
    region_ready,
    scorecard,
    scorecard_table,
    year_choice,
)

st.title(t("region.title"))
if not region_ready():  # no [region] and this office's own data: never a made-up region beside it
    st.info(t("region.not_set_up"), icon=":material/info:")
    st.stop()
found = region()
demo_note()
progress_note(found)
fy = year_choice(found)
card = scorecard(found, fy)
if fy is None:
    st.info(t("region.nothing_yet") if not card.lines or found.progress.running else t("region.no_year"))
    health(found, card)
    st.stop()
st.caption(t("region.caption", fy=fy, n=len(card.lines)))
show(region_table.totals_html(card, lang()))
st.subheader(t("region.table"))
st.caption(t("region.table_note"))
wanted = controls()
lines = region_table.arranged(card, **wanted)
st.caption(t("region.shown", shown=len(lines), n=len(card.lines)))
scorecard_table(card, lines)
health(found, card)
