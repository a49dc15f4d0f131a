"""Harvested outcomes (Outcome Harvesting, issue #19): who changed what, when and where, why it matters, how the
project contributed and who can confirm it, tagged with the five characteristics and three declarations.

Everyone sees the year's outcomes, newest first; an editor records a new one under them (the typed text stays in
its box until the store confirms it); a viewer gets the sign-in prompt there instead, never the form.
"""

import streamlit as st

from de_core.cycle.outcomes import outcome_rows
from de_ui import outcomes
from de_ui.chrome import page_start
from de_ui.i18n import t

page = page_start("harvest.title")
wb, fy, L = page.wb, page.fy, page.lang
st.caption(t("harvest.help"))
rows = wb.derived(("outcome_rows", fy, L), lambda: outcome_rows(wb, fy, L))
outcomes.listing(rows, L)
st.divider()
outcomes.outcome_form(wb, fy, L, page.as_of)
