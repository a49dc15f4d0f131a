"""Import an .xlsx workbook: merge by id after a preview (updates, appends, new ids, kept unknown columns)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from de_core.sheet.cells import CellIssue
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import Schema, Tab, load_schema, match_headers
from de_core.sheet.text import normalize
from de_core.sheet.workbook import parse_workbook
from de_core.writing.ids import new_id
from de_core.writing.writer import Writer

Row = dict[str, str]


@dataclass
class TabPlan:
    tab_key: str
    title: str
    updates: list[tuple[str, Row]] = field(default_factory=list)
    appends: list[Row] = field(default_factory=list)
    new_columns: list[str] = field(default_factory=list)
    unchanged: int = 0
    ids_filled: int = 0

    @property
    def changes(self) -> int:
        return len(self.updates) + len(self.appends) + len(self.new_columns)


@dataclass
class ImportPlan:
    """What an import will change, shown to the user before anything is written."""

    tabs: list[TabPlan] = field(default_factory=list)
    issues: list[CellIssue] = field(default_factory=list)
    ignored_tabs: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return sum(t.changes for t in self.tabs)


def _rows_as_dicts(tab: Tab, raw_tab: RawTab) -> tuple[list[Row], list[str]]:
    positions, unknown = match_headers(tab, raw_tab.header)
    header = raw_tab.header
    extra = [header[p] for p in unknown]
    out = []
    for row in raw_tab.rows[1:]:
        if not any(normalize(c) for c in row):
            continue
        cells = {key: (row[p] if p < len(row) else "") for key, p in positions.items()}
        cells.update({header[p]: (row[p] if p < len(row) else "") for p in unknown})
        out.append(cells)
    return out, extra


def _find(raw: RawWorkbook, schema: Schema, key: str) -> RawTab | None:
    for title, tab in raw.tabs.items():
        found = schema.find_tab(title)
        if found is not None and found.key == key:
            return tab
    return None


def plan_import(current: RawWorkbook, incoming: RawWorkbook, schema: Schema | None = None,
                make_id: Callable[[str], str] = new_id) -> ImportPlan:
    """Compare an incoming workbook with the current one, tab by tab, row by row (by id)."""
    schema = schema or load_schema()
    found = parse_workbook(incoming, schema).issues
    plan = ImportPlan(issues=[i for i in found if i.severity == "error" and i.address])
    plan.ignored_tabs = [t for t in incoming.tabs if schema.find_tab(t) is None]
    for tab in schema.tabs:
        src = _find(incoming, schema, tab.key)
        if src is None or tab.key == "audit":
            continue
        dst = _find(current, schema, tab.key)
        rows, extra = _rows_as_dicts(tab, src)
        existing_rows, existing_extra = _rows_as_dicts(tab, dst) if dst else ([], [])
        by_id = {normalize(r.get("id", "")): r for r in existing_rows if normalize(r.get("id", ""))}
        tp = TabPlan(tab.key, dst.title if dst else tab.th)
        tp.new_columns = [h for h in extra if h not in existing_extra]
        for row in rows:
            row_id = normalize(row.get("id", ""))
            if not row_id:
                row = {**row, "id": make_id(tab.key)}
                tp.ids_filled += 1
                tp.appends.append(row)
            elif row_id in by_id:
                old = by_id[row_id]
                changed = {k: v for k, v in row.items() if k != "id" and normalize(old.get(k, "")) != normalize(v)}
                if changed:
                    tp.updates.append((row_id, changed))
                else:
                    tp.unchanged += 1
            else:
                tp.appends.append(row)
        if tp.changes or tp.unchanged:
            plan.tabs.append(tp)
    return plan


def apply_import(writer: Writer, plan: ImportPlan) -> int:
    """Carry out a plan through the one write path (new columns, updates, appends; all audited).

    Returns the rows written. Raises StoreError (PermissionDenied for a viewer, before anything is written).
    """
    written = 0
    for tp in plan.tabs:
        if tp.new_columns:
            writer.add_columns(tp.tab_key, tp.new_columns)
        for row_id, changed in tp.updates:
            writer.update(tp.tab_key, row_id, changed)
            written += 1
        if tp.appends:
            written += writer.append_many(tp.tab_key, tp.appends)
    return written
