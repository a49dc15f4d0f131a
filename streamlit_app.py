"""Sujarit DE Dashboard: the entry point. Page config, shared sidebar, navigation over pages/."""

import streamlit as st

from de_ui.chrome import demo_banner, sidebar
from de_ui.data import workbook
from de_ui.i18n import t
from de_ui.markup import stylesheet
from de_ui.meeting import meeting_mode
from de_ui.nav import PAGES
from de_ui.region import office_banner

st.set_page_config(page_title="Sujarit DE", page_icon="/app/static/icon.png", layout="wide")  # the app's own file
stylesheet()  # the HTML blocks' one stylesheet (tables, bullet graphs), for every page

wb = workbook()
meeting = meeting_mode()  # ?meeting=1: no menu, no sidebar
navigation = st.navigation([
    st.Page(p.file, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=i == 0)
    for i, p in enumerate(PAGES)
], position="hidden" if meeting else "sidebar", expanded=True)
if not meeting:
    sidebar(wb)
demo_banner(wb, meeting)
office_banner()  # an office opened from the regional scorecard: whose pages, read only, and the way back
navigation.run()
