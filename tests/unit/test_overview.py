"""The Overview's view model: the demo's real figures, a new year with nothing entered, partial data."""

from datetime import date
from decimal import Decimal

from de_core.summary.glance import loop_figures
from de_core.summary.overview import build_overview, due_rows, latest_reflections
from tests.unit.directors_data import workbook_of

TODAY = date(2023, 11, 20)


def test_demo_overview_has_the_seed_budget_the_ita_a_band_and_the_step_and_kpi_counts(demo_wb, today):
    view = build_overview(demo_wb, 2566, today)
    assert (view.steps_done, view.steps_total, view.kpis_met, view.kpis_total) == (10, 16, 6, 14)
    assert view.ita is None and view.ita_gap is None and view.ita_target == 95  # no IIT, EIT yet on 30 มิ.ย. 2566
    assert view.ita_previous.fiscal_year == 2565 and view.ita_previous.total == Decimal("86.17")
    assert (view.budget.allocation, view.budget.planned, view.budget.spent) == (50000, 50000, Decimal(35610))
    assert round(view.budget_used_share, 4) == 0.7122


def test_demo_overview_lists_the_late_items_with_the_late_adaptation_and_one_due_in_june(demo_wb, today):
    view = build_overview(demo_wb, 2566, today)
    assert [d.record["id"] for d in view.late] == ["step-4.3", "act-5-05", "adp-04"]
    assert [d.record["id"] for d in view.due_this_month] == ["adp-07"]  # in progress, due 30 มิ.ย. 2566


def test_demo_overview_shows_the_three_newest_reflections_newest_first(demo_wb, today):
    view = build_overview(demo_wb, 2566, today)
    assert [r["id"] for r in view.reflections] == ["ref-08", "ref-07", "ref-06"]


def test_a_new_year_with_only_its_settings_row_is_empty_and_offers_last_years_ita(demo_wb, today):
    demo_wb.records["settings"].append({"_row": 3, "id": "fy-2567", "fiscal_year": 2567, "office_name": "สพม.",
                                        "allocation": Decimal(50000), "ita_target": None})
    view = build_overview(demo_wb, 2567, today)
    assert view.steps_total == 0 and view.kpis_total == 0 and view.due == [] and view.reflections == []
    assert view.ita is None and view.ita_previous.fiscal_year == 2565 and view.ita_previous.total == Decimal("86.17")
    assert view.budget.spent == 0 and view.budget_used_share == 0.0 and view.ita_target == 95


def test_no_fiscal_year_at_all_gives_an_empty_overview_not_an_error():
    view = build_overview(workbook_of(), None, TODAY)
    assert view.fiscal_year is None and view.ita is None and view.ita_previous is None
    assert view.steps_total == 0 and view.budget_used_share is None and view.as_of == TODAY


def test_ita_scores_without_weights_in_the_sheet_use_the_nearest_shipped_frame():
    wb = workbook_of(settings=[{"office_name": "สพม."}], ita_scores=[{"iit": "90", "eit": "80", "oit": "100"}])
    ita = build_overview(wb, 2567, TODAY).ita
    assert ita.total == Decimal("91.00") and ita.frame.borrowed_from == 2566  # 30 × 90 + 30 × 80 + 40 × 100


def test_a_year_target_from_settings_drives_the_gap(demo_wb, today):
    demo_wb.rows("settings", 2566)[0]["ita_target"] = Decimal(90)
    demo_wb.rows("ita_scores", 2566)[0].update(iit=Decimal("93.12"), eit=Decimal("90.45"), oit=Decimal(96))  # 93.47
    view = build_overview(demo_wb, 2566, today)
    assert view.ita_gap == 0


def test_due_rows_say_how_late_in_thai_and_english_with_era_dates(demo_wb, today):
    view = build_overview(demo_wb, 2566, today)
    th, en = due_rows(view.due, "th"), due_rows(view.due, "en")
    assert th[0] | {"title": ""} == {"kind": "ขั้นตอน DE", "no": "4.3", "title": "", "late": True,
                                     "owner": "ศึกษานิเทศก์ผู้รับผิดชอบโครงการ", "due": "15 มิ.ย. 2566",
                                     "state": "ล่าช้า 15 วัน"}
    assert (en[1]["kind"], en[1]["no"], en[1]["due"], en[1]["state"]) == ("Activity", "5.5", "23 Jun 2023",
                                                                          "7 days late")


def test_the_newest_reflections_put_the_lower_row_first_on_the_same_day_and_undated_ones_last():
    dates = {"r1": "1/6/2567", "r2": "1/6/2567", "r3": "", "r4": "2/6/2567", "r5": "1/6/2567"}
    wb = workbook_of(reflections=[{"id": k, "written_on": d, "what": k} for k, d in dates.items()])
    assert [r["id"] for r in build_overview(wb, 2567, TODAY).reflections] == ["r4", "r5", "r2"]
    assert [r["id"] for r in latest_reflections(wb, 2567, 10)] == ["r4", "r5", "r2", "r1", "r3"]
    assert latest_reflections(wb, 2567, 0) == [] and latest_reflections(wb, 2566) == []


def test_the_overview_shows_the_ten_longest_late_items_and_counts_the_rest():
    from tests.unit.directors_data import step

    wb = workbook_of(de_steps=[step(f"4.{i}", "act", "กำลังดำเนินการ", f"{i}/10/2566") for i in range(1, 14)])
    view = build_overview(wb, 2567, TODAY)
    assert len(view.due) == 13 and view.due_hidden == 3
    assert [d.number for d in view.due_shown] == [f"4.{i}" for i in range(1, 11)]  # the longest late first
    assert view.due_shown[0].days_late > view.due_shown[-1].days_late


def test_a_short_late_list_is_shown_whole_with_nothing_hidden(demo_wb, today):
    view = build_overview(demo_wb, 2566, today)
    assert view.due_shown == view.due and view.due_hidden == 0


def test_demo_overview_counts_the_de_loop_open_late_done_and_reflections_adapted(demo_wb, today):
    view = build_overview(demo_wb, 2566, today)
    assert (view.loop.open, view.loop.late, view.loop.by_status["done"]) == (4, 1, 4)
    assert loop_figures(view, "th") == [("กำลังปรับ", "4"), ("ปรับล่าช้า", "1"), ("ปรับแล้วปีนี้", "4"),
                                        ("สะท้อนผลที่นำไปปรับ", "7 จาก 8")]
    assert loop_figures(view, "en")[3] == ("Reflections adapted", "7 of 8")


def test_a_year_without_adaptations_or_answered_reflections_shows_no_loop_line():
    view = build_overview(workbook_of(), 2566, TODAY)
    assert view.loop is not None and view.loop.total == 0 and loop_figures(view) == []
