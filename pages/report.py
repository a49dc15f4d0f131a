"""Best Practice report: every section of the seed's table of contents from the current data, as .docx, PDF (when
this machine has Chromium) and printable HTML, with a preview of the whole report."""

import streamlit as st

from de_core.display.mdtext import md_escape
from de_core.documents.report import build_report, render_docx, render_html
from de_core.documents.report.pdf import find_chromium, render_pdf
from de_ui.chrome import selected_year, today
from de_ui.data import workbook
from de_ui.i18n import lang, t
from de_ui.report_view import draw_report

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

wb = workbook()
L = lang()
fy = selected_year(wb)
day = today()
report = wb.derived(("report", fy, L, day), lambda: build_report(wb, fy, L, day))

st.title(t("report.page_title"))
st.caption(t("report.page_help"))
if report.demo:
    st.warning(md_escape(report.demo_note), icon=":material/science:")
name = f"best-practice-{fy or 'report'}-{L}" + ("-demo" if report.demo else "")
chromium = find_chromium()


# Made when a person clicks (a big year's .docx takes seconds), then kept for all sessions until the data changes.
def docx() -> bytes:
    return wb.derived(("report.docx", fy, L, day), lambda: render_docx(report))


def pdf() -> bytes:
    return wb.derived(("report.pdf", fy, L, day), lambda: render_pdf(report, chromium))


def html() -> bytes:
    return wb.derived(("report.html", fy, L, day), lambda: render_html(report).encode("utf-8"))


left, middle, right = st.columns(3)
left.download_button(t("report.download_docx"), data=docx, file_name=f"{name}.docx", mime=DOCX_MIME,
                     icon=":material/description:", type="primary", key="report_docx", width="stretch",
                     on_click="ignore")
if chromium is not None:
    middle.download_button(t("report.download_pdf"), data=pdf, file_name=f"{name}.pdf", mime="application/pdf",
                           icon=":material/picture_as_pdf:", key="report_pdf", width="stretch", on_click="ignore")
right.download_button(t("report.download_html"), data=html, file_name=f"{name}.html",
                      mime="text/html", icon=":material/print:", key="report_html", width="stretch",
                      on_click="ignore")
if chromium is None:
    st.caption(t("report.no_pdf"))

st.divider()
st.subheader(t("report.preview"))
draw_report(report)
