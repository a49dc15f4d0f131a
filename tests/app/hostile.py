"""A hostile workbook: the demo with Markdown, HTML, LaTeX, Streamlit directives, links and a long unbroken string
in every text cell a page can show (ids, numbers, dates and dropdown values stay valid, so every page still draws
its content), and the payloads' markers, which the oracle of test_hostile_text looks for on screen.

Each payload is an `Atom`: what a person could type (`literal`) and a `marker`, a word of its own inside it. When a
marker reaches the screen, the literal around it must be shown as typed; see tests/app/hostile_oracle.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from de_core.ops.demo import demo_workbook
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import load_schema, match_headers
from de_core.store.local import SQLiteStore

EVIL = "evil.example"  # the only host a payload points to: no request may ever go there


@dataclass(frozen=True)
class Atom:
    marker: str  # a word found only in this payload
    literal: str  # what was typed; shown as typed wherever the marker is shown


# Inline payloads: Markdown, GFM, HTML, entities, LaTeX, Streamlit's directives.
INLINE = (
    Atom("qxbold", "**qxbold**"),
    Atom("qxital", "_qxital_"),
    Atom("qxstar", "*qxstar*"),
    Atom("qxlink", f"[qxlink](https://{EVIL}/x)"),
    Atom("qximg", f"![qximg](https://{EVIL}/p.png)"),
    Atom("qxred", ":red[qxred]"),
    Atom("qxbadge", ":green-badge[qxbadge]"),
    Atom("qxcode", "`qxcode`"),
    Atom("qxstrike", "~~qxstrike~~"),
    Atom("qxtilde", "~qxtilde~"),
    Atom("qxhtml", "<b>qxhtml</b>"),
    Atom("qxtag", f'<img src="https://{EVIL}/i.png" alt="qxtag" onerror="alert(1)">'),
    Atom("qxscript", "<script>alert('qxscript')</script>"),
    Atom("qxent", "&lt;qxent&gt; &amp;"),
    Atom("qxmath", "$qxmath^2$"),
    Atom("qxdisp", r"$$\frac{qxdisp}{2}$$"),
    Atom("qxangle", f"<https://{EVIL}/qxangle>"),
    Atom("qxauto", f"https://{EVIL}/qxauto"),
    Atom("qxwww", f"www.{EVIL}/qxwww"),
    Atom("qxmail", f"qxmail@{EVIL}"),
    Atom("qxemoji", "qxemoji :smile: :tada:"),
    Atom("qxicon", "qxicon :material/warning: :streamlit:"),
    Atom("qxpipe", "a | qxpipe | b"),
)
# Payloads that mean something only at the start of a line.
LINE = (
    Atom("qxhead", "# qxhead"),
    Atom("qxquote", "> qxquote"),
    Atom("qxlist", "- qxlist"),
    Atom("qxnum", "1. qxnum"),
    Atom("qxplus", "+ qxplus"),
    Atom("qxtable", "| qxtable | qxcell |"),
)
BLOCK = (  # several lines: a table, a setext heading, an indented and a fenced code block, a reference link
    "| qxtable | qxcell |\n| --- | --- |\n| qxrow | x |",
    "qxsetext\n===",
    "\n    qxindent\n",
    "```\nqxfence\n```",
    f"[qxref][r]\n\n[r]: https://{EVIL}/ref",
)
LONG = "qxlong" + "ก" * 700 + "W" * 1500  # one unbroken word, Thai then Latin
ATOMS = INLINE + LINE + (Atom("qxsetext", "qxsetext\n==="), Atom("qxfence", "```\nqxfence\n```"),
                         Atom("qxrow", "| qxrow | x |"), Atom("qxref", "[qxref][r]"))  # qxindent: code block check
MARKERS = tuple(a.marker for a in ATOMS) + ("qxindent", "qxlong", "qxid", "qxtab", "qxhdr", "qxact")
THAI = "ข้อความไทย"


def payload(n: int, original: str = "") -> str:
    """The n-th hostile cell: every inline payload, Thai words, and (by turns) a line-start payload first, the
    original text first, multi-line blocks, or the long unbroken word."""
    turn = n % len(INLINE)  # each cell starts its inline payloads elsewhere: text cut to a length meets them all
    inline = f" {THAI} ".join(a.literal for a in INLINE[turn:] + INLINE[:turn])
    kind = n % 4
    if kind == 0:  # starts with a line-start payload: a heading, quote, list ... when shown at the start of a line
        text = f"{LINE[(n // 4) % len(LINE)].literal} {inline}"
    elif kind == 1:  # the demo's own text first (sorting, numbering and Thai stay as they were)
        text = f"{original} {inline}".strip()
    elif kind == 2:  # several lines, each line-start payload on a line of its own, then the blocks
        text = "\n".join(a.literal for a in LINE) + "\n" + inline + "\n\n" + "\n\n".join(BLOCK)
    else:
        text = f"{original} {inline} {LONG}".strip()
    return f"{text} {THAI}"


def _keep(key: str, kind: str) -> bool:
    """Columns that stay as the demo has them: ids and links between rows, numbers, dates, dropdowns."""
    return key == "id" or key.endswith("_id") or kind not in ("text", "datetime")


def hostile_workbook() -> RawWorkbook:
    """The demo workbook with hostile text in every text cell, plus a few hostile cells the parsers refuse."""
    schema = load_schema()
    raw = demo_workbook(schema)
    n = 0
    for title, tab in raw.tabs.items():
        spec = schema.find_tab(title)
        assert spec is not None, title
        positions, _ = match_headers(spec, tab.header)
        rows = tab.rows[1:] or [[""] * len(tab.header)]  # an empty tab (the audit log) gets one row
        if not tab.rows[1:]:
            rows[0][positions["id"]] = f"{spec.key}-hostile"
            tab.rows.append(rows[0])
        for row in rows:
            row.extend([""] * (len(tab.header) - len(row)))  # rows may be ragged
            for key, pos in positions.items():
                if not _keep(key, spec.column(key).type):
                    row[pos] = payload(n, row[pos] if pos < len(row) else "")
                    n += 1
    _extras(raw, schema)
    return raw


def _extras(raw: RawWorkbook, schema) -> None:
    """Rows that make the pages say more (budget alerts, undated activities, a year without ITA), an unknown linked
    KPI id, links the parser refuses, an unknown column and an unknown tab; all hostile."""
    def tab_of(key: str) -> tuple[RawTab, dict[str, int]]:
        tab = raw.tabs[schema.tab(key).th]
        return tab, match_headers(schema.tab(key), tab.header)[0]

    def add(key: str, values: dict[str, str]) -> None:
        tab, positions = tab_of(key)
        row = [""] * len(tab.header)
        for column, value in values.items():
            row[positions[column]] = value
        tab.rows.append(row)

    def cell(key: str, row: int, column: str, value: str) -> None:
        tab, positions = tab_of(key)
        tab.rows[row][positions[column]] = value

    fy = {"fiscal_year": "2566"}
    for n, (activity, day, amount) in enumerate([("act-2", "5/01/2566", "1,000 บาท"),  # spent without a budget
                                                   (f"qxact**b**<i>{EVIL}", "6/01/2566", "500 บาท"),  # no such activity
                                                   ("act-4", "1/01/2570", "100 บาท"),  # outside the year
                                                   ("act-5", "7/07/2566", "50,000 บาท")]):  # over plan and allocation
        add("expenses", {"id": f"exp-qx{n}", **fy, "activity_id": activity, "spent_on": day, "amount": amount,
                         "item": payload(n), "note": payload(n + 1)})
    add("activities", {"id": "act-qx-undated", **fy, "no": "9", "title": payload(0), "status": "ตามแผน",
                       "owner": payload(1), "note": payload(2)})
    add("settings", {"id": "fy-2567", "fiscal_year": "2567", "office_name": payload(0), "project_name": payload(1),
                     "vision": payload(2), "is_current": "FALSE", "note": payload(3)})
    activities, positions = tab_of("activities")
    activities.rows[1][positions["kpi_ids"]] += f", qxid**b**[x](https://{EVIL}/id)<i>"
    cell("oit_items", 1, "url", "javascript:alert('qxjs')")
    cell("evidence", 1, "url", f"https://{EVIL}/qx ev <b>")
    activities.rows[0].append("**qxhdr** <b>หัวคอลัมน์</b>")
    for row in activities.rows[1:]:
        row.append(payload(1, "หมายเหตุ"))
    raw.add(RawTab("**qxtab** <b>แท็บ</b>", [["รหัส", "# qxhdr"], ["x-1", payload(0)]]))


def write_hostile(path: Path) -> Path:
    """The hostile workbook as an embedded (SQLite) workbook file at `path`, the file the app opens."""
    SQLiteStore(path).initialize(hostile_workbook())
    return path
