"""The KRA → KPI page shows the seed's 14 KPIs in 4 groups as bullet graphs (one line each), with trends and
evidence, and follows the sheet."""

import json
import re

from de_core.sheet.workbook import parse_workbook
from tests.app.conftest import assert_clean, page_text
from tests.app.htmlblocks import bullets, read, tables

PAGE = "pages/kpis.py"


def charts(at) -> dict[str, dict]:
    """The page's plotly figures by widget key (the key ends the element id)."""
    return {c.proto.id.split("-", 2)[2]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def counts(at) -> dict[str, str]:
    """The page's counts (HTML figures: label over value)."""
    found = {}
    for h in at.get("html"):
        found.update(re.findall(r'sj-fig-label">([^<]*)</div><div class="sj-fig-value">([^<]*)<', h.proto.body))
    return found


def test_kpi_page_counts_14_kpis_6_met_5_not_met_3_without_reading(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    assert {k: counts(at)[k] for k in ("ตัวชี้วัดทั้งหมด", "บรรลุแล้ว", "ยังไม่บรรลุ", "ยังไม่มีผลการวัด")} == {
        "ตัวชี้วัดทั้งหมด": "14", "บรรลุแล้ว": "6", "ยังไม่บรรลุ": "5", "ยังไม่มีผลการวัด": "3"}


def matrix(at) -> list[list[str]]:
    (found,) = [t for t in tables(at) if t and t[0][:2] == ["กลุ่ม", "ข้อ"]]
    return found


def kpi_lines(at) -> list:
    """The bullet graphs of single KPIs (their labels begin with the KPI's number), in page order."""
    return [b for b in read(at).bullets if b.label[:1].isdigit()]


def test_kpi_page_has_a_bullet_graph_per_group_with_1_5_5_and_3_kpis(run_page, store):
    seen = bullets(run_page(PAGE))
    assert [seen[g].value for g in ("สำนักงานฯ", "ผู้บริหาร", "ศึกษานิเทศก์", "บุคลากร")] == [
        "0/1 (0%)", "3/5 (60%)", "2/5 (40%)", "1/3 (33%)"]


def test_kpi_page_shows_the_seed_matrix_and_a_bullet_per_kpi_and_a_trend_per_measured_kpi(run_page, store):
    at = run_page(PAGE)
    rows = matrix(at)[1:]
    assert len(rows) == 14 and [r[0] for r in rows].count("ผู้บริหาร") == 5 and not at.dataframe
    assert rows[0][2] == "สำนักงานเขตพื้นที่การศึกษาผ่านเกณฑ์การประเมินคุณธรรมและความโปร่งใสระดับ AA"
    lines = kpi_lines(at)
    assert len(lines) == 14 and not [k for k in charts(at) if k.startswith("kpi_g_")]  # no gauges for a row of KPIs
    exec_3 = next(b for b in lines if b.label.startswith("3. มีการแต่งตั้งคณะกรรมการ"))
    assert exec_3.value == "83.33% · เป้า 100%" and exec_3.bar == 83.33 and exec_3.mark == 100 and exec_3.tone == "warn"
    trends = [k for k in charts(at) if k.startswith("kpi_t_")]
    assert len(trends) == 8
    staff_2 = charts(at)[trends[-1]]
    assert staff_2["layout"]["xaxis"]["ticktext"] == ["20 ธ.ค. 2565", "28 ก.พ. 2566", "31 พ.ค. 2566", "23 มิ.ย. 2566"]


def test_qualitative_kpis_show_met_with_their_evidence(run_page, store):
    at = run_page(PAGE)
    yes = [b for b in kpi_lines(at) if b.value == "มี"]
    assert len(yes) == 2 and all(b.bar == 100 and b.tone == "good" for b in yes) and yes[0].note == "วัดเมื่อ 16 พ.ย. 2565"
    links = "".join(h.proto.body for h in at.get("html"))
    assert 'href="https://demo.sujarit.example/fy2566/evidence/ev-04.pdf"' in links
    assert "ยังไม่มีผลการวัด: กรอกที่แท็บ «ผลการวัด KPI»" in page_text(at)


def test_the_group_filter_narrows_the_cards_and_the_matrix(run_page, store):
    at = run_page(PAGE)
    at.multiselect(key="kpis_groups").select("executives").run()
    assert_clean(at)
    assert [r[1] for r in matrix(at)[1:]] == ["1", "2", "3", "4", "5"]
    assert len([b for b in bullets(at) if not b[:1].isdigit()]) == 4  # the groups' summary still shows all four


def test_a_new_reading_in_the_sheet_changes_the_counts_and_the_gauge(run_page, store):
    store.append("kpi_readings", [{"id": "rd-sup-5-1", "fiscal_year": "2566", "kpi_id": "kpi-sup-5",
                                   "value": "ร้อยละ ๑๐๐", "measured_on": "29/06/2566"}])
    store.update("kpi_readings", "rd-exec-4-3", {"value": "12"})
    at = run_page(PAGE)
    assert counts(at)["บรรลุแล้ว"] == "8" and counts(at)["ยังไม่มีผลการวัด"] == "2"
    assert "12 ครั้ง · เป้า 12 ครั้ง" in [b.value for b in kpi_lines(at)]


def test_kpi_page_in_english(run_page, store):
    at = run_page(PAGE, "en")
    assert_clean(at)
    assert "Key result areas and KPIs" in page_text(at) and counts(at)["Met"] == "6"


def test_a_new_year_without_kpis_says_which_tabs_to_fill(run_page, store):
    store.append("settings", [{"id": "fy-2567", "fiscal_year": "2567", "office_name": "สพม.", "is_current": "TRUE"}])
    store.update("settings", "fy-2566", {"is_current": "FALSE"})
    at = run_page(PAGE)
    assert_clean(at)
    assert "ยังไม่มีตัวชี้วัดของปีนี้: เพิ่มกลุ่มในแท็บ «KRA»" in page_text(at) and not bullets(at)


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


def test_kpi_sup_4_trend_marks_adp_03_and_lists_it_under_the_chart(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    sup4 = next(k for k in parse_workbook(store.read_all()).rows("kpis") if k["id"] == "kpi-sup-4")
    fig = charts(at)[f"kpi_t_{sup4['_row']}"]
    assert [s["x0"] for s in fig["layout"]["shapes"]] == ["2023-04-28"]
    (mark,) = [d for d in fig["data"] if d.get("name") == "ปรับเปลี่ยนแล้ว"]
    assert mark["customdata"][0].startswith("ปรับเมื่อ 28 เม.ย. 2566: ปรับเป็นนิเทศแบบกลุ่มโรงเรียนใกล้เคียง")
    (column,) = [c for c in at.columns if any(f"kpi_t_{sup4['_row']}" in e.proto.id for e in c.get("plotly_chart"))]
    assert [e.value.replace("\\", "") for e in column.caption] == [  # under its chart, in the same column
        "ปรับเมื่อ 28 เม.ย. 2566: ปรับเป็นนิเทศแบบกลุ่มโรงเรียนใกล้เคียง นัดหมายล่วงหน้ากับผู้บริหารสถานศึกษา "
        "และกระจายรอบนิเทศบางส่วนไปไตรมาส ๔"]
    text = page_text(at)
    assert "ปรับเมื่อ 25 พ.ย. 2565: กำหนดผู้รับผิดชอบรายข้อ OIT" in text  # kpi-office-1: no trend, still listed
