"""LINE and e-mail digest (editors): this period's digest exactly as it will be sent, who gets it and what each
would get now, the message allowance a schedule uses, "send now", and the digest log so far."""

import streamlit as st

from de_ui.auth import editor_gate
from de_ui.blocks import section, table
from de_ui.chrome import page_start
from de_ui.digest import allowance_line, log_rows, preview, send_now, show_outcomes, target_rows
from de_ui.i18n import t

start = page_start("digest.page_title")
editor_gate()
p = preview(start.wb, start.fy)
st.caption(t("digest.page_help"))
if p.problem:
    st.error(t("digest.settings_problem", problem=p.problem))
if not p.settings.app_url:
    st.warning(t("digest.no_app_url"))

st.subheader(t("digest.preview_heading", period=p.digest.period.label(start.lang)))
st.text_area(t("digest.text_label"), p.text, height=520, disabled=True)  # as typed, in the app's Thai font
with st.expander(t("digest.flex_heading")):
    st.text(t("digest.alt_text", text=p.flex["altText"]))
    st.code(p.flex_json, language="json", wrap_lines=True)
with st.expander(t("digest.email_heading")):
    st.text(t("digest.subject_line", subject=p.digest.subject))
    st.code(p.html, language="html", wrap_lines=True)

rows = target_rows(start.wb, p)
if section(t("digest.targets_heading", period=p.digest.period.key), empty=t("digest.no_channel"), has=rows):
    table(rows, "digest", ("channel", "target", "plan", "note"), "digest_targets", named=True)
    if p.settings.line is not None:
        st.caption(allowance_line(p.settings))
    st.button(t("digest.send_now"), type="primary", key="digest.send_now", icon=":material/send:", on_click=send_now,
              args=(start.fy,))
    show_outcomes(p.settings)

logged = log_rows(start.wb, start.fy)
if section(t("digest.log_heading"), empty=t("digest.log_empty"), has=logged):
    table(logged, "digest", ("period", "channel", "target", "status", "as_of", "started", "note"), "digest_log",
          named=True)
