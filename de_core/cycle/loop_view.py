"""What the DE loop's screens show: the adaptation log as rows, each reflection's adaptations as a line, and the
sensemaking view (what happened since the last meeting). Labels resolved, dates in Buddhist Era; pure."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from de_core.cycle.loop import adaptations, by_reflection, days_late, is_late, open_adaptations
from de_core.display.i18n import translate
from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import format_date

LOG_COLUMNS = ("decision", "source", "owner", "due", "status", "done", "effect")
OPEN_COLUMNS = LOG_COLUMNS[:5]  # an open adaptation has no done date or effect yet
SHOWN = {"open": 20, "reflections": 10, "outcomes": 10}  # what a meeting reads at once; the rest on their pages


def status_label(wb: Workbook, adaptation: Record, today: date, lang: str = "th") -> str:
    """"เห็นชอบแล้ว · ล่าช้า 7 วัน" (the state, and how late when it is)."""
    label = wb.schema.enum_label("adaptation_status", adaptation.get("status"), lang) or "–"
    if is_late(adaptation, today):
        return f"{label} · {translate('overview.days_late', lang, n=days_late(adaptation, today))}"
    return label


def source_label(wb: Workbook, adaptation: Record, lang: str = "th",
                 reflections: dict[str, Record] | None = None) -> str:
    """Where it came from: "สะท้อนผล 20 มิ.ย. 2566 · นักทรัพยากรบุคคล", or "entered on its own". Pass
    `reflections` (wb.by_id("reflections")) when labelling many."""
    ref = (wb.by_id("reflections") if reflections is None else reflections).get(adaptation.get("reflection_id") or "")
    if ref is None:
        return translate("loop.own_entry", lang) if not adaptation.get("reflection_id") else \
            translate("loop.missing_reflection", lang, id=adaptation["reflection_id"])
    parts = (translate("loop.from_reflection", lang), format_date(ref.get("written_on"), lang), ref.get("author_role"))
    return " · ".join(str(p) for p in parts if p)


def log_rows(wb: Workbook, fy: int | None, today: date, lang: str = "th",
             statuses: Collection[str] = ()) -> list[dict[str, object]]:
    """The adaptation log (oldest proposal first), optionally only some statuses; `late` marks a late row."""
    rows = [r for r in adaptations(wb, fy) if not statuses or r.get("status") in statuses]
    return rows_of(wb, rows, today, lang)


def rows_of(wb: Workbook, records: list[Record], today: date, lang: str = "th") -> list[dict[str, object]]:
    """Adaptation records as the log's rows, in the order given."""
    out = []
    reflections = wb.by_id("reflections")  # once: a year may hold thousands of reflections
    for row in records:
        effect = row.get("effect") or (row.get("dropped_reason") if row.get("status") == "dropped" else "") or ""
        out.append({"id": row.get("id"), "decision": row.get("decision") or "", "source": source_label(wb, row, lang, reflections),
                    "owner": row.get("owner") or "", "due": format_date(row.get("due_on"), lang) if row.get("due_on")
                    else "–", "status": status_label(wb, row, today, lang),
                    "done": format_date(row.get("done_on"), lang) if row.get("done_on") else "–", "effect": effect,
                    "late": is_late(row, today)})
    return out


def choices(wb: Workbook, fy: int | None, lang: str = "th", only_open: bool = False) -> dict[str, str]:
    """Adaptation id → "เสนอ · decision …" for a picker (newest proposal first)."""
    rows = list(reversed(adaptations(wb, fy)))
    if only_open:
        rows = [r for r in rows if r.get("status") not in ("done", "dropped")]
    out = {}
    for r in rows:
        if r.get("id"):
            text = " ".join(str(r.get("decision") or r["id"]).split())
            text = text if len(text) <= 80 else text[:79] + "…"
            out[r["id"]] = f"{wb.schema.enum_label('adaptation_status', r.get('status'), lang) or '–'} · {text}"
    return out


def reflection_lines(wb: Workbook, fy: int | None, today: date, lang: str = "th") -> dict[str, list[str]]:
    """Reflection id → a line per adaptation proposed from it: "การปรับเปลี่ยน: decision — state"."""
    head = translate("loop.adaptation", lang)
    return {ref: [f"{head}: {' '.join(str(a.get('decision') or '').split())} — {status_label(wb, a, today, lang)}"
                  for a in rows] for ref, rows in by_reflection(wb, fy).items()}


@dataclass
class Sensemaking:
    """What a sensemaking meeting looks at: everything since the previous meeting."""

    previous: Record | None
    since: date | None
    reflections: list[Record] = field(default_factory=list)
    open: list[dict[str, object]] = field(default_factory=list)
    outcomes: list[Record] = field(default_factory=list)

    @property
    def late(self) -> int:
        return sum(bool(r["late"]) for r in self.open)


def build_sensemaking(wb: Workbook, fy: int | None, today: date, lang: str = "th") -> Sensemaking:
    """Since the latest meeting held before `today` (all year when none): the reflections written, the outcomes
    harvested; and every adaptation still open, late first."""
    meetings = sorted((m for m in wb.rows("meetings", fy) if m.get("held_on")), key=lambda m: (m["held_on"], m["_row"]),
                      reverse=True)
    previous = next((m for m in meetings if m["held_on"] < today), None)
    since = previous["held_on"] if previous else None

    def new(day: date | None) -> bool:
        return day is not None and day <= today and (since is None or day >= since)

    reflections = sorted((r for r in wb.rows("reflections", fy) if new(r.get("written_on"))),
                         key=lambda r: (r["written_on"], r["_row"]), reverse=True)
    outcomes = sorted((o for o in wb.rows("outcomes", fy) if new(o.get("observed_on"))),
                      key=lambda o: (o["observed_on"], o["_row"]), reverse=True)
    rows = rows_of(wb, open_adaptations(wb, fy, today), today, lang)  # late first (by status: id-less rows too)
    return Sensemaking(previous, since, reflections, rows, outcomes)

