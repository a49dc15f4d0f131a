"""Reflections: the feed (newest first, filtered), each with its adaptations and their state (an editor proposes one
from a "Now what?" in one click) and, per activity, what changed because of them."""

import streamlit as st

from de_core.cycle import feed
from de_core.cycle.loop_view import reflection_lines
from de_core.sheet.years import as_of
from de_ui.auth import can_write
from de_ui.blocks import paged
from de_ui.chrome import selected_year, today
from de_ui.data import workbook
from de_ui.i18n import lang, t
from de_ui.loop import reflection_card

wb = workbook()
fy = selected_year(wb)
L = lang()
st.title(t("forms.feed_title"))
st.caption(t("forms.feed_help"))
if fy is None:
    st.info(t("app.no_year"))
    st.stop()
day = as_of(wb, fy, today())
activities = dict(feed.activity_options(wb, fy))
tags = dict(feed.tag_options(wb, L))


def options(enum: str) -> dict[str, str]:
    return {o.key: o.label(L) for o in wb.schema.options(enum)}


def pick(column, text_key: str, choices: dict, key: str):
    return column.selectbox(t(text_key), list(choices), index=None, format_func=choices.get, key=key,
                            placeholder=t("forms.all"))


a, b, c, d = st.columns(4)
filters = feed.FeedFilters(
    activity_id=pick(a, "forms.filter_activity", activities, "feed.activity"),
    group=pick(b, "forms.filter_group", options("kra_group"), "feed.group"),
    tag=pick(c, "forms.filter_tag", tags, "feed.tag"),
    confidence=pick(d, "forms.filter_confidence", options("confidence"), "feed.confidence"),
    search=st.text_input(t("forms.search"), key="feed.search"),
)
entries = wb.derived(("feed", fy, filters, L), lambda: feed.reflection_feed(wb, fy, filters, L))
listing, number = paged(feed.page_count(len(entries)), key="feed.page")  # the listing is drawn above its control
page = feed.paginate(entries, number)
listing.caption(feed.page_caption(page, L))
if not entries:
    listing.info(t("forms.feed_empty"))
lines = wb.derived(("loop_lines", fy, day, L), lambda: reflection_lines(wb, fy, day, L))
editor = can_write()
with listing:
    for entry in page.items:
        reflection_card(wb, entry, tags, lines, day, editor)

st.divider()
st.subheader(t("forms.changed_title"))
st.caption(t("forms.changed_help"))
ids = list(activities)
busiest = filters.activity_id or feed.busiest_activity(wb, fy)
chosen = st.selectbox(t("forms.filter_activity"), ids, format_func=activities.get, key="changed.activity",
                      index=ids.index(busiest) if busiest in ids else None, placeholder=t("forms.choose"))
changes = feed.what_changed(wb, fy, chosen, L) if chosen else []
if not changes:
    st.info(t("forms.changed_empty"))
for entry in changes:
    st.caption(feed.entry_meta(entry, wb.schema, L, activity=True))
    st.text(entry.record["now_what"])
