"""Bullet graphs: one line per KPI, KRA group, DE stage and the budget, with its bar, target mark and ranges."""

from datetime import date
from decimal import Decimal

from de_core.activities.budget import BudgetPace, BudgetSummary
from de_core.activities.tables import budget_bullet
from de_core.cycle.bullets import group_bullet, kpi_bullet, stage_bullet
from de_core.cycle.progress import GroupSummary, KpiStatus, StageProgress, kpi_statuses
from de_core.display.bullets import Bullet, bullet_html


def _status(wb, today, kpi_id: str) -> KpiStatus:
    return next(s for s in kpi_statuses(wb, 2566, today) if s.kpi["id"] == kpi_id)


def test_a_count_kpi_runs_to_a_round_scale_with_its_target_marked(demo_wb, today):
    b = kpi_bullet(_status(demo_wb, today, "kpi-exec-4"), "th")
    assert (b.actual, b.target, b.maximum) == (8, 12, 15) and b.tone == "warn"
    assert b.value == "8 ครั้ง · เป้า 12 ครั้ง" and b.label.startswith("4. ")


def test_a_percent_kpi_runs_to_100_with_poor_fair_good_ranges_from_its_baseline_and_target(demo_wb, today):
    b = kpi_bullet(_status(demo_wb, today, "kpi-sup-1"), "en")
    assert b.maximum == 100 and b.bands == (40.0, 100.0) and b.tone == "good" and b.value.endswith("target 100%")
    html = bullet_html(b)
    assert html.count("sj-b-band") == 2 and "#cfd8dc" in html  # below the baseline the darkest range


def test_a_yes_no_kpi_is_a_full_bar_for_yes_and_an_unread_kpi_has_no_bar(demo_wb, today):
    yes = kpi_bullet(_status(demo_wb, today, "kpi-exec-1"), "th")
    assert (yes.actual, yes.maximum, yes.value, yes.tone) == (1, 1, "มี", "good")
    unread = kpi_bullet(_status(demo_wb, today, "kpi-office-1"), "th")
    assert unread.actual is None and unread.value == "ยังไม่มีผลการวัด" and "sj-b-bar" not in bullet_html(unread)


def test_lower_is_better_puts_the_good_range_first():
    status = KpiStatus({"direction": "lower", "target": Decimal(5), "baseline": Decimal(9), "measure_type": "count",
                        "no": "1", "kpi": "<b>x</b>"}, [{"value": Decimal(7), "_row": 2, "measured_on": date(2023, 5, 1)}])
    b = kpi_bullet(status, "en")
    assert b.reverse and b.bands == (9.0, 5.0) and b.tone == "warn"
    html = bullet_html(b)
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>" not in html  # sheet text stays text
    shades = [part.split("background:")[1][:7] for part in html.split('class="sj-b-band"')[1:]]
    assert shades == ["#f1f4f5", "#e0e6e9", "#cfd8dc"]  # 0–5 good (light) … 9– poor (dark)


def test_a_group_is_its_share_met_against_all_met_and_says_how_many_are_measured():
    b = group_bullet(GroupSummary("executives", met=3, total=5, measured=4), "en")
    assert (b.label, b.value, b.actual, b.target, b.note) == ("Executives", "3/5 (60%)", 60, 100, "4 measured")
    assert group_bullet(GroupSummary("office"), "th").actual is None


def test_a_stage_is_its_steps_done_against_the_steps_due_by_now_with_late_steps_in_red():
    b = stage_bullet(StageProgress("act", done=0, total=3, late=1, due=1), "en")
    assert (b.value, b.actual, b.target, b.maximum, b.note, b.note_tone) == ("0/3 steps", 0, 1, 3, "1 step late", "bad")
    assert stage_bullet(StageProgress("vision", done=4, total=4, due=4), "th").tone == "good"


def test_the_budget_is_spent_against_the_plan_to_date_amber_when_ahead_red_over_the_allocation():
    summary = BudgetSummary(Decimal(50000))
    summary.unplanned = [{"amount": Decimal(35610)}]
    b = budget_bullet(summary, BudgetPace((2023, 6), Decimal(26250), Decimal(35610)), "th")
    assert (b.actual, b.target, b.maximum, b.tone) == (35610, 26250, 50000, "warn")
    assert b.value == "35,610 บาท จาก 50,000 บาท (71%)" and b.note == "แผนสะสมถึงสิ้น มิ.ย. 2566: 26,250 บาท"
    summary.unplanned = [{"amount": Decimal(60000)}]
    assert budget_bullet(summary, None, "en").tone == "bad" and budget_bullet(summary, None, "en").target is None


def test_positions_stay_inside_the_track():
    html = bullet_html(Bullet("x", "y", actual=150, maximum=100, target=-5))
    assert 'style="width:100.0%"' in html and 'style="left:0.0%"' in html
