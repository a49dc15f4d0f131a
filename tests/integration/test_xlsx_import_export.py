"""Export the workbook as .xlsx and import it back: merge by id, unknown columns kept, bad cells reported."""

from __future__ import annotations

from openpyxl import load_workbook

from de_core.documents.importer import apply_import, plan_import
from de_core.documents.xlsx import read_xlsx, write_xlsx
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook
from de_core.writing.actor import LOCAL_EDITOR
from de_core.writing.writer import Writer


def test_export_then_import_of_the_demo_changes_nothing(sqlite_factory, demo_raw):
    store = sqlite_factory(demo_raw)
    data = write_xlsx(store.read_all())
    plan = plan_import(store.read_all(), read_xlsx(data))
    assert plan.changes == 0
    assert sum(tp.unchanged for tp in plan.tabs) > 50 or not demo_raw.tabs["กิจกรรม"].rows[1:]


def test_exported_formula_looking_text_stays_text_in_the_xlsx(sqlite_factory):
    store = sqlite_factory()
    store.append("expenses", [{"id": "e1", "item": "=HYPERLINK(\"http://x\")", "amount": "001"}])
    book = load_workbook(__import__("io").BytesIO(write_xlsx(store.read_all())))
    sheet = book["ค่าใช้จ่าย"]
    assert sheet["E2"].value == "=HYPERLINK(\"http://x\")" and sheet["E2"].data_type == "s"
    assert sheet["F2"].value == "001"


def test_import_updates_existing_ids_appends_new_ones_and_fills_missing_ids(sqlite_factory, schema):
    header = schema.tab("expenses").headers("th")
    base = RawWorkbook()
    base.add(RawTab("ค่าใช้จ่าย", [header, ["e1", "2566", "act-4", "1/5/2566", "ค่าอาหาร", "100"]]))
    store = sqlite_factory(base)
    incoming = RawWorkbook()
    incoming.add(RawTab("ค่าใช้จ่าย", [
        [*header, "ผู้อนุมัติ"],
        ["e1", "2566", "act-4", "1/5/2566", "ค่าอาหาร", "150", "", "", "รองผอ."],
        ["e2", "2566", "act-5", "2/5/2566", "ค่าถ่ายเอกสาร", "๓๐๐ บาท"],
        ["", "2566", "act-5", "3/5/2566", "ค่าป้ายไวนิล", "abc"],
    ]))
    incoming.add(RawTab("แท็บอื่น", [["x"]]))
    plan = plan_import(store.read_all(), incoming, make_id=lambda key: "exp-new")
    tp = plan.tabs[0]
    assert [u[0] for u in tp.updates] == ["e1"] and tp.updates[0][1] == {"amount": "150", "ผู้อนุมัติ": "รองผอ."}
    assert [r["id"] for r in tp.appends] == ["e2", "exp-new"] and tp.ids_filled == 1
    assert tp.new_columns == ["ผู้อนุมัติ"] and plan.ignored_tabs == ["แท็บอื่น"]
    assert [(i.address, i.raw) for i in plan.issues] == [("F4", "abc")]
    assert apply_import(Writer(store, LOCAL_EDITOR), plan) == 3
    after = store.read_all().tabs["ค่าใช้จ่าย"]
    assert after.header[-1] == "ผู้อนุมัติ"
    wb = parse_workbook(store.read_all())
    rows = wb.by_id("expenses")
    assert rows["e1"]["amount"] == 150 and rows["e1"]["extra"] == {"ผู้อนุมัติ": "รองผอ."}
    assert rows["e2"]["amount"] == 300
    assert any(i.raw == "abc" and i.address == "F4" for i in wb.issues)
    audit = [(r["action"], r["row_id"]) for r in wb.rows("audit")]
    assert sorted(audit, key=str) == [("add_columns", None), ("append", "e2"), ("append", "exp-new"), ("update", "e1")]


def test_a_viewer_import_is_refused_before_anything_is_written(sqlite_factory, schema):
    import pytest

    from de_core.store import PermissionDenied
    from de_core.writing.actor import VIEWER

    store = sqlite_factory()
    incoming = RawWorkbook()
    incoming.add(RawTab("ค่าใช้จ่าย", [schema.tab("expenses").headers("th"), ["e9", "2566", "act-4"]]))
    plan = plan_import(store.read_all(), incoming)
    with pytest.raises(PermissionDenied):
        apply_import(Writer(store, VIEWER), plan)
    assert len(store.read_all().tabs["ค่าใช้จ่าย"].rows) == 1


def test_a_file_that_is_not_xlsx_gets_a_clear_message():
    import pytest

    with pytest.raises(ValueError, match="xlsx"):
        read_xlsx(b"not a workbook")
