"""Reflect: after every activity everyone writes What? So what? Now what? (DE step 5.1). Editors only.

No box has max_chars: a browser drops a paste longer than it, silently. Lengths are checked on save (forms.py),
and an answer that is too long stays in its box with how much to shorten it. What is wrong with a field is
written under it, naming it as labelled (de_ui.fields).
"""

import streamlit as st

from de_core.cycle.feed import known_ids
from de_core.sheet.years import as_of
from de_core.writing.forms import ANSWER_LIMIT
from de_ui.chrome import today
from de_ui.fields import field
from de_ui.i18n import t
from de_ui.writes import date_field, field_key, form_page_start, on_submit, show_outcome

F = "reflect"
page = form_page_start("forms.reflect_title", "forms.reflect_help")
wb, fy, L, activities, kpis = page.wb, page.fy, page.lang, page.activities, page.kpis


def options(enum: str) -> dict[str, str]:
    return {o.key: o.label(L) for o in wb.schema.options(enum)}


enums = ("kra_group", "characteristic", "declaration", "confidence")
groups, chars, decls, conf = (options(e) for e in enums)
answer_help = t("forms.limit_help", n=f"{ANSWER_LIMIT:,}")
with st.form(F, enter_to_submit=False):
    field(F, "activity_id", st.selectbox, "forms.activity", list(activities), index=None,
          format_func=activities.get, placeholder=t("forms.choose"))
    field(F, "kpi_ids", st.multiselect, "forms.kpis", list(kpis), format_func=kpis.get, placeholder=t("forms.choose"))
    a, b, c = st.columns(3)
    field(F, "author_group", a.selectbox, "forms.author_group", list(groups), index=None, format_func=groups.get,
          placeholder=t("forms.choose"))
    field(F, "author_role", b.text_input, "forms.author_role")
    with c:
        date_field(t("forms.date"), fy, field_key(F, "written_on"), as_of(wb, fy, today()))
    for name in ("what", "so_what", "now_what"):
        field(F, name, st.text_area, f"forms.{name}", height=140, help=answer_help)
    a, b, c = st.columns(3)
    field(F, "characteristics", a.multiselect, "forms.characteristics", list(chars), format_func=chars.get,
          placeholder=t("forms.choose"))
    field(F, "declarations", b.multiselect, "forms.declarations", list(decls), format_func=decls.get,
          placeholder=t("forms.choose"))
    field(F, "confidence", c.radio, "forms.confidence", list(conf), index=None, format_func=conf.get, horizontal=True)
    field(F, "evidence", st.text_area, "forms.evidence", height=80)
    st.form_submit_button(t("forms.save"), type="primary", icon=":material/save:", on_click=on_submit,
                          args=(F, "reflection", fy, known_ids(wb, fy)), key=field_key(F, "_submit"))
show_outcome(F)
