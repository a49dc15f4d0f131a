"""Small ITA workbooks for the unit tests: the demo's ITA tabs, changed cell by cell, parsed like a sheet."""

from __future__ import annotations

from de_core.ops.demo import demo_workbook
from de_core.sheet.schema import load_schema
from de_core.sheet.workbook import Workbook, parse_workbook


def demo_with(edits: dict[str, dict[str, dict[str, str]]] | None = None,
              appends: dict[str, list[dict[str, str]]] | None = None,
              drops: dict[str, list[str]] | None = None) -> Workbook:
    """The demo workbook with cells changed by {tab: {row id: {column: text}}}, rows appended and rows dropped."""
    schema = load_schema()
    raw = demo_workbook(schema)
    for tab_key, rows in (edits or {}).items():
        tab = raw.tabs[schema.tab(tab_key).th]
        keys = schema.tab(tab_key).column_keys
        for row in tab.rows[1:]:
            for col, text in rows.get(row[0], {}).items():
                row[keys.index(col)] = text
    for tab_key, new_rows in (appends or {}).items():
        tab = raw.tabs[schema.tab(tab_key).th]
        keys = schema.tab(tab_key).column_keys
        tab.rows += [[r.get(k, "") for k in keys] for r in new_rows]
    for tab_key, ids in (drops or {}).items():
        tab = raw.tabs[schema.tab(tab_key).th]
        tab.rows[1:] = [r for r in tab.rows[1:] if r[0] not in ids]
    return parse_workbook(raw, schema)


def scores_row(fy: int, iit: str = "", eit: str = "", oit: str = "", **more: str) -> dict[str, str]:
    return {"id": f"ita-{fy}", "fiscal_year": str(fy), "iit": iit, "eit": eit, "oit": oit, **more}


def weight_rows(fy: int, iit: str = "30", eit: str = "30", oit: str = "40") -> list[dict[str, str]]:
    return [{"id": f"w-{fy}-{tool}", "fiscal_year": str(fy), "tool": tool.upper(), "weight": w}
            for tool, w in (("iit", iit), ("eit", eit), ("oit", oit))]


def band_rows(fy: int, table: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"id": f"band-{fy}-{level}", "fiscal_year": str(fy), "level": level, "min_score": score}
            for level, score in table]


# The FY2566 results as the year could read once its assessment is over: the scores the demo carried before #16
# (as of 30 มิ.ย. 2566 the demo itself has only a self-assessed OIT, no IIT or EIT yet). For the maths tests that
# need a fully scored year in the demo's frame; the indicators average exactly to the tool scores.
RESULTS_2566 = {"iit": "93.12", "eit": "90.45", "oit": "96.00", "i1": "95.20", "i2": "90.85", "i3": "94.10",
                "i4": "92.35", "i5": "93.10", "i6": "91.20", "i7": "89.65", "i8": "90.50", "i9": "97.50", "i10": "94.50"}


def scored_demo(edits: dict[str, dict[str, dict[str, str]]] | None = None,
                appends: dict[str, list[dict[str, str]]] | None = None,
                drops: dict[str, list[str]] | None = None) -> Workbook:
    """demo_with on the demo whose FY2566 row holds RESULTS_2566 (the given edits are applied over them)."""
    merged: dict[str, dict[str, dict[str, str]]] = {"ita_scores": {"ita-2566": dict(RESULTS_2566)}}
    for tab_key, rows in (edits or {}).items():
        for row_id, cells in rows.items():
            merged.setdefault(tab_key, {}).setdefault(row_id, {}).update(cells)
    return demo_with(merged, appends, drops)
