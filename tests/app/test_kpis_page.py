"""The KRA → KPI page shows the seed's 14 KPIs in 4 groups with gauges, trends and evidence, and follows the sheet."""

import json

from tests.app.conftest import assert_clean, page_text

PAGE = "pages/kpis.py"


def charts(at) -> dict[str, dict]:
    """The page's plotly figures by widget key (the key ends the element id)."""
    return {c.proto.id.split("-", 2)[2]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def counts(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_kpi_page_counts_14_kpis_6_met_5_not_met_3_without_reading(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    assert {k: counts(at)[k] for k in ("ตัวชี้วัดทั้งหมด", "บรรลุแล้ว", "ยังไม่บรรลุ", "ยังไม่มีผลการวัด")} == {
        "ตัวชี้วัดทั้งหมด": "14", "บรรลุแล้ว": "6", "ยังไม่บรรลุ": "5", "ยังไม่มีผลการวัด": "3"}


def test_kpi_page_has_a_summary_gauge_per_group_with_1_5_5_and_3_kpis(run_page, store):
    figures = charts(run_page(PAGE))
    titles = [figures[f"kpis_sum_{g}"]["data"][0]["title"]["text"]
              for g in ("office", "executives", "supervisors", "staff")]
    assert [t.split("บรรลุ ")[1].split(" ")[0] for t in titles] == ["0/1", "3/5", "2/5", "1/3"]


def test_kpi_page_shows_the_seed_matrix_and_a_gauge_and_trend_per_measured_kpi(run_page, store):
    at = run_page(PAGE)
    matrix = at.dataframe[0].value
    assert len(matrix) == 14 and list(matrix["group"]).count("ผู้บริหาร") == 5
    assert matrix.iloc[0]["kpi"] == "สำนักงานเขตพื้นที่การศึกษาผ่านเกณฑ์การประเมินคุณธรรมและความโปร่งใสระดับ AA"
    figures = charts(at)
    gauges = [k for k in figures if k.startswith("kpi_g_")]
    trends = [k for k in figures if k.startswith("kpi_t_")]
    assert len(gauges) == 9 and len(trends) == 8  # 2 yes/no and 3 unread KPIs have no dial
    exec_3 = figures[gauges[0]]["data"][0]
    assert exec_3["value"] == 83.33 and exec_3["delta"]["reference"] == 100 and exec_3["mode"] == "gauge+number+delta"
    staff_2 = figures[trends[-1]]
    assert staff_2["layout"]["xaxis"]["ticktext"] == ["20 ธ.ค. 2565", "28 ก.พ. 2566", "31 พ.ค. 2566", "23 มิ.ย. 2566"]


def test_qualitative_kpis_show_met_with_their_evidence(run_page, store):
    at = run_page(PAGE)
    assert {m.value for m in at.metric if m.label == "ผลล่าสุด"} == {"มี"}
    links = [b.proto.url for b in at.get("link_button")]
    assert "https://demo.sujarit.example/fy2566/evidence/ev-04.pdf" in links
    assert "ยังไม่มีผลการวัด: กรอกที่แท็บ «ผลการวัด KPI»" in page_text(at)


def test_the_group_filter_narrows_the_cards_and_the_matrix(run_page, store):
    at = run_page(PAGE)
    at.multiselect(key="kpis_groups").select("executives").run()
    assert_clean(at)
    assert list(at.dataframe[0].value["no"]) == ["1", "2", "3", "4", "5"]
    assert len([k for k in charts(at) if k.startswith("kpis_sum_")]) == 4


def test_a_new_reading_in_the_sheet_changes_the_counts_and_the_gauge(run_page, store):
    store.append("kpi_readings", [{"id": "rd-sup-5-1", "fiscal_year": "2566", "kpi_id": "kpi-sup-5",
                                   "value": "ร้อยละ ๑๐๐", "measured_on": "29/06/2566"}])
    store.update("kpi_readings", "rd-exec-4-3", {"value": "12"})
    at = run_page(PAGE)
    assert counts(at)["บรรลุแล้ว"] == "8" and counts(at)["ยังไม่มีผลการวัด"] == "2"
    assert 12 in [f["data"][0].get("value") for k, f in charts(at).items() if k.startswith("kpi_g_")]


def test_kpi_page_in_english(run_page, store):
    at = run_page(PAGE, "en")
    assert_clean(at)
    assert "Key result areas and KPIs" in page_text(at) and counts(at)["Met"] == "6"


def test_a_new_year_without_kpis_says_which_tabs_to_fill(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page(PAGE)
    assert_clean(at)
    assert "ยังไม่มีตัวชี้วัดของปีนี้: เพิ่มกลุ่มในแท็บ «KRA»" in page_text(at) and not at.get("plotly_chart")


def test_a_year_with_many_kpis_shows_them_twenty_a_page(run_page, store):
    store.append("kpis", [{"id": f"kpi-extra-{i}", "fiscal_year": "2566", "kra_id": "kra-staff", "no": f"9.{i}",
                           "kpi": f"ตัวชี้วัดเพิ่ม {i}", "measure_type": "จำนวน", "target": "10"} for i in range(1, 11)])
    at = run_page(PAGE)
    assert_clean(at)
    assert "แสดง 1–20 จาก 24 รายการ" in page_text(at) and "หน้า 1 จาก 2" in page_text(at)
    at.number_input(key="kpis_page").set_value(2).run()
    assert_clean(at)
    text = page_text(at)
    assert "แสดง 21–24 จาก 24 รายการ" in text and "ตัวชี้วัดเพิ่ม 10" in text
    assert "ตัวชี้วัดเพิ่ม 1**" not in text and counts(at)["ตัวชี้วัดทั้งหมด"] == "24"


def test_the_demo_year_fits_one_page_without_a_page_control(run_page, store):
    at = run_page(PAGE)
    assert not at.number_input and "หน้า 1 จาก" not in page_text(at)
