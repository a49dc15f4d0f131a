"""Reflections: the feed (newest first, filtered) and, per activity, what changed because of them."""

import streamlit as st

from de_core.feed import (
    FeedFilters,
    activity_options,
    busiest_activity,
    entry_meta,
    page_caption,
    page_count,
    paginate,
    plain,
    reflection_feed,
    tag_options,
    what_changed,
)
from de_core.thaidate import format_number
from de_ui.chrome import selected_year
from de_ui.data import workbook
from de_ui.i18n import lang, t

wb = workbook()
fy = selected_year(wb)
L = lang()
st.title(t("forms.feed_title"))
st.caption(t("forms.feed_help"))
if fy is None:
    st.info(t("app.no_year"))
    st.stop()
activities = dict(activity_options(wb, fy))
tags = dict(tag_options(wb, L))


def options(enum: str) -> dict[str, str]:
    return {o.key: o.label(L) for o in wb.schema.options(enum)}


def pick(column, text_key: str, choices: dict, key: str):
    return column.selectbox(t(text_key), list(choices), index=None, format_func=choices.get, key=key,
                            placeholder=t("forms.all"))


a, b, c, d = st.columns(4)
filters = FeedFilters(
    activity_id=pick(a, "forms.filter_activity", activities, "feed.activity"),
    group=pick(b, "forms.filter_group", options("kra_group"), "feed.group"),
    tag=pick(c, "forms.filter_tag", tags, "feed.tag"),
    confidence=pick(d, "forms.filter_confidence", options("confidence"), "feed.confidence"),
    search=st.text_input(t("forms.search"), key="feed.search", max_chars=200),
)
entries = wb.derived(("feed", fy, filters, L), lambda: reflection_feed(wb, fy, filters, L))
pages = page_count(len(entries))
listing = st.container()  # filled below, once the page control under it gives the page number
number = 1
if pages > 1:
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    number = left.number_input(t("feed.page"), min_value=1, max_value=pages, value=1, step=1, key="feed.page")
    right.caption(t("feed.pages", number=format_number(number), pages=format_number(pages)))
page = paginate(entries, int(number))
listing.caption(page_caption(page, L))
if not entries:
    listing.info(t("forms.feed_empty"))
for entry in page.items:
    rec = entry.record
    with listing.container(border=True):
        st.caption(entry_meta(entry, wb.schema, L))
        if entry.activity:
            st.caption(f"{t('forms.linked_activity')}: {plain(entry.activity[1])}")
        if entry.kpis:
            st.caption(f"{t('forms.linked_kpis')}: " + "; ".join(plain(lbl) for _id, lbl in entry.kpis))
        for name in ("what", "so_what", "now_what"):
            if rec.get(name):
                st.markdown(f"**{t(f'forms.{name}')}**")
                st.text(rec[name])
        keys = [*(rec.get("characteristics") or []), *(rec.get("declarations") or [])]
        marks = [tags.get(k, k) for k in keys]
        if marks:
            st.caption(f"{t('forms.tags')}: " + ", ".join(plain(m) for m in marks))
        if rec.get("evidence"):
            st.caption(f"{t('forms.evidence_links')}: " + " ".join(plain(u) for u in rec["evidence"]))

st.divider()
st.subheader(t("forms.changed_title"))
st.caption(t("forms.changed_help"))
ids = list(activities)
busiest = filters.activity_id or busiest_activity(wb, fy)
chosen = st.selectbox(t("forms.filter_activity"), ids, format_func=activities.get, key="changed.activity",
                      index=ids.index(busiest) if busiest in ids else None, placeholder=t("forms.choose"))
changes = what_changed(wb, fy, chosen, L) if chosen else []
if not changes:
    st.info(t("forms.changed_empty"))
for entry in changes:
    st.caption(entry_meta(entry, wb.schema, L, activity=True))
    st.text(entry.record["now_what"])
