"""The reflection feed: newest first, filtered, linked to activities and KPIs; and what changed per activity."""

from __future__ import annotations

from de_core.feed import (
    FeedFilters,
    activity_options,
    busiest_activity,
    known_ids,
    kpi_options,
    plain,
    reflection_feed,
    tag_options,
    what_changed,
)
from de_core.raw import RawTab, RawWorkbook
from de_core.workbook import parse_workbook

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
        r"\*\*bold\*\* \<b\>x\<\/b\> \[link\]\(http\:\/\/x\)".replace(r"\/", "/"))
    assert plain(None) == ""
