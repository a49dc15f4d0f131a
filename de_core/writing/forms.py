"""The entry forms as data: check what was typed (Thai and English messages), then build sheet rows of text.

Rows are written the way staff type them: dates as Buddhist-Era "15/05/2566", dropdown values as their Thai
labels, lists joined with ", ". parse_workbook reads every one of them back to the same value.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from de_core.sheet import parse
from de_core.sheet.schema import Schema, Tab, load_schema
from de_core.sheet.text import normalize, normalize_light
from de_core.sheet.workbook import Workbook
from de_core.thaidate import fiscal_year_bounds, format_date, to_be
from de_core.writing.form_specs import ADAPTATION_KINDS, ANSWER_LIMIT, CELL_LIMIT, FORMS, Field, FormSpec
from de_core.writing.ids import form_id
from de_core.writing.submission import AUDIT_TAB, BANGKOK, Submission, compact

__all__ = ["ADAPTATION_KINDS", "ANSWER_LIMIT", "CELL_LIMIT", "FORMS", "Field", "FormSpec"]  # form_specs


@dataclass(frozen=True)
class Problem:
    """One thing to fix before saving: the field and the message in Thai and English."""

    field: str
    th: str
    en: str

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


@dataclass
class Prepared:
    """The outcome of checking a form: problems to show, or the submission to send."""

    problems: list[Problem] = field(default_factory=list)
    submission: Submission | None = None


def be_text(d: date) -> str:
    """A date as staff type it in the sheet: 15/05/2566 (Buddhist Era)."""
    return f"{d.day:02d}/{d.month:02d}/{to_be(d.year)}"


def _blank(value: Any) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not normalize(value))


def _check(fld: Field, value: Any, tab: Tab, schema: Schema, fy: int,
           known: Mapping[str, set[str]]) -> list[Problem]:
    col = tab.column(fld.key)
    th, en = col.th, col.en
    if _blank(value):
        return [Problem(fld.key, f"กรุณากรอก «{th}»", f"«{en}» is required")] if fld.required else []
    size = len(normalize_light(value) if fld.kind in ("long", "urls") else normalize(value)) \
        if isinstance(value, str) else 0  # the text as it will be stored
    if size > fld.limit:
        return [Problem(fld.key, f"«{th}» มี {size:,} ตัวอักษร เกินที่รับได้ {fld.limit:,} ตัวอักษร: "
                                 f"กรุณาย่อลง {size - fld.limit:,} ตัวอักษร (ข้อความยังอยู่ในช่อง)",
                        f"«{en}» is {size:,} characters; the limit is {fld.limit:,}: shorten it by "
                        f"{size - fld.limit:,} characters (your text is kept in the box)")]
    try:
        if fld.kind == "date":
            start, end = fiscal_year_bounds(fy)
            if not isinstance(value, date) or not start <= value <= end:
                return [Problem(
                    fld.key, f"«{th}» ต้องอยู่ในปีงบประมาณ {fy} ({format_date(start)} – {format_date(end)})",
                    f"«{en}» must fall in fiscal year {fy} "
                    f"({format_date(start, 'en')} – {format_date(end, 'en')})")]
        elif fld.kind in ("enum", "tags"):
            allowed = {o.key for o in schema.options(col.enum or "")}
            wrong = [v for v in (value if isinstance(value, list) else [value]) if v not in allowed]
            if wrong:
                return [Problem(fld.key, f"«{th}»: ไม่มีค่า «{wrong[0]}» ในรายการ",
                                f"«{en}»: «{wrong[0]}» is not allowed")]
        elif fld.kind in ("ref", "refs"):
            ids = known.get(fld.ref or "", set())
            wrong = [v for v in (value if isinstance(value, list) else [value]) if v not in ids]
            if wrong:
                return [Problem(fld.key, f"«{th}»: ไม่พบรหัส «{wrong[0]}» ในปีงบประมาณ {fy}",
                                f"«{en}»: no «{wrong[0]}» in fiscal year {fy}")]
        elif fld.kind == "urls":
            parse.parse_urls(value)
        elif fld.kind == "measure":
            parse.parse_measure(value)
        elif fld.kind == "baht":
            amount = parse.parse_baht(value)
            if amount is None or amount <= 0:
                return [Problem(fld.key, f"«{th}» ต้องมากกว่า 0 บาท", f"«{en}» must be more than 0 baht")]
    except parse.BadCell as bad:
        return [Problem(fld.key, f"«{th}»: {bad.message('th')}", f"«{en}»: {bad.message('en')}")]
    return []


def _adaptation_rules(values: Mapping[str, Any], context: Mapping[str, Any]) -> list[Problem]:
    """An adaptation done needs its done date, one dropped its reason; it cannot be due or done before the
    reflection it came from was written, nor done before it was proposed. `context`: "existing" (the row an
    update changes) and "reflection_dates" (reflection id → the day it was written)."""
    existing = context.get("existing") or {}
    merged = {**{k: v for k, v in existing.items() if v not in (None, "", [])},
              **{k: v for k, v in values.items() if not _blank(v)}}
    out = []
    if merged.get("status") == "done" and not merged.get("done_on"):
        out.append(Problem("done_on", "การปรับเปลี่ยนที่ทำแล้วต้องมีวันที่เสร็จ", "A done adaptation needs its done date"))
    if merged.get("status") == "dropped" and not merged.get("dropped_reason"):
        out.append(Problem("dropped_reason", "กรุณาบอกเหตุที่ไม่ทำต่อ", "Say why it was dropped"))
    written = (context.get("reflection_dates") or {}).get(merged.get("reflection_id"))
    for key, th, en in (("due_on", "กำหนดเสร็จ", "The due date"), ("done_on", "วันที่เสร็จ", "The done date")):
        day = values.get(key)
        if isinstance(day, date) and isinstance(written, date) and day < written:
            out.append(Problem(key, f"{th}ต้องไม่ก่อนวันที่เขียนการสะท้อนผลที่เป็นที่มา ({format_date(written)})",
                               f"{en} cannot be before the reflection it came from ({format_date(written, 'en')})"))
    proposed, done = merged.get("proposed_on"), values.get("done_on")
    if isinstance(done, date) and isinstance(proposed, date) and done < proposed:
        out.append(Problem("done_on", f"วันที่เสร็จต้องไม่ก่อนวันที่เสนอ ({format_date(proposed)})",
                           f"The done date cannot be before it was proposed ({format_date(proposed, 'en')})"))
    return out


def _rules(kind: str, values: Mapping[str, Any], context: Mapping[str, Any] | None = None) -> list[Problem]:
    """Checks across fields: an activity started needs its start date, a finished one both dates in order; an
    adaptation's (_adaptation_rules)."""
    if kind in ADAPTATION_KINDS:
        return _adaptation_rules(values, context or {})
    if kind != "activity_result":
        return []
    status, start, end = values.get("status"), values.get("actual_start"), values.get("actual_end")
    out = []
    if status in ("in_progress", "done") and not start:
        out.append(Problem("actual_start", "กิจกรรมที่เริ่มแล้วต้องมีวันที่เริ่มจริง",
                           "A started activity needs its actual start"))
    if status == "done" and not end:
        out.append(Problem("actual_end", "กิจกรรมที่เสร็จแล้วต้องมีวันที่เสร็จจริง",
                           "A finished activity needs its actual end"))
    if isinstance(start, date) and isinstance(end, date) and end < start:
        out.append(Problem("actual_end", "วันที่เสร็จจริงต้องไม่ก่อนวันที่เริ่มจริง",
                           "The actual end cannot be before the actual start"))
    return out


def validate(kind: str, values: Mapping[str, Any], fy: int, known: Mapping[str, set[str]],
             schema: Schema | None = None, context: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every problem in a form's input, in field order ([] when it can be saved). `context`: what the checks
    across fields need besides the input (see _adaptation_rules).

    Raises KeyError on an unknown form kind.
    """
    schema = schema or load_schema()
    spec = FORMS[kind]
    tab = schema.tab(spec.tab)
    problems = [p for f in spec.fields for p in _check(f, values.get(f.key), tab, schema, fy, known)]
    return problems + _rules(kind, values, context)


def _cell(fld: Field, value: Any, tab: Tab, schema: Schema) -> str:
    if _blank(value):
        return ""
    if fld.kind == "long":
        return normalize_light(value)
    if fld.kind == "date":
        return be_text(value)
    if fld.kind in ("enum", "tags"):
        enum = tab.column(fld.key).enum or ""
        keys = value if isinstance(value, list) else [value]
        return ", ".join(schema.enum_label(enum, k, "th") for k in keys)
    if fld.kind == "refs":
        return ", ".join(value)
    if fld.kind == "urls":
        return ", ".join(parse.parse_urls(value))
    return normalize(value)


def build_row(kind: str, values: Mapping[str, Any], fy: int, schema: Schema | None = None) -> dict[str, str]:
    """The cells (column key → text) a valid input writes; blank optional fields give ""."""
    schema = schema or load_schema()
    spec = FORMS[kind]
    tab = schema.tab(spec.tab)
    row = {f.key: _cell(f, values.get(f.key), tab, schema) for f in spec.fields}
    if spec.op == "update":
        return {k: v for k, v in row.items() if v}  # an update never blanks a cell the form left empty
    return {"fiscal_year": str(fy), **row}


def prepare(kind: str, values: Mapping[str, Any], fy: int, known: Mapping[str, set[str]], key: str | None = None,
            row_id: str | None = None, existing: Mapping[str, Any] | None = None,
            schema: Schema | None = None, author: str = "", context: Mapping[str, Any] | None = None) -> Prepared:
    """Check a form and, when valid, turn it into the submission to send.

    An append's row id is made from the row's content and its `author` (ids.form_id) unless `key` gives it; an
    update's `key` is the submission id kept for the form (fresh when None). `row_id` is the row an update
    changes; `existing` its current record (new evidence links join its own).
    """
    spec = FORMS[kind]
    problems = validate(kind, values, fy, known, schema, {**(context or {}), "existing": existing or {}})
    if spec.op == "update" and row_id not in known.get(spec.tab, set()):
        tab = (schema or load_schema()).tab(spec.tab)
        problems.insert(0, Problem("row_id", f"ไม่พบ «{row_id or ''}» ในแท็บ «{tab.th}» ปีงบประมาณ {fy}",
                                   f"No «{row_id or ''}» in the tab «{tab.en}» in fiscal year {fy}"))
    if problems:
        return Prepared(problems)
    row = build_row(kind, values, fy, schema)
    too_long = check_entry(row)
    if too_long:
        return Prepared([too_long])
    if spec.op == "append":
        return Prepared(submission=Submission.append(spec.tab, {"id": key or form_id(spec.tab, author, row), **row}))
    for links in ("evidence", "effect_evidence"):
        if row.get(links) and existing and existing.get(links):
            row[links] = ", ".join(dict.fromkeys([*existing[links], *row[links].split(", ")]))
    return Prepared(submission=Submission.update(spec.tab, row_id or "", row, key))


def check_entry(row: Mapping[str, str]) -> Problem | None:
    """The problem of an entry whose audit row would not fit a sheet cell (its "after" holds the whole entry as
    JSON), or None. Nothing is ever cut: the person shortens it."""
    size = len(compact(row)) + len('"id":"",') + 40  # the row's id joins it
    if size <= CELL_LIMIT:
        return None
    over = size - CELL_LIMIT
    return Problem("_entry", f"ทั้งรายการยาวเกินที่หนึ่งช่องของชีตเก็บได้ ({CELL_LIMIT:,} ตัวอักษร รวมเครื่องหมายต่าง ๆ): "
                             f"กรุณาย่อคำตอบรวมกันลงอย่างน้อย {over:,} ตัวอักษร (ข้อความยังอยู่ในช่อง)",
                   f"The whole entry is longer than one sheet cell holds ({CELL_LIMIT:,} characters with its "
                   f"punctuation): shorten the answers by at least {over:,} characters (your text is kept)")


def new_key(kind: str) -> str:
    """A fresh submission id for an update form when it is first shown (an append's id comes from its content)."""
    if FORMS[kind].op == "append":
        raise ValueError("an appended row's id is made from its content and author (ids.form_id)")
    return f"upd-{uuid.uuid4().hex}"


def saved_at(wb: Workbook, tab: str, row_id: str) -> datetime | None:
    """When a row was saved, in Bangkok time: the time of its audit row (None when it has none, e.g. typed by hand).
    """
    for audit in wb.rows(AUDIT_TAB):
        if audit.get("tab") == tab and audit.get("row_id") == row_id and audit.get("action") == "append":
            try:
                return datetime.fromisoformat(str(audit.get("at"))).astimezone(BANGKOK)
            except ValueError:
                return None
    return None


def date_choices(fy: int) -> list[date]:
    """Every day of the fiscal year, 1 Oct first: a date picker that shows BE dates and stays in the year."""
    start, end = fiscal_year_bounds(fy)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def default_day(fy: int, day: date) -> date:
    """The day a form starts on: `day` (today or the as-of date), moved into the fiscal year if outside."""
    start, end = fiscal_year_bounds(fy)
    return min(max(day, start), end)
