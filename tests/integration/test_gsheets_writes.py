"""Google store writes on a shared sheet: RAW text, no clears, rows found by id even when people move them."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.store import RowNotFound, SchemaMismatch, StoreError
from tests.fakesheets import FakeSheetsServer, Fault
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, google_store

TAB = "ค่าใช้จ่าย"
EXP = {"id": "exp-1", "fiscal_year": "2566", "activity_id": "act-4", "spent_on": "15/05/2566",
       "item": "ค่าอาหารว่าง", "amount": "๒,๔๐๐ บาท"}


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    return fake_sheets


@pytest.fixture
def store(srv):
    """A Google store whose expenses tab holds exp-1 … exp-5 (rows 2 … 6)."""
    s = google_store(srv)
    s.append("expenses", [{**EXP, "id": f"exp-{i}", "item": f"รายการ {i}"} for i in range(1, 6)])
    return s


def _rows(srv) -> list[list[str]]:
    return srv.values(KEY, TAB)


def _by_id(srv) -> dict[str, list[str]]:
    return {r[0]: r for r in _rows(srv)[1:] if r}


def test_text_that_looks_like_a_formula_or_a_command_is_written_raw_and_stays_text(srv, store):
    store.append("expenses", [{**EXP, "id": "exp-f", "item": '=IMPORTXML("http://x","//a")', "note": "+cmd"}])
    store.update("expenses", "exp-2", {"note": "=1+1", "evidence": "@SUM(A1)"})
    f_row, row2 = len(_rows(srv)), 3
    assert not srv.is_formula(KEY, TAB, f"E{f_row}") and not srv.is_formula(KEY, TAB, f"H{f_row}")
    assert not srv.is_formula(KEY, TAB, f"H{row2}")
    assert _by_id(srv)["exp-f"][4] == '=IMPORTXML("http://x","//a")' and _by_id(srv)["exp-f"][7] == "+cmd"
    assert _by_id(srv)["exp-2"][6:8] == ["@SUM(A1)", "=1+1"]
    sent = [v for req in srv.batch_requests(KEY) for kind in ("appendCells", "updateCells") if kind in req
            for row in req[kind]["rows"] for c in row.get("values", []) for v in c.get("userEnteredValue", {})]
    assert sent and set(sent) == {"stringValue"}  # every cell the app writes is text, never a formula


def test_appends_go_after_the_last_row_with_data_as_text(srv, store):
    srv.blank_row(KEY, TAB, 3)  # a blank row inside the data (values.append would fill it)
    store.append("expenses", [{**EXP, "id": "exp-new"}])
    assert _rows(srv)[2] == [] and _rows(srv)[-1][0] == "exp-new"
    (append,) = [req["appendCells"] for req in srv.batch_requests(KEY) if "appendCells" in req][-1:]
    assert append["fields"] == "userEnteredValue"


def test_nan_none_and_pandas_missing_values_become_empty_cells(srv, store):
    store.append("expenses", [{**EXP, "id": "exp-n", "note": math.nan, "evidence": None}])
    store.append("expenses", [{**EXP, "id": "exp-p", "note": pd.NA, "evidence": np.float64("nan")}])
    store.update("expenses", "exp-1", {"note": float("nan"), "amount": np.int64(1250)})
    rows = _by_id(srv)
    for row_id in ("exp-n", "exp-p"):
        assert all(c not in ("nan", "NaN", "<NA>", "None") for c in rows[row_id]) and len(rows[row_id]) == 6
    assert rows["exp-1"][5] == "1250"


def test_no_write_ever_clears_or_rewrites_a_tab(srv, store):
    store.update("expenses", "exp-3", {"note": "แก้"})
    store.append("expenses", [{**EXP, "id": "exp-9"}])
    store.ensure_columns("expenses", ["ผู้ตรวจ"])
    kinds = {r.kind for r in srv.requests}
    assert not kinds & {"values.clear", "values.batchClear"}
    structural = {name for req in srv.batch_requests(KEY) for name in req}
    assert structural <= {"addSheet", "copyPaste", "updateCells", "createDeveloperMetadata",
                          "deleteDeveloperMetadata", "appendCells", "appendDimension"}, structural
    (scratch,) = [req["addSheet"]["properties"] for req in srv.batch_requests(KEY) if "addSheet" in req]
    assert scratch["title"] == "_de_app" and scratch["hidden"] is True  # the app's own hidden tab, made once


def test_an_append_costs_one_read_and_one_append_once_the_sheet_is_open(srv, store):
    srv.reset_counts()
    store.append("expenses", [{**EXP, "id": "exp-a"}, {**EXP, "id": "exp-b"}])
    assert [r.kind for r in srv.requests] == ["values.batchGet", "spreadsheets.batchUpdate"]


def test_an_update_costs_a_read_and_one_write_that_proves_where_it_landed(srv, store):
    store.update("expenses", "exp-4", {"note": "ก่อน"})  # the first write of a sheet also makes the hidden tab
    srv.reset_counts()
    result = store.update("expenses", "exp-4", {"note": "ตรวจแล้ว", "amount": "๒,๔๐๐ บาท"})
    assert [r.kind for r in srv.requests] == ["values.batchGet", "spreadsheets.batchUpdate"]
    (sent,) = [r for r in srv.requests if r.kind == "spreadsheets.batchUpdate"]
    kinds = [next(iter(req)) for req in sent.body["requests"]]
    assert kinds[0] == "copyPaste" and set(kinds[1:]) == {"updateCells"}  # the row as it was, then changed cells
    assert {r["updateCells"]["range"]["startColumnIndex"] for r in sent.body["requests"][1:]} <= {5, 7}
    assert sent.body["includeSpreadsheetInResponse"] is True
    assert result.row_number == 5 and result.before["note"] == "ก่อน" and result.after["note"] == "ตรวจแล้ว"
    assert [m for m in srv.all_developer_metadata(KEY) if m["metadataKey"] != "de.sent"] == []  # no anchors


def test_an_update_that_changes_nothing_sends_no_write(srv, store):
    srv.reset_counts()
    store.update("expenses", "exp-2", {"item": "รายการ 2"})
    assert [r.kind for r in srv.requests] == ["values.batchGet"]


def test_update_after_rows_were_inserted_above_still_hits_the_right_row(srv, store):
    srv.insert_rows(KEY, TAB, 2, [["p-1", "2566", "", "", "แถวที่คนแทรก"], ["p-2", "2566"]])
    result = store.update("expenses", "exp-3", {"note": "ตรงแถว"})
    assert result.row_number == 6
    assert _rows(srv)[5][0] == "exp-3" and _rows(srv)[5][7] == "ตรงแถว"
    assert [r[0] for r in _rows(srv)[1:] if len(r) > 7 and r[7]] == ["exp-3"]


def test_update_of_a_row_a_person_deleted_is_refused_and_nothing_else_changes(srv, store):
    srv.delete_rows(KEY, TAB, 4)  # exp-3
    before = _rows(srv)
    with pytest.raises(RowNotFound) as err:
        store.update("expenses", "exp-3", {"note": "x"})
    assert "exp-3" in err.value.message_th and "exp-3" in err.value.message_en
    assert _rows(srv) == before


def test_rows_inserted_between_the_apps_read_and_its_write_do_not_misplace_the_update(srv, store):
    store.update("expenses", "exp-1", {"note": "ก่อน"})  # the app has written before (its hidden tab exists)
    srv.before_next_write(lambda s, key: s.insert_rows(key, TAB, 2, [["p-1", "2566", "", "", "แทรกระหว่างบันทึก"]]))
    before = _by_id(srv)
    srv.reset_counts()
    result = store.update("expenses", "exp-4", {"note": "ถูกแถว"})
    rows = _by_id(srv)
    assert rows["exp-4"][7] == "ถูกแถว" and result.row_number == 6
    # the write went into exp-3 (now row 5); its reply showed it, exp-3 got its note back, the write went again
    assert srv.count("spreadsheets.batchUpdate") == 3 and srv.count("values.batchGet") == 2
    assert all(rows[k] == before[k] for k in before if k != "exp-4")
    assert rows["p-1"] == ["p-1", "2566", "", "", "แทรกระหว่างบันทึก"]


def test_a_row_moved_between_the_read_and_the_write_is_put_back_and_the_update_lands_on_its_row(srv, store):
    srv.before_next_write(lambda s, key: s.move_row(key, TAB, 6, 2))  # exp-5 moves to the top
    before = _by_id(srv)
    store.update("expenses", "exp-2", {"note": "ของ exp-2"})
    rows = _by_id(srv)
    assert rows["exp-2"][7] == "ของ exp-2"
    assert all(rows[k] == before[k] for k in before if k != "exp-2")


def test_the_target_row_deleted_between_the_read_and_the_write_gives_a_refusal_and_no_stray_change(srv, store):
    srv.before_next_write(lambda s, key: s.delete_rows(key, TAB, 4))  # exp-3 goes; exp-4 slides into row 4
    before = _by_id(srv)
    with pytest.raises(RowNotFound):
        store.update("expenses", "exp-3", {"note": "ไม่ควรไปที่อื่น"})
    rows = _by_id(srv)
    assert "exp-3" not in rows
    assert all(rows[k] == before[k] for k in rows)


@pytest.mark.parametrize("anchored", [False, True], ids=["first write", "row anchored before"])
def test_a_brand_new_row_at_the_write_address_is_never_written(srv, store, anchored):
    if anchored:
        store.update("expenses", "exp-3", {"note": "ก่อน"})
    new = ["new-1", "2566", "", "", "ใหม่", "", "", "เดิม"]
    srv.before_next_write(lambda s, key: s.insert_rows(key, TAB, 4, [new]))
    result = store.update("expenses", "exp-3", {"note": "ค่าใหม่"})
    assert result.row_number == 5 and _by_id(srv)["exp-3"][7] == "ค่าใหม่" and _by_id(srv)["new-1"] == new


def test_a_known_column_moved_into_the_written_cell_gets_its_value_back_and_the_update_lands_in_its_column(srv, store):
    store.update("expenses", "exp-3", {"note": "ก่อน"})
    srv.before_next_write(lambda s, key: s.move_column(key, TAB, 7, 2))  # the note goes to C, item D…evidence shift
    before = _by_id(srv)
    srv.reset_counts()
    store.update("expenses", "exp-3", {"note": "ค่าใหม่"})
    pad = {k: (r + [""] * 8)[:8] for k, r in _by_id(srv).items()}
    moved = {k: [r[0], r[1], r[7], *r[2:7]] for k, r in ((k, (r + [""] * 8)[:8]) for k, r in before.items())}
    assert pad == {**moved, "exp-3": [*moved["exp-3"][:2], "ค่าใหม่", *moved["exp-3"][3:]]}
    assert srv.count("spreadsheets.batchUpdate") == 3  # the write, putting the evidence cell back, the write


def test_a_column_nobody_saw_inserted_under_the_written_cell_gets_its_value_back_exactly(srv, store):
    store.update("expenses", "exp-3", {"note": "ก่อน"})
    srv.before_next_write(lambda s, key: s.insert_column(key, TAB, 7, ["ผู้ตรวจ", "", "", "นาย ก"]))
    result = store.update("expenses", "exp-3", {"note": "ค่าใหม่"})
    row = _by_id(srv)["exp-3"]
    assert row[7] == "นาย ก" and row[8] == "ค่าใหม่" and result.after == {"note": "ค่าใหม่"}


def test_a_put_back_that_meets_yet_another_move_finds_the_hit_row_by_its_id(srv, store):
    store.update("expenses", "exp-1", {"note": "ก่อน"})
    person = ["p-1", "2566", "", "", "แถวของคน", "", "", "ของคน"]

    def again(s, key):  # right after the misplaced write, before the app could put it back: rows move once more
        s.insert_rows(key, TAB, 2, [["p-2", "2566", "", "", "อีกแถว", "", "", "ของอีกคน"]])

    srv.before_next_write(lambda s, key: (s.insert_rows(key, TAB, 2, [person]), s.after_next_write(again)))
    before = _by_id(srv)
    store.update("expenses", "exp-3", {"note": "ค่าใหม่"})
    rows = _by_id(srv)
    assert rows["exp-3"][7] == "ค่าใหม่"
    assert all(rows[k] == before[k] for k in before if k != "exp-3")
    assert rows["p-2"][7] == "ของอีกคน" and rows["p-1"] == person


def test_a_stray_value_the_app_cannot_find_for_sure_is_named_with_its_tab_quoted(srv, store):
    store.update("expenses", "exp-1", {"note": "ก่อน"})

    def shuffle(s, key):  # a row inserted at the top before every write of the app, again and again
        s.insert_rows(key, TAB, 2, [["", "2566", "", "", "แถวไม่มีรหัส"]])
        s.before_next_write(shuffle)

    srv.before_next_write(shuffle)
    with pytest.raises(StoreError) as err:
        store.update("expenses", "exp-3", {"note": "ค่าใหม่"})
    assert f"'{TAB}'!H" in err.value.message_th and f"'{TAB}'!H" in err.value.message_en
    assert "ข้อความที่พิมพ์ไว้ยังอยู่" in err.value.hint_th


def test_a_renamed_header_gives_a_schema_mismatch_naming_the_column_and_writes_nothing(srv, store):
    srv.rename_header(KEY, TAB, "หมายเหตุ", "บันทึกเพิ่มเติม")
    before = _rows(srv)
    srv.reset_counts()
    with pytest.raises(SchemaMismatch) as err:
        store.update("expenses", "exp-1", {"note": "x"})
    assert "หมายเหตุ" in err.value.message_th
    with pytest.raises(SchemaMismatch):
        store.append("expenses", [{**EXP, "id": "exp-z", "note": "x"}])
    writes = ("values.append", "values.batchUpdate", "values.batchUpdateByDataFilter", "spreadsheets.batchUpdate")
    assert _rows(srv) == before and sum(srv.count(k) for k in writes) == 0


def test_a_missing_tab_gives_a_schema_mismatch_that_points_to_provision(srv):
    srv.add_spreadsheet(KEY, sheets={"ตั้งค่า": [["รหัส"]]})
    store = google_store(srv, create=False)
    with pytest.raises(SchemaMismatch) as err:
        store.append("expenses", [EXP])
    assert TAB in err.value.message_th and "provision" in err.value.hint_th


def test_ensure_columns_adds_missing_headers_at_the_end_of_row_one_growing_the_grid(srv, schema):
    raw = RawWorkbook()
    raw.add(RawTab(TAB, [schema.tab("expenses").headers("th") + [f"c{i}" for i in range(18)]]))
    store = google_store(srv, raw)
    assert store.ensure_columns("expenses", ["c0", "ผู้ตรวจ", "ผู้ตรวจ", "วันที่ตรวจ"]) == ["ผู้ตรวจ", "วันที่ตรวจ"]
    assert _rows(srv)[0][-2:] == ["ผู้ตรวจ", "วันที่ตรวจ"] and len(_rows(srv)[0]) == 28
    assert store.ensure_columns("expenses", ["ผู้ตรวจ"]) == []
    store.append("expenses", [{**EXP, "ผู้ตรวจ": "ศน."}])
    assert _rows(srv)[1][26] == "ศน."


def test_ids_and_values_are_matched_after_unicode_normalisation_and_spaces(srv, store):
    srv.set_cell(KEY, TAB, "A2", " exp-1 ")
    result = store.update("expenses", "exp-1", {"note": "ok"})
    assert result.row_number == 2 and _rows(srv)[1][7] == "ok"


def test_a_server_that_refuses_the_proven_write_gets_plain_writes_checked_by_a_read(srv, store):
    store.update("expenses", "exp-1", {"note": "ก่อน"})
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=400, message="Invalid requests[0].copyPaste"))
    store.update("expenses", "exp-2", {"note": "ธรรมดา"})
    assert _by_id(srv)["exp-2"][7] == "ธรรมดา" and srv.count("values.batchUpdate") == 1
    person = ["p-1", "2566", "", "", "แถวของคน", "", "", "ของคน"]
    srv.before_next_write(lambda s, key: s.insert_rows(key, TAB, 2, [person]))
    before = _by_id(srv)
    store.update("expenses", "exp-4", {"note": "ถูกแถว"})  # plain from now on: the misplaced value is put back
    rows = _by_id(srv)
    assert rows["exp-4"][7] == "ถูกแถว" and all(rows[k] == before[k] for k in before if k != "exp-4")


AUDIT_TAB = "บันทึกการแก้ไข"


def _audit_for(n: int):
    """An audit callable as the Writer gives it: a fresh audit row id per call, None when nothing changed."""
    made = iter(range(n * 100, n * 100 + 100))

    def audit(res):
        if res.before == res.after:
            return None
        return {"id": f"aud-u{next(made)}", "at": "2023-05-15T10:30:00+07:00", "who": "officer", "action": "update",
                "tab": "expenses", "row_id": res.row_id, "before": repr(res.before), "after": repr(res.after)}

    return audit


def _audits(srv) -> list[list[str]]:
    return srv.values(KEY, AUDIT_TAB)[1:]


def test_an_audited_update_whose_reply_was_lost_is_applied_once_with_one_audit_row(srv, store):
    store.update("expenses", "exp-1", {"note": "ก่อน"})  # the app's hidden tab exists from the first write on
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=503, apply_then_fail=True))
    store.update_audited("expenses", "exp-2", {"note": "ครั้งเดียว"}, _audit_for(1))
    assert _by_id(srv)["exp-2"][7] == "ครั้งเดียว"
    assert [(a[4], a[5], a[3]) for a in _audits(srv)] == [("expenses", "exp-2", "update")]


def test_an_audited_update_that_went_into_another_row_is_audited_with_an_undo_and_then_the_real_change(srv, store):
    store.update("expenses", "exp-1", {"note": "ก่อน"})
    srv.before_next_write(lambda s, key: s.move_row(key, TAB, 6, 2))  # exp-5 moves to the top
    before = _by_id(srv)
    store.update_audited("expenses", "exp-2", {"note": "ของ exp-2"}, _audit_for(2))
    rows = _by_id(srv)
    assert rows["exp-2"][7] == "ของ exp-2" and all(rows[k] == before[k] for k in before if k != "exp-2")
    audits = [(a[3], a[5]) for a in _audits(srv)]
    assert audits == [("update", "exp-2"), ("undo", "exp-2"), ("update", "exp-2")]
    first, undo, _last = _audits(srv)
    assert (undo[6], undo[7]) == (first[7], first[6])  # the undo reverses what the first row claimed


def test_on_a_server_refusing_the_proven_write_the_audit_row_is_one_more_request(srv, store):
    store.update("expenses", "exp-1", {"note": "ก่อน"})
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=400, message="Invalid requests[0].copyPaste"))
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=400, message="Invalid requests[0].copyPaste"))
    store.update_audited("expenses", "exp-2", {"note": "ธรรมดา"}, _audit_for(3))
    assert _by_id(srv)["exp-2"][7] == "ธรรมดา"
    assert [(a[3], a[5]) for a in _audits(srv)] == [("update", "exp-2")]
