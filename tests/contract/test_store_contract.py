"""The store contract: every store (SQLite, Google Sheets, PostgreSQL) must pass these, unchanged."""

from __future__ import annotations

import math

import pytest

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.workbook import parse_workbook
from de_core.store import AmbiguousRow, DuplicateIdConflict, RowNotFound, SchemaMismatch

EXPENSE = {"id": "exp-x1", "fiscal_year": "2566", "activity_id": "act-4", "spent_on": "15/05/2566",
           "item": "ค่าอาหารว่าง", "amount": "๒,๔๐๐ บาท"}


def _tab(raw: RawWorkbook, title: str) -> RawTab:
    return raw.tabs[title]


def test_read_all_returns_every_schema_tab_with_its_thai_header(make_store, schema):
    raw = make_store().read_all()
    for tab in schema.tabs:
        assert tab.th in raw.tabs, tab.th
        assert raw.tabs[tab.th].header == tab.headers("th")


def test_appended_row_lands_last_with_cells_exactly_as_sent(make_store):
    store = make_store()
    tricky = {**EXPENSE, "item": "=1+1", "evidence": "001", "note": "+cmd ๑๐,๐๐๐ บาท\nบรรทัดสอง"}
    result = store.append("expenses", [EXPENSE, {**tricky, "id": "exp-x2"}])
    assert result.appended == ["exp-x1", "exp-x2"]
    rows = _tab(store.read_all(), "ค่าใช้จ่าย").rows
    assert len(rows) == 3
    last = dict(zip(rows[0], rows[2], strict=False))
    assert last["รายการ"] == "=1+1"
    assert last["หลักฐาน (ลิงก์)"] == "001"
    assert last["หมายเหตุ"] == "+cmd ๑๐,๐๐๐ บาท\nบรรทัดสอง"
    assert last["จำนวนเงิน"] == "๒,๔๐๐ บาท"


def test_retried_append_with_same_id_and_content_changes_nothing(make_store):
    store = make_store()
    store.append("expenses", [EXPENSE])
    again = store.append("expenses", [EXPENSE])
    assert again.appended == [] and again.already_present == ["exp-x1"]
    assert len(_tab(store.read_all(), "ค่าใช้จ่าย").rows) == 2


def test_append_with_existing_id_and_other_content_is_refused(make_store):
    store = make_store()
    store.append("expenses", [EXPENSE])
    with pytest.raises(DuplicateIdConflict) as err:
        store.append("expenses", [{**EXPENSE, "amount": "9,999"}])
    assert "exp-x1" in err.value.message_th
    assert len(_tab(store.read_all(), "ค่าใช้จ่าย").rows) == 2


def test_update_changes_only_the_given_cells_of_the_row_with_that_id(make_store):
    store = make_store()
    store.append("expenses", [EXPENSE, {**EXPENSE, "id": "exp-x2", "item": "ค่าถ่ายเอกสาร"}])
    result = store.update("expenses", "exp-x2", {"amount": "1,250", "note": "แก้ไข"})
    assert result.before == {"amount": "๒,๔๐๐ บาท", "note": ""}
    assert result.after == {"amount": "1,250", "note": "แก้ไข"}
    records = parse_workbook(store.read_all()).by_id("expenses")
    assert records["exp-x2"]["amount"] == 1250 and records["exp-x2"]["item"] == "ค่าถ่ายเอกสาร"
    assert records["exp-x1"]["amount"] == 2400


def test_update_of_a_missing_row_is_refused_with_a_thai_message(make_store):
    store = make_store()
    with pytest.raises(RowNotFound) as err:
        store.update("expenses", "exp-gone", {"note": "x"})
    assert "exp-gone" in err.value.message_th and err.value.hint_th


def test_update_of_an_ambiguous_id_is_refused(make_store, schema):
    header = schema.tab("expenses").headers("th")
    raw = RawWorkbook()
    raw.add(RawTab("ค่าใช้จ่าย", [header, ["dup", "2566"], ["dup", "2566"]]))
    store = make_store(raw)
    with pytest.raises(AmbiguousRow):
        store.update("expenses", "dup", {"note": "x"})
    rows = _tab(store.read_all(), "ค่าใช้จ่าย").rows
    assert all(len(r) < 8 or r[7] == "" for r in rows[1:])


def test_write_to_a_renamed_column_names_the_missing_header(make_store, schema):
    header = schema.tab("expenses").headers("th")
    header[header.index("จำนวนเงิน")] = "ยอดเงินบาท"
    raw = RawWorkbook()
    raw.add(RawTab("ค่าใช้จ่าย", [header]))
    store = make_store(raw)
    with pytest.raises(SchemaMismatch) as err:
        store.append("expenses", [EXPENSE])
    assert "จำนวนเงิน" in err.value.message_th
    assert len(_tab(store.read_all(), "ค่าใช้จ่าย").rows) == 1


def test_columns_in_another_order_and_english_headers_are_written_by_name(make_store):
    raw = RawWorkbook()
    raw.add(RawTab("ค่าใช้จ่าย", [["Amount", "id", "Item", "fiscal_year", "Activity ID", "Date"]]))
    store = make_store(raw)
    store.append("expenses", [EXPENSE])
    rows = _tab(store.read_all(), "ค่าใช้จ่าย").rows
    assert rows[1][:6] == ["๒,๔๐๐ บาท", "exp-x1", "ค่าอาหารว่าง", "2566", "act-4", "15/05/2566"]


def test_missing_values_and_nan_are_written_as_empty_cells(make_store):
    store = make_store()
    store.append("expenses", [{**EXPENSE, "note": math.nan, "evidence": None}])
    row = _tab(store.read_all(), "ค่าใช้จ่าย").rows[1]
    assert "nan" not in row and "None" not in row


def test_update_after_other_rows_were_appended_still_hits_its_row(make_store):
    store = make_store()
    store.append("expenses", [EXPENSE])
    store.append("expenses", [{**EXPENSE, "id": f"exp-{i}"} for i in range(5)])
    store.update("expenses", "exp-x1", {"note": "ตรงแถว"})
    records = parse_workbook(store.read_all()).by_id("expenses")
    assert records["exp-x1"]["note"] == "ตรงแถว"
    assert all(records[f"exp-{i}"]["note"] is None for i in range(5))


def test_demo_workbook_round_trips_through_the_store_unchanged(make_store, demo_raw):
    store = make_store(demo_raw)
    back = store.read_all()
    for title, tab in demo_raw.tabs.items():
        got = [list(r) for r in back.tabs[title].rows]
        want = [list(r) for r in tab.rows]
        trim = [[c for c in r] for r in want]
        for r in trim:
            while r and r[-1] == "":
                r.pop()
        for r in got:
            while r and r[-1] == "":
                r.pop()
        assert got == trim, title


def test_fill_missing_ids_gives_each_blank_id_row_a_fresh_id_and_leaves_others(make_store, schema):
    header = schema.tab("expenses").headers("th")
    raw = RawWorkbook()
    raw.add(RawTab("ค่าใช้จ่าย", [header, ["", "2566", "act-4"], ["e1", "2566"], ["", "2566", "act-5"]]))
    store = make_store(raw)
    made = iter(["exp-a", "exp-b"])
    assert store.fill_missing_ids("expenses", lambda key: next(made)) == ["exp-a", "exp-b"]
    rows = _tab(store.read_all(), "ค่าใช้จ่าย").rows
    assert [r[0] for r in rows[1:]] == ["exp-a", "e1", "exp-b"]
    assert [r[2] for r in rows[1:] if len(r) > 2] == ["act-4", "act-5"]
    assert store.fill_missing_ids("expenses", lambda key: "never") == []


def test_a_write_to_a_column_two_headers_both_name_is_refused(make_store, schema):
    header = schema.tab("expenses").headers("th")
    header[1] = "Note"  # a person renamed ปีงบประมาณ to the English name of หมายเหตุ
    raw = RawWorkbook()
    raw.add(RawTab("ค่าใช้จ่าย", [header, ["e1", "2566", "act-4"]]))
    store = make_store(raw)
    with pytest.raises(SchemaMismatch) as err:
        store.update("expenses", "e1", {"note": "x"})
    assert "หมายเหตุ" in err.value.message_th and "B" in err.value.message_th
    assert _tab(store.read_all(), "ค่าใช้จ่าย").rows[1][:3] == ["e1", "2566", "act-4"]


def _audit(n: int, row_id: str = "exp-x1", action: str = "append") -> dict:
    return {"id": f"aud-t{n}", "at": "2023-05-15T10:30:00+07:00", "who": "officer@example.go.th",
            "action": action, "tab": "expenses", "row_id": row_id, "before": "", "after": "{}"}


def _audit_rows(store) -> list[dict]:
    return parse_workbook(store.read_all()).rows("audit")


def test_a_row_and_its_audit_row_are_appended_together_and_a_row_already_there_adds_neither(make_store):
    store = make_store()
    result = store.append_audited("expenses", [EXPENSE], [_audit(1)])
    assert result.appended == ["exp-x1"]
    assert [(a["id"], a["row_id"], a["action"]) for a in _audit_rows(store)] == [("aud-t1", "exp-x1", "append")]
    again = store.append_audited("expenses", [EXPENSE], [_audit(2)])  # sent again: its confirmation was lost
    assert again.appended == [] and again.already_present == ["exp-x1"]
    assert len(_tab(store.read_all(), "ค่าใช้จ่าย").rows) == 2 and len(_audit_rows(store)) == 1


def test_an_audit_row_that_cannot_be_written_leaves_its_row_unwritten_too(make_store, schema):
    header = schema.tab("audit").headers("th")
    header[header.index("การกระทำ")] = "ทำอะไร"  # a person renamed a header of the audit tab
    raw = RawWorkbook()
    raw.add(RawTab("บันทึกการแก้ไข", [header]))
    store = make_store(raw)
    with pytest.raises(SchemaMismatch):
        store.append_audited("expenses", [EXPENSE], [_audit(1)])
    assert len(_tab(store.read_all(), "ค่าใช้จ่าย").rows) == 1
    store.append("expenses", [EXPENSE])
    with pytest.raises(SchemaMismatch):
        store.update_audited("expenses", "exp-x1", {"note": "แก้"}, lambda res: _audit(2, action="update"))
    assert parse_workbook(store.read_all()).by_id("expenses")["exp-x1"]["note"] is None


def test_an_update_and_its_audit_row_are_written_together_and_an_unchanged_one_adds_no_audit(make_store):
    store = make_store()
    store.append("expenses", [EXPENSE])
    seen = []

    def audit(res):
        seen.append((res.before, res.after))
        return None if res.before == res.after else {**_audit(len(seen), action="update"), "before": "b"}

    result = store.update_audited("expenses", "exp-x1", {"note": "แก้แล้ว"}, audit)
    assert (result.before, result.after) == ({"note": ""}, {"note": "แก้แล้ว"})
    assert parse_workbook(store.read_all()).by_id("expenses")["exp-x1"]["note"] == "แก้แล้ว"
    assert [(a["id"], a["action"], a["before"]) for a in _audit_rows(store)] == [("aud-t1", "update", "b")]
    store.update_audited("expenses", "exp-x1", {"note": "แก้แล้ว"}, audit)
    assert len(_audit_rows(store)) == 1
