"""DE stage tracker: every stage and numbered step with status, owner, dates and evidence; late steps in red."""

import streamlit as st

from de_core.cycle import charts
from de_core.cycle.tracker import STATUS_FILTERS, build_tracker, status_label, table_rows
from de_ui.blocks import metrics, table
from de_ui.charts import cached_chart
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

if not view.total:
    st.info(t("tracker.empty"))
    st.stop()
metrics({t("tracker.done_total"): t("overview.steps_done", done=view.done, total=view.total),
         t("tracker.late"): view.late, t("tracker.shown"): view.shown})
stages = [(t(f"stage.{blk.stage}") if blk.stage else t("tracker.no_stage"), blk.segments) for blk in view.stages]
cached_chart(wb, "tracker_bars", (fy, day, L, tuple(statuses), tuple(owners)), lambda: charts.stage_bars(stages, L))

config = {
    "title": st.column_config.TextColumn(t("tracker.col_title"), width="medium"),
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
    table(table_rows(wb, blk.rows, L), "tracker", ("no", "status", "owner", "due", "done"), f"tracker_{blk.stage}",
          late="late", config=config)
