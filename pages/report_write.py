"""Write the report (editors): the text of each section of the Best Practice report, in the tab เนื้อหารายงาน; rows
reordered within their section; a live preview of the section. Viewers get the sign-in block, no form.

No box has max_chars (a browser drops a longer paste silently): lengths are checked on save, and the text stays in
its box until the store confirms the save.
"""

import streamlit as st

from de_core.documents.report.content import section_rows
from de_ui.auth import editor_gate
from de_ui.chrome import selected_year, today
from de_ui.data import workbook
from de_ui.i18n import t
from de_ui.report_writing import (
    EDITING,
    cover_form,
    edit_form,
    live_preview,
    pick_section,
    row_list,
    show_outcome,
)
from de_ui.writes import outbox_panel

wb = workbook()
fy = selected_year(wb)
st.title(t("rwrite.title"))
st.caption(t("rwrite.help"))
if fy is None:
    st.info(t("app.no_year"))
    st.stop()
editor_gate()
outbox_panel()

spec = pick_section(wb)
if spec.key in ("form", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2"):
    st.caption(t("rwrite.generated"))
rows = section_rows(wb, fy).get(spec.key, [])
editing = st.session_state.get(EDITING)
left, right = st.columns([1, 1], gap="large")
with left:
    if spec.key == "form":
        cover_form(wb, fy)
    row_list(wb, rows)
    typed = edit_form(wb, fy, spec.key, editing) if editing is not None else {}
    show_outcome()
with right:
    live_preview(wb, fy, spec.key, editing, typed, today())
