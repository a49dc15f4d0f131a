"""Data health: every cell the app could not read, by tab and address, with how to fix it."""

import pandas as pd
import streamlit as st

from de_ui.data import workbook
from de_ui.i18n import lang, t

wb = workbook()
L = lang()
st.title(t("health.title"))

errors = [i for i in wb.issues if i.severity == "error"]
warnings = [i for i in wb.issues if i.severity != "error"]
if not wb.issues:
    st.success(t("health.ok"), icon=":material/check_circle:")
    st.stop()
st.warning(t("health.summary", errors=len(errors), warnings=len(warnings)))

tabs = sorted({i.tab for i in wb.issues})
chosen = st.selectbox(t("health.filter_tab"), [t("health.all_tabs"), *tabs], key="health_tab")
shown = [i for i in wb.issues if chosen in (t("health.all_tabs"), i.tab)]
table = pd.DataFrame(
    {
        t("health.col_level"): [t("health.level_error" if i.severity == "error" else "health.level_warning") for i in shown],
        t("health.col_tab"): [i.tab for i in shown],
        t("health.col_cell"): [i.address for i in shown],
        t("health.col_raw"): [i.raw for i in shown],
        t("health.col_problem"): [i.message(L) for i in shown],
        t("health.col_fix"): [i.hint(L) for i in shown],
    }
)
st.dataframe(table, hide_index=True, width="stretch")
