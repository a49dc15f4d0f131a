"""The ITA page's view model and its texts: gap, best tool, what-if, minimum OIT, history, ITA activities."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from de_core.ita import display as show
from de_core.ita.score import Needed
from de_core.ita.view import build_ita_view, history, ita_activities, to_score, what_if
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.workbook import parse_workbook
from tests.unit.itadata import demo_with, scored_demo

D = Decimal


def test_demo_view_has_the_gap_the_best_tool_and_the_minimum_oit(today):
    view = build_ita_view(scored_demo(), 2566, today)
    assert view.gap == D("1.53") and view.target == D("95.00") and view.pass_line == D("85.00")
    assert [(r.tool, r.headroom) for r in view.tools] == [("iit", D("2.06")), ("eit", D("2.87")), ("oit", D("1.60"))]
    assert view.best_tool == "eit"
    assert view.needed_oit == Needed("needed", D("99.81"))
    assert view.what_if.total == D("93.47") and view.what_if.band.level == "A"
    assert view.tools[0].points == D("27.936") and view.tools[1].per_point == D("0.30") and view.has_indicators


def test_what_if_scores_give_the_total_and_band_and_the_minimum_oit_for_them(demo_wb, today):
    year = build_ita_view(demo_wb, 2566, today).year
    reached = what_if(year, {"iit": 93.12, "eit": 90.45, "oit": 99.81}, D(95))
    assert (reached.total, reached.band.level) == (D("95.00"), "AA")
    short = what_if(year, {"iit": 93.12, "eit": 90.45, "oit": 99.80}, D(95))
    assert (short.total, short.band.level) == (D("94.99"), "A")
    low = what_if(year, {"iit": 80, "eit": 80, "oit": 100}, D(95))
    assert low.needed_oit.state == "unreachable" and low.total == D("88.00")
    assert what_if(year, {"iit": 100, "eit": 100, "oit": None}, D(50)).needed_oit.state == "reached"


@pytest.mark.parametrize(("typed", "score"), [
    (93.12, D("93.12")), ("95", D("95.00")), (D("94.995"), D("95.00")), (120.0, D(100)), (-3, D(0)),
    (None, None), (float("nan"), None), ("ไม่รู้", None),
])
def test_what_if_inputs_become_two_decimal_scores_within_0_and_100(typed, score):
    assert to_score(typed) == score


def test_history_lists_every_scored_year_oldest_first(demo_wb):
    rows = history(demo_wb)
    assert [(h.fiscal_year, h.total, h.band) for h in rows] == [(2565, D("86.17"), "A"), (2566, None, None)]
    assert rows[0].national_average == D("87.57") and rows[1].national_average is None


def test_history_chart_draws_aa_and_pass_lines_as_shapes_and_the_national_average_dashed(demo_wb, today):
    fig = json.loads(show.history_figure(build_ita_view(demo_wb, 2566, today), "th").to_json())
    assert sorted(s["y0"] for s in fig["layout"]["shapes"]) == [85.0, 95.0]
    names = [tr["name"] for tr in fig["data"]]
    assert names == ["คะแนนรวม", "IIT", "EIT", "OIT", "ค่าเฉลี่ยประเทศ"]
    national = fig["data"][-1]
    assert national["line"]["dash"] == "dash" and national["y"] == [87.57, None]
    assert fig["data"][0]["y"] == [86.17, None] and fig["data"][0]["x"] == ["ปี 2565", "ปี 2566"]


def test_history_chart_has_no_national_series_when_none_is_entered(today):
    wb = demo_with({"ita_scores": {"ita-2565": {"national_average": ""}}})
    fig = show.history_figure(build_ita_view(wb, 2566, today), "en")
    assert [tr.name for tr in fig.data] == ["Total", "IIT", "EIT", "OIT"]
    assert fig.layout.template.layout.font.family.startswith("Sarabun")


def test_ita_activities_are_activity_5_and_its_sub_activities_with_late_ones_marked(demo_wb, today):
    rows = ita_activities(demo_wb, 2566, today)
    assert [r.activity["id"] for r in rows] == ["act-5"] + [f"act-5-{n:02d}" for n in range(1, 12)]
    assert [r.activity["id"] for r in rows if r.late] == ["act-5-05"]
    assert rows[0].top_level and not rows[1].top_level
    assert all(not r.late for r in ita_activities(demo_wb, 2566, date(2023, 6, 1)))


def test_a_year_with_nothing_entered_gives_an_empty_view_not_an_error(demo_wb, today):
    view = build_ita_view(demo_wb, 2570, today)
    assert not view.year.has_scores and view.gap is None and view.best_tool is None
    assert view.checklist.total == 0 and view.activities == [] and view.needed_oit.state == "unknown"
    assert len(view.history) == 2


def test_an_empty_workbook_and_no_year_give_an_empty_view(today):
    view = build_ita_view(parse_workbook(RawWorkbook()), None, today)
    assert view.year is None and view.history == [] and view.checklist is None and view.gap is None


def test_bad_weights_keep_the_scores_and_say_why_there_is_no_total(today):
    view = build_ita_view(scored_demo({"ita_weights": {"w-2566-oit": {"weight": "30"}}}), 2566, today)
    assert view.year.total is None and view.year.scores["oit"] == D("96.00")
    assert "100" in show.no_total_reason(view.year, "en") and view.needed_oit.state == "unknown"
    assert view.best_tool is None  # weights that do not sum to 100 cannot rank the tools
    assert [i.tab_key for i in view.issues] == ["ita_weights"]


def test_minimum_oit_is_said_plainly_in_each_case():
    scores = {"iit": D("93.12"), "eit": D("90.45")}
    assert "99.81" in show.needed_text(Needed("needed", D("99.81")), scores, D(95), "en")
    assert "out of reach" in show.needed_text(Needed("unreachable", D("106.58")), scores, D(95), "en")
    assert "ไปไม่ถึง" in show.needed_text(Needed("unreachable", D("106.58")), scores, D(95), "th")
    assert "whatever the OIT" in show.needed_text(Needed("reached", D(0)), scores, D(95), "en")
    assert "cannot be given" in show.needed_text(Needed("unknown"), scores, D(95), "en")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_table_and_text_of_the_page_is_translated(today, lang):
    wb = demo_with({"oit_items": {"oit-2566-O16": {"url": ""}}, "ita_weights": {"w-2565-oit": {"weight": "50"}}})
    view = build_ita_view(wb, 2566, today)
    texts = [show.weights_text(view.year, lang), show.bands_text(view.year, lang), show.official_text(view.year, lang),
             show.best_tool_text(view, lang), show.counts_text(view.checklist, lang),
             show.flagged_text(view.checklist, lang), *[show.tool_label(t, lang) for t in ("iit", "eit", "oit")]]
    tables = [show.scores_table(view, lang), show.indicators_table(view, lang), show.history_table(view, lang),
              show.checklist_groups_table(view.checklist, lang), show.checklist_items_table(view.checklist, lang),
              show.activities_table(view, lang), show.issues_table(build_ita_view(wb, 2565, today).issues, lang)]
    words = texts + [str(cell) for table in tables for row in table for cell in [*row.keys(), *row.values()]]
    assert all(tables) and not [w for w in words if w.startswith("ita.")]


def test_flagged_codes_are_escaped_for_markdown():
    wb = demo_with({"oit_items": {"oit-2566-O16": {"url": "", "code": "[O16](https://x.example)"}}})
    text = show.flagged_text(build_ita_view(wb, 2566, date(2023, 6, 30)).checklist, "en")
    assert r"\[O16\]\(" + "\u2060" + r"https\://x\.example\)" in text


def test_official_total_difference_is_signed():
    wb = scored_demo({"ita_scores": {"ita-2566": {"official_total": "93.40"}}})
    view = build_ita_view(wb, 2566, date(2023, 6, 30))
    assert show.official_text(view.year, "en") == "-0.07 from our computed total"
    same = build_ita_view(scored_demo({"ita_scores": {"ita-2566": {"official_total": "93.47"}}}), 2566, date.today())
    assert show.official_text(same.year, "en") == "matches our computed total"
