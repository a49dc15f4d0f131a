"""Activity results: mark an activity started/done, record an expense and a KPI reading; screens follow at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.app.conftest import assert_clean, page_text
from tests.app.formfill import records
from tests.app.htmlblocks import after_field, bullets

PAGE = "pages/results.py"


def by_id(store, tab: str) -> dict[str, dict]:
    return {r["id"]: r for r in records(store, tab)}


def test_the_page_opens_on_the_first_activity_with_its_current_status(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    assert "ตอนนี้: เสร็จแล้ว · เริ่มจริง 3 ต.ค. 2565 · เสร็จจริง 28 ต.ค. 2565" in page_text(at)


def test_marking_an_activity_done_updates_that_row_only_and_audits_it(run_page, store):
    before = by_id(store, "activities")
    at = run_page(PAGE)
    at.selectbox(key="result.activity").set_value("act-5-07").run()
    form = "result.act-5-07"
    assert at.radio(key=f"{form}.status").value == "planned"
    at.radio(key=f"{form}.status").set_value("done")
    at.selectbox(key=f"{form}.actual_start").set_value(date(2023, 7, 3))
    at.selectbox(key=f"{form}.actual_end").set_value(date(2023, 7, 4))
    at.button(key=f"{form}._submit").click().run()
    assert_clean(at)
    after = by_id(store, "activities")
    row = after["act-5-07"]
    assert (row["status"], row["actual_start"], row["actual_end"]) == ("done", date(2023, 7, 3), date(2023, 7, 4))
    assert row["title"] == before["act-5-07"]["title"] and row["budget"] == before["act-5-07"]["budget"]
    assert {k: v for k, v in after.items() if k != "act-5-07"} == {k: v for k, v in before.items() if k != "act-5-07"}
    (audit,) = [a for a in records(store, "audit") if a["row_id"] == "act-5-07"]
    assert audit["action"] == "update" and "ตามแผน" in audit["before"] and "เสร็จแล้ว" in audit["after"]
    assert "ตอนนี้: เสร็จแล้ว · เริ่มจริง 3 ก.ค. 2566 · เสร็จจริง 4 ก.ค. 2566" in page_text(at)


def test_done_without_an_end_date_is_refused_and_changes_nothing(run_page, store):
    at = run_page(PAGE)
    at.selectbox(key="result.activity").set_value("act-5-07").run()
    at.radio(key="result.act-5-07.status").set_value("done")
    at.button(key="result.act-5-07._submit").click().run()
    assert "กิจกรรมที่เริ่มแล้วต้องมีวันที่เริ่มจริง" in page_text(at)
    assert by_id(store, "activities")["act-5-07"]["status"] == "planned"


def test_an_expense_is_appended_and_the_overview_spends_it_at_once(run_page, store):
    spent = sum(r["amount"] for r in records(store, "expenses"))
    at = run_page(PAGE)
    at.selectbox(key="expense.activity_id").set_value("act-5")
    at.selectbox(key="expense.spent_on").set_value(date(2023, 6, 20))
    at.text_input(key="expense.amount").set_value("๑,๒๕๐ บาท")
    at.text_input(key="expense.item").set_value("=SUM(A1:A3) ค่าวัสดุ")
    at.button(key="expense._submit").click().run()
    assert_clean(at)
    (row,) = [r for r in records(store, "expenses") if r["item"] == "=SUM(A1:A3) ค่าวัสดุ"]
    assert (row["activity_id"], row["spent_on"], row["amount"], row["fiscal_year"]) == (
        "act-5", date(2023, 6, 20), Decimal(1250), 2566)
    at.switch_page("pages/overview.py").run()
    assert bullets(at)["ใช้จริง"].value.startswith(f"{spent + 1250:,.0f} บาท จาก 50,000 บาท")


def test_a_kpi_reading_is_appended_with_its_date_and_evidence(run_page, store):
    at = run_page(PAGE)
    at.selectbox(key="reading.kpi_id").set_value("kpi-sup-1")
    at.text_input(key="reading.value").set_value("๘๕%")
    at.text_area(key="reading.evidence").set_value("https://www.example.go.th/report.pdf")
    at.button(key="reading._submit").click().run()
    assert_clean(at)
    (row,) = [r for r in records(store, "kpi_readings") if r["kpi_id"] == "kpi-sup-1" and r["value"] == 85]
    assert row["measured_on"] == date(2023, 6, 30) and row["evidence"] == ["https://www.example.go.th/report.pdf"]
    assert [a["tab"] for a in records(store, "audit")] == ["kpi_readings"]


def test_a_reading_that_is_not_a_number_is_refused_with_a_thai_message(run_page, store):
    before = len(records(store, "kpi_readings"))
    at = run_page(PAGE)
    at.selectbox(key="reading.kpi_id").set_value("kpi-sup-1")
    at.text_input(key="reading.value").set_value("ดีมาก")
    at.button(key="reading._submit").click().run()
    assert "กรุณาแก้ 1 ช่อง: «ค่าที่วัดได้ เช่น 80, 80% หรือ ใช่/ไม่ใช่»" in page_text(at)  # named as labelled
    assert after_field(at, "reading.value").startswith("«ค่าที่วัดได้ เช่น 80, 80% หรือ ใช่/ไม่ใช่»: อ่านเป็นตัวเลข")
    assert at.text_input(key="reading.value").value == "ดีมาก"
    assert len(records(store, "kpi_readings")) == before


def test_the_results_page_in_english(run_page, store):
    at = run_page(PAGE, lang="en")
    assert_clean(at)
    assert "Record activity results" in page_text(at) and "Now: done · started 3 Oct 2022" in page_text(at)


def _expense(at):
    at.selectbox(key="expense.activity_id").set_value("act-5")
    at.selectbox(key="expense.spent_on").set_value(date(2023, 6, 20))
    at.text_input(key="expense.amount").set_value("450")
    at.text_input(key="expense.item").set_value("ค่าถ่ายเอกสาร")
    return at.button(key="expense._submit").click().run()


def test_two_equal_expense_lines_need_the_save_again_button_and_each_is_audited(run_page, store):
    at = _expense(run_page(PAGE))
    at = _expense(at)  # the same line again: recognised, not added
    assert_clean(at)
    lines = [r for r in records(store, "expenses") if r["item"] == "ค่าถ่ายเอกสาร"]
    assert len(lines) == 1 and "บันทึกไว้แล้วเมื่อ" in page_text(at)
    at.button(key="expense._again").click().run()
    assert_clean(at)
    lines = [r for r in records(store, "expenses") if r["item"] == "ค่าถ่ายเอกสาร"]
    first, second = sorted((r["id"] for r in lines), key=len)
    assert second == first + "-2"
    assert len([a for a in records(store, "audit") if a["row_id"] in {r["id"] for r in lines}]) == 2


def test_no_text_box_of_the_results_forms_drops_a_long_paste_and_a_long_item_is_kept_with_a_message(
        run_page, store):
    at = run_page(PAGE)
    boxes = [*at.text_area, *at.text_input]
    assert boxes and all(box.proto.max_chars == 0 for box in boxes), [b.key for b in boxes if b.proto.max_chars]
    at.selectbox(key="expense.activity_id").set_value("act-5")
    at.text_input(key="expense.amount").set_value("450")
    at.text_input(key="expense.item").set_value("ร" * 650)
    at = at.button(key="expense._submit").click().run()
    assert "มี 650 ตัวอักษร เกินที่รับได้ 500 ตัวอักษร: กรุณาย่อลง 150 ตัวอักษร" in page_text(at)
    assert at.text_input(key="expense.item").value == "ร" * 650
