"""Fill blank ids on a Google Sheet tab (the Data health editor action), verified after writing."""

from __future__ import annotations

from collections.abc import Callable

from de_core.store.base import StoreError, column_positions
from de_core.store.google.book import SheetBook
from de_core.store.google.tidy import read_tab


def _cells(row: list[str], skip: int) -> list[str]:
    return [c.strip() for i, c in enumerate(row) if i != skip]


def fill_missing_ids(store: SheetBook, tab_key: str, make_id: Callable[[str], str]) -> list[str]:
    """Write a fresh id into every non-blank row whose id cell is blank; then check each landed on its row.

    Raises StoreError naming the rows to check when a person moved rows between the read and the write.
    """
    tab = store.schema.tab(tab_key)
    title, grid = read_tab(store, tab)
    header = grid[0] if grid else []
    id_pos = column_positions(tab, header, [tab.id_column])[tab.id_column]
    targets = {
        n: make_id(tab_key)
        for n, row in enumerate(grid[1:], start=2)
        if any(c.strip() for c in row) and not (row[id_pos].strip() if id_pos < len(row) else "")
    }
    if not targets:
        return []
    store.write_cells(title, {(n, id_pos + 1): new for n, new in targets.items()})
    _title, after = read_tab(store, tab)
    moved = [n for n in targets if n > len(after) or _cells(after[n - 1], id_pos) != _cells(grid[n - 1], id_pos)]
    if moved:
        rows = ", ".join(str(n) for n in moved)
        raise StoreError(
            f"มีคนแก้ชีต «{title}» ระหว่างเติมรหัส: โปรดตรวจคอลัมน์รหัสแถว {rows}",
            f"Someone edited «{title}» while ids were being filled: check the id cells of rows {rows}",
            "ตรวจแถวเหล่านั้นในชีต แล้วกดเติมรหัสอีกครั้ง", "Check those rows in the sheet, then fill ids again",
        )
    return list(targets.values())
