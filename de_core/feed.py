"""The reflection feed and the choices the forms offer: activities, KPIs and tags with readable labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from de_core.mdtext import md_escape
from de_core.progress import kpi_group
from de_core.text import fold
from de_core.workbook import Record, Workbook

LABEL_LIMIT = 90


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
    out: list[tuple[str, str]] = []
    for parent in [r for r in rows if r.get("parent_id") not in ids]:
        out.append((parent["id"], _activity_label(parent)))
        out += [(c["id"], "   ↳ " + _activity_label(c)) for c in rows if c.get("parent_id") == parent["id"]]
    return out


def kpi_options(wb: Workbook, fy: int | None, lang: str = "th") -> list[tuple[str, str]]:
    """(id, label) of the year's KPIs: "ผู้บริหาร 2 · clear assignment of the project owner"."""
    out = []
    for kpi in wb.rows("kpis", fy):
        if not kpi.get("id"):
            continue
        group = wb.schema.enum_label("kra_group", kpi_group(wb, kpi), lang)
        text = f"{group} {kpi.get('no') or ''} · {kpi.get('kpi') or kpi['id']}"
        out.append((kpi["id"], _cut(text.strip())))
    return out


def known_ids(wb: Workbook, fy: int | None) -> dict[str, set[str]]:
    """The ids a form may refer to in a fiscal year, per tab."""
    return {tab: {r["id"] for r in wb.rows(tab, fy) if r.get("id")} for tab in ("activities", "kpis")}


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


@dataclass
class FeedEntry:
    """One reflection as the feed shows it, with its links resolved to labels."""

    record: Record
    activity: tuple[str, str] | None
    kpis: list[tuple[str, str]] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)


def _family(wb: Workbook, fy: int | None, activity_id: str) -> set[str]:
    """The activity and its sub-activities."""
    return {activity_id} | {r["id"] for r in wb.rows("activities", fy) if r.get("parent_id") == activity_id}


def _entries(wb: Workbook, fy: int | None, lang: str) -> list[FeedEntry]:
    activities = dict(activity_options(wb, fy))
    kpis = dict(kpi_options(wb, fy, lang))
    kpi_rows = wb.by_id("kpis")
    out = []
    for rec in wb.rows("reflections", fy):
        act = rec.get("activity_id")
        linked = rec.get("kpi_ids") or []
        groups = {rec.get("author_group")} | {kpi_group(wb, kpi_rows[k]) for k in linked if k in kpi_rows}
        out.append(FeedEntry(
            rec, (act, activities.get(act, "").strip(" ↳") or act) if act else None,
            [(k, kpis.get(k, k)) for k in linked], {g for g in groups if g},
        ))
    return out


def _matches(entry: FeedEntry, f: FeedFilters, family: set[str] | None) -> bool:
    rec = entry.record
    if family is not None and rec.get("activity_id") not in family:
        return False
    if f.group and f.group not in entry.groups:
        return False
    if f.tag and f.tag not in [*(rec.get("characteristics") or []), *(rec.get("declarations") or [])]:
        return False
    if f.confidence and rec.get("confidence") != f.confidence:
        return False
    if f.search.strip():
        fields = ("what", "so_what", "now_what", "author_role", "note")
        haystack = " ".join(str(rec.get(k) or "") for k in fields)
        haystack += " " + " ".join(label for _id, label in [entry.activity or ("", ""), *entry.kpis])
        return all(word in fold(haystack) for word in fold(f.search).split())
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
    family = _family(wb, fy, f.activity_id) if f.activity_id else None
    return _newest_first([e for e in _entries(wb, fy, lang) if _matches(e, f, family)])


def what_changed(wb: Workbook, fy: int | None, activity_id: str, lang: str = "th") -> list[FeedEntry]:
    """The "Now what?" answers about an activity and its sub-activities, oldest first: what changed."""
    family = _family(wb, fy, activity_id)
    entries = [e for e in _entries(wb, fy, lang)
               if e.record.get("activity_id") in family and e.record.get("now_what")]
    return list(reversed(_newest_first(entries)))


def busiest_activity(wb: Workbook, fy: int | None) -> str | None:
    """The top-level activity whose family holds the most "Now what?" answers (the first one on a tie)."""
    tops = [a for a, label in activity_options(wb, fy) if not label.startswith(" ")]
    counts = {a: len(what_changed(wb, fy, a)) for a in tops}
    return max(tops, key=lambda a: counts[a]) if tops else None
