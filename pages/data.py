"""Import and export: the whole workbook as .xlsx, each tab as CSV (or all in a zip); an .xlsx merged in by id."""

import streamlit as st

from de_core.display.mdtext import md_escape_line
from de_core.documents.export import CSV_MIME, ZIP_MIME, csv_name, csv_zip, tab_csv
from de_core.documents.importer import apply_import, plan_import
from de_core.documents.safe_text import unholdable
from de_core.documents.xlsx import read_xlsx, write_xlsx
from de_core.sheet.years import is_demo
from de_core.store import StoreError
from de_ui.auth import can_write
from de_ui.blocks import table
from de_ui.data import refresh, sheet_cells, workbook
from de_ui.i18n import lang, t
from de_ui.writes import writer

L = lang()
st.title(t("data.title"))
wb = workbook()
raw = sheet_cells(wb)  # the cells the pages show (read once per load); files are made on the click, then kept
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEMO = "-demo" if is_demo(wb) else ""  # a demo's files say so in their names (its settings tab says so inside)
st.download_button(t("data.export_xlsx"), data=lambda: wb.derived("export.xlsx", lambda: write_xlsx(raw)),
                   file_name=f"sujarit-de-workbook{DEMO}.xlsx", mime=XLSX, icon=":material/download:", on_click="ignore")
if bad := wb.derived("export.unholdable", lambda: unholdable(raw)):
    st.warning(t("data.unholdable", n=len(bad), cells=", ".join(f"{md_escape_line(tab)}!{cell}" for tab, cell in bad[:5])))
st.subheader(t("export.csv_heading"))
st.caption(t("export.csv_help"))
csv_tab = st.selectbox(t("export.csv_tab"), list(raw.tabs), key="csv_tab")
if csv_tab:
    st.download_button(t("export.csv_download", tab=md_escape_line(csv_tab)), data=lambda: tab_csv(raw.tabs[csv_tab]),
                       file_name=csv_name(csv_tab).replace(".csv", f"{DEMO}.csv"), mime=CSV_MIME, icon=":material/table:", key="csv_one",
                       on_click="ignore")
st.download_button(t("export.zip_download"), data=lambda: wb.derived("export.zip", lambda: csv_zip(raw)),
                   file_name=f"sujarit-de-csv{DEMO}.zip", mime=ZIP_MIME, icon=":material/folder_zip:", key="csv_zip",
                   on_click="ignore")

st.subheader(t("data.import"))
if not can_write():
    st.info(t("data.viewer_only"))
    st.stop()
st.caption(f'{t("data.import_help")} {t("data.upload_hint")}')  # Streamlit's button is English
upload = st.file_uploader(t("data.import"), type=["xlsx"], key="import_file", label_visibility="collapsed")
if upload is None:
    st.stop()
try:
    incoming = read_xlsx(upload.getvalue())
except ValueError as err:
    st.error(str(err))
    st.stop()
plan = plan_import(sheet_cells(), incoming)  # merged into the sheet as it is now
st.markdown(f"**{t('data.preview')}**")
if plan.ignored_tabs:
    st.caption(t("data.ignored_tabs", tabs=", ".join(md_escape_line(tab) for tab in plan.ignored_tabs)))
if plan.issues:
    st.warning(t("data.file_issues", n=len(plan.issues)))
if not plan.changes:
    st.success(t("data.no_changes"))
    st.stop()
table([{"tab": tp.title, "updates": len(tp.updates), "appends": len(tp.appends),
        "new_columns": ", ".join(tp.new_columns), "unchanged": tp.unchanged} for tp in plan.tabs],
      "data", ("tab", "updates", "appends", "new_columns", "unchanged"), "import_plan", named=True)
if st.button(t("data.apply", n=plan.changes), type="primary", key="import_apply"):
    try:
        written = apply_import(writer(), plan)
    except StoreError as err:
        st.error(f"{t('data.write_failed')}: {md_escape_line(err.message(L))} — {md_escape_line(err.hint(L))}")
        st.stop()
    refresh()
    st.success(t("data.applied", n=written))
