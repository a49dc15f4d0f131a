"""Harvested outcomes as people read them (issue #19): newest first, dates in the Buddhist Era, tags, the activity
and the KPIs named instead of their ids, and cards whose sheet text stays text."""

from __future__ import annotations

from de_core.cycle.outcomes import outcome_rows, outcomes, outcomes_html
from tests.unit.activity_fixtures import workbook_of
from tests.unit.itadata import demo_with


def test_the_demo_years_outcomes_come_newest_first(demo_wb):
    assert [r["id"] for r in outcomes(demo_wb, 2566)] == ["out-03", "out-02", "out-01"]
    assert outcomes(demo_wb, 2567) == []


def test_an_outcome_row_names_its_date_tags_activity_and_kpis_as_people_read_them(demo_wb):
    row = next(r for r in outcome_rows(demo_wb, 2566) if r.record["id"] == "out-02")
    assert row.when == "26 พ.ค. 2566"
    assert row.actor == "ผู้บริหาร ศึกษานิเทศก์ และบุคลากรในสังกัด"
    assert row.place == "ประชุมเชิงปฏิบัติการจัดทำรายงาน O1–O43"
    assert row.tags == ["มีวินัย", "จิตสาธารณะ", "การปลูกฝัง"]
    assert row.activity.startswith("5.3 ประชุมเชิงปฏิบัติการ") and "act-5-03" not in row.activity
    assert row.kpis == ["บุคลากร 2 · ร่วมกิจกรรมตามที่ได้รับมอบหมายทุกกิจกรรมอย่างต่อเนื่อง"]
    assert [k for k, _ in row.texts] == ["significance", "contribution", "substantiation"]
    assert row.substantiated_by == "ผู้อำนวยการกลุ่มนโยบายและแผน"


def test_outcome_rows_speak_english_with_ce_dates(demo_wb):
    row = outcome_rows(demo_wb, 2566, "en")[0]
    assert (row.when, row.tags) == ("28 Jun 2023", ["Sufficiency", "Build networks"])
    assert row.kpis == [] and row.evidence == []


def test_an_unknown_activity_or_kpi_shows_its_id_and_an_undated_outcome_comes_last():
    wb = workbook_of(outcomes=[
        {"id": "o1", "actor": "ครู", "change": "เปลี่ยน", "activity_id": "act-x", "kpi_ids": "kpi-x"},
        {"id": "o2", "observed_on": "1/3/2566", "actor": "ผู้ปกครอง", "change": "มาร่วม"},
    ])
    rows = outcome_rows(wb, 2566)
    assert [r.record["id"] for r in rows] == ["o2", "o1"]
    assert (rows[1].when, rows[1].activity, rows[1].kpis) == ("–", "act-x", ["kpi-x"])


def test_outcome_cards_show_sheet_text_escaped_and_link_only_safe_urls():
    wb = demo_with(edits={"outcomes": {"out-01": {"actor": "<b>ครู</b> & **ผู้ปกครอง**",
                                                  "evidence": "https://x.example.go.th/a.pdf"}}})
    body = outcomes_html(outcome_rows(wb, 2566), "th")
    assert "&lt;b&gt;ครู&lt;/b&gt; &amp; **ผู้ปกครอง**" in body and "<b>ครู" not in body
    assert 'href="https://x.example.go.th/a.pdf"' in body
    assert body.count('class="sj-card"') == 3
    assert outcomes_html([], "th") == ""
