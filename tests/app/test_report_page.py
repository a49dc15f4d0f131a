"""Report page: a preview with the seed's figures, .docx and .html downloads, following changed data."""

from tests.app.conftest import assert_clean, page_text


def _tables_text(at) -> str:
    return "\n".join(t.value.to_string() for t in at.table)


def test_the_preview_shows_the_seed_budget_and_the_14_kpis(run_page, store):
    at = run_page("pages/report.py")
    assert_clean(at)
    tables = _tables_text(at)
    assert "10,000 บาท" in tables and "40,000 บาท" in tables and "50,000 บาท" in tables
    assert len(at.table[0].value) == 14
    assert "ตัวชี้วัดทั้งหมด 14 ตัว" in page_text(at)


def test_both_downloads_are_offered_to_a_deployed_viewer(run_page, store):
    at = run_page("pages/report.py", deployed=True)
    assert_clean(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert any(".docx" in label for label in labels) and any(".html" in label for label in labels)


def test_the_report_follows_a_changed_budget(run_page, store):
    store.update("activities", "act-5", {"budget": "๔๕,๐๐๐ บาท"})
    at = run_page("pages/report.py")
    tables = _tables_text(at)
    assert "45,000 บาท" in tables and "55,000 บาท" in tables and "40,000 บาท" not in tables


def test_the_english_report_page(run_page, store):
    at = run_page("pages/report.py", "en")
    assert_clean(at)
    assert "฿50,000" in _tables_text(at) and "Best Practice report from the current data" in page_text(at)



def test_a_long_table_previews_thirty_rows_and_says_the_rest_are_in_the_files(run_page, store):
    store.append("kpis", [{"id": f"kpi-extra-{i}", "fiscal_year": "2566", "kra_id": "kra-staff", "no": f"9.{i}",
                           "kpi": f"ตัวชี้วัดเพิ่ม {i}", "measure_type": "จำนวน", "target": "10"} for i in range(1, 21)])
    at = run_page("pages/report.py")
    assert_clean(at)
    assert len(at.table[0].value) == 30
    assert "และอีก 4 แถวในไฟล์ที่ดาวน์โหลด" in page_text(at)
