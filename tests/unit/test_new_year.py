"""Next fiscal year from the last, planned from the sheet's own text: what is carried, how dates move on in the
digits they were written with, how links follow the new rows, and repeatable ids."""

from __future__ import annotations

import pytest

from de_core.ops.demo import demo_workbook
from de_core.ops.new_year import carried_id, keyed_rows, plan_new_year, shift_years
from de_core.sheet.parse import parse_month_range
from de_core.sheet.raw import RawTab
from de_core.sheet.schema import load_schema
from de_core.thaidate import fiscal_year_of


@pytest.mark.parametrize("before, after", [
    ("พ.ค.- ส.ค. ๒๕๖๖", "พ.ค.- ส.ค. ๒๕๖๗"),
    ("พ.ย. - ธ.ค. ๒๕๖๕", "พ.ย. - ธ.ค. ๒๕๖๖"),
    ("ก.ย.๒๕๖๖", "ก.ย.๒๕๖๗"),
    ("02/11/2565", "02/11/2566"),
    ("๑๐/๑๐/๒๕๖๕", "๑๐/๑๐/๒๕๖๖"),
    ("31 ต.ค. 2565", "31 ต.ค. 2566"),
    ("15 พ.ค. 66", "15 พ.ค. 67"),
    ("ก.ย. ๖๖", "ก.ย. ๖๗"),
    ("2023-05-15", "2024-05-15"),
    ("29/02/2567", "28/02/2568"),  # 2568 BE (2025) has no 29 February
    ("", ""),
])
def test_a_date_or_period_moves_on_a_year_in_the_digits_it_was_written_with(before, after):
    assert shift_years(before, 1) == after


def test_numbers_that_are_not_years_stay_as_they_are():
    assert shift_years("งวดที่ 12 จำนวน 2 ครั้ง", 1) == "งวดที่ 12 จำนวน 2 ครั้ง"


@pytest.mark.parametrize("source, new", [
    ("fy-2566", "fy-2567"), ("oit-2566-O01", "oit-2567-O01"), ("kpi-exec-2", "kpi-exec-2-y2567"),
    ("step-1.10", "step-1.10-y2567"), ("kpi-exec-2-y2566", "kpi-exec-2-y2567"),
    ("kpi-2566abcd25660000", "kpi-2566abcd25660000-y2567"),  # a uuid's digits are not a year
])
def test_carried_ids_are_repeatable_and_readable(source, new):
    assert carried_id(source, 2566, 2567) == new
    assert carried_id(source, 2566, 2567) == carried_id(source, 2566, 2567)


@pytest.fixture(scope="module")
def plan():
    return plan_new_year(demo_workbook(), 2566, 2567)


def test_the_demo_carries_its_whole_plan_and_nothing_of_what_happened(plan):
    counts = {key: len(rows) for key, rows in plan.rows.items()}
    assert counts["kpis"] == 14 and counts["de_steps"] == 16 and counts["kras"] == 4
    assert counts["settings"] == 1 and counts["objectives"] == 3 and counts["oit_items"] == 43
    assert not {"kpi_readings", "expenses", "reflections", "evidence", "ita_scores", "audit"} & plan.rows.keys()
    assert plan.uncurrent == ["fy-2566"]


def test_every_row_is_in_the_new_year_and_every_step_and_oit_item_starts_afresh(plan):
    for rows in plan.rows.values():
        assert all(r["fiscal_year"] in ("2567", "๒๕๖๗") for r in rows)
    assert {r["status"] for r in plan.rows["de_steps"]} == {"ยังไม่เริ่ม"}
    assert not any(r["done_on"] or r["evidence"] for r in plan.rows["de_steps"])
    assert {r["status"] for r in plan.rows["oit_items"]} == {"ยังไม่เริ่ม"}
    assert not any(r["url"] for r in plan.rows["oit_items"])


def test_every_activity_is_planned_in_the_new_fiscal_year_with_its_budget_as_plan(plan):
    source = {r["id"]: r for r in keyed_rows(demo_workbook(), load_schema().tab("activities"))}
    for row in plan.rows["activities"]:
        assert row["status"] == "ตามแผน" and not row["actual_start"] and not row["actual_end"]
        old = source[row["id"].removesuffix("-y2567")]
        assert row["budget"] == old["budget"]
        if row["period"]:
            start, end = parse_month_range(row["period"])
            assert fiscal_year_of(start) == fiscal_year_of(end) == 2567, row["period"]


def test_links_point_at_the_new_rows(plan):
    new_kpis = {r["id"] for r in plan.rows["kpis"]}
    new_kras = {r["id"] for r in plan.rows["kras"]}
    new_acts = {r["id"] for r in plan.rows["activities"]}
    assert all(r["kra_id"] in new_kras for r in plan.rows["kpis"])
    for row in plan.rows["activities"]:
        linked = [x.strip() for x in row["kpi_ids"].split(",") if x.strip()]
        assert set(linked) <= new_kpis, row["kpi_ids"]
        assert not row["parent_id"] or row["parent_id"] in new_acts


def test_a_kpi_s_baseline_is_last_year_s_latest_reading_and_its_target_is_kept(plan):
    exec_4 = next(r for r in plan.rows["kpis"] if r["id"] == "kpi-exec-4-y2567")
    assert exec_4["baseline"] == "๘"  # the reading of ๓๐ มิ.ย. ๒๕๖๖, later than 5 of 31 มี.ค. 2566
    assert exec_4["target"] == "12"


def test_the_new_settings_row_is_the_current_year_with_the_office_s_own_words(plan):
    (row,) = plan.rows["settings"]
    assert row["id"] == "fy-2567" and row["is_current"] == "TRUE" and not row["as_of"]
    assert row["office_name"].startswith("สำนักงานเขตพื้นที่การศึกษา") and row["allocation"] == "๕๐,๐๐๐ บาท"


def test_rows_already_in_the_new_year_are_not_planned_again():
    raw = demo_workbook()
    first = plan_new_year(raw, 2566, 2567)
    kpis = raw.tabs["ตัวชี้วัด KPI"]
    header = kpis.header
    for row in first.rows["kpis"][:5]:
        kpis.rows.append([row.get(key, "") for key in load_schema().tab("kpis").column_keys][: len(header)])
    again = plan_new_year(raw, 2566, 2567)
    assert len(again.rows["kpis"]) == 9 and again.already["kpis"] == 5


def test_a_year_without_a_settings_row_or_going_backwards_is_refused_with_a_reason():
    assert plan_new_year(demo_workbook(), 2570, 2571).problems
    assert "ต้องมากกว่า" in plan_new_year(demo_workbook(), 2566, 2566).problems[0][0]
    assert not plan_new_year(demo_workbook(), 2566, 2566).rows


def test_a_missing_tab_is_simply_empty():
    raw = demo_workbook()
    del raw.tabs["ตัวชี้วัด KPI"]
    plan = plan_new_year(raw, 2566, 2567)
    assert "kpis" not in plan.rows and len(plan.rows["de_steps"]) == 16
    assert isinstance(raw.tabs["ขั้นตอน DE"], RawTab)


def test_the_oit_checklist_is_the_new_year_s_own_when_the_app_ships_its_frame(tmp_path, monkeypatch):
    from de_core.ita import frames

    (tmp_path / "2567.toml").write_text(
        'fiscal_year = 2567\nrules = []\n\n[weights]\niit = 30\neit = 30\noit = 40\n\n'
        '[[oit_items]]\ncode = "O1"\ntitle = "โครงสร้าง"\ngroup = "9.1 ข้อมูลพื้นฐาน"\n\n'
        '[[oit_items]]\ncode = "O2"\ntitle = "ข้อมูลผู้บริหาร"\ngroup = "9.1 ข้อมูลพื้นฐาน"\n', encoding="utf-8")
    monkeypatch.setattr(frames, "FRAMES_DIR", tmp_path)
    plan = plan_new_year(demo_workbook(), 2566, 2567)
    assert [(r["id"], r["code"], r["status"]) for r in plan.rows["oit_items"]] == [
        ("oit-2567-O1", "O1", "ยังไม่เริ่ม"), ("oit-2567-O2", "O2", "ยังไม่เริ่ม")]


def test_the_adaptations_still_open_go_on_into_the_new_year_linked_to_its_rows(plan):
    carried = {r["id"]: r for r in plan.rows["adaptations"]}
    assert sorted(carried) == ["adp-04-y2567", "adp-05-y2567", "adp-07-y2567", "adp-08-y2567"]  # not done or dropped
    spread = carried["adp-05-y2567"]  # "next year's plan spreads the activities": proposed, still to do
    assert spread["status"] == "เสนอ" and spread["activity_id"] == "act-5-y2567"
    assert spread["proposed_on"] == "04/05/2566", "proposed when it was"
    assert spread["note"] == "ยกมาจากปีงบประมาณ 2566 · ตัวอย่าง (demo)"
    training = carried["adp-08-y2567"]
    assert training["kpi_ids"] == "kpi-staff-2-y2567, kpi-staff-3-y2567"
    assert training["due_on"] == "" and training["reflection_id"] == "", "the reflection stays in its own year"


def test_the_carried_adaptations_raise_nothing_on_data_health():
    from de_core.cycle.loop_checks import loop_issues
    from de_core.sheet.workbook import parse_workbook

    raw = demo_workbook()
    plan = plan_new_year(raw, 2566, 2567)
    schema = load_schema()
    for key, rows in plan.rows.items():
        tab = raw.tabs[schema.tab(key).th]
        keys = schema.tab(key).column_keys
        tab.rows += [[r.get(k, "") for k in keys] for r in rows]
    assert loop_issues(parse_workbook(raw)) == []
