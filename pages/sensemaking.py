"""Sensemaking (DE loop, issue #19): what happened since the previous meeting — new reflections, adaptations still
open or late, outcomes harvested — for a team that meets to make sense of it. An editor records the meeting and
changes statuses here (through the Writer). In meeting mode it is read-only and refreshes itself: no form is drawn,
so a refresh never interrupts anyone typing."""

import streamlit as st

from de_core.cycle.feed import plain
from de_core.cycle.loop_view import OPEN_COLUMNS, SHOWN, build_sensemaking
from de_core.sheet.years import as_of
from de_core.thaidate import format_date
from de_ui.auth import can_write
from de_ui.blocks import section, text_sections
from de_ui.chrome import page_start, today
from de_ui.data import workbook
from de_ui.i18n import t
from de_ui.loop import meeting_form, progress_form
from de_ui.markup import keyed_table
from de_ui.meeting import live
from de_ui.writes import outbox_panel

page = page_start("sense.title", meeting_switch=True)
wb, fy, L, day, meeting = page.wb, page.fy, page.lang, page.as_of, page.meeting


def board() -> None:
    data = workbook()  # read again on every refresh of the board
    now = as_of(data, fy, today())
    view = data.derived(("sensemaking", fy, now, L), lambda: build_sensemaking(data, fy, now, L))
    prev = view.previous
    st.caption(t("sense.since", title=plain(prev.get("title") or data.schema.enum_label("meeting_kind", prev.get("kind"), L)),
                 date=format_date(prev["held_on"], L)) if prev else t("sense.since_start"))
    section(t("sense.open", n=len(view.open), late=view.late), empty=t("sense.open_none"), has=view.open)
    if view.open:
        keyed_table(view.open[:SHOWN["open"]], "loop", OPEN_COLUMNS, late="late", nowrap=("due",), bare=("decision",))
    more("open", len(view.open), "pages/adaptations.py")
    section(t("sense.reflections", n=len(view.reflections)), empty=t("sense.reflections_none"), has=view.reflections)
    for rec in view.reflections[:SHOWN["reflections"]]:
        with st.container(border=True):
            st.caption(" · ".join(plain(x) for x in (format_date(rec.get("written_on"), L), rec.get("author_role")) if x))
            text_sections(rec, {name: t(f"forms.{name}") for name in ("what", "so_what", "now_what")})
    section(t("sense.outcomes", n=len(view.outcomes)), empty=t("sense.outcomes_none"), has=view.outcomes)
    more("reflections", len(view.reflections), "pages/reflections.py")
    for out in view.outcomes[:SHOWN["outcomes"]]:
        st.markdown(f"**{format_date(out['observed_on'], L)}** · {plain(t('sense.outcome_line', actor=out.get('actor') or '', change=out.get('change') or ''))}")
    more("outcomes", len(view.outcomes), "pages/outcomes.py")


def more(part: str, total: int, where: str) -> None:
    """Beyond what a meeting reads at once: how many more, and the page that lists them all."""
    if total > SHOWN[part]:
        st.page_link(where, label=t("sense.more", n=total - SHOWN[part]), icon=":material/arrow_forward:")


live(board, meeting)
if meeting:
    st.caption(t("sense.read_only"))
elif can_write():
    outbox_panel()
    change_tab, record_tab = st.tabs([t("sense.change"), t("sense.record")])
    with change_tab:
        progress_form("sense.adapt", wb, fy, day, only_open=True)
    with record_tab:
        meeting_form("meeting", wb, fy, day)
