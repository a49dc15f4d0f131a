"""The adaptation log (DE loop, issue #19): every decision with its owner, due date, state and the effect seen after
it; editors update progress or enter a new one. Late adaptations also count in "what is late" on the overview."""

import streamlit as st

from de_core.cycle.feed import activity_options, kpi_options, page_caption
from de_core.cycle.loop import STATUSES, loop_counts
from de_core.cycle.loop_view import LOG_COLUMNS, log_rows
from de_core.display import html
from de_core.display.paging import page_count, paginate
from de_ui.auth import can_write, sign_in_block
from de_ui.blocks import paged
from de_ui.chrome import page_start
from de_ui.i18n import t
from de_ui.loop import new_form, progress_form
from de_ui.markup import keyed_table, show
from de_ui.writes import outbox_panel

page = page_start("loop.title")
wb, fy, L, day = page.wb, page.fy, page.lang, page.as_of
st.caption(t("loop.help"))
counts = wb.derived(("loop_counts", fy, day), lambda: loop_counts(wb, fy, day))
show(html.figures([*((t(f"loop.count_{s}"), str(counts.by_status[s])) for s in STATUSES),
                   (t("loop.count_late"), str(counts.late))], "sj-big"))
statuses = st.multiselect(t("loop.filter_status"), STATUSES, key="loop.statuses", placeholder=t("loop.all"),
                          format_func=lambda s: wb.schema.enum_label("adaptation_status", s, L))
rows = wb.derived(("loop_log", fy, day, L, tuple(statuses)), lambda: log_rows(wb, fy, day, L, statuses))
if not counts.total:
    st.info(t("loop.empty"))
elif not rows:
    st.info(t("loop.none_match"))
else:
    listing, number = paged(page_count(len(rows)), key="loop.page")  # the listing is drawn above its control
    page = paginate(rows, number)
    listing.caption(page_caption(page, L))
    keyed_table(page.items, "loop", LOG_COLUMNS, late="late", nowrap=("due", "done"), bare=("decision",),
                where=listing)

if not can_write():
    st.divider()
    st.info(t("forms.viewer_prompt"), icon=":material/lock:")
    sign_in_block()
    st.stop()
outbox_panel()
progress_tab, new_tab = st.tabs([t("loop.tab_progress"), t("loop.tab_new")])
with progress_tab:
    progress_form("adapt", wb, fy, day)
with new_tab:
    new_form("adaptation", wb, fy, day, dict(activity_options(wb, fy)), dict(kpi_options(wb, fy, L)))
