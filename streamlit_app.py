"""Sujarit DE Dashboard: the entry point. Page config, shared sidebar, navigation over pages/."""

import streamlit as st

from de_ui.chrome import sidebar
from de_ui.data import workbook
from de_ui.i18n import t

st.set_page_config(page_title="Sujarit DE", page_icon=":material/insights:", layout="wide")

wb = workbook()
pages = [
    st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", default=True),
    st.Page("pages/data_health.py", title=t("nav.data_health"), icon=":material/health_and_safety:",
            url_path="data-health"),
    st.Page("pages/data.py", title=t("nav.data"), icon=":material/swap_vert:", url_path="data"),
]
navigation = st.navigation(pages)
sidebar(wb)
navigation.run()
