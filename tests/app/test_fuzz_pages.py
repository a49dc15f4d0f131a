"""10,000 fuzzed cells through the SQLite store, the parser, Data health and every page: nothing breaks.

Hypothesis draws batches of 500 cell values (20 varied ones after its first near-empty tries) — Thai and Latin text, digits of both scripts, dates in many forms,
amounts, formulas, links, dropdown words, emoji, invisible characters, very long strings, empty cells. Each batch
is written as new rows of every tab of the demo workbook (three rows in four keep a valid id and fiscal year so the
pages show them), stored in a SQLite workbook and read back byte for byte; every cell whose parser refuses it must
be listed by all_issues (what Data health shows) at its address. Then all 10,000 go into one workbook and every page
of the app runs on it in AppTest, in Thai and in English: no exception, no traceback, and Data health lists every refused cell.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from de_core.ops.demo import demo_workbook
from de_core.sheet import parse
from de_core.sheet.cells import a1
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.schema import Column, Schema, load_schema, match_headers
from de_core.sheet.text import normalize, split_multi
from de_core.sheet.workbook import parse_workbook
from de_core.store.local import SQLiteStore
from de_core.summary.health import all_issues
from tests.app.conftest import PAGES, assert_clean

BATCHES, BATCH = 24, 500  # hypothesis starts with a few near-empty batches: 20 varied ones remain
SCHEMA = load_schema()

# ----- what people type ---------------------------------------------------------------------------------------------
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
EMOJI = ["😀", "🍱", "✅", "❌", "👍🏽", "🇹🇭", "👨‍👩‍👧", "⚠️", "💯"]
INVISIBLE = [" ", "  ", "\n", "\t", "\u00a0", "\u200b", "\ufeff", "\u3000", "\u00ad", "\r\n"]
MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.", "มกราคม",
          "พฤษภาคม", "Jan", "May", "September", "Sept.", "ตุลา"]
FORMULAS = ["=1+1", "=SUM(A1:A3)", '=IMPORTXML("http://x","//a")', "+cmd", "@SUM(A1)", "-2+3", "=HYPERLINK(\"x\")",
            "#REF!", "#N/A", "=", "'001"]
WORDS = ["เสร็จแล้ว", "กำลังดำเนินการ", "ยังไม่เริ่ม", "done", "In Progress", "ผู้บริหาร", "ครู", "ใช่", "ไม่ใช่", "TRUE",
         "มี", "ไม่ใช้งบประมาณ", "ไม่ใช้ งบประมาณ", "-", "–", "N/A", "ยิ่งมากยิ่งดี", "ร้อยละ", "ตามเป้า", "มีวินัย"]

pieces = st.one_of(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
                   st.characters(min_codepoint=0x20, max_codepoint=0x7E),
                   st.characters(min_codepoint=0xC0, max_codepoint=0x24F),
                   st.sampled_from(list(THAI_DIGITS) + EMOJI + INVISIBLE))
text = st.lists(pieces, max_size=30).map("".join)
digits = st.integers(0, 10**12).map(str) | st.decimals(-10**9, 10**9, places=2, allow_nan=False).map(str)
thai_digits = digits.map(lambda s: s.translate(str.maketrans("0123456789", THAI_DIGITS)))
amount = st.builds(lambda n, unit, sep: f"{n:,}".replace(",", sep) + unit, st.integers(-10**7, 10**9),
                   st.sampled_from(["", " บาท", "บาท", ".-", " ฿", "%", " คะแนน", " ล้าน"]), st.sampled_from([",", "", " "]))
date = st.builds(
    lambda d, m, y, form, month: [f"{d}/{m}/{y}", f"{d} {month} {y}", f"{y}-{m:02d}-{d:02d}", f"{month} {y}",
                                  f"{d}.{m}.{y % 100}", f"{month} - {MONTHS[(m + 2) % 12]} {y}", f"{40000 + d * m}"][form],
    st.integers(0, 40), st.integers(0, 14), st.integers(1, 3000), st.integers(0, 6), st.sampled_from(MONTHS))
link = st.builds(lambda scheme, host, path: f"{scheme}{host}{path}", st.sampled_from(
    ["https://", "http://", "", "javascript:", "ftp://", "mailto:", "//"]), st.sampled_from(
    ["www.example.go.th", "x", "สพม.ไทย", "127.0.0.1", "[::1]", "a b.com", "user@host.com", ""]), text)
long = st.builds(lambda s, n: (s or "ก") * n, text, st.integers(100, 2500))
cell = st.one_of(st.just(""), text, digits, thai_digits, amount, date, date.map(
    lambda s: s.translate(str.maketrans("0123456789", THAI_DIGITS))), st.sampled_from(FORMULAS + WORDS), link,
    long, st.lists(st.one_of(text, st.sampled_from(WORDS), link), max_size=4).map(", ".join),
    st.sampled_from(EMOJI + INVISIBLE))


# ----- where the cells go -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Placed:
    title: str
    row: int  # 1-based sheet row
    col: int  # 0-based column
    column: Column
    raw: str


def place(raw: RawWorkbook, cells: list[str], batch: int) -> list[Placed]:
    """Append the cells as new rows, tab after tab; three rows in four keep a real id and fiscal year."""
    placed: list[Placed] = []
    todo = iter(cells)
    titles = list(raw.tabs)
    for n in range(len(cells)):
        title = titles[n % len(titles)]
        tab = raw.tabs[title]
        spec = SCHEMA.find_tab(title)
        positions, _ = match_headers(spec, tab.header)
        fixed = {"id": f"fz-{batch}-{n}", "fiscal_year": "2566"} if n % 4 else {}
        row = [""] * len(tab.header)
        tab.rows.append(row)
        for key, pos in positions.items():
            if key in fixed:
                row[pos] = fixed[key]
                continue
            value = next(todo, None)
            if value is None:
                return placed
            row[pos] = value
            placed.append(Placed(title, len(tab.rows), pos, spec.column(key), value))
    return placed


def oracle(column: Column, schema: Schema = SCHEMA) -> Callable[[str], Any]:
    """The column's parser, chosen here from the column type (independently of the workbook's own table)."""
    if column.type in ("enum", "enum_list"):
        options = [(o.key, o.th, o.en, o.aliases) for o in schema.options(column.enum or "")]
        fn = parse.parse_enum if column.type == "enum" else parse.parse_enum_list
        return lambda raw: fn(raw, options)
    return {"text": parse.parse_text, "datetime": parse.parse_text, "int": parse.parse_int, "number": parse.parse_number,
            "percent": parse.parse_percent, "score": parse.parse_score, "baht": parse.parse_baht,
            "date": parse.parse_date, "month_range": parse.parse_month_range, "fiscal_year": parse.parse_fiscal_year,
            "url": parse.parse_url, "urls": parse.parse_urls, "ids": split_multi, "bool": parse.parse_bool,
            "measure": parse.parse_measure}[column.type]


def refused(placed: list[Placed], raw: RawWorkbook) -> set[tuple[str, str, str]]:
    """(tab, address, raw) of every placed cell its parser refuses, in rows the workbook reads (not all blank)."""
    out = set()
    for p in placed:
        if not any(normalize(c) for c in raw.tabs[p.title].rows[p.row - 1]):
            continue
        try:
            oracle(p.column)(p.raw)
        except parse.BadCell:
            out.add((p.title, a1(p.col, p.row), p.raw))
    return out


def stored(raw: RawWorkbook, path: Path) -> RawWorkbook:
    """The workbook written to a SQLite file and read back."""
    store = SQLiteStore(path)
    store.initialize(raw)
    return store.read_all()


# ----- the tests ----------------------------------------------------------------------------------------------------
def test_ten_thousand_fuzzed_cells_are_listed_by_address_when_refused_and_every_page_survives(db_path, run_page):
    batches: list[list[str]] = []

    @settings(max_examples=BATCHES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(st.lists(cell, min_size=BATCH, max_size=BATCH))
    def one_batch(cells: list[str]) -> None:
        raw = demo_workbook()
        placed = place(raw, cells, len(batches))
        with tempfile.TemporaryDirectory() as tmp:
            back = stored(raw, Path(tmp) / "fuzz.sqlite")
        for p in placed:
            row = back.tabs[p.title].rows[p.row - 1]
            assert (row[p.col] if p.col < len(row) else "") == p.raw, f"the store changed {p.title}!{p.row}"
        listed = {(i.tab, i.address, i.raw) for i in all_issues(parse_workbook(back))}
        missing = refused(placed, back) - listed
        assert not missing, f"refused cells not in Data health: {sorted(missing)[:5]}"
        batches.append(cells)

    one_batch()
    assert sum(len(b) for b in batches if len(set(b)) > 100) >= 10_000  # 10,000 varied cells went through

    raw = demo_workbook()
    placed = [p for n, cells in enumerate(batches) for p in place(raw, cells, n)]
    back = stored(raw, db_path)  # the workbook the app opens
    expected = {(t, addr) for t, addr, _raw in refused(placed, back)}
    assert len(expected) > 1000, "the fuzz hardly reached the parsers' refusals"
    for page, lang in [(p, lang) for p in PAGES for lang in ("th", "en")]:
        at = run_page(page, lang)
        assert_clean(at)
        if page == "pages/data_health.py" and lang == "th":
            table = at.dataframe[0].value
            shown = set(zip(table.iloc[:, 1], table.iloc[:, 2], strict=True))
            assert not expected - shown, f"Data health misses {sorted(expected - shown)[:5]}"
