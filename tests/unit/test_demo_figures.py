"""The demo workbook carries the seed report's figures and reads cleanly."""

from decimal import Decimal

from de_core.activities.budget import budget_summary
from de_core.cycle.progress import group_summaries, kpi_statuses, stage_progress
from de_core.ita.score import ita_year, latest_ita
from de_core.summary.overview import build_overview


def test_demo_budget_is_the_seeds_fifty_thousand_split_ten_and_forty(demo_wb):
    summary = budget_summary(demo_wb, 2566)
    assert summary.allocation == Decimal(50000) and summary.planned == Decimal(50000)
    planned = {line.activity["id"]: line.planned for line in summary.lines}
    assert planned == {"act-1": 0, "act-2": 0, "act-3": 0, "act-4": 10000, "act-5": 40000, "act-6": 0}
    assert summary.spent < summary.planned


def test_demo_has_sixteen_steps_in_five_stages_and_fourteen_kpis_in_four_groups(demo_wb, today):
    stages = stage_progress(demo_wb.rows("de_steps", 2566), today)
    assert [s.total for s in stages] == [4, 3, 3, 3, 3]
    groups = group_summaries(demo_wb, kpi_statuses(demo_wb, 2566, today))
    assert [(g.group, g.total) for g in groups] == [("office", 1), ("executives", 5), ("supervisors", 5), ("staff", 3)]


def test_demo_ita_2566_has_no_total_yet_and_the_latest_total_is_2565_band_a_short_of_aa(demo_wb):
    year = ita_year(demo_wb, 2566)  # as of 30 มิ.ย. 2566: only the OIT the checklist projects, no IIT or EIT yet
    assert year.has_scores and year.scores["oit"] == Decimal("83.72") and year.total is None
    ita = latest_ita(demo_wb, 2566)
    assert ita.fiscal_year == 2565 and ita.total == Decimal("86.17") and ita.band.level == "A"
    assert ita.gap() == Decimal("8.83")


def test_demo_overview_is_as_of_mid_year_with_three_latest_reflections(demo_wb, today):
    view = build_overview(demo_wb, 2566, today)
    assert view.as_of == today and len(view.reflections) == 3
    dates = [r["written_on"] for r in view.reflections]
    assert dates == sorted(dates, reverse=True)


def test_demo_rows_that_are_invented_are_marked_as_demo(demo_wb):
    for tab in ("expenses", "reflections", "kpi_readings", "ita_scores"):
        assert all("ตัวอย่าง" in (r.get("note") or "") for r in demo_wb.rows(tab)), tab
