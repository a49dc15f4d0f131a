"""Report page: a preview of every section of the seed's report with its figures, .docx, PDF (when Chromium is on the
machine) and .html downloads, following changed data."""

import pytest

from de_core.documents.report import pdf as report_pdf
from tests.app.conftest import assert_clean, page_text


def _tables_text(at) -> str:
    return "\n".join(t.value.to_string() for t in at.table)


def _downloads(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_the_preview_shows_every_section_the_steps_the_kpis_and_the_budget(run_page, store):
    at = run_page("pages/report.py")
    assert_clean(at)
    text, tables = page_text(at), _tables_text(at)
    for heading in ("คำนำ", "1.1 เหตุผลที่เกิดจากแรงบันดาลใจ", "3.1 การออกแบบผลงาน/นวัตกรรม", "5. ปัจจัยความสำเร็จ",
                    "6. บทเรียนที่ได้รับ (Lesson Learned)", "8.2.2 แนวทางในการพัฒนาผลงาน/นวัตกรรมใหม่", "เอกสารอ้างอิง"):
        assert heading in text, heading
    assert text.index("คำนำ") < text.index("1.1 เหตุผล") < text.index("เอกสารอ้างอิง")
    assert "10,000 บาท" in tables and "40,000 บาท" in tables and "50,000 บาท" in tables
    assert "ตัวชี้วัดทั้งหมด 14 ตัว" in text and "ขั้นตอนทั้งหมด 16 ขั้นตอน ใน 5 ชั้น" in text
    assert "ชั้นสะท้อนผลการดำเนินกิจกรรม (Reflection)" in text  # the flowchart's last stage
    assert "ภาพประกอบ 2: ขั้นตอนการพัฒนาผลงานนวัตกรรม" in text


def test_the_downloads_are_offered_to_a_deployed_viewer_and_pdf_only_with_chromium(run_page, store, monkeypatch):
    monkeypatch.setattr(report_pdf, "find_chromium", lambda: None)
    at = run_page("pages/report.py", deployed=True)
    assert_clean(at)
    labels = _downloads(at)
    assert any(".docx" in label for label in labels) and any(".html" in label for label in labels)
    assert not any("PDF" in label for label in labels) and "apt-get install chromium" in page_text(at)


def test_the_pdf_download_is_offered_when_chromium_is_found(run_page, store, monkeypatch, tmp_path):
    monkeypatch.setattr(report_pdf, "find_chromium", lambda: tmp_path / "chromium")
    at = run_page("pages/report.py")
    assert_clean(at)
    assert "ดาวน์โหลด PDF" in _downloads(at) and "apt-get install chromium" not in page_text(at)


def test_the_report_follows_a_changed_budget_and_a_changed_section_text(run_page, store):
    store.update("activities", "act-5", {"budget": "๔๕,๐๐๐ บาท"})
    store.update("report_sections", "rs-8.1-01", {"text": "ข้อเสนอแนะที่แก้ไขแล้วในชีต"})
    at = run_page("pages/report.py")
    tables = _tables_text(at)
    assert "45,000 บาท" in tables and "55,000 บาท" in tables and "40,000 บาท" not in tables
    assert "ข้อเสนอแนะที่แก้ไขแล้วในชีต" in page_text(at)


def test_the_english_report_page(run_page, store):
    at = run_page("pages/report.py", "en")
    assert_clean(at)
    assert "฿50,000" in _tables_text(at) and "Best Practice report from the current data" in page_text(at)
    assert "6. Lessons learned" in page_text(at)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_init_workbook_s_report_shows_placeholders_not_errors(run_page, db_path, lang):
    from de_core.ops.setup import Office, init_embedded

    init_embedded(db_path, Office(office_name="สำนักงานเขตพื้นที่การศึกษาทดลอง"))
    at = run_page("pages/report.py", lang)
    assert_clean(at)
    text = page_text(at)
    assert ("ยังไม่มีเนื้อหา" if lang == "th" else "Nothing written yet") in text
    assert ("แท็บ «ขั้นตอน DE»" if lang == "th" else "«ขั้นตอน DE» tab") in text
    assert "ข้อมูลตัวอย่าง" not in text


def test_a_long_table_previews_thirty_rows_and_says_the_rest_are_in_the_files(run_page, store):
    store.append("kpis", [{"id": f"kpi-extra-{i}", "fiscal_year": "2566", "kra_id": "kra-staff", "no": f"9.{i}",
                           "kpi": f"ตัวชี้วัดเพิ่ม {i}", "measure_type": "จำนวน", "target": "10"} for i in range(1, 21)])
    at = run_page("pages/report.py")
    assert_clean(at)
    assert "และอีก 4 แถวในไฟล์ที่ดาวน์โหลด" in page_text(at)
