"""Figures: the Gantt on Buddhist-Era months with an as-of line, quarter bars, budget bars, burn and heatmap."""

from datetime import date

from de_core.activities.budget import budget_view
from de_core.activities.charts import (
    budget_chart,
    burn_chart,
    coverage_heatmap,
    gantt,
    month_ticks,
    quarter_chart,
)
from de_core.activities.coverage import coverage
from de_core.activities.quarters import quarter_spread
from de_core.activities.timeline import build_timeline
from de_core.activities.view import activities_view
from de_core.display.charts import RED, STATUS_COLORS
from tests.unit.activity_fixtures import activity, workbook_of

AS_OF = date(2023, 6, 30)


def test_month_ticks_run_october_to_september_in_buddhist_era():
    vals, text = month_ticks(2566, "th")
    assert text[0] == "ต.ค.<br>2565" and text[1] == "พ.ย." and text[3] == "ม.ค.<br>2566" and text[-1] == "ก.ย."
    assert vals[0].date() == date(2022, 10, 1) and len(vals) == 12
    assert month_ticks(2566, "en")[1][0] == "Oct<br>2022"


def test_demo_gantt_has_a_bar_per_activity_coloured_by_status_and_an_as_of_shape(demo_wb, schema):
    view = activities_view(demo_wb, 2566, AS_OF)
    fig = gantt(view.timeline.rows, 2566, AS_OF, schema, "th")
    planned = [t for t in fig.data if t.name != "ดำเนินการจริง"]
    assert sum(len(t.y) for t in planned) == 19
    late = next(t for t in planned if t.name == "ล่าช้า")
    assert list(late.y) == [view.choices["act-5-05"]] and late.marker.color == STATUS_COLORS["late"]
    assert [s.type for s in fig.layout.shapes] == ["line"] and str(fig.layout.shapes[0].x0) == "2023-06-30"
    assert fig.layout.shapes[0].line.color == RED
    assert fig.layout.xaxis.ticktext[0] == "ต.ค.<br>2565"
    assert fig.layout.yaxis.categoryarray[-1].startswith("1 ") and fig.layout.yaxis.autorange is None  # 1 on top
    actual = next(t for t in fig.data if t.name == "ดำเนินการจริง")
    assert len(actual.y) == 15


def test_gantt_hover_names_kpis_and_tags_and_escapes_sheet_text(schema):
    wb = workbook_of(activities=[activity("a1", "ม.ค. 2566", title="<b>ประชุม</b>", kpi_ids="kpi-1",
                                          characteristics="มีวินัย", declarations="การป้องกัน")])
    fig = gantt(build_timeline(wb, 2566, AS_OF).rows, 2566, AS_OF, schema, "en")
    hover = fig.data[0].customdata[0][0]
    assert "&lt;b&gt;ประชุม&lt;/b&gt;" in hover and "kpi-1" in hover and "Discipline" in hover and "Prevent" in hover


def test_gantt_skips_undated_rows_and_survives_having_none(schema):
    wb = workbook_of(activities=[activity("a1", ""), activity("a2", "ก.พ. 2566")])
    fig = gantt(build_timeline(wb, 2566, AS_OF).rows, 2566, AS_OF, schema, "th")
    assert [list(t.y) for t in fig.data] == [["2 กิจกรรม a2"]]
    empty = gantt([], 2566, AS_OF, schema, "th")
    assert len(empty.layout.shapes) == 1


def test_no_as_of_line_when_the_date_lies_outside_the_year(demo_wb, schema):
    fig = gantt(build_timeline(demo_wb, 2566, date(2024, 1, 1)).rows, 2566, date(2024, 1, 1), schema, "th")
    assert len(fig.layout.shapes) == 0


def test_quarter_chart_paints_a_crowded_quarter_red_and_labels_a_gap():
    wb = workbook_of(activities=[activity("a1", "ก.ค. - ก.ย. 2566", "900"), activity("a2", "ต.ค. 2565")])
    fig = quarter_chart(quarter_spread(wb.rows("activities", 2566), 2566), "th")
    months, money = fig.data
    assert list(months.y) == [1, 0, 0, 3] and months.marker.color[3] == RED and months.text[1] == "ไม่มีกิจกรรม"
    assert money.text[3] == "900 บาท" and money.marker.color[3] == RED


def test_budget_bars_say_no_budget_and_burn_stops_at_the_as_of_month(demo_wb):
    view = budget_view(demo_wb, 2566, AS_OF)
    bars = budget_chart(view.summary, "th")
    assert list(bars.data[0].text) == ["ไม่ใช้งบประมาณ"] * 3 + ["10,000 บาท", "40,000 บาท", "ไม่ใช้งบประมาณ"]
    assert bars.data[1].text[4] == "29,190 บาท"
    burn = burn_chart(view.burn, 2566, AS_OF, view.summary.allocation, "th")
    planned, spent = burn.data
    assert len(planned.x) == 12 and len(spent.x) == 9 and spent.y[-1] == 35610
    assert {s.type for s in burn.layout.shapes} == {"line"} and len(burn.layout.shapes) == 2


def test_coverage_heatmap_marks_the_demo_gap(demo_wb, schema):
    fig = coverage_heatmap(coverage(demo_wb, 2566), schema, "th")
    heat = fig.data[0]
    assert list(heat.y)[3] == "อยู่อย่างพอเพียง" and list(heat.x)[2] == "การสร้างเครือข่าย"
    assert heat.z[3][2] == 0 and heat.text[3][2].startswith("ช่องว่าง")


def test_coverage_heatmap_counts_the_harvested_outcomes_in_each_cell(demo_wb, schema):
    heat = coverage_heatmap(coverage(demo_wb, 2566), schema, "en").data[0]
    assert heat.text[3][2] == "gap · 0 reflections<br>1 outcome"  # out-03, in the one gap
    assert heat.text[1][0].endswith("<br>2 outcomes") and "outcome" not in heat.text[0][0]
