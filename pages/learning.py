"""Learning log: per KRA group, the year's reflections, adaptations and harvested outcomes in time order, as CSV and
.xlsx too (the same log is the Best Practice report's appendix)."""

import streamlit as st

from de_core.cycle import learning
from de_core.display.mdtext import md_escape
from de_core.display.paging import page_count, paginate
from de_core.documents import learning_export
from de_core.sheet.years import is_demo
from de_ui.blocks import paged
from de_ui.chrome import selected_year
from de_ui.data import workbook
from de_ui.i18n import lang, t
from de_ui.markup import keyed_table

wb = workbook()
fy = selected_year(wb)
L = lang()
st.title(t("learning.title"))
st.caption(t("learning.help"))
if fy is None:
    st.info(t("app.no_year"))
    st.stop()
log = wb.derived(("learning", fy, L), lambda: learning.learning_log(wb, fy, L))
titles = {g.group: g.title for g in log}
group = st.selectbox(t("learning.filter_group"), [g for g in titles if g], index=None, format_func=titles.get,
                     key="learning.group", placeholder=t("learning.all"))
shown = learning.only(log, group)
name = learning_export.file_name(fy, L, is_demo(wb, fy))


def csv() -> bytes:
    return wb.derived(("learning.csv", fy, L, group), lambda: learning_export.log_csv(shown, L))


def xlsx() -> bytes:
    return wb.derived(("learning.xlsx", fy, L, group), lambda: learning_export.log_xlsx(shown, L))


left, right = st.columns(2)
left.download_button(t("learning.download_csv"), data=csv, file_name=f"{name}.csv", mime="text/csv",
                     icon=":material/download:", key="learning_csv", width="stretch", on_click="ignore")
right.download_button(t("learning.download_xlsx"), data=xlsx, file_name=f"{name}.xlsx",
                      mime=learning_export.XLSX_MIME, icon=":material/table_view:", key="learning_xlsx",
                      width="stretch", on_click="ignore")
if not learning.entry_count(log):
    st.info(t("learning.empty"))
for part in shown:
    st.subheader(md_escape(part.title))
    st.caption(t("learning.count", n=len(part.entries)))
    if not part.entries:
        st.caption(t("learning.group_empty"))
        continue
    listing, number = paged(page_count(len(part.entries)), key=f"learning.page.{part.group}")
    entries = paginate(part.entries, number).items  # a page at a time: a busy year holds tens of thousands
    keyed_table(learning.entry_rows(entries, L), "learning", ["date", "kind", "text", "detail"],
                nowrap=["date"], bare=["text"], where=listing)
