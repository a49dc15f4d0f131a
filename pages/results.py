"""Record results (DE step 4.2): an activity started/done with actual dates, an expense, a KPI reading.
No box has max_chars (a browser drops a longer paste silently): lengths are checked on save (forms.py)."""

import streamlit as st

from de_core.cycle.feed import known_ids
from de_core.sheet.years import as_of
from de_core.thaidate import format_date
from de_ui.chrome import today
from de_ui.fields import field
from de_ui.i18n import t
from de_ui.writes import date_field, field_key, form_page_start, on_submit, show_outcome

page = form_page_start("forms.results_title", "forms.results_help")
wb, fy, L, activities, kpis = page.wb, page.fy, page.lang, page.activities, page.kpis
known, day = known_ids(wb, fy), as_of(wb, fy, today())
statuses = {o.key: o.label(L) for o in wb.schema.options("activity_status")}
tab_activity, tab_expense, tab_reading = st.tabs([t("forms.tab_activity"), t("forms.tab_expense"),
                                                  t("forms.tab_reading")])

with tab_activity:
    act = st.selectbox(t("forms.activity"), list(activities), format_func=activities.get,
                       key="result.activity")
    rec = wb.by_id("activities").get(act) or {}
    st.caption(t("forms.current", status=statuses.get(rec.get("status"), "–"),
                 start=format_date(rec.get("actual_start"), L), end=format_date(rec.get("actual_end"), L)))
    F = f"result.{act}"  # one form per activity, so its fields start from that activity's values
    with st.form(F, enter_to_submit=False):
        field(F, "status", st.radio, "forms.status", list(statuses), format_func=statuses.get, horizontal=True,
              index=list(statuses).index(rec["status"]) if rec.get("status") in statuses else None)
        a, b = st.columns(2)
        with a:
            date_field(t("forms.actual_start"), fy, field_key(F, "actual_start"), rec.get("actual_start"),
                       optional=True)
        with b:
            date_field(t("forms.actual_end"), fy, field_key(F, "actual_end"), rec.get("actual_end"),
                       optional=True)
        field(F, "evidence", st.text_area, "forms.evidence", height=80)
        st.form_submit_button(t("forms.save"), type="primary", icon=":material/save:", on_click=on_submit,
                              args=(F, "activity_result", fy, known, act, rec), key=field_key(F, "_submit"))
    show_outcome(F)

with tab_expense:
    with st.form("expense", enter_to_submit=False):
        field("expense", "activity_id", st.selectbox, "forms.activity", list(activities), index=None,
              format_func=activities.get, placeholder=t("forms.choose"))
        a, b = st.columns([1, 2])
        with a:
            date_field(t("forms.spent_on"), fy, "expense.spent_on", day)
        field("expense", "amount", b.text_input, "forms.amount")
        field("expense", "item", st.text_input, "forms.item")
        field("expense", "evidence", st.text_area, "forms.evidence", height=80)
        field("expense", "note", st.text_input, "forms.note")
        st.form_submit_button(t("forms.save"), type="primary", icon=":material/save:", on_click=on_submit,
                              args=("expense", "expense", fy, known), key="expense._submit")
    show_outcome("expense")

with tab_reading:
    if not kpis:
        st.info(t("forms.no_kpis"))
    with st.form("reading", enter_to_submit=False):
        field("reading", "kpi_id", st.selectbox, "forms.kpi", list(kpis), index=None, format_func=kpis.get,
              placeholder=t("forms.choose"))
        a, b = st.columns([1, 2])
        with a:
            date_field(t("forms.measured_on"), fy, "reading.measured_on", day)
        field("reading", "value", b.text_input, "forms.value")
        field("reading", "evidence", st.text_area, "forms.evidence", height=80)
        field("reading", "note", st.text_input, "forms.note")
        st.form_submit_button(t("forms.save"), type="primary", icon=":material/save:", on_click=on_submit,
                              args=("reading", "kpi_reading", fy, known), key="reading._submit")
    show_outcome("reading")
