"""Data health: every cell the app could not read, by tab and address, with how to fix it."""

import streamlit as st

from de_core.display.mdtext import md_escape_lines
from de_core.store import StoreError
from de_core.summary.health import all_issues
from de_core.writing.ids import new_id
from de_ui.auth import can_write
from de_ui.blocks import table
from de_ui.data import refresh, workbook
from de_ui.i18n import lang, t
from de_ui.writes import writer

wb = workbook()
issues = wb.derived("all_issues", lambda: all_issues(wb))  # the checks across rows once per data, not per rerun
L = lang()
st.title(t("health.title"))

errors = [i for i in issues if i.severity == "error"]
warnings = [i for i in issues if i.severity != "error"]
if not issues:
    st.success(t("health.ok"), icon=":material/check_circle:")
    st.stop()
st.warning(t("health.summary", errors=len(errors), warnings=len(warnings)))

missing_ids = sorted({i.tab_key for i in issues if i.column == "id" and not i.raw and i.tab_key})
if missing_ids and can_write():
    st.caption(t("health.missing_ids", n=sum(1 for i in issues if i.column == "id" and not i.raw)))
    if st.button(t("health.fill_ids"), key="fill_ids", icon=":material/key:"):
        try:
            filled = sum(len(writer().fill_missing_ids(tab, new_id)) for tab in missing_ids)
        except StoreError as err:
            st.error(f"{t('forms.write_failed')}: {md_escape_lines(err.message(L))}")
        else:
            refresh()
            st.success(t("health.filled_ids", n=filled))
            st.rerun()

tabs = sorted({i.tab for i in issues})
chosen = st.selectbox(t("health.filter_tab"), [t("health.all_tabs"), *tabs], key="health_tab")
shown = [i for i in issues if chosen in (t("health.all_tabs"), i.tab)]
rows = [{"level": t("health.level_error" if i.severity == "error" else "health.level_warning"), "tab": i.tab,
         "cell": i.address, "raw": i.raw, "problem": i.message(L), "fix": i.hint(L)} for i in shown]
table(rows, "health", ("level", "tab", "cell", "raw", "problem", "fix"), "health_table", named=True)
