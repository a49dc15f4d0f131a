"""Scaled copies of the FY2566 demo workbook for the benchmarks: ×1 is the demo data set itself.

At scale N, each scaled tab holds its demo rows plus round((N − 1) × factor × demo rows) clones:

    tab            factor   ×1    ×10    ×100
    reflections      25      8   1,808  19,808   (the issue asks for about 20k reflections at ×100)
    activities        1     19     190   1,900   (about 2k)
    kpi_readings   0.37     27     117   1,016   (about 1k)
    kpis           0.37     14      60     526   (so each KPI keeps about two readings)
    de_steps          1     16     160   1,600
    expenses          1     10     100   1,000
    evidence          1     10     100   1,000

Settings, KRAs, objectives and the ITA / OIT tabs stay as in the demo (one fiscal year, one OIT list, four KRA
groups). Clone k of a row gets the id `<demo id>-x<k>`; an id it refers to (parent activity, linked KPIs,
activity of an expense or reflection, step of a piece of evidence) becomes the clone of the same number in that
tab when the tab has one, else stays the demo id, so every reference stays resolvable. Dates are shifted by a
few days or months per clone but kept inside FY2566 and re-typed in the forms staff use ("15/05/2566",
"15 พ.ค. 2566", "๑๕ พ.ค. ๒๕๖๖"); titles and texts get a clone marker and reflections mix their answers, so
the parsers see varied text. Everything is deterministic (seeded).

    /work/venv/bin/python -m bench.generate --scale 100 --out /tmp/x100   # CSV files like sheets_schema/demo
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from de_core.ops.demo import DEMO_FISCAL_YEAR, demo_workbook
from de_core.sheet.parse import BadCell, parse_date, parse_month_range
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, Tab, load_schema, match_headers
from de_core.sheet.text import THAI_DIGITS, split_multi
from de_core.thaidate import THAI_MONTHS_ABBR, fiscal_year_bounds, to_be

FACTORS: dict[str, float] = {
    "reflections": 25, "activities": 1, "kpi_readings": 0.37, "kpis": 0.37, "de_steps": 1, "expenses": 1,
    "evidence": 1,
    # the DE loop (#19): about one adaptation per reflection with a "Now what?", outcomes and meetings fewer
    "adaptations": 25, "outcomes": 10, "meetings": 1,
}
#: (tab, column) → the tab its ids refer to.
REFERENCES: dict[tuple[str, str], str] = {
    ("kpi_readings", "kpi_id"): "kpis", ("activities", "parent_id"): "activities",
    ("activities", "kpi_ids"): "kpis", ("expenses", "activity_id"): "activities",
    ("reflections", "activity_id"): "activities", ("reflections", "kpi_ids"): "kpis",
    ("evidence", "activity_id"): "activities", ("evidence", "kpi_id"): "kpis", ("evidence", "step_id"): "de_steps",
    ("adaptations", "reflection_id"): "reflections", ("adaptations", "activity_id"): "activities",
    ("adaptations", "kpi_ids"): "kpis", ("adaptations", "step_id"): "de_steps",
    ("outcomes", "activity_id"): "activities", ("outcomes", "kpi_ids"): "kpis",
}
MARKED = {"title", "what", "item", "kpi", "decision", "change"}  # text columns that get a clone marker
MIXED = ("so_what", "now_what")  # reflection answers taken from another demo row
SCALES = (1, 10, 100)


def extra_rows(tab_key: str, demo_rows: int, scale: int) -> int:
    """How many clones of the demo rows a tab gets at this scale."""
    return round((scale - 1) * FACTORS.get(tab_key, 0) * demo_rows)


def _thai_digits(text: str) -> str:
    return "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in text)


def typed_date(d: date, k: int) -> str:
    """A date typed the way staff type it, the form rotating with k."""
    month, year = THAI_MONTHS_ABBR[d.month], to_be(d.year)
    form = k % 3
    if form == 0:
        return f"{d.day}/{d.month:02d}/{year}"
    text = f"{d.day} {month} {year}"
    return _thai_digits(text) if form == 2 else text


class _Cloner:
    """Clones the rows of one scaled tab, remapping ids and shifting dates inside the fiscal year."""

    def __init__(self, tab: Tab, header: list[str], full_copies: dict[str, int], seed: int):
        self.tab, self.full_copies = tab, full_copies
        self.positions, _ = match_headers(tab, header)
        self.width = max(self.positions.values(), default=-1) + 1
        self.rng = random.Random(seed)
        self.start, self.end = fiscal_year_bounds(DEMO_FISCAL_YEAR)
        self.kinds = {key: tab.column(key).type for key in self.positions}

    def ref(self, target: str, value: str, k: int) -> str:
        copies = self.full_copies.get(target, 1)
        j = k % copies if copies > 1 else 0
        return f"{value}-x{j}" if j and value else value

    def shift(self, text: str, k: int, days: int) -> str:
        try:
            d = parse_date(text)
        except BadCell:
            return text
        if d is None:
            return text
        moved = min(max(d + timedelta(days=days), self.start), self.end)
        return typed_date(moved, k)

    def shift_months(self, text: str, months: int) -> str:
        try:
            span = parse_month_range(text)
        except BadCell:
            return text
        if span is None:
            return text
        first, last = (_add_months(x, months) for x in span)
        if first < self.start or last > self.end:
            return text
        a, b = f"{THAI_MONTHS_ABBR[first.month]}", f"{THAI_MONTHS_ABBR[last.month]} {to_be(last.year)}"
        return b if (first.year, first.month) == (last.year, last.month) else f"{a} - {b}"

    def clone(self, row: list[str], k: int, donor: list[str]) -> list[str]:
        out = list(row) + [""] * max(0, self.width - len(row))
        # The k-th clone of every tab moves by the same days, so a row keeps its dates' order with the rows it links
        # to (an adaptation and the reflection it came from, clone k of each): generated data raises no loop issue.
        days, months = (k * 7919) % 91 - 45, self.rng.choice((-1, 0, 0, 1))
        for key, pos in self.positions.items():
            cell = out[pos]
            kind = self.kinds[key]
            if key == "id" and cell:
                out[pos] = f"{cell}-x{k}"
            elif (self.tab.key, key) in REFERENCES and cell:
                target = REFERENCES[(self.tab.key, key)]
                if kind == "ids":
                    out[pos] = ", ".join(self.ref(target, v, k) for v in split_multi(cell))
                else:
                    out[pos] = self.ref(target, cell.strip(), k)
            elif kind == "date" and cell:
                out[pos] = self.shift(cell, k, days)
            elif kind == "month_range" and cell:
                out[pos] = self.shift_months(cell, months)
            elif key in MARKED and cell:
                out[pos] = f"{cell} (ชุดที่ {k})"
            elif key in MIXED and pos < len(donor) and donor[pos]:
                out[pos] = donor[pos]
        return out


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def scaled_workbook(scale: int, seed: int = 2566, schema: Schema | None = None,
                    demo: Callable[[], RawWorkbook] = demo_workbook) -> RawWorkbook:
    """The demo workbook at ×scale (scale ≥ 1; ×1 returns the demo unchanged)."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    schema = schema or load_schema()
    raw = demo()
    tabs = {schema.find_tab(title).key: tab for title, tab in raw.tabs.items()}  # type: ignore[union-attr]
    counts = {key: (len(tabs[key].rows) - 1, extra_rows(key, len(tabs[key].rows) - 1, scale)) for key in FACTORS}
    full = {key: 1 + extra // n for key, (n, extra) in counts.items() if n}
    out = RawWorkbook(source=f"demo×{scale}")
    for title, tab in raw.tabs.items():
        key = schema.find_tab(title).key  # type: ignore[union-attr]
        rows = [list(r) for r in tab.rows]
        n, extra = counts.get(key, (0, 0))
        if extra:
            cloner = _Cloner(schema.tab(key), tab.header, full, seed + len(out.tabs))
            body = tab.rows[1:]
            rows += [cloner.clone(body[i % n], 1 + i // n, body[(i * 7 + 3) % n]) for i in range(extra)]
        out.add(RawTab(title, rows))
    return out


def row_counts(raw: RawWorkbook, schema: Schema | None = None) -> dict[str, int]:
    """Data rows per tab key."""
    schema = schema or load_schema()
    return {schema.find_tab(t).key: len(tab.rows) - 1 for t, tab in raw.tabs.items()}  # type: ignore[union-attr]


def write_csv(raw: RawWorkbook, folder: Path, schema: Schema | None = None) -> list[Path]:
    """One CSV per tab, named like sheets_schema/demo (so demo_workbook(folder=...) reads it back)."""
    schema = schema or load_schema()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for title, tab in raw.tabs.items():
        path = folder / f"{schema.find_tab(title).key}.csv"  # type: ignore[union-attr]
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(tab.rows)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--out", type=Path, help="folder for the CSV files (default: only print the counts)")
    args = parser.parse_args(argv)
    raw = scaled_workbook(args.scale)
    counts = row_counts(raw)
    width = max(len(k) for k in counts)
    print(f"demo ×{args.scale}: {sum(counts.values()):,} data rows")
    for key, n in counts.items():
        print(f"  {key:<{width}}  {n:>7,}")
    if args.out:
        print(f"wrote {len(write_csv(raw, args.out))} CSV files to {args.out}")


if __name__ == "__main__":
    main()
