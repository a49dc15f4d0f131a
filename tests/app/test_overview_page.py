"""The Overview shows the seed's real figures, and follows the data when the sheet changes."""

from tests.app.conftest import assert_clean, page_text


def test_overview_shows_the_seed_allocation_and_planned_budget(run_page, store):
    at = run_page()
    assert_clean(at)
    text = page_text(at)
    assert "50,000 บาท" in text
    assert "ปีงบประมาณ พ.ศ. 2566" in text
    assert "30 มิ.ย. 2566" in text


def test_overview_counts_steps_per_stage_and_kpis_per_group(run_page, store):
    at = run_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["วิสัยทัศน์ (Vision)"] == "4/4 ขั้นตอน"
    assert metrics["เป้าหมายร่วม (KRA)"] == "3/3 ขั้นตอน"
    totals = [metrics[g].split("/")[1] for g in ("สำนักงานฯ", "ผู้บริหาร", "ศึกษานิเทศก์", "บุคลากร")]
    assert totals == ["1 ตัวชี้วัด", "5 ตัวชี้วัด", "5 ตัวชี้วัด", "3 ตัวชี้วัด"]


def test_overview_follows_a_changed_budget_and_step_status(run_page, store):
    store.update("activities", "act-5", {"budget": "๔๕,๐๐๐ บาท"})
    store.update("de_steps", "step-5.3", {"status": "เสร็จแล้ว"})
    at = run_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["ตามแผน"] == "55,000 บาท"
    done, total = metrics["สะท้อนผล (Reflection)"].split()[0].split("/")
    assert total == "3" and int(done) >= 1


def test_overview_in_english_uses_english_labels_and_ce_dates(run_page, store):
    at = run_page(lang="en")
    assert_clean(at)
    text = page_text(at)
    assert "Project overview" in text and "30 Jun 2023" in text and "฿50,000" in text


def test_new_fiscal_year_with_nothing_entered_shows_what_to_enter(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE",
                               "allocation": "50,000"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page()
    assert_clean(at)
    text = page_text(at)
    assert "ยังไม่มีขั้นตอน DE ของปีนี้" in text and "ยังไม่มีตัวชี้วัดของปีนี้" in text
