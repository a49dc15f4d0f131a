"""The reflection feed: newest first, filtered, linked to activities and KPIs; and what changed per activity."""

from __future__ import annotations

from de_core.cycle.feed import (
    FeedFilters,
    activity_options,
    busiest_activity,
    entry_meta,
    known_ids,
    kpi_options,
    page_caption,
    page_count,
    paginate,
    plain,
    reflection_feed,
    tag_options,
    what_changed,
)
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook
from tests.unit.activity_fixtures import activity, workbook_of

FY = 2566


def ids(entries) -> list[str]:
    return [e.record["id"] for e in entries]


def test_the_feed_lists_the_years_reflections_newest_first(demo_wb):
    entries = reflection_feed(demo_wb, FY)
    assert len(entries) == 8
    dates = [e.record["written_on"] for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert reflection_feed(demo_wb, 2565) == []


def test_each_entry_carries_its_activity_and_kpi_labels(demo_wb):
    entry = next(e for e in reflection_feed(demo_wb, FY) if e.record["id"] == "ref-03")
    assert entry.activity[0] == "act-4-01" and entry.activity[1].startswith("4.1 ประชุมชี้แจง")
    assert [k for k, _ in entry.kpis] == ["kpi-exec-3", "kpi-exec-4"]
    assert entry.kpis[0][1].startswith("ผู้บริหาร 3 · ")
    assert entry.groups == {"executives"}


def test_an_activity_filter_includes_its_sub_activities(demo_wb):
    assert set(ids(reflection_feed(demo_wb, FY, FeedFilters(activity_id="act-5")))) == {
        "ref-05", "ref-06", "ref-07", "ref-08"}
    assert ids(reflection_feed(demo_wb, FY, FeedFilters(activity_id="act-4-02"))) == ["ref-04"]


def test_group_tag_and_confidence_filters_combine(demo_wb):
    off = reflection_feed(demo_wb, FY, FeedFilters(confidence="off_track"))
    assert ids(off) == ["ref-08"]
    executives = reflection_feed(demo_wb, FY, FeedFilters(group="executives"))
    assert "ref-03" in ids(executives) and all("executives" in e.groups for e in executives)
    networked = reflection_feed(demo_wb, FY, FeedFilters(tag="network"))
    assert networked and all("network" in e.record["declarations"] for e in networked)
    assert reflection_feed(demo_wb, FY, FeedFilters(tag="network", confidence="off_track", group="office")) == []


def test_the_search_matches_every_word_in_answers_roles_and_linked_labels(demo_wb):
    assert ids(reflection_feed(demo_wb, FY, FeedFilters(search="สอบปลายภาค"))) == ["ref-04"]
    by_activity_label = reflection_feed(demo_wb, FY, FeedFilters(search="ประชุมชี้แจงกรรมการ"))
    assert "ref-03" in ids(by_activity_label)
    assert reflection_feed(demo_wb, FY, FeedFilters(search="สอบปลายภาค ไม่มีคำนี้แน่นอน")) == []
    assert len(reflection_feed(demo_wb, FY, FeedFilters(search="   "))) == 8


def test_what_changed_gathers_the_now_what_answers_of_an_activity_family_in_time_order(demo_wb):
    changes = what_changed(demo_wb, FY, "act-5")
    assert ids(changes) == ["ref-05", "ref-06", "ref-07", "ref-08"]
    dates = [e.record["written_on"] for e in changes]
    assert dates == sorted(dates)
    assert all(e.record["now_what"] for e in changes)
    assert what_changed(demo_wb, FY, "act-6") == []
    assert busiest_activity(demo_wb, FY) == "act-5"


def test_options_list_each_parent_before_its_sub_activities(demo_wb):
    options = activity_options(demo_wb, FY)
    keys = [k for k, _ in options]
    assert keys.index("act-4") < keys.index("act-4-01") < keys.index("act-5") < keys.index("act-5-11")
    assert dict(options)["act-5-07"].startswith("   ↳ 5.7 ")
    assert all(len(label.strip(" ↳")) <= 90 for _, label in options)
    assert len(kpi_options(demo_wb, FY)) == 14 and kpi_options(demo_wb, FY, "en")[0][1].startswith("Office 1 · ")
    assert known_ids(demo_wb, FY)["kpis"] == {k for k, _ in kpi_options(demo_wb, FY)}
    assert [k for k, _ in tag_options(demo_wb)][-3:] == ["cultivate", "prevent", "network"]


def test_the_feed_of_an_empty_workbook_is_empty_not_an_error(schema):
    wb = parse_workbook(RawWorkbook(tabs={t.th: RawTab(t.th, [t.headers("th")]) for t in schema.tabs}), schema)
    assert reflection_feed(wb, FY) == [] and what_changed(wb, FY, "act-5") == []
    assert activity_options(wb, FY) == [] and busiest_activity(wb, FY) is None


def test_a_reflection_without_an_activity_or_kpis_still_shows(schema):
    tab = schema.tab("reflections")
    row = {"id": "ref-x", "fiscal_year": "2566", "written_on": "1/6/2566", "author_group": "บุคลากร", "what": "x"}
    raw = RawWorkbook(tabs={tab.th: RawTab(tab.th, [tab.headers("th"), [row.get(c.key, "") for c in tab.columns]])})
    (entry,) = reflection_feed(parse_workbook(raw, schema), FY)
    assert entry.activity is None and entry.kpis == [] and entry.groups == {"staff"}


def test_plain_escapes_markdown_and_html_so_sheet_text_shows_as_typed():
    assert plain("**bold** <b>x</b> [link](http://x)") == (
        r"\*\*bold\*\* \<b\>x\</b\> \[link\]\(" + "\u2060" + r"http\://x\)")
    assert plain(None) == ""


def test_options_list_sub_activities_under_a_parent_written_below_them_in_sheet_order():
    wb = workbook_of(activities=[
        activity("c1", parent_id="p"), activity("p"), activity("q"), activity("c2", parent_id="p"),
        activity("c3", parent_id="q"), activity("orphan", parent_id="nowhere"),
    ])
    assert [k for k, _ in activity_options(wb, 2566)] == ["p", "c1", "c2", "q", "c3", "orphan"]
    assert [label.startswith("   ↳ ") for _, label in activity_options(wb, 2566)] == [
        False, True, True, False, True, False]


def reflection(id_: str, activity_id: str, now_what: str = "ปรับ", **cells: str) -> dict[str, str]:
    return {"id": id_, "written_on": "1/6/2566", "activity_id": activity_id, "author_group": "บุคลากร",
            "what": "x", "now_what": now_what, **cells}


def test_the_busiest_activity_counts_the_now_what_answers_of_its_sub_activities_and_keeps_the_first_on_a_tie():
    acts = [activity("c1", parent_id="p"), activity("p"), activity("q"), activity("c3", parent_id="q")]
    refs = [reflection("r1", "c1"), reflection("r2", "p"), reflection("r3", "q"), reflection("r4", "q"),
            reflection("r5", "q", now_what="")]
    assert busiest_activity(workbook_of(activities=acts, reflections=refs), 2566) == "p"
    refs.append(reflection("r6", "c3"))
    wb = workbook_of(activities=acts, reflections=refs)
    assert busiest_activity(wb, 2566) == "q"
    assert ids(what_changed(wb, 2566, "q")) == ["r3", "r4", "r6"]  # same day: sheet order


def test_an_unknown_kpi_keeps_its_id_as_label_and_adds_no_group():
    wb = workbook_of(activities=[activity("a1")],
                     reflections=[reflection("r1", "a1", kpi_ids="kpi-gone"), reflection("r2", "gone")])
    by_id = {e.record["id"]: e for e in reflection_feed(wb, 2566)}
    assert by_id["r1"].kpis == [("kpi-gone", "kpi-gone")] and by_id["r1"].groups == {"staff"}
    assert by_id["r1"].activity == ("a1", "1 กิจกรรม a1") and by_id["r2"].activity == ("gone", "gone")


def test_paginate_cuts_fifty_per_page_and_keeps_a_page_number_in_range():
    items = list(range(120))
    first = paginate(items, 1)
    assert first.items == items[:50] and (first.number, first.pages, first.first, first.last) == (1, 3, 1, 50)
    last = paginate(items, 3)
    assert last.items == items[100:] and (last.first, last.last, last.total) == (101, 120, 120)
    assert paginate(items, 0).number == 1 and paginate(items, -4).items == items[:50]
    assert paginate(items, 99).number == 3 and paginate(items, 99).items == items[100:]
    assert paginate(items, 2, size=7).items == items[7:14]


def test_an_empty_list_is_one_empty_page():
    page = paginate([], 5)
    assert page.items == [] and (page.number, page.pages, page.first, page.last, page.total) == (1, 1, 0, 0, 0)
    assert [page_count(n) for n in (0, 1, 50, 51, 100, 19808)] == [1, 1, 1, 2, 2, 397]


def test_the_page_caption_says_which_entries_show_with_thousands_separators():
    items = list(range(19808))
    assert page_caption(paginate(items, 1), "th") == "แสดง 1–50 จาก 19,808 รายการ"
    assert page_caption(paginate(items, 397), "en") == "Showing 19,801–19,808 of 19,808 entries"
    assert page_caption(paginate([], 1), "th") == "0 รายการ"


def test_an_entry_header_reads_date_group_role_and_confidence_or_its_activity_escaped(demo_wb):
    entry = next(e for e in reflection_feed(demo_wb, FY) if e.record["id"] == "ref-03")
    role = plain(entry.record["author_role"])
    assert entry_meta(entry, demo_wb.schema, "en") == f"10 Feb 2023 · Executives · {role} · on track"
    assert entry_meta(entry, demo_wb.schema, "th", activity=True) == " · ".join(
        plain(x) for x in ("10 ก.พ. 2566", "ผู้บริหาร", entry.activity[1]))
