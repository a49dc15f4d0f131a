"""The product's plotly template and figures: Thai font, band colours, separators, Buddhist-Era date ticks."""

from decimal import Decimal

import plotly.io as pio

from de_core.cycle import charts as cycle_charts
from de_core.cycle.progress import KpiStatus, kpi_statuses
from de_core.display import charts
from de_core.ita import charts as ita_charts
from de_core.ita.score import Band, latest_ita


def _status(demo_wb, today, kpi_id: str) -> KpiStatus:
    return next(s for s in kpi_statuses(demo_wb, 2566, today) if s.kpi["id"] == kpi_id)


def test_the_template_is_registered_with_a_thai_font_first_and_thousands_separators():
    layout = pio.templates[charts.TEMPLATE_NAME].layout
    assert layout.font.family.startswith("Sarabun") and layout.separators == ".,"
    assert charts.figure().layout.template.layout.font.family == layout.font.family


def test_band_steps_follow_the_years_table_and_fall_back_to_the_default_colours():
    bands = [Band("AA", Decimal(95), "#1A9850"), Band("A", Decimal(85), ""), Band("B", Decimal(0), "red; x")]
    assert ita_charts.band_steps(bands) == [(0.0, 85.0, ita_charts.BAND_COLORS["B"]), (85.0, 95.0, ita_charts.BAND_COLORS["A"]),
                                        (95.0, 100.0, "#1A9850")]
    assert ita_charts.band_steps([]) == []


def test_the_ita_gauge_shows_86_17_against_95_in_seven_band_colours(demo_wb):
    fig = ita_charts.ita_gauge(latest_ita(demo_wb, 2566), Decimal(95), "th")  # FY2565: 2566 has no total yet
    gauge = fig.data[0]
    assert gauge.mode == "gauge+number" and gauge.value == 86.17  # the gap is said in words under it
    assert gauge.gauge.threshold.value == 95 and len(gauge.gauge.steps) == 7
    assert gauge.gauge.steps[-1].color == "#1A9850" and "ระดับ A" in gauge.title.text
    assert "ITA ปีงบประมาณ 2565" in gauge.title.text and fig.layout.template.layout.font.family


def test_a_trend_line_has_buddhist_era_ticks_in_thai_and_ce_ticks_in_english(demo_wb, today):
    status = _status(demo_wb, today, "kpi-staff-2")
    th = cycle_charts.trend_line(status, "th")
    assert list(th.layout.xaxis.ticktext) == ["20 ธ.ค. 2565", "28 ก.พ. 2566", "31 พ.ค. 2566", "23 มิ.ย. 2566"]
    assert [t.name for t in th.data] == ["ผลการวัด", "เป้าหมาย", "ค่าฐาน"]
    assert list(th.data[0].y) == [88, 91, 86, 89] and list(th.data[1].y) == [90, 90]
    assert cycle_charts.trend_line(status, "en").layout.xaxis.ticktext[0] == "20 Dec 2022"


def test_stage_bars_stack_done_late_in_progress_and_not_started_with_the_first_stage_on_top():
    fig = cycle_charts.stage_bars([("Vision", {"done": 4}), ("ACT", {"late": 1, "in_progress": 2})], "en")
    assert [t.name for t in fig.data] == ["done", "late", "in progress", "not started"]
    assert list(fig.data[0].y) == ["ACT", "Vision"] and list(fig.data[0].x) == [0, 4]
    assert list(fig.data[1].x) == [1, 0] and fig.data[1].marker.color == charts.STATUS_COLORS["late"]
    assert fig.layout.barmode == "stack"


def test_nice_max_rounds_up_to_a_readable_scale():
    assert [charts.nice_max(x) for x in (0, 4.2, 12.6, 99.75, 1100)] == [1.0, 5, 15, 100, 1200]


def test_only_hex_colours_from_the_sheet_reach_plotly():
    assert charts.safe_color(" #abc ", "x") == "#abc"
    assert [charts.safe_color(c, "d") for c in ("green", "#12345", None, "")] == ["d", "d", "d", "d"]


def test_the_generic_gauge_keeps_its_original_signature():
    fig = charts.gauge(42, title="t", maximum=50, target=40, reference=40, steps=[(0, 10, "#fff")], suffix="%",
                       height=200)
    assert fig.data[0].value == 42 and fig.layout.height == 200 and fig.data[0].gauge.threshold.value == 40


def test_enlarging_for_the_projector_scales_fonts_and_height_and_leaves_1_alone():
    fig = charts.gauge(50, title="x", height=200)
    assert charts.enlarge(fig, 1) is fig and fig.layout.height == 200
    big = charts.enlarge(charts.gauge(50, title="x", height=200), 1.5)
    assert big.layout.height == 300 and big.layout.font.size == 24 and big.data[0].title.font.size == 27
