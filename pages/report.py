"""Best Practice report: the current data in the shape of the office's report, as .docx and printable HTML."""

import streamlit as st

from de_core.display.mdtext import md_escape
from de_core.documents.report import build_report, render_docx, render_html
from de_core.documents.report.preview import preview_rows
from de_core.sheet.years import is_demo
from de_ui.blocks import static_table
from de_ui.chrome import selected_year, today
from de_ui.data import workbook
from de_ui.i18n import lang, t

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

wb = workbook()
L = lang()
fy = selected_year(wb)
day = today()
report = wb.derived(("report", fy, L, day), lambda: build_report(wb, fy, L, day))

st.title(t("report.page_title"))
st.caption(t("report.page_help"))
name = f"best-practice-{fy or 'report'}-{L}" + ("-demo" if is_demo(wb, fy) else "")
left, right = st.columns(2)
# Made when a person clicks (a big year's .docx takes seconds), then kept for all sessions until the data changes.
def docx() -> bytes:
    return wb.derived(("report.docx", fy, L, day), lambda: render_docx(report))


def html() -> bytes:
    return wb.derived(("report.html", fy, L, day), lambda: render_html(report).encode("utf-8"))


left.download_button(t("report.download_docx"), data=docx, file_name=f"{name}.docx", mime=DOCX_MIME,
                     icon=":material/description:", type="primary", key="report_docx", width="stretch",
                     on_click="ignore")
right.download_button(t("report.download_html"), data=html, file_name=f"{name}.html",
                      mime="text/html", icon=":material/print:", key="report_html", width="stretch",
                      on_click="ignore")

st.divider()
st.subheader(t("report.preview"))
st.markdown(f"**{md_escape(report.title)}** · {md_escape(report.subtitle)}")
for label, value in report.facts:
    st.text(f"{label}: {value}")
for section in report.sections:
    st.subheader(section.title)
    if section.intro:
        st.caption(section.intro)
    if section.table is None:
        st.info(section.empty)
        continue
    headers, rows, hidden = preview_rows(section.table)
    static_table(headers, rows)
    if hidden:
        st.caption(t("report.more_rows", n=hidden))
    for note in section.notes:
        st.caption(note)
st.caption(report.footer)
