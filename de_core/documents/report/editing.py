"""Writing the report's sections (the tab เนื้อหารายงาน) from the app: a row as typed, checked, turned into the cells
the Writer saves (an update by id, or a new row with its id), rows moved up or down within their section, and the
section as it would look with the text not saved yet (the live preview).

Cells are written the way staff type them: the section and the kind as their Thai dropdown labels, the order as a
plain number, text with its line breaks.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from de_core.documents.report.build import build_report
from de_core.documents.report.content import order_key, row_kind, section_rows
from de_core.documents.report.model import Section
from de_core.documents.report.structure import BLOCK_ENUM, SECTION_ENUM
from de_core.sheet import parse
from de_core.sheet.schema import match_headers
from de_core.sheet.text import normalize_light
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import settings_for
from de_core.writing.forms import ANSWER_LIMIT, Problem, check_entry
from de_core.writing.ids import new_id
from de_core.writing.submission import Submission

TAB = "report_sections"
TEXTS = ("title", "text", "cell_1", "cell_2", "cell_3")
FIELDS = ("kind", *TEXTS, "url")
LIMITS = {"title": 2_000, "url": 2_000}


def draft_of(rec: Mapping[str, object] | None) -> dict[str, str]:
    """A row's editable values as the form shows them (a new row: an empty paragraph)."""
    rec = rec or {}
    values = {name: str(rec.get(name) or "") for name in (*TEXTS, "url")}
    return {"kind": row_kind(dict(rec)) if rec else "paragraph", **values}


def check(draft: Mapping[str, str], wb: Workbook) -> list[Problem]:
    """What to fix before saving (nothing to save, too long, a link that is not a web address); [] when fine."""
    problems: list[Problem] = []
    tab = wb.schema.tab(TAB)
    if draft.get("kind") not in {o.key for o in wb.schema.options(BLOCK_ENUM)}:
        problems.append(Problem("kind", "เลือกชนิดของแถว", "Choose the row's kind"))
    for name in (*TEXTS, "url"):
        value, limit = normalize_light(draft.get(name) or ""), LIMITS.get(name, ANSWER_LIMIT)
        if len(value) > limit:
            col = tab.column(name)
            problems.append(Problem(name, f"«{col.th}» มี {len(value):,} ตัวอักษร เกินที่รับได้ {limit:,}: กรุณาย่อลง "
                                          f"{len(value) - limit:,} ตัวอักษร (ข้อความยังอยู่ในช่อง)",
                                    f"«{col.en}» is {len(value):,} characters; the limit is {limit:,}: shorten it "
                                    f"by {len(value) - limit:,} (your text is kept)"))
    try:
        parse.parse_url(draft.get("url") or "")
    except parse.BadCell as bad:
        problems.append(Problem("url", f"«ลิงก์ภาพ»: {bad.message('th')}", f"«Picture link»: {bad.message('en')}"))
    empty = not any(normalize_light(draft.get(n) or "") for n in (*TEXTS, "url"))
    if empty and draft.get("kind") != "data":
        problems.append(Problem("text", "ยังไม่มีข้อความให้บันทึก", "There is nothing to save yet"))
    return problems


def cells(draft: Mapping[str, str], wb: Workbook) -> dict[str, str]:
    """The sheet cells of a checked draft (column key → text as staff would type it)."""
    out = {"kind": wb.schema.enum_label(BLOCK_ENUM, draft["kind"], "th")}
    for name in TEXTS:
        out[name] = normalize_light(draft.get(name) or "")
    out["url"] = parse.parse_url(draft.get("url") or "") or ""
    return out


def _order_text(n: int) -> str:
    return str(n)


def next_order(rows: list[Record]) -> str:
    """The order of a row added at the end of its section."""
    orders = [r["order"] for r in rows if r.get("order") is not None]
    return _order_text(int(max(orders, default=Decimal(0))) + 1)


def save(draft: Mapping[str, str], wb: Workbook, fiscal_year: int, section: str, rec: Record | None = None,
         new_row_id: str | None = None) -> tuple[list[Problem], Submission | None]:
    """The submission that saves a draft: an update of the cells that changed (by the row's id), or a new row at the
    end of its section with `new_row_id` (kept by the form, so a retry sends the same row). Problems instead when
    the draft cannot be saved; (no problems, None) when nothing changed."""
    problems = check(draft, wb)
    if problems:
        return problems, None
    row = cells(draft, wb)
    if rec is not None:
        changed = {k: v for k, v in row.items() if k != "kind" and v != str(rec.get(k) or "")}
        if draft["kind"] != (rec.get("kind") or row_kind(rec)):  # a blank kind the row's cells imply stays blank
            changed["kind"] = row["kind"]
        return [], Submission.update(TAB, rec["id"], changed) if changed else None
    values = {"id": new_row_id or new_id(TAB), "fiscal_year": str(fiscal_year),
              "section": wb.schema.enum_label(SECTION_ENUM, section, "th"),
              "order": next_order(section_rows(wb, fiscal_year).get(section, [])), **row}
    too_long = check_entry(values)
    return ([too_long], None) if too_long else ([], Submission.append(TAB, values))


def moves(rows: list[Record], row_id: str, step: int) -> list[Submission]:
    """Move a row one place up (step -1) or down (+1) in its section: the section renumbered 1, 2, 3 … and an update
    for each row whose order changes ([] when it cannot move)."""
    ordered = sorted(rows, key=order_key)
    ids = [r["id"] for r in ordered if r.get("id")]
    if row_id not in ids:
        return []
    i = ids.index(row_id)
    j = i + step
    if not 0 <= j < len(ids):
        return []
    ids[i], ids[j] = ids[j], ids[i]
    by_id = {r["id"]: r for r in ordered if r.get("id")}
    out = []
    for n, rid in enumerate(ids, start=1):
        if by_id[rid].get("order") != Decimal(n):
            out.append(Submission.update(TAB, rid, {"order": _order_text(n)}))
    return out


def preview(wb: Workbook, fiscal_year: int, lang: str, today: date, section: str, draft: Mapping[str, str],
            rec: Record | None = None) -> Section:
    """The section as the report would show it with the draft saved (rec: the row it edits; None: a new row)."""
    rows = list(section_rows(wb, fiscal_year).get(section, []))
    url = ""
    try:
        url = parse.parse_url(draft.get("url") or "") or ""
    except parse.BadCell:
        url = ""
    typed = {name: normalize_light(draft.get(name) or "") or None for name in TEXTS}
    record: Record = {**(rec or {"id": "", "_row": 10**9, "order": None, "section": section}),
                      **typed, "kind": draft.get("kind") or None, "url": url or None}
    if rec is not None:
        rows = [record if r.get("id") == rec.get("id") else r for r in rows]
    elif any(typed.values()) or url or draft.get("kind") == "data":
        rows.append(record)
    return build_report(wb, fiscal_year, lang, today, rows={section: rows}, appendices=False).section(section)


COVER = ("innovation_title", "author_role", "category", "affiliation")  # the settings columns the cover shows


def cover_values(wb: Workbook, fiscal_year: int) -> dict[str, str]:
    """The cover's settings of the year as the form shows them."""
    row = settings_for(wb, fiscal_year)
    return {name: str(row.get(name) or "") for name in COVER}


def cover_save(wb: Workbook, fiscal_year: int, typed: Mapping[str, str]) -> tuple[list[str], Submission | None]:
    """(the Thai headers the settings tab lacks and must gain first, the update of the cells that changed) for the
    cover's fields; (…, None) when nothing changed. Raises KeyError when the year has no settings row."""
    row = settings_for(wb, fiscal_year)
    if not row.get("id"):
        raise KeyError(f"no settings row for {fiscal_year}")
    changed = {name: normalize_light(typed.get(name) or "") for name in COVER
               if normalize_light(typed.get(name) or "") != str(row.get(name) or "")}
    tab = wb.schema.tab("settings")
    found, _unknown = match_headers(tab, wb.headers.get("settings", []))
    missing = [tab.column(name).th for name in changed if name not in found]
    return missing, Submission.update("settings", row["id"], changed) if changed else None
