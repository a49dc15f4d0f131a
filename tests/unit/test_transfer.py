"""The cell-by-cell check of `de-dashboard copy`, and which store the secrets choose."""

from __future__ import annotations

import pytest

from de_core.ops.config import EMBEDDED, GOOGLE, POSTGRES, backend_kind, open_postgres
from de_core.ops.transfer import compare_workbooks, trimmed
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.store.base import StoreError


def _book(**tabs: list[list[str]]) -> RawWorkbook:
    raw = RawWorkbook()
    for title, rows in tabs.items():
        raw.add(RawTab(title, rows))
    return raw


def test_trailing_blank_cells_and_rows_are_not_cells():
    assert trimmed([["a", "", ""], [], ["", "b", ""], [""], []]) == [["a"], [], ["", "b"]]
    same = compare_workbooks(_book(t=[["id", "x"], ["1", "", ""], []]), _book(t=[["id", "x"], ["1"]]))
    assert same.identical and same.tabs == 1 and same.rows == 2


def test_a_changed_cell_is_named_by_tab_and_a1_address_with_both_texts():
    result = compare_workbooks(_book(ค่าใช้จ่าย=[["id", "amount"], ["e1", "001"]]),
                               _book(ค่าใช้จ่าย=[["id", "amount"], ["e1", "1"]]))
    assert result.differences == ["«ค่าใช้จ่าย»!B2: «001» → «1»"]
    assert "1 differences" in result.summary() and not result.identical


def test_a_missing_tab_and_an_extra_tab_with_data_differ_but_a_header_only_tab_the_target_adds_does_not():
    result = compare_workbooks(_book(a=[["x"], ["1"]], empty=[]),
                               _book(newer=[["h1", "h2"]], extra=[["h"], ["data"]]))
    assert result.differences == ["«a»: แท็บหายไป / tab missing", "«extra»: แท็บเกินมาและมีข้อมูล / extra tab with data"]
    assert result.added_tabs == ["newer"]


def test_more_than_twenty_differences_are_counted_not_all_listed():
    result = compare_workbooks(_book(t=[[str(i)] for i in range(30)]), _book(t=[[f"x{i}"] for i in range(30)]))
    assert len(result.differences) == 30 and "… 10 more" in result.summary()


def test_postgresql_wins_over_a_sheet_which_wins_over_the_embedded_file():
    sheet = {"gsheets": {"spreadsheet": "abc"}}
    assert backend_kind({}) == EMBEDDED
    assert backend_kind({"connections": sheet}) == GOOGLE
    assert backend_kind({"connections": {**sheet, "postgresql": {"url": "postgresql://db/de"}}}) == POSTGRES
    assert backend_kind({"connections": {"postgresql": {"office": "only-an-office"}}}) == EMBEDDED


def test_a_regional_setting_cannot_open_an_office_store():
    with pytest.raises(StoreError) as err:
        open_postgres({"connections": {"postgresql": {"url": "postgresql://db/de", "region": "r1"}}})
    assert "region" in err.value.message_en and "office" in err.value.message_th
