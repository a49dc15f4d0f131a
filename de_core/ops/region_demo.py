"""The demo region: a few demo offices made from the FY2566 demo workbook with different figures (ITA, DE steps,
spending, OIT items), each marked demo in its settings row; the benchmark makes 245 of them.

Office n is `demo:<n>` in the regional workbook's source column; its workbook is made the same way every time
(seeded by n), so the demo region needs no Google account and no file.
"""

from __future__ import annotations

import random
from functools import lru_cache

from de_core.ops.demo import demo_workbook
from de_core.region.offices import Office, offices_workbook
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import load_schema, match_headers

DEMO_SIZE = 6
AREAS = ("บึงกาฬ", "หนองคาย", "อุดรธานี", "สกลนคร", "นครพนม", "เลย", "หนองบัวลำภู", "มุกดาหาร")
STEP_STATUS = ("ยังไม่เริ่ม", "กำลังดำเนินการ", "เสร็จแล้ว")
OIT_DRAFTED = "ร่างแล้ว"


def demo_offices(count: int = DEMO_SIZE) -> list[Office]:
    """The demo region's offices (the regional workbook's rows)."""
    return [Office(f"demo-{n:03d}", f"สำนักงานเขตพื้นที่การศึกษาตัวอย่าง {n} (demo)", AREAS[(n - 1) % len(AREAS)],
                   f"demo:{n}", "ตัวอย่าง (demo)", n + 1) for n in range(1, count + 1)]


def demo_region_workbook(count: int = DEMO_SIZE) -> RawWorkbook:
    """The demo region's own workbook: its offices tab."""
    return offices_workbook(demo_offices(count))


def _edit(raw: RawWorkbook, tab_key: str, change) -> None:
    schema = load_schema()
    tab = schema.tab(tab_key)
    title = next(t for t in raw.tabs if schema.find_tab(t) is tab)
    rows = [list(r) for r in raw.tabs[title].rows]
    pos, _ = match_headers(tab, rows[0])
    for i, row in enumerate(rows[1:], start=1):
        row.extend([""] * (max(pos.values()) + 1 - len(row)))
        change(i, row, pos)
    raw.add(RawTab(title, rows))


@lru_cache(maxsize=512)
def demo_office_workbook(source: str) -> RawWorkbook:
    """The workbook of demo office `demo:<n>`: the FY2566 demo with this office's own figures (seeded by n)."""
    n = int(source.split(":", 1)[1] or 1)
    rng = random.Random(2566 * 1000 + n)
    raw = demo_workbook()
    name = demo_offices(n)[-1].name
    allocation = rng.choice((40_000, 50_000, 60_000, 80_000))
    progress = rng.uniform(0.35, 1.0)  # share of the DE steps done
    spend = rng.uniform(0.2, 1.25)
    published = rng.uniform(0.55, 1.0)
    full_ita = rng.random() < 0.5  # half the offices already have their FY2566 IIT and EIT

    def settings(i, row, pos):
        row[pos["office_name"]] = name
        row[pos["allocation"]] = f"{allocation:,} บาท"

    def steps(i, row, pos):
        share = i / 16
        row[pos["status"]] = STEP_STATUS[2] if share <= progress else STEP_STATUS[1] if share <= progress + 0.15 \
            else STEP_STATUS[0]
        if row[pos["status"]] != STEP_STATUS[2]:
            row[pos["done_on"]] = ""

    def expenses(i, row, pos):
        amount = row[pos["amount"]].replace("บาท", "").replace(",", "").strip()
        digits = "".join(str("๐๑๒๓๔๕๖๗๘๙".index(c)) if c in "๐๑๒๓๔๕๖๗๘๙" else c for c in amount)
        if digits.replace(".", "").isdigit():
            row[pos["amount"]] = f"{round(float(digits) * spend):,}"

    def ita(i, row, pos):
        year = "".join(str("๐๑๒๓๔๕๖๗๘๙".index(c)) if c in "๐๑๒๓๔๕๖๗๘๙" else c for c in row[pos["fiscal_year"]])
        if year == "2565":
            for tool in ("iit", "eit", "oit"):
                row[pos[tool]] = f"{rng.uniform(72, 97):.2f}"
        elif full_ita:
            for tool in ("iit", "eit", "oit"):
                row[pos[tool]] = f"{rng.uniform(78, 99):.2f}"

    def oit(i, row, pos):
        if row[pos["status"]] in ("ตรวจแล้ว", "เผยแพร่แล้ว") and rng.random() > published:
            row[pos["status"]] = OIT_DRAFTED

    for tab_key, change in (("settings", settings), ("de_steps", steps), ("expenses", expenses),
                            ("ita_scores", ita), ("oit_items", oit)):
        _edit(raw, tab_key, change)
    raw.source = source
    return raw
