"""ITA data problems reach Data health with real sheet addresses, and the demo has none."""

from __future__ import annotations

from de_core.ita.checks import ita_issues
from de_core.ops.demo import demo_workbook
from de_core.sheet.raw import RawTab
from de_core.sheet.schema import load_schema
from de_core.sheet.workbook import parse_workbook
from de_core.summary.health import all_issues
from tests.unit.itadata import demo_with, scores_row, weight_rows


def test_the_demo_has_no_ita_problem(demo_wb):
    assert ita_issues(demo_wb) == [] and all_issues(demo_wb) == demo_wb.issues == []


def test_weights_not_summing_to_100_point_at_the_years_weight_cells():
    wb = demo_with({"ita_weights": {"w-2566-oit": {"weight": "ร้อยละ ๓๐"}}})
    [issue] = ita_issues(wb)
    assert (issue.tab, issue.address, issue.raw, issue.severity) == ("น้ำหนัก ITA", "D5:D7", "90", "error")
    assert "2566" in issue.message_th and "90" in issue.message_en and "100" in issue.hint_en


def test_the_address_follows_the_header_as_read_when_columns_are_moved():
    schema = load_schema()
    raw = demo_workbook(schema)
    tab = raw.tabs["น้ำหนัก ITA"]
    tab.rows = [[r[3], r[0], r[1], r[2], *r[4:]] for r in tab.rows]  # the weight column moved to A
    tab.rows[-1][0] = "10%"
    wb = parse_workbook(raw, schema)
    [issue] = ita_issues(wb, 2566)
    assert issue.address == "A5:A7" and issue.raw == "70"


def test_weights_of_a_year_in_non_adjacent_rows_are_listed_one_by_one():
    iit, eit, _oit = weight_rows(2567)
    wb = demo_with(appends={"ita_scores": [scores_row(2567, "90", "90", "90")],
                            "ita_weights": [iit, weight_rows(2568)[0], eit]})
    issue = next(i for i in ita_issues(wb, 2567) if i.tab_key == "ita_weights")
    assert issue.address == "D8, D10" and issue.raw == "60"


def test_a_scored_year_without_its_own_frame_is_warned_that_an_earlier_year_s_frame_is_used():
    wb = demo_with(appends={"ita_scores": [scores_row(2567, "90", "90", "90")]})
    found = {(i.tab_key, i.address, i.severity) for i in ita_issues(wb)}
    assert found == {("ita_weights", "", "warning"), ("ita_bands", "", "warning")}
    assert all("2567" in i.message_th and "2566" in i.message_th and "FY2566" in i.message_en
               for i in ita_issues(wb))


def test_a_scored_year_before_every_frame_gets_tab_level_errors():
    wb = demo_with(appends={"ita_scores": [scores_row(2560, "90", "90", "90")]})
    found = {(i.tab_key, i.address, i.severity) for i in ita_issues(wb)}
    assert found == {("ita_weights", "", "error"), ("ita_bands", "", "error")}
    assert all("2560" in i.message_th and "2560" in i.message_en for i in ita_issues(wb))


def test_a_tool_weighted_twice_and_a_year_scored_twice_are_flagged_on_the_later_row():
    wb = demo_with(appends={"ita_weights": [{"id": "w-x", "fiscal_year": "2566", "tool": "OIT", "weight": "40"}],
                            "ita_scores": [scores_row(2566, "1", "1", "1") | {"id": "ita-2566-b"}]})
    found = {(i.tab_key, i.address, i.row_id) for i in ita_issues(wb)}
    assert found == {("ita_weights", "C8", "w-x"), ("ita_scores", "B4", "ita-2566-b")}


def test_duplicate_oit_codes_and_published_items_without_links_are_addressed_to_their_cells():
    wb = demo_with({"oit_items": {"oit-2566-O16": {"url": ""}}},
                   appends={"oit_items": [{"id": "oit-x", "fiscal_year": "2566", "code": "O5", "title": "ซ้ำ",
                                           "group": "9.1", "status": "ร่างแล้ว"}]})
    found = {(i.address, i.severity, i.column) for i in ita_issues(wb)}
    assert found == {("C45", "error", "code"), ("G17", "warning", "url")}


def test_an_unreadable_link_is_reported_once_by_the_parser_not_again():
    wb = demo_with({"oit_items": {"oit-2566-O16": {"url": "ftp://x/o16"}}})
    assert ita_issues(wb) == []
    assert [i.address for i in all_issues(wb) if i.tab_key == "oit_items"] == ["G17"]


def test_issues_can_be_asked_for_one_year():
    wb = demo_with({"ita_weights": {"w-2565-oit": {"weight": "50"}}})
    assert ita_issues(wb, 2566) == [] and len(ita_issues(wb, 2565)) == 1


def test_a_missing_tab_gives_no_crash_and_no_address():
    schema = load_schema()
    raw = demo_workbook(schema)
    raw.tabs["น้ำหนัก ITA"] = RawTab("น้ำหนัก ITA", [["รหัส", "ปีงบประมาณ"]])
    wb = parse_workbook(raw, schema)
    assert ita_issues(wb) == []  # the weights of 2565 and 2566 come from the frames the app ships
