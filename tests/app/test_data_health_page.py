"""Data health names every bad cell by tab and address, with the typed value and a hint."""

from tests.app.conftest import assert_clean, page_text


def test_demo_data_is_healthy(run_page, store):
    at = run_page("pages/data_health.py")
    assert_clean(at)
    assert "ไม่พบปัญหาในข้อมูล" in page_text(at)


def test_a_bad_cell_typed_in_the_sheet_is_listed_with_its_address(run_page, store):
    store.update("activities", "act-4", {"budget": "หนึ่งหมื่น"})
    at = run_page("pages/data_health.py")
    assert_clean(at)
    table = at.dataframe[0].value
    row = table[table["ค่าที่พิมพ์"] == "หนึ่งหมื่น"].iloc[0]
    assert row["แท็บ"] == "กิจกรรม" and row["ช่อง"].startswith("M")
    assert row["วิธีแก้"]


def test_overview_still_opens_with_a_bad_cell_and_points_to_data_health(run_page, store):
    store.update("activities", "act-4", {"budget": "หนึ่งหมื่น"})
    at = run_page()
    assert_clean(at)
    assert "สุขภาพข้อมูล" in page_text(at)
