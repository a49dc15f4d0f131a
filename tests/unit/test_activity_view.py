"""Activity detail: sub-activities, budget and expenses of the family, linked KPIs, evidence and reflections."""

from datetime import date

from de_core.activities.view import activities_view
from tests.unit.activity_fixtures import activity, workbook_of


def test_activity_5_shows_its_11_sub_activities_and_spends_29190_of_40000(demo_wb, today):
    detail = activities_view(demo_wb, 2566, today).detail("act-5")
    assert [r.key for r in detail.children] == [f"act-5-{i:02d}" for i in range(1, 12)]
    assert detail.planned_budget == 40000 and detail.spent == 29190 and detail.remaining == 10810
    assert [e["id"] for e in detail.expenses] == [f"exp-{i:02d}" for i in range(5, 11)]
    assert [s.kpi["id"] for s in detail.kpis] == ["kpi-office-1", "kpi-sup-3", "kpi-staff-2"]
    assert [e["id"] for e in detail.evidence] == ["ev-08", "ev-09", "ev-10"]
    assert [r["id"] for r in detail.reflections] == ["ref-05", "ref-06", "ref-07", "ref-08"]


def test_a_sub_activity_names_its_parent_and_leaves_the_budget_to_it(demo_wb, today):
    detail = activities_view(demo_wb, 2566, today).detail("act-5-05")
    assert detail.parent["id"] == "act-5" and detail.children == []
    assert detail.planned_budget is None and detail.remaining is None and detail.spent == 0
    assert detail.row.status == "late"


def test_a_no_budget_activity_plans_zero_and_shows_its_own_links(demo_wb, today):
    detail = activities_view(demo_wb, 2566, today).detail("act-1")
    assert detail.planned_budget == 0 and detail.expenses == []
    assert detail.links == ["https://demo.sujarit.example/fy2566/evidence/ev-02.pdf"]
    assert [r["id"] for r in detail.reflections] == ["ref-01"]


def test_choices_follow_the_timeline_and_an_unknown_key_has_no_detail(demo_wb, today):
    view = activities_view(demo_wb, 2566, today)
    assert list(view.choices)[:4] == ["act-1", "act-2", "act-3", "act-4"]
    assert view.choices["act-5-05"].startswith("· 5.5 ")
    assert view.detail("nope") is None and view.detail(None) is None


def test_kpi_ids_missing_from_the_kpi_tab_are_listed_not_dropped_silently():
    wb = workbook_of(activities=[activity("a1", "ม.ค. 2566", kpi_ids="kpi-x, kpi-y")],
                     kpis=[{"id": "kpi-x", "kra_id": "k", "kpi": "มีแผน", "measure_type": "มี/ไม่มี"}])
    detail = activities_view(wb, 2566, date(2023, 6, 30)).detail("a1")
    assert [s.kpi["id"] for s in detail.kpis] == ["kpi-x"] and detail.unknown_kpis == ["kpi-y"]
