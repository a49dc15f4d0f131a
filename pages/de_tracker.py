"""DE stage tracker: every stage and numbered step with status, owner, dates and evidence; late steps in red.
Tables show their whole text (they wrap, and turn into one block per step on a phone)."""

import streamlit as st

from de_core.cycle import charts
from de_core.cycle.tracker import STATUS_FILTERS, build_tracker, status_label, table_rows
from de_ui.blocks import metrics
from de_ui.charts import cached_chart
from de_ui.chrome import page_start, today
from de_ui.i18n import t
from de_ui.markup import keyed_table

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

for blk, (label, _) in zip(view.stages, stages, strict=True):
    p = blk.progress
    st.subheader(f"{label} · {t('overview.steps_done', done=p.done, total=p.total)}")
    st.progress(p.share)
    if p.late:
        st.error(t("tracker.stage_late", n=p.late), icon=":material/schedule:")
    if not blk.rows:
        st.caption(t("tracker.none_match"))
        continue
    keyed_table(table_rows(wb, blk.rows, L), "tracker", ("no", "title", "status", "owner", "due", "done", "evidence",
                                                          "links"),
                links={"evidence": t("tracker.open_evidence")}, late="late", nowrap=("no", "due", "done", "evidence"),
                numeric=("links",), bare=("title",))
