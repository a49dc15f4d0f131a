"""The reflection feed and the choices the forms offer: activities, KPIs and tags with readable labels."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from de_core.cycle.progress import kpi_group
from de_core.display.i18n import translate
from de_core.display.mdtext import md_escape
from de_core.display.paging import PAGE_SIZE, Page, page_count, paginate
from de_core.sheet.schema import Schema
from de_core.sheet.text import fold
from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import format_date, format_number

LABEL_LIMIT = 90
__all__ = ["PAGE_SIZE", "Page", "page_count", "paginate"]  # the feed's pages (de_core.display.paging)


def plain(text: str | None) -> str:
    """Sheet text made safe for st.markdown/st.caption: every markdown character escaped, never HTML."""
    return md_escape(text or "")


def _cut(text: str, limit: int = LABEL_LIMIT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _activity_label(rec: Record) -> str:
    return _cut(f"{rec.get('no') or ''} {rec.get('title') or rec['id']}".strip())


def activity_options(wb: Workbook, fy: int | None) -> list[tuple[str, str]]:
    """(id, label) of the year's activities, each top-level activity followed by its sub-activities."""
    rows = [r for r in wb.rows("activities", fy) if r.get("id")]
    ids = {r["id"] for r in rows}
    children: dict[str, list[tuple[str, str]]] = {}
    for r in rows:
        children.setdefault(r.get("parent_id"), []).append((r["id"], "   ↳ " + _activity_label(r)))
    out: list[tuple[str, str]] = []
    for parent in [r for r in rows if r.get("parent_id") not in ids]:
        out.append((parent["id"], _activity_label(parent)))
        out += children.get(parent["id"], [])
    return out


def kpi_options(wb: Workbook, fy: int | None, lang: str = "th") -> list[tuple[str, str]]:
    """(id, label) of the year's KPIs: "ผู้บริหาร 2 · clear assignment of the project owner"."""
    out = []
    kras = wb.by_id("kras")
    for kpi in wb.rows("kpis", fy):
        if not kpi.get("id"):
            continue
        group = wb.schema.enum_label("kra_group", kpi_group(wb, kpi, kras), lang)
        text = f"{group} {kpi.get('no') or ''} · {kpi.get('kpi') or kpi['id']}"
        out.append((kpi["id"], _cut(text.strip())))
    return out


def known_ids(wb: Workbook, fy: int | None) -> dict[str, set[str]]:
    """The ids a form may refer to in a fiscal year, per tab."""
    tabs = ("activities", "kpis", "reflections", "de_steps", "adaptations")
    return {tab: {r["id"] for r in wb.rows(tab, fy) if r.get("id")} for tab in tabs}


def tag_options(wb: Workbook, lang: str = "th") -> list[tuple[str, str]]:
    """(key, label) of the five characteristics then the three declarations."""
    enums = ("characteristic", "declaration")
    return [(o.key, o.label(lang)) for enum in enums for o in wb.schema.options(enum)]


@dataclass(frozen=True)
class FeedFilters:
    activity_id: str | None = None
    group: str | None = None
    tag: str | None = None
    confidence: str | None = None
    search: str = ""


@dataclass(slots=True)
class FeedEntry:
    """One reflection as the feed shows it, with its links resolved to labels."""

    record: Record
    activity: tuple[str, str] | None
    kpis: list[tuple[str, str]] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)


def _sub_activities(wb: Workbook, fy: int | None) -> dict[str | None, set[str | None]]:
    """Parent id -> the ids of the activities naming it as their parent."""
    out: dict[str | None, set[str | None]] = {}
    for r in wb.rows("activities", fy):
        out.setdefault(r.get("parent_id"), set()).add(r.get("id"))
    return out


def _family(wb: Workbook, fy: int | None, activity_id: str) -> set[str | None]:
    """The activity and its sub-activities."""
    return {activity_id} | _sub_activities(wb, fy).get(activity_id, set())


def _entries(wb: Workbook, fy: int | None, lang: str, records: list[Record]) -> list[FeedEntry]:
    """The records as feed entries, their activity and KPI links resolved to labels and KRA groups."""
    activities = {a: (a, label.strip(" ↳") or a) for a, label in dict(activity_options(wb, fy)).items()}
    kpis = {k: (k, label) for k, label in dict(kpi_options(wb, fy, lang)).items()}  # pairs shared by entries
    kras = wb.by_id("kras")
    kpi_groups = {k: g for k, kpi in wb.by_id("kpis").items() if (g := kpi_group(wb, kpi, kras))}
    out = []
    for rec in records:
        act = rec.get("activity_id")
        linked = rec.get("kpi_ids") or []
        groups = {kpi_groups[k] for k in linked if k in kpi_groups}
        if author := rec.get("author_group"):
            groups.add(author)
        out.append(FeedEntry(rec, (activities.get(act) or (act, act)) if act else None,
                             [kpis.get(k) or (k, k) for k in linked], groups))
    return out


def entry_meta(entry: FeedEntry, schema: Schema, lang: str = "th", activity: bool = False) -> str:
    """"20 มิ.ย. 2566 · บุคลากร · role · ตามเป้า" (or date · group · activity), markdown-escaped."""
    rec = entry.record
    group = schema.enum_label("kra_group", rec.get("author_group"), lang)
    more = ((entry.activity[1] if entry.activity else "",) if activity
            else (rec.get("author_role") or "", schema.enum_label("confidence", rec.get("confidence"), lang)))
    return " · ".join(plain(x) for x in (format_date(rec.get("written_on"), lang), group, *more) if x)


def _record_matches(rec: Record, f: FeedFilters, family: set[str | None] | None) -> bool:
    """The filters that read the record alone: activity family, tag, confidence."""
    if family is not None and rec.get("activity_id") not in family:
        return False
    if f.tag and f.tag not in [*(rec.get("characteristics") or []), *(rec.get("declarations") or [])]:
        return False
    return not (f.confidence and rec.get("confidence") != f.confidence)


def _entry_matches(entry: FeedEntry, group: str | None, words: list[str]) -> bool:
    """The filters that read the resolved links: KRA group, and every search word somewhere in the text."""
    if group and group not in entry.groups:
        return False
    if words:
        rec = entry.record
        fields = ("what", "so_what", "now_what", "author_role", "note")
        haystack = " ".join(str(rec.get(k) or "") for k in fields)
        haystack += " " + " ".join(label for _id, label in [entry.activity or ("", ""), *entry.kpis])
        folded = fold(haystack)
        return all(word in folded for word in words)
    return True


def _newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    def key(e: FeedEntry) -> tuple[date, int]:
        return e.record.get("written_on") or date.min, e.record["_row"]

    return sorted(entries, key=key, reverse=True)


def reflection_feed(wb: Workbook, fy: int | None, filters: FeedFilters | None = None,
                    lang: str = "th") -> list[FeedEntry]:
    """The year's reflections, newest first, that pass the filters (an activity includes its sub-activities).

    The group filter matches the author's group or the KRA group of any linked KPI; the search matches every
    word in the answers, the author's role, the note and the linked activity and KPI labels.
    """
    f = filters or FeedFilters()
    records = wb.rows("reflections", fy)
    if f.activity_id or f.tag or f.confidence:
        family = _family(wb, fy, f.activity_id) if f.activity_id else None
        records = [r for r in records if _record_matches(r, f, family)]
    entries = _entries(wb, fy, lang, records)
    words = fold(f.search).split()
    if f.group or words:
        entries = [e for e in entries if _entry_matches(e, f.group, words)]
    return _newest_first(entries)


def page_caption(page: Page, lang: str = "th") -> str:
    """"แสดง 1–50 จาก 19,808 รายการ" ("0 รายการ" when nothing matches)."""
    if not page.total:
        return translate("forms.feed_count", lang, n=0)
    return translate("feed.shown", lang, first=format_number(page.first), last=format_number(page.last),
                     total=format_number(page.total))


def what_changed(wb: Workbook, fy: int | None, activity_id: str, lang: str = "th") -> list[FeedEntry]:
    """The "Now what?" answers about an activity and its sub-activities, oldest first: what changed."""
    family = _family(wb, fy, activity_id)
    records = [r for r in wb.rows("reflections", fy) if r.get("activity_id") in family and r.get("now_what")]
    return list(reversed(_newest_first(_entries(wb, fy, lang, records))))


def busiest_activity(wb: Workbook, fy: int | None) -> str | None:
    """The top-level activity whose family holds the most "Now what?" answers (the first one on a tie)."""
    tops = [a for a, label in activity_options(wb, fy) if not label.startswith(" ")]
    answers = Counter(r.get("activity_id") for r in wb.rows("reflections", fy) if r.get("now_what"))
    subs = _sub_activities(wb, fy)
    counts = {a: sum(answers[x] for x in {a} | subs.get(a, set())) for a in tops}
    return max(tops, key=lambda a: counts[a]) if tops else None
