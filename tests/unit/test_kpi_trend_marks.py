"""A KPI's trend marks the dates when adaptations touching it were done (issue #19), so a director sees whether the
line moved after them; the card lists them under the chart even without a trend."""

from __future__ import annotations

from de_core.cycle import charts
from de_core.cycle.kpis import build_kpi_view
from tests.unit.itadata import demo_with


def _cards(wb, today):
    return {c.kpi["id"]: c for c in build_kpi_view(wb, 2566, today).shown}


def _marks(fig) -> list:
    return [t for t in fig.data if t.name in ("ปรับเปลี่ยนแล้ว", "Adaptation done")]


def test_kpi_sup_4_trend_has_a_dashed_line_and_a_marker_on_28_april_2566_when_adp_03_was_done(demo_wb, today):
    card = _cards(demo_wb, today)["kpi-sup-4"]
    assert [a["id"] for a in card.adaptations] == ["adp-03"] and card.has_trend
    fig = charts.trend_line(card.status, "th", adaptations=card.adaptations)
    (shape,) = fig.layout.shapes
    assert (str(shape.x0), str(shape.x1), shape.line.dash, shape.yref) == ("2023-04-28", "2023-04-28", "dash", "paper")
    (mark,) = _marks(fig)
    assert [str(x) for x in mark.x] == ["2023-04-28"]
    assert mark.customdata[0].startswith("ปรับเมื่อ 28 เม.ย. 2566: ปรับเป็นนิเทศแบบกลุ่มโรงเรียนใกล้เคียง")
    assert card.adaptation_lines("th")[0] == mark.customdata[0]


def test_kpi_office_1_lists_adp_01_and_adp_06_by_done_date_though_it_has_no_trend(demo_wb, today):
    card = _cards(demo_wb, today)["kpi-office-1"]
    assert [a["id"] for a in card.adaptations] == ["adp-01", "adp-06"] and not card.has_trend
    lines = card.adaptation_lines("en")
    assert lines[0].startswith("Adapted on 25 Nov 2022: ") and lines[1].startswith("Adapted on 9 Jun 2023: ")
    assert [str(d) for _, d in card.marks] == ["2022-11-25", "2023-06-09"]


def test_a_kpi_with_several_adaptations_gets_a_line_each_and_kpis_without_any_get_none(demo_wb, today):
    cards = _cards(demo_wb, today)
    staff = cards["kpi-staff-2"]
    fig = charts.trend_line(staff.status, "en", adaptations=staff.adaptations)
    assert [str(s.x0) for s in fig.layout.shapes] == ["2023-06-09"]
    assert _marks(fig)[0].y[0] >= max(fig.data[0].y)  # the marker sits at the top of what is drawn
    plain = charts.trend_line(cards["kpi-sup-1"].status, "en", adaptations=cards["kpi-sup-1"].adaptations)
    assert not plain.layout.shapes and not _marks(plain) and cards["kpi-sup-1"].adaptation_lines() == []


def test_an_adaptation_not_yet_done_or_done_after_the_as_of_date_is_not_marked(today):
    wb = demo_with(edits={"adaptations": {"adp-03": {"done_on": "15/07/2566"}}})
    assert _cards(wb, today)["kpi-sup-4"].adaptations == []
    wb = demo_with(edits={"adaptations": {"adp-03": {"status": "กำลังดำเนินการ", "done_on": ""}}})
    assert _cards(wb, today)["kpi-sup-4"].adaptations == []


def test_a_decision_typed_as_html_is_escaped_in_the_hover_and_long_ones_are_cut(today):
    wb = demo_with(edits={"adaptations": {"adp-03": {"decision": "<a href='x'>คลิก</a> " + "ก" * 400}}})
    card = _cards(wb, today)["kpi-sup-4"]
    hover = _marks(charts.trend_line(card.status, "th", adaptations=card.adaptations))[0].customdata[0]
    assert "<a" not in hover and "&lt;a href='x'&gt;" in hover
    assert card.adaptation_lines()[0].endswith("…") and len(card.adaptation_lines()[0]) < 200
