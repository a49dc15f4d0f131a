"""The KRA → KPI view model: the seed's 14 KPIs in 4 groups, statuses, trend, evidence, filters, empty data."""

from datetime import date
from decimal import Decimal

from de_core.cycle.kpis import build_kpi_view, format_value, matrix_rows
from de_core.display.mdtext import md_escape
from tests.unit.directors_data import workbook_of

TODAY = date(2023, 11, 20)


def test_demo_has_14_kpis_in_4_groups_of_1_5_5_3(demo_wb, today):
    view = build_kpi_view(demo_wb, 2566, today)
    assert [(g.group, g.summary.total, len(g.cards)) for g in view.groups] == [
        ("office", 1, 1), ("executives", 5, 5), ("supervisors", 5, 5), ("staff", 3, 3)]
    assert view.total == 14 and [c.kpi["no"] for c in view.groups[1].cards] == ["1", "2", "3", "4", "5"]


def test_demo_counts_6_met_5_not_met_and_3_without_a_reading(demo_wb, today):
    view = build_kpi_view(demo_wb, 2566, today)
    assert view.counts == {"met": 6, "not_met": 5, "no_reading": 3, "no_target": 0}
    assert [g.summary.met for g in view.groups] == [0, 3, 2, 1]


def test_each_group_block_names_its_kra(demo_wb, today):
    view = build_kpi_view(demo_wb, 2566, today)
    assert [[k["id"] for k in g.kras] for g in view.groups] == [["kra-office"], ["kra-exec"], ["kra-sup"],
                                                                ["kra-staff"]]


def test_the_group_filter_narrows_the_cards_but_not_the_summaries(demo_wb, today):
    view = build_kpi_view(demo_wb, 2566, today, groups=["executives"])
    assert [len(g.cards) for g in view.groups] == [0, 5, 0, 0]
    assert [g.summary.total for g in view.groups] == [1, 5, 5, 3] and view.total == 14


def test_the_state_filter_keeps_the_kpis_without_a_reading(demo_wb, today):
    view = build_kpi_view(demo_wb, 2566, today, states=["no_reading"])
    assert [c.kpi["id"] for c in view.shown] == ["kpi-office-1", "kpi-sup-5", "kpi-staff-3"]


def test_kpis_with_several_readings_have_a_trend(demo_wb, today):
    trends = {c.kpi["id"] for c in build_kpi_view(demo_wb, 2566, today).shown if c.has_trend}
    assert {"kpi-staff-2", "kpi-exec-3", "kpi-exec-4", "kpi-sup-1", "kpi-sup-2"} <= trends
    assert "kpi-exec-5" not in trends and "kpi-sup-5" not in trends


def test_evidence_joins_the_evidence_tab_and_reading_links_without_repeats(demo_wb, today):
    cards = {c.kpi["id"]: c for c in build_kpi_view(demo_wb, 2566, today).shown}
    exec_4 = cards["kpi-exec-4"].evidence
    assert [e.url.rsplit("/", 1)[1] for e in exec_4] == ["ev-09.pdf"]
    assert exec_4[0].label("th") == "บันทึกการประชุมคณะกรรมการกลั่นกรองรายงานตัวชี้วัด ITA Online"
    exec_1 = cards["kpi-exec-1"].evidence
    assert [e.url.rsplit("/", 1)[1] for e in exec_1] == ["ev-04.pdf"]
    assert cards["kpi-sup-5"].evidence == []


def test_a_link_typed_only_on_a_reading_is_labelled_with_its_era_date():
    wb = workbook_of(kras=[{"id": "k", "group": "บุคลากร", "title": "ก"}],
                     kpis=[{"id": "p", "kra_id": "k", "kpi": "ข", "measure_type": "ร้อยละ", "target": "80%"}],
                     kpi_readings=[{"kpi_id": "p", "value": "85%", "measured_on": "1/11/2566",
                                    "evidence": "https://demo.sujarit.example/a.pdf"}])
    card = build_kpi_view(wb, 2567, TODAY).shown[0]
    assert [e.label("th") for e in card.evidence] == ["1 พ.ย. 2566"] and card.status.state == "met"
    assert [e.label("en") for e in card.evidence] == ["1 Nov 2023"]


def test_a_kpi_whose_kra_is_unknown_is_kept_in_a_block_without_a_group():
    wb = workbook_of(kpis=[{"id": "p", "kra_id": "nope", "kpi": "ข", "measure_type": "นับครั้ง", "target": "3"}])
    view = build_kpi_view(wb, 2567, TODAY)
    assert view.groups[-1].group is None and [c.kpi["id"] for c in view.groups[-1].cards] == ["p"]
    assert view.counts["no_reading"] == 1


def test_a_new_year_with_nothing_entered_has_four_empty_groups():
    view = build_kpi_view(workbook_of(settings=[{"office_name": "สพม."}]), 2567, TODAY)
    assert view.total == 0 and view.shown == [] and [g.summary.total for g in view.groups] == [0, 0, 0, 0]


def test_values_read_as_people_write_them():
    assert format_value(Decimal(1), {"measure_type": "yesno"}, "th") == "มี"
    assert format_value(Decimal(0), {"measure_type": "yesno"}, "en") == "no"
    assert format_value(Decimal("83.33"), {"measure_type": "percent"}) == "83.33%"
    assert format_value(Decimal(8), {"measure_type": "count", "unit": "ครั้ง"}) == "8 ครั้ง"
    assert format_value(Decimal(12500), {"measure_type": "number"}) == "12,500"
    assert format_value(None, {"measure_type": "number"}) == "–"


def test_the_matrix_has_one_row_per_kpi_with_the_seeds_columns(demo_wb, today):
    rows = matrix_rows(demo_wb, build_kpi_view(demo_wb, 2566, today), "th")
    assert len(rows) == 14 and [r["group"] for r in rows[:2]] == ["สำนักงานฯ", "ผู้บริหาร"]
    office = rows[0]
    assert (office["target"], office["actual"], office["state"]) == ("95 คะแนน", "–", "ยังไม่มีผลการวัด")
    assert office["expected"] == "ผล ITA ขึ้น อยู่ในระดับร้อยละ ๙๕ ขึ้นไป" and office["evidence_types"] == "โครงการ, แผน"


def test_sheet_text_is_escaped_for_markdown():
    assert md_escape("**bold** [x](javascript:y) :red[z] <b>") == (
        r"\*\*bold\*\* \[x\]\(javascript\:y\) \:red\[z\] \<b\>")


def test_each_kpi_gets_only_its_own_evidence_rows_in_sheet_order_then_its_reading_links_newest_first():
    url = "https://demo.sujarit.example/{}.pdf".format
    wb = workbook_of(
        kras=[{"id": "k", "group": "บุคลากร", "title": "ก"}],
        kpis=[{"id": p, "kra_id": "k", "kpi": p, "measure_type": "นับครั้ง", "target": "3"} for p in ("p1", "p2")],
        evidence=[{"kpi_id": "p2", "url": url("e1"), "title": "E1"}, {"kpi_id": "p1", "url": url("e2"), "title": "E2"},
                  {"kpi_id": "p1", "title": "no link"}, {"url": url("e3"), "title": "no KPI"},
                  {"kpi_id": "p1", "url": url("e4")}, {"kpi_id": "p1", "url": url("e2"), "title": "again"},
                  {"kpi_id": "p1", "url": url("e5"), "fiscal_year": "2566"}],
        kpi_readings=[{"kpi_id": "p1", "value": "1", "measured_on": "1/11/2566", "evidence": url("e6")},
                      {"kpi_id": "p1", "value": "2", "measured_on": "15/11/2566",
                       "evidence": f"{url('e4')} {url('e7')}"}])
    cards = {c.kpi["id"]: c for c in build_kpi_view(wb, 2567, TODAY).shown}
    assert [(e.url[-6:-4], e.title, e.on) for e in cards["p1"].evidence] == [
        ("e2", "E2", None), ("e4", "", None), ("e7", "", date(2023, 11, 15)), ("e6", "", date(2023, 11, 1))]
    assert [(e.url[-6:-4], e.title) for e in cards["p2"].evidence] == [("e1", "E1")]


def test_kpi_cards_come_in_pages_that_keep_their_group_headings_and_order(demo_wb):
    from datetime import date

    from de_core.cycle.kpis import build_kpi_view

    view = build_kpi_view(demo_wb, 2566, date(2023, 6, 30))
    shown = view.shown
    first, blocks = view.card_page(1, size=5)
    assert (first.pages, first.first, first.last, first.total) == (3, 1, 5, 14)
    second, blocks = view.card_page(2, size=5)
    assert [c for b in blocks for c in b.cards] == shown[5:10]
    assert [b.group for b in blocks] == [b.group for b in view.groups if any(c in shown[5:10] for c in b.cards)]
    assert all(b.kras == next(g.kras for g in view.groups if g.group == b.group) for b in blocks)
    last, blocks = view.card_page(99, size=5)
    assert last.number == 3 and [c for b in blocks for c in b.cards] == shown[10:]
    whole, blocks = view.card_page(1)
    assert whole.pages == 1 and [c for b in blocks for c in b.cards] == shown
