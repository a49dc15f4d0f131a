"""The next fiscal year from the last: what `de-dashboard new-year --from 2569 --to 2570` (and the set-up page)
creates, planned from the sheet's own text and written through the Writer.

Carried: the settings row (made the current year), KRAs, KPIs (targets kept; baseline = last year's latest
reading), DE steps (not started, due dates moved on), activities (planned, months moved on, nothing spent, budget
kept as plan), objectives (results cleared), the OIT checklist (not started, no links) and the ITA frame (weights,
bands) when the new year has none; the OIT checklist is the new year's own when the app ships its frame
(sheets_schema/ita_frames), else last year's; the adaptations still open (proposed, agreed, in progress: the DE loop
goes on), their links moved to the carried rows, due date and reflection link cleared (the reflection stays in its
year; the note says where it came from), proposed date kept. Not carried: expenses, KPI readings, reflections,
evidence, ITA scores, audit, done or dropped adaptations, outcomes, meetings.
Dates keep their writing style: "พ.ค.- ส.ค. ๒๕๖๖" becomes "พ.ค.- ส.ค. ๒๕๖๗", "02/11/2565" becomes "02/11/2566".

Ids are repeatable (the exception to the uuid rule, DECISIONS.md): the source id with its year replaced, or with
"-y<new year>" added, so running it again finds every row already there and creates nothing twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from de_core.ita.frames import shipped_frames
from de_core.sheet.parse import parse_date, parse_fiscal_year
from de_core.sheet.raw import RawWorkbook
from de_core.sheet.schema import Schema, Tab, load_schema, match_headers
from de_core.writing.writer import Writer

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
#: tabs in the order they are written (a row's links point at rows written before it)
ORDER = ("settings", "kras", "kpis", "de_steps", "activities", "adaptations", "objectives", "oit_items",
         "ita_weights", "ita_bands")
NOT_CARRIED = ("kpi_readings", "expenses", "reflections", "evidence", "ita_scores", "audit")
#: per tab: columns emptied, and columns set to a fixed value (enum values as the sheet stores them)
CLEARED = {
    "settings": ("as_of", "note"),
    "de_steps": ("done_on", "evidence", "note"),
    "activities": ("actual_start", "actual_end", "evidence", "note"),
    "objectives": ("result", "evidence"),
    "oit_items": ("url", "checked_by", "checked_on", "note"),
    "adaptations": ("reflection_id", "due_on", "done_on", "dropped_reason", "effect", "effect_evidence"),
}
FIXED = {
    "settings": {"is_current": "TRUE"},
    "de_steps": {"status": "ยังไม่เริ่ม"},
    "activities": {"status": "ตามแผน"},
    "oit_items": {"status": "ยังไม่เริ่ม"},
}
#: columns holding other rows' ids, and the tab those ids belong to
LINKS = {"kpis": {"kra_id": "kras"}, "activities": {"parent_id": "activities", "kpi_ids": "kpis"},
         "adaptations": {"activity_id": "activities", "kpi_ids": "kpis", "step_id": "de_steps"}}
DATE_TYPES = ("date", "month_range")

_BE_YEAR = re.compile(r"(?<![0-9๐-๙])([2๒][4-6๔-๖][0-9๐-๙]{2})(?![0-9๐-๙])")
_CE_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=-[0-9]{1,2}-[0-9]{1,2})")
_SHORT_YEAR = re.compile(r"((?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.?\s*)([0-9๐-๙]{2})"
                         r"(?![0-9๐-๙])")


@dataclass
class YearPlan:
    """What new-year will write: rows per tab (new ones only), the rows already there, the settings rows that stop
    being current, and what is not carried."""

    from_year: int
    to_year: int
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    already: dict[str, int] = field(default_factory=dict)
    uncurrent: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (Thai, English)

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def _same_digits(template: str, number: int) -> str:
    text = str(number)
    return text.translate(_TO_THAI) if any(ch in THAI_DIGITS for ch in template) else text


def shift_years(text: str, years: int) -> str:
    """Move every year written in a date or period cell on by `years`, in the digits it was written with
    (Buddhist Era 4 digits, 2-digit years after a Thai month, CE years of ISO dates); 29 Feb that no longer exists
    becomes 28 Feb."""
    if not text or years == 0:
        return text

    def be(m: re.Match[str]) -> str:
        return _same_digits(m.group(1), int(m.group(1).translate(_TO_ARABIC)) + years)

    def short(m: re.Match[str]) -> str:
        value = (int(m.group(2).translate(_TO_ARABIC)) + years) % 100
        return m.group(1) + _same_digits(m.group(2), value).rjust(2, "0" if m.group(2).isascii() else "๐")

    moved = _SHORT_YEAR.sub(short, _CE_YEAR.sub(lambda m: str(int(m.group(1)) + years), _BE_YEAR.sub(be, text)))
    return _fix_leap_day(moved)


def _fix_leap_day(text: str) -> str:
    """29/02/<year> in a year without 29 February becomes 28/02/<year> (the same digits)."""
    def fix(m: re.Match[str]) -> str:
        year = int(m.group(3).translate(_TO_ARABIC))
        ce = year - 543 if year > 2400 else year
        try:
            date(ce, 2, 29)
        except ValueError:
            return _same_digits(m.group(1), 28) + m.group(2) + m.group(3)
        return m.group(0)

    return re.sub(r"(?<![0-9๐-๙])([2๒][9๙])([/.-][0๐]?[2๒][/.-])([0-9๐-๙]{4})", fix, text)


_YEAR_IN_ID = r"(?<![0-9a-fA-F]){}(?![0-9a-fA-F])"


def carried_id(source_id: str, from_year: int, to_year: int) -> str:
    """The id of a row carried into the new year: the source's year replaced ("fy-2566" → "fy-2567",
    "oit-2566-O01" → "oit-2567-O01"), else "-y<to>" added ("kpi-exec-2" → "kpi-exec-2-y2567", and on again
    "kpi-exec-2-y2568"). The same source and year always give the same id."""
    for old in (str(from_year), str(from_year).translate(_TO_THAI)):
        pattern = _YEAR_IN_ID.format(re.escape(old))
        if re.search(pattern, source_id):
            return re.sub(pattern, str(to_year), source_id)
    return re.sub(r"-y\d{4}$", "", source_id) + f"-y{to_year}"


def keyed_rows(raw: RawWorkbook, tab: Tab) -> list[dict[str, str]]:
    """The tab's data rows as {column key: text} (unknown columns left out); [] when the tab is missing."""
    found = next((t for title, t in raw.tabs.items() if tab.th == title or title in tab.names()), None)
    if found is None or not found.rows:
        return []
    positions, _unknown = match_headers(tab, found.header)
    rows = []
    for cells in found.rows[1:]:
        row = {key: (cells[pos] if pos < len(cells) else "") for key, pos in positions.items()}
        if any(v.strip() for v in row.values()):
            rows.append(row)
    return rows


def _year_of(row: Mapping[str, str]) -> int | None:
    try:
        return parse_fiscal_year(row.get("fiscal_year", ""))
    except ValueError:
        return None


def _latest_readings(rows: list[dict[str, str]], from_year: int) -> dict[str, str]:
    """KPI id → the text of its latest reading in that year (by date; a row without a date counts by order)."""
    latest: dict[str, tuple[date, int, str]] = {}
    for n, row in enumerate(rows):
        if _year_of(row) != from_year or not row.get("value", "").strip():
            continue
        try:
            when = parse_date(row.get("measured_on", "")) or date.min
        except ValueError:
            when = date.min
        key = (when, n, row["value"])
        kpi = row.get("kpi_id", "").strip()
        if kpi and (kpi not in latest or key[:2] >= latest[kpi][:2]):
            latest[kpi] = key
    return {kpi: value for kpi, (_when, _n, value) in latest.items()}


def plan_new_year(raw: RawWorkbook, from_year: int, to_year: int, schema: Schema | None = None) -> YearPlan:
    """Plan the rows of `to_year` from those of `from_year` (nothing written)."""
    schema = schema or load_schema()
    plan = YearPlan(from_year, to_year)
    if to_year <= from_year:
        plan.problems.append((f"ปีใหม่ ({to_year}) ต้องมากกว่าปีต้นทาง ({from_year})",
                              f"The new year ({to_year}) must come after the source year ({from_year})"))
        return plan
    tabs = {key: keyed_rows(raw, schema.tab(key)) for key in (*ORDER, "kpi_readings")}
    existing = {key: {r.get("id", "").strip() for r in rows} for key, rows in tabs.items()}
    source = {key: [r for r in rows if _year_of(r) == from_year and r.get("id", "").strip()]
              for key, rows in tabs.items()}
    source["adaptations"] = [r for r in source["adaptations"] if _still_open(r, schema)]
    if not source["settings"]:
        plan.problems.append((f"ไม่พบแถวปีงบประมาณ {from_year} ในแท็บตั้งค่า",
                              f"No row for fiscal year {from_year} in the settings tab"))
        return plan
    ids = {key: {r["id"].strip(): carried_id(r["id"].strip(), from_year, to_year) for r in rows}
           for key, rows in source.items()}
    baselines = _latest_readings(tabs["kpi_readings"], from_year)
    frame_exists = {key: any(_year_of(r) == to_year for r in tabs[key]) for key in ("ita_weights", "ita_bands")}
    frame = shipped_frames().get(to_year)
    if frame is not None and frame.oit_items:  # the new year's own checklist, as the app ships it
        source["oit_items"] = [{"id": f"oit-{from_year}-{code}", "fiscal_year": str(from_year), "code": code,
                                "title": title, "group": group} for code, title, group in frame.oit_items]
        ids["oit_items"] = {r["id"]: f"oit-{to_year}-{r['code']}" for r in source["oit_items"]}
    for key in ORDER:
        if frame_exists.get(key):
            continue  # the new year has its own ITA frame rows: keep them
        tab = schema.tab(key)
        for row in source[key]:
            new = _carry(row, tab, key, ids, from_year, to_year)
            if key == "kpis" and row["id"].strip() in baselines:
                new["baseline"] = baselines[row["id"].strip()]
            if key == "adaptations":  # proposed when it was, in the year it came from
                new["proposed_on"] = row.get("proposed_on", "")
                new["note"] = f"ยกมาจากปีงบประมาณ {from_year}" + (f" · {row['note'].strip()}" if row.get("note", "").strip()
                                                               else "")
            if new["id"] in existing[key]:
                plan.already[key] = plan.already.get(key, 0) + 1
                continue
            plan.rows.setdefault(key, []).append(new)
    plan.uncurrent = [r["id"].strip() for r in tabs["settings"]
                      if _year_of(r) != to_year and _is_true(r.get("is_current", ""))]
    return plan


def _still_open(row: Mapping[str, str], schema: Schema) -> bool:
    """Whether an adaptation row is proposed, agreed or in progress (its status as typed, any accepted spelling)."""
    from de_core.sheet.parse import BadCell, enum_parser

    options = [(o.key, o.th, o.en, o.aliases) for o in schema.options("adaptation_status")]
    try:
        return enum_parser(options)(row.get("status", "")) in ("proposed", "agreed", "in_progress")
    except BadCell:
        return False


def _is_true(text: str) -> bool:
    from de_core.sheet.parse import parse_bool

    try:
        return bool(parse_bool(text))
    except ValueError:
        return False


def _carry(row: Mapping[str, str], tab: Tab, key: str, ids: Mapping[str, Mapping[str, str]], from_year: int,
           to_year: int) -> dict[str, str]:
    new = dict(row)
    new["id"] = ids[key][row["id"].strip()]
    new["fiscal_year"] = _same_digits(row.get("fiscal_year", ""), to_year)
    for col in tab.columns:
        if col.type in DATE_TYPES and new.get(col.key):
            new[col.key] = shift_years(new[col.key], to_year - from_year)
    for column, target in LINKS.get(key, {}).items():
        if new.get(column):
            new[column] = _remap(new[column], ids.get(target, {}))
    for column in CLEARED.get(key, ()):
        new[column] = ""
    new.update(FIXED.get(key, {}))
    return new


def _remap(cell: str, mapping: Mapping[str, str]) -> str:
    """Ids in a link cell swapped for their carried ids; separators and unknown ids kept as written."""
    return re.sub(r"[^,;\n\s]+", lambda m: mapping.get(m.group(0), m.group(0)), cell)


@dataclass
class YearResult:
    written: dict[str, int]
    uncurrent: list[str]


def apply_new_year(plan: YearPlan, writer: Writer) -> YearResult:
    """Write the plan: one store call per tab (audited by the Writer), then the old year stops being current.
    Raises StoreError (PermissionDenied for a viewer, before anything is written)."""
    written = {}
    for key in ORDER:
        rows = plan.rows.get(key) or []
        if rows:
            written[key] = writer.append_many(key, rows)
    for row_id in plan.uncurrent:
        writer.update("settings", row_id, {"is_current": "FALSE"})
    return YearResult(written, list(plan.uncurrent))
