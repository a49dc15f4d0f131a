"""Sheet rows as the database keeps them: the normalised id of a row, cells as text arrays (never the NUL character
PostgreSQL cannot hold; sent as JSON, whose ragged rows an array parameter cannot carry), and a workbook rebuilt
from the tabs and rows of one read."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from psycopg.types.json import Jsonb

from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, Tab, match_headers
from de_core.sheet.text import normalize
from de_core.store.base import StoreError

#: SQL turning a JSON array of strings into text[], its order kept ({json}: the JSON expression).
CELLS = ("ARRAY(SELECT c.cell FROM jsonb_array_elements_text({json}) WITH ORDINALITY AS c(cell, i) "
         "ORDER BY c.i)")


def jsonb(value: Any) -> Jsonb:
    """A JSON parameter sent as UTF-8 text (Thai stays 3 bytes a character, not a 6-byte escape)."""
    return Jsonb(value, dumps=lambda v: json.dumps(v, ensure_ascii=False))


def id_position(schema: Schema, title: str, header: list[str] | None) -> int | None:
    """Where the id column of a schema tab stands in its header row; None for an unknown tab or no id header."""
    tab = schema.find_tab(title)
    if tab is None or not header:
        return None
    return match_headers(tab, header)[0].get(tab.id_column)


def row_key(cells: list[str], id_pos: int | None) -> str:
    """The id a row is found by: its id cell normalised like every store matches ids; "" when it has none."""
    if id_pos is None or id_pos >= len(cells):
        return ""
    return normalize(cells[id_pos])


def check_text(tab_title: str, rows: Iterable[list[str]]) -> None:
    """Refuse a cell holding NUL (U+0000), which PostgreSQL text cannot store, naming its tab and A1 address."""
    from de_core.sheet.cells import column_letter

    for r, cells in enumerate(rows, start=1):
        for c, cell in enumerate(cells):
            if "\x00" in cell:
                where = f"{tab_title}!{column_letter(c)}{r}"
                raise StoreError(
                    f"ช่อง {where} มีอักขระ NUL ซึ่ง PostgreSQL เก็บไม่ได้", f"Cell {where} holds a NUL character, "
                    "which PostgreSQL cannot store", "ลบอักขระนั้นออกจากช่อง (มักติดมาจากการวาง) แล้วลองอีกครั้ง",
                    "Remove that character from the cell (it usually comes with a paste), then try again")


def plan_tab(schema: Schema, tab: RawTab) -> list[tuple[str, bool, list[str]]]:
    """The data rows of a tab as (row id, first row with that id, cells), in sheet order."""
    id_pos = id_position(schema, tab.title, tab.header)
    seen: set[str] = set()
    out = []
    for cells in tab.rows[1:]:
        key = row_key(cells, id_pos)
        out.append((key, key not in seen, [str(c) for c in cells]))
        if key:
            seen.add(key)
    return out


#: One office's tabs and rows in ONE statement (one snapshot), in no particular order: a tab is a line with its
#: position and header row (seq NULL), a sheet row a line with its seq. Ordering is left to Python (a sort on the
#: server spills to disk past work_mem at the demo ×100; Python's sort of rows read nearly in order costs little).
WORKBOOK = """SELECT office, title, position, NULL::bigint AS seq, header AS cells FROM tabs {where}
UNION ALL
SELECT office, title, NULL, seq, cells FROM sheet_rows {where}"""


def workbooks_from_lines(lines: Iterable[tuple[str, str, int | None, int | None, list[str] | None]],
                         source: str = "postgresql") -> dict[str, RawWorkbook]:
    """office → RawWorkbook from WORKBOOK's lines: tabs in their order, each tab's rows in sheet order."""
    tabs: dict[str, list[tuple[int, str, list[str] | None]]] = {}
    rows: dict[tuple[str, str], list[tuple[int, list[str]]]] = {}
    for office, title, position, seq, cells in lines:
        if seq is None:
            tabs.setdefault(office, []).append((position or 0, title, cells))
        else:
            rows.setdefault((office, title), []).append((seq, cells or []))
    books = {}
    for office, found in tabs.items():
        raw = RawWorkbook(source=f"{source}:{office}", read_at=datetime.now(UTC))
        for _position, title, header in sorted(found, key=lambda t: t[0]):
            tab = RawTab(title, [list(header)] if header is not None else [])
            body = sorted(rows.get((office, title), []), key=lambda r: r[0])
            if body and not tab.rows:
                tab.rows.append([])
            tab.rows.extend(cells for _seq, cells in body)
            raw.add(tab)
        books[office] = raw
    return books


def tab_of(schema: Schema, titles: Iterable[str], tab_key: str) -> tuple[Tab, str] | None:
    """The schema tab and the title standing for it among the office's titles (first match), or None."""
    tab = schema.tab(tab_key)
    for title in titles:
        found = schema.find_tab(title)
        if found is not None and found.key == tab_key:
            return tab, title
    return None
