"""From the raw workbook (text cells) to typed records plus the list of cell issues. Never raises on data."""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from de_core.sheet import parse
from de_core.sheet.cells import ERROR, WARNING, CellIssue, a1
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Column, Schema, Tab, load_schema, match_headers
from de_core.sheet.text import is_blank, normalize, split_multi

Record = dict[str, Any]
LIST_TYPES = frozenset({"enum_list", "urls", "ids"})
T = TypeVar("T")
DERIVED_LIMIT = 256  # view models and figures kept per workbook (least recently used dropped first)


@dataclass
class Workbook:
    """Typed records per tab key, every cell issue found, and where each tab was found."""

    schema: Schema
    records: dict[str, list[Record]] = field(default_factory=dict)
    issues: list[CellIssue] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    headers: dict[str, list[str]] = field(default_factory=dict)  # header row as read, per tab key
    read_at: datetime | None = None
    source: str = ""
    _derived: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict, repr=False, compare=False)
    _derived_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """What `build()` makes from this workbook (a view model, a figure), made once per key and kept while the
        workbook is: every rerun of every session showing the same data reuses it. Callers treat it as read-only,
        like the workbook itself. `key` must name everything the value depends on besides the workbook."""
        with self._derived_lock:
            if key in self._derived:
                self._derived.move_to_end(key)
                return self._derived[key]
        value = build()  # outside the lock: two sessions may build the same value once each, never block
        with self._derived_lock:
            self._derived[key] = value
            while len(self._derived) > DERIVED_LIMIT:
                self._derived.popitem(last=False)
        return value

    def forget_derived(self) -> None:
        """Drop every derived value (the workbook was replaced: views that point back to it must not keep it)."""
        with self._derived_lock:
            self._derived.clear()

    def rows(self, tab: str, fiscal_year: int | None = None) -> list[Record]:
        """The records of a tab (optionally of one fiscal year only)."""
        rows = self.records.get(tab, [])
        if fiscal_year is None:
            return rows
        return [r for r in rows if r.get("fiscal_year") == fiscal_year]

    def by_id(self, tab: str) -> dict[str, Record]:
        return {r["id"]: r for r in self.records.get(tab, []) if r.get("id")}

    def fiscal_years(self) -> list[int]:
        """Every fiscal year that appears anywhere in the workbook, newest first."""
        return list(self.derived("fiscal_years", lambda: tuple(sorted(
            {r["fiscal_year"] for rows in self.records.values() for r in rows if r.get("fiscal_year")},
            reverse=True))))


def _parser(col: Column, schema: Schema) -> Callable[[str], Any]:
    if col.type in ("enum", "enum_list"):
        options = [(o.key, o.th, o.en, o.aliases) for o in schema.options(col.enum or "")]
        return parse.enum_parser(options) if col.type == "enum" else parse.enum_list_parser(options)
    simple: dict[str, Callable[[str], Any]] = {
        "text": parse.parse_text, "datetime": parse.parse_text, "int": parse.parse_int,
        "number": parse.parse_number, "percent": parse.parse_percent, "score": parse.parse_score,
        "baht": parse.parse_baht, "date": parse.parse_date, "month_range": parse.parse_month_range,
        "fiscal_year": parse.parse_fiscal_year, "url": parse.parse_url, "urls": parse.parse_urls,
        "ids": split_multi, "bool": parse.parse_bool, "measure": parse.parse_measure,
    }
    return simple[col.type]


Parsed = tuple[Any, "parse.BadCell | None"]


def _parsed(fn: Callable[[str], Any], raw: str) -> Parsed:
    try:
        return fn(raw), None
    except parse.BadCell as bad:
        return None, bad


def _tab_issue(tab: str, message_th: str, message_en: str, tab_key: str, address: str = "",
               hint_th: str = "", hint_en: str = "", severity: str = ERROR, column: str | None = None) -> CellIssue:
    return CellIssue(tab, address, "", message_th, message_en, hint_th, hint_en, severity, tab_key, column)


def _raw_tabs(raw: RawWorkbook, schema: Schema) -> dict[str, RawTab]:
    """The raw tab standing for each schema tab key (the first in sheet order whose title matches)."""
    found: dict[str, RawTab] = {}
    for title, raw_tab in raw.tabs.items():
        tab = schema.find_tab(title)
        if tab is not None:
            found.setdefault(tab.key, raw_tab)
    return found


def _parse_tab(raw_tab: RawTab, tab: Tab, schema: Schema, issues: list[CellIssue]) -> list[Record]:
    title = raw_tab.title
    positions, unknown = match_headers(tab, raw_tab.header)
    for col in tab.columns:
        if col.key in positions:
            continue
        if col.required:
            issues.append(_tab_issue(
                title, f"ไม่พบคอลัมน์ «{col.th}» ในแถวหัวตาราง", f"Column «{col.en}» ({col.th}) is missing from the header row",
                tab.key, "1", f"เพิ่มหรือแก้หัวคอลัมน์ในแถวที่ 1 ให้เป็น «{col.th}»",
                f"Add or rename a header in row 1 to «{col.th}»", ERROR, col.key))
        else:
            issues.append(_tab_issue(
                title, f"ไม่พบคอลัมน์ «{col.th}» (ไม่บังคับ)", f"Optional column «{col.en}» ({col.th}) is missing",
                tab.key, "1", f"เพิ่มหัวคอลัมน์ «{col.th}» หากต้องการใช้", f"Add the header «{col.th}» to use it",
                WARNING, col.key))
    # Per column: its parser and what it gave for each raw text seen so far in this parse (columns repeat their
    # values: years, statuses, dates, owners), so each distinct text is parsed once.
    columns = [(key, pos, tab.column(key), tab.column(key).type in LIST_TYPES, _parser(tab.column(key), schema), {})
               for key, pos in positions.items()]
    absent = [(c.key, c.type in LIST_TYPES) for c in tab.columns if c.key not in positions]
    header = raw_tab.header
    records: list[Record] = []
    seen_ids: dict[str, int] = {}
    for index, row in enumerate(raw_tab.rows[1:], start=2):
        if all(is_blank(c) for c in row):
            continue
        rec: Record = {"_row": index}
        width = len(row)
        row_id = normalize(row[positions["id"]]) if "id" in positions and positions["id"] < width else ""
        for key, pos, col, is_list, fn, seen in columns:
            cell = row[pos] if pos < width else ""
            hit = seen.get(cell)
            if hit is None:
                hit = seen[cell] = _parsed(fn, cell)
            value, bad = hit
            if bad is not None:
                value = [] if is_list else None
                issues.append(CellIssue(title, a1(pos, index), cell, bad.message_th, bad.message_en, bad.hint_th,
                                        bad.hint_en, ERROR, tab.key, key, row_id or None))
            else:
                if is_list:
                    value = [] if value is None else list(value)  # each record owns its list
                if col.required and (value is None or value == []) and key != "id":
                    issues.append(CellIssue(
                        title, a1(pos, index), cell, f"ต้องกรอก «{col.th}»", f"«{col.en}» is required",
                        f"กรอกค่าในช่อง {a1(pos, index)}", f"Fill in cell {a1(pos, index)}", ERROR, tab.key, key,
                        row_id or None))
            rec[key] = value
        for key, is_list in absent:
            rec[key] = [] if is_list else None
        rec["extra"] = {header[p]: row[p] for p in unknown if p < len(row) and row[p] != ""}
        id_pos = positions.get("id", 0)
        if not row_id:
            issues.append(CellIssue(
                title, a1(id_pos, index), "", "แถวนี้ไม่มีรหัส: แอปจะแก้ไขแถวนี้ไม่ได้",
                "No id: the app cannot update this row", "ใช้ปุ่ม «เติมรหัสที่ขาด» ในหน้าสุขภาพข้อมูล หรือพิมพ์รหัสที่ไม่ซ้ำ",
                "Use «Fill missing ids» on the Data health page, or type a unique id", WARNING, tab.key, "id"))
        elif row_id in seen_ids:
            issues.append(CellIssue(
                title, a1(id_pos, index), row_id, f"รหัส «{row_id}» ซ้ำกับแถวที่ {seen_ids[row_id]}",
                f"Id «{row_id}» repeats row {seen_ids[row_id]}", "แก้รหัสให้ไม่ซ้ำกัน", "Make the ids unique",
                ERROR, tab.key, "id", row_id))
        else:
            seen_ids[row_id] = index
        records.append(rec)
    return records


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: parsing makes hundreds of thousands of objects without cycles, and each
    automatic collection meanwhile walks the whole heap (in a server process that doubled the parse time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_workbook(raw: RawWorkbook, schema: Schema | None = None) -> Workbook:
    """Parse every tab of the schema out of a raw workbook. Never raises on bad data: problems become issues."""
    with _cycle_collector_paused():
        return _parse_workbook(raw, schema or load_schema())


def _parse_workbook(raw: RawWorkbook, schema: Schema) -> Workbook:
    wb = Workbook(schema=schema, read_at=raw.read_at, source=raw.source)
    raw_tabs = _raw_tabs(raw, schema)
    for tab in schema.tabs:
        raw_tab = raw_tabs.get(tab.key)
        if raw_tab is None:
            wb.records[tab.key] = []
            wb.issues.append(_tab_issue(
                tab.th, f"ไม่พบแท็บ «{tab.th}»", f"Tab «{tab.en}» ({tab.th}) is missing", tab.key, "",
                f"เพิ่มแท็บชื่อ «{tab.th}» (หรือสั่ง provision เพื่อสร้างให้)",
                f"Add a tab named «{tab.th}» (or run provision to create it)", WARNING if tab.newer else ERROR))
            continue
        wb.titles[tab.key] = raw_tab.title
        wb.headers[tab.key] = raw_tab.header
        wb.records[tab.key] = _parse_tab(raw_tab, tab, schema, wb.issues)
    return wb
