"""ITA maths: half-up totals, bands from each year's table, weights from the sheet, the minimum OIT for AA."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from de_core.ita.score import (
    Band,
    band_for,
    headroom,
    ita_year,
    ita_years,
    latest_ita,
    min_score_needed,
    round2,
    tool_scores,
    weighted_total,
)
from tests.unit.itadata import band_rows, demo_with, scored_demo, scores_row, weight_rows

D = Decimal
NACC = [Band("AA", D(95)), Band("A", D(85)), Band("B", D(75)), Band("C", D(65)), Band("D", D(55)),
        Band("E", D(50)), Band("F", D(0))]
W = {"iit": D(30), "eit": D(30), "oit": D(40)}


@pytest.mark.parametrize(("total", "level"), [
    ("100", "AA"), ("95.00", "AA"), ("94.99", "A"), ("85.00", "A"), ("84.99", "B"), ("75", "B"), ("74.99", "C"),
    ("65", "C"), ("64.99", "D"), ("55", "D"), ("54.99", "E"), ("50", "E"), ("49.99", "F"), ("0", "F"),
    ("94.995", "AA"), ("94.9949", "A"),
])
def test_band_boundaries_are_inclusive_lower_bounds_after_half_up_rounding(total, level):
    assert band_for(D(total), NACC).level == level


def test_band_is_none_without_a_total_or_a_table_or_below_the_lowest_bound():
    assert band_for(None, NACC) is None
    assert band_for(D(97), []) is None
    assert band_for(D(40), [Band("AA", D(95)), Band("A", D(85))]) is None


def test_round2_is_half_up_not_bankers_rounding():
    assert round2(D("94.995")) == D("95.00") and round2(D("86.165")) == D("86.17") and round2(D("0.125")) == D("0.13")


def test_weighted_total_is_the_weighted_sum_rounded_half_up():
    assert weighted_total({"iit": D("93.12"), "eit": D("90.45"), "oit": D("96.00")}, W) == D("93.47")
    assert weighted_total({"iit": D("88.40"), "eit": D("86.15"), "oit": D("84.50")}, W) == D("86.17")
    # 28.5 + 28.485 + 38.01 = 94.995 exactly → 95.00; 27.015 + 27 + 36.01 = 90.025 → 90.03 (banker's: 90.02)
    assert weighted_total({"iit": D("95.00"), "eit": D("94.95"), "oit": D("95.025")}, W) == D("95.00")
    assert weighted_total({"iit": D("90.05"), "eit": D("90.00"), "oit": D("90.025")}, W) == D("90.03")


def test_weighted_total_needs_every_weighted_tool_and_weights():
    assert weighted_total({"iit": D(90), "eit": None, "oit": D(90)}, W) is None
    assert weighted_total({"iit": D(90), "eit": D(90), "oit": D(90)}, {}) is None


def test_entered_tool_scores_win_and_indicator_means_fill_a_blank_tool():
    row = {"iit": D("93.12"), "eit": None, "oit": None, "i1": D(1), "i2": D(1), "i3": D(1), "i4": D(1), "i5": D(1),
           "i6": D(90), "i7": D(91), "i8": D("92.5"), "i9": D(97)}
    assert tool_scores(row) == {"iit": D("93.12"), "eit": D("91.17"), "oit": None}


def test_demo_years_give_the_readme_totals_bands_and_gap(demo_wb):
    fy66, fy65 = ita_year(demo_wb, 2566), ita_year(demo_wb, 2565)
    assert (fy66.total, fy66.band, fy66.gap()) == (None, None, None)  # as of 30 มิ.ย. 2566: no IIT or EIT yet
    assert fy66.scores == {"iit": None, "eit": None, "oit": D("83.72")}  # the OIT the checklist projects
    assert (fy65.total, fy65.band.level, fy65.national_average) == (D("86.17"), "A", D("87.57"))
    assert fy66.weights == W and fy66.indicators["i9"] is None
    assert ita_years(demo_wb) == [2565, 2566]


def test_weights_come_from_the_sheet_of_that_year():
    wb = scored_demo({"ita_weights": {"w-2566-iit": {"weight": "20%"}, "w-2566-oit": {"weight": "50%"}}})
    assert ita_year(wb, 2566).total == D("93.76")  # 0.2×93.12 + 0.3×90.45 + 0.5×96 = 93.759
    assert ita_year(wb, 2565).total == D("86.17")


def test_weights_that_do_not_sum_to_100_leave_the_scores_but_no_total():
    year = ita_year(scored_demo({"ita_weights": {"w-2566-oit": {"weight": "30%"}}}), 2566)
    assert not year.weights_ok and year.total is None and year.band is None
    assert year.scores["oit"] == D("96.00") and year.gap() is None


def test_a_tool_weighted_twice_keeps_its_first_row():
    wb = demo_with(appends={"ita_weights": [{"id": "w-extra", "fiscal_year": "2566", "tool": "IIT", "weight": "50"}]})
    assert ita_year(wb, 2566).weights["iit"] == D(30)


def test_each_year_is_banded_with_its_own_table():
    table_2568 = [("AA", "97"), ("A", "90"), ("F", "0")]
    wb = demo_with(appends={"ita_scores": [scores_row(2568, "96", "96", "96")], "ita_weights": weight_rows(2568),
                            "ita_bands": band_rows(2568, table_2568)})
    assert ita_year(wb, 2568).band.level == "A"
    assert band_for(D(96), ita_year(wb, 2566).bands).level == "AA"


def test_official_total_difference_is_official_minus_computed():
    year = ita_year(scored_demo({"ita_scores": {"ita-2566": {"official_total": "93.60"}}}), 2566)
    assert year.official_diff == D("0.13")
    assert ita_year(scored_demo(), 2566).official_diff is None


def test_a_score_out_of_range_is_dropped_and_the_indicator_mean_takes_over():
    wb = scored_demo({"ita_scores": {"ita-2566": {"oit": "105"}}})
    assert any(i.tab_key == "ita_scores" and i.column == "oit" for i in wb.issues)
    assert ita_year(wb, 2566).total == D("93.47")  # OIT = mean(97.50, 94.50) = 96.00


def test_latest_ita_skips_years_after_the_selected_one_and_years_without_a_total():
    wb = demo_with(appends={"ita_scores": [scores_row(2567, "99")]})
    assert latest_ita(wb, 2567).fiscal_year == 2565  # neither 2567 nor 2566 (no IIT, EIT yet) has a total
    assert latest_ita(wb, 2565).fiscal_year == 2565
    assert latest_ita(wb, 2564) is None


def test_headroom_is_weight_times_what_is_left_of_100():
    assert headroom(D("90.45"), D(30)) == D("2.87") and headroom(D("96"), D(40)) == D("1.60")
    assert headroom(None, D(30)) is None


def test_minimum_oit_for_aa_on_the_demo_reaches_95_and_one_cent_less_does_not():
    scores = {"iit": D("93.12"), "eit": D("90.45"), "oit": D("96.00")}
    needed = min_score_needed(D(95), scores, W)
    assert (needed.state, needed.score) == ("needed", D("99.81"))
    assert weighted_total({**scores, "oit": D("99.81")}, W) == D("95.00")
    assert weighted_total({**scores, "oit": D("99.80")}, W) == D("94.99")


def test_minimum_oit_is_unreachable_above_100_and_reached_when_zero_is_enough():
    low = min_score_needed(D(95), {"iit": D("88.40"), "eit": D("86.15")}, W)
    assert low.state == "unreachable" and low.score == D("106.58")
    assert min_score_needed(D(95), {"iit": D(100), "eit": D(95)}, {"iit": D(50), "eit": D(50), "oit": D(0)}).state \
        == "unknown"
    high = min_score_needed(D(60), {"iit": D(100), "eit": D(100)}, W)
    assert high.state == "reached" and high.score == D(0)


def test_exactly_100_is_still_reachable():
    scores = {"iit": D("91.66"), "eit": D("91.66")}  # 0.3 × 183.32 = 54.996: OIT 99.9975 → 100.00
    needed = min_score_needed(D(95), scores, W)
    assert needed.state == "needed" and needed.score == D("100.00")
    assert weighted_total({**scores, "oit": D("99.99")}, W) == D("94.99")


def test_minimum_oit_is_unknown_without_the_other_scores_or_with_bad_weights():
    assert min_score_needed(D(95), {"iit": D(90), "eit": None}, W).state == "unknown"
    assert min_score_needed(D(95), {"iit": D(90), "eit": D(90)}, {**W, "oit": D(30)}).state == "unknown"


def test_minimum_oit_is_the_true_minimum_for_many_scores_and_weights():
    rng = random.Random(2566)
    for _ in range(2000):
        wi, we = rng.randint(10, 45), rng.randint(10, 45)
        weights = {"iit": D(wi), "eit": D(we), "oit": D(100 - wi - we)}
        scores = {"iit": D(rng.randint(6000, 10000)) / 100, "eit": D(rng.randint(6000, 10000)) / 100}
        target = D(rng.choice(["95", "85", "90.5"]))
        needed = min_score_needed(target, scores, weights)
        if needed.state != "needed":
            continue
        assert weighted_total({**scores, "oit": needed.score}, weights) >= target
        assert weighted_total({**scores, "oit": needed.score - D("0.01")}, weights) < target
