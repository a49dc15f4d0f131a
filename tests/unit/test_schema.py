"""The workbook schema: every tab the issues name, consistent columns, unambiguous headers."""

from de_core.sheet.schema import match_headers
from de_core.sheet.text import fold

REQUIRED_TABS = {
    "settings", "de_steps", "kras", "kpis", "kpi_readings", "activities", "expenses", "ita_scores", "ita_bands",
    "ita_weights", "oit_items", "reflections", "evidence", "objectives", "audit",
}


def test_schema_has_every_tab_with_id_in_column_a(schema):
    assert REQUIRED_TABS <= set(schema.tab_keys)
    for tab in schema.tabs:
        assert tab.columns[0].key == "id", tab.key
        assert tab.th and tab.en


def test_every_operational_tab_carries_a_fiscal_year(schema):
    for key in REQUIRED_TABS - {"audit"}:
        assert "fiscal_year" in schema.tab(key).column_keys, key


def test_no_two_columns_of_a_tab_accept_the_same_header(schema):
    for tab in schema.tabs:
        seen: dict[str, str] = {}
        for col in tab.columns:
            for name in {fold(n) for n in col.names()}:
                assert name not in seen, f"{tab.key}: {name!r} is both {seen[name]} and {col.key}"
                seen[name] = col.key


def test_no_two_tabs_share_a_title_or_alias(schema):
    seen: dict[str, str] = {}
    for tab in schema.tabs:
        for name in {fold(n) for n in tab.names()}:
            assert name not in seen, f"{name!r} names both {seen[name]} and {tab.key}"
            seen[name] = tab.key


def test_enum_columns_name_existing_dropdowns_with_thai_and_english_values(schema):
    for tab in schema.tabs:
        for col in tab.columns:
            if col.type in ("enum", "enum_list"):
                options = schema.options(col.enum)
                assert options and all(o.th and o.en and o.key for o in options)


def test_headers_match_in_thai_english_key_or_alias_ignoring_case_spaces_and_zero_width(schema):
    tab = schema.tab("expenses")
    found, unknown = match_headers(tab, ["ID", "  ปีงบ\u200b ", "activity id", "วันที่", "Item", "จำนวนเงิน (บาท)", "อื่นๆ"])
    assert found == {"id": 0, "fiscal_year": 1, "activity_id": 2, "spent_on": 3, "item": 4, "amount": 5}
    assert unknown == [6]
