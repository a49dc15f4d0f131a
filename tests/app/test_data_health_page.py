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


def test_an_editor_fills_missing_ids_from_data_health(run_page, store):
    store.append("expenses", [{"id": "", "fiscal_year": "2566", "activity_id": "act-4", "spent_on": "1/6/2566",
                               "item": "ค่าป้าย", "amount": "500"}])
    at = run_page("pages/data_health.py")
    assert "มี 1 แถวที่ไม่มีรหัส" in page_text(at)
    at.button(key="fill_ids").click().run()
    assert_clean(at)
    rows = store.read_all().tabs["ค่าใช้จ่าย"].rows
    assert rows[-1][0].startswith("exp-") and rows[-1][4] == "ค่าป้าย"


def test_a_viewer_sees_the_missing_ids_but_no_button_to_fill_them(run_page, store):

    store.append("expenses", [{"id": "", "fiscal_year": "2566", "item": "ค่าป้าย", "amount": "500"}])
    at = run_page("pages/data_health.py", deployed=True)
    assert_clean(at)
    assert not [b for b in at.button if b.key == "fill_ids"]
    assert store.read_all().tabs["ค่าใช้จ่าย"].rows[-1][0] == ""


def test_filling_ids_is_written_to_the_audit_tab(run_page, store):
    from de_core.sheet.workbook import parse_workbook

    store.append("expenses", [{"id": "", "fiscal_year": "2566", "item": "ค่าป้าย", "amount": "500"}])
    at = run_page("pages/data_health.py")
    at.button(key="fill_ids").click().run()
    audit = parse_workbook(store.read_all()).rows("audit")
    new_id = store.read_all().tabs["ค่าใช้จ่าย"].rows[-1][0]
    assert [(r["action"], r["tab"], r["row_id"]) for r in audit] == [("fill_id", "expenses", new_id)]
