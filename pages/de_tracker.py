"""DE stage tracker: every stage and numbered step with status, owner, dates and evidence; late steps in red."""

import pandas as pd
import streamlit as st

from de_core import charts
from de_core.thaidate import format_date
from de_core.tracker import STATUS_FILTERS, build_tracker, status_label, table_rows
from de_ui.charts import show_chart
from de_ui.chrome import page_start, today
from de_ui.i18n import t

page = page_start("tracker.title", meeting_switch=True)
wb, fy, L = page.wb, page.fy, page.lang

day = today()
tracker = wb.derived(("tracker", fy, day), lambda: build_tracker(wb, fy, day))
left, right = st.columns(2)
statuses = left.multiselect(t("tracker.filter_status"), STATUS_FILTERS, key="tracker_status",
                            format_func=lambda s: status_label(wb, s, L), placeholder=t("tracker.all"))
owners = right.multiselect(t("tracker.filter_owner"), tracker.owners, key="tracker_owner",
                           placeholder=t("tracker.all"))
view = tracker.filtered(statuses, owners)

st.caption(f"{t('app.fy_label', fy=fy)} · {t('app.figures_as_of', date=format_date(view.as_of, L))}")
if not view.total:
    st.info(t("tracker.empty"))
    st.stop()
a, b, c = st.columns(3)
a.metric(t("tracker.done_total"), t("overview.steps_done", done=view.done, total=view.total))
b.metric(t("tracker.late"), view.late)
c.metric(t("tracker.shown"), view.shown)
stages = [(t(f"stage.{blk.stage}") if blk.stage else t("tracker.no_stage"), blk.segments) for blk in view.stages]
show_chart(wb.derived(("tracker.bars", fy, day, L, tuple(statuses), tuple(owners)),
                      lambda: charts.stage_bars(stages, L)), key="tracker_bars")

columns = {
    "no": t("tracker.col_no"), "title": st.column_config.TextColumn(t("tracker.col_title"), width="medium"),
    "status": t("tracker.col_status"), "owner": t("tracker.col_owner"), "due": t("tracker.col_due"),
    "done": t("tracker.col_done"),
    "evidence": st.column_config.LinkColumn(t("tracker.col_evidence"), display_text=t("tracker.open_evidence")),
    "links": st.column_config.NumberColumn(t("tracker.col_links"), format="%d"),
}
for blk, (label, _) in zip(view.stages, stages, strict=True):
    p = blk.progress
    st.subheader(f"{label} · {t('overview.steps_done', done=p.done, total=p.total)}")
    st.progress(p.share)
    if p.late:
        st.error(t("tracker.stage_late", n=p.late), icon=":material/schedule:")
    if not blk.rows:
        st.caption(t("tracker.none_match"))
        continue
    rows = pd.DataFrame(table_rows(wb, blk.rows, L))
    shown = rows.drop(columns="late").style.apply(
        lambda r, rows=rows: ["background-color: #ffebee; color: #b71c1c" if rows.loc[r.name, "late"] else ""]
        * len(r), axis=1)
    st.dataframe(shown, hide_index=True, width="stretch", column_config=columns, key=f"tracker_{blk.stage}")
