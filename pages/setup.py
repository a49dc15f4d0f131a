"""Set up my office (editors): start the office's own workbook instead of the demo, and make the next fiscal
year from the last with a preview of what will be made."""

import streamlit as st

from de_core.ops.setup import current_fiscal_year
from de_core.sheet.years import is_demo
from de_ui.auth import editor_gate
from de_ui.blocks import table
from de_ui.data import workbook
from de_ui.i18n import lang, t
from de_ui.office import carry_year, plan_rows, start_office, year_plan

FIELDS = ("office_name", "project_name", "vision", "allocation", "ita_target", "innovation_title")

wb = workbook()
st.title(t("setup.title"))
st.caption(t("setup.help"))
editor_gate()

st.subheader(t("setup.start_heading"))
if not is_demo(wb):
    st.success(t("setup.own_data"), icon=":material/check_circle:")
else:
    st.caption(t("setup.start_help", fy=current_fiscal_year()))
    with st.form("setup.office", border=True):
        for name in FIELDS:
            widget = st.text_area if name == "vision" else st.text_input
            widget(t(f"setup.{name}"), key=f"setup.{name}", value="95" if name == "ita_target" else "")
        started = st.form_submit_button(t("setup.start"), type="primary", key="setup._submit")
    if started:
        values = {name: st.session_state.get(f"setup.{name}") or "" for name in FIELDS}
        if not values["office_name"].strip():
            st.error(t("setup.name_needed"))
        elif result := start_office(values):
            st.success(t("setup.started", fy=result.fiscal_year))
            if result.kept_demo:
                st.caption(t("setup.kept_demo", path=str(result.kept_demo)))
            st.button(t("app.refresh"), key="setup.reload")

st.subheader(t("setup.year_heading"))
st.caption(t("setup.year_help"))
years = sorted({r["fiscal_year"] for r in wb.rows("settings") if r.get("fiscal_year")}, reverse=True)
if not years:
    st.info(t("setup.no_year"))
    st.stop()
source = st.selectbox(t("setup.from_year"), years, key="setup.from_year")
plan = year_plan(source)
for problem_th, problem_en in plan.problems:
    st.warning(problem_th if lang() == "th" else problem_en)
rows = plan_rows(plan)
if rows:
    st.markdown(f"**{t('setup.preview', fy=source + 1)}**")
    table(rows, "setup", ("tab", "new", "already"), "setup_plan", named=True)
if not plan.total:
    st.info(t("setup.nothing", fy=source + 1))
elif st.button(t("setup.carry", fy=source + 1), type="primary", key="setup.carry"):
    if (made := carry_year(plan)) is not None:
        st.success(t("setup.carried", fy=source + 1, n=made))
