"""Fill blank ids on a Google Sheet tab (the Data health editor action), each write proving its row."""

from __future__ import annotations

from collections.abc import Callable

from de_core.store.base import StoreError, column_positions
from de_core.store.google.book import SheetBook
from de_core.store.google.proof import write_proven
from de_core.store.google.update import address, cell


def _content(row: list[str], skip: int) -> list[str]:
    cells = [c.strip() for i, c in enumerate(row) if i != skip]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def fill_missing_ids(store: SheetBook, tab_key: str, make_id: Callable[[str], str]) -> list[str]:
    """Write a fresh id into every non-blank row whose id cell is blank, in one proven write (proof.py).

    A row that was no longer the one read (a person moved rows in between) gets its id cell back as it was, and
    StoreError names those cells.
    """
    tab = store.schema.tab(tab_key)
    title, grid = store.read_tab(tab)
    header = grid[0] if grid else []
    id_pos = column_positions(tab, header, [tab.id_column])[tab.id_column]
    targets = {
        n: make_id(tab_key)
        for n, row in enumerate(grid[1:], start=2)
        if any(c.strip() for c in row) and not cell(row, id_pos).strip()
    }
    if not targets:
        return []
    width = max(len(r) for r in grid)
    proof = write_proven(store, title, {n: {id_pos: new} for n, new in targets.items()}, width)
    if proof is None:
        return list(targets.values())
    moved = [n for n in targets if cell(proof[n].before, id_pos).strip()
             or _content(proof[n].before, id_pos) != _content(grid[n - 1], id_pos)]
    if moved:
        write_proven(store, title, {n: {id_pos: proof[n].entered[id_pos] if id_pos < len(proof[n].entered) else {}}
                                    for n in moved}, width)
        cells = ", ".join(address(title, n, id_pos) for n in moved)
        raise StoreError(
            f"มีคนแก้ชีต «{title}» ระหว่างเติมรหัส: แอปคืนค่าเดิมให้ช่อง {cells} แล้ว ช่องอื่นได้รหัสใหม่",
            f"Someone edited «{title}» while ids were being filled: cells {cells} got their previous value back; "
            "the other rows have their new ids",
            "ตรวจแถวเหล่านั้นในชีต แล้วกดเติมรหัสอีกครั้ง", "Check those rows in the sheet, then fill ids again",
        )
    return list(targets.values())
