"""The learning log: per KRA group, the year's reflections, adaptation events (proposed, done with its effect,
dropped with its reason) and harvested outcomes in time order — what the office learnt and what it changed.

A reflection belongs to its author's group and to the KRA groups of its linked KPIs; an adaptation to the groups of
the KPIs it touches (its own, else its reflection's), else to its reflection's groups; an outcome to the groups of
its KPIs, else of its activity's KPIs. Entries that reach no group are listed last, under "no group", only when
there are some. Pure functions of the records (the page keeps the result with Workbook.derived).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from de_core.cycle.loop import adaptations, touched_kpis
from de_core.cycle.progress import GROUPS, kpi_group
from de_core.display.i18n import translate
from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import format_date

KINDS = ("reflection", "proposed", "done", "dropped", "outcome")  # the order of a day's entries
COLUMNS = ("group", "date", "kind", "text", "detail", "id")  # the flat table, as exported


@dataclass(frozen=True)
class LogEntry:
    """One event of the log. `day` is None when the sheet gives no date (a dropped adaptation has no date column
    of its own unless its done date is filled): such an entry sorts right after the event it follows (`when`)."""

    day: date | None
    kind: str  # one of KINDS
    label: str  # the kind in words
    text: str  # what happened / the decision / the change
    detail: str  # lines: so what and now what / reason, owner, status, effect / significance, contribution
    id: str  # the sheet row's id
    when: date | None  # where it sorts
    row: int  # the sheet row, for ties


@dataclass(frozen=True)
class GroupLog:
    group: str | None  # a kra_group key; None for the entries that reach no group
    title: str
    entries: tuple[LogEntry, ...]


def _lines(*pairs: tuple[str, object]) -> str:
    """"label: value" lines for the values that are there."""
    return "\n".join(f"{label}: {value}" for label, value in pairs if value not in (None, "", []))


class _Groups:
    """The KRA groups a record reaches through KPIs, activities and reflections (resolved once per log)."""

    def __init__(self, wb: Workbook) -> None:
        kras = wb.by_id("kras")
        self.kpi = {k: g for k, kpi in wb.by_id("kpis").items() if (g := kpi_group(wb, kpi, kras))}
        self.activities = wb.by_id("activities")
        self.reflections = wb.by_id("reflections")

    def of_kpis(self, ids: Iterable[str]) -> set[str]:
        return {self.kpi[k] for k in ids if k in self.kpi}

    def of_reflection(self, rec: Record | None) -> set[str]:
        if rec is None:
            return set()
        own = {rec["author_group"]} if rec.get("author_group") else set()
        return own | self.of_kpis(rec.get("kpi_ids") or [])

    def of_adaptation(self, rec: Record) -> set[str]:
        found = self.of_kpis(touched_kpis(rec, self.reflections))
        return found or self.of_reflection(self.reflections.get(rec.get("reflection_id") or ""))

    def of_outcome(self, rec: Record) -> set[str]:
        found = self.of_kpis(rec.get("kpi_ids") or [])
        activity = self.activities.get(rec.get("activity_id") or "")
        return found or (self.of_kpis(activity.get("kpi_ids") or []) if activity else set())


def _words(lang: str) -> Callable[[str], str]:
    """translate() of the log's own words ("learning.<key>") in one language."""
    return lambda key: translate(f"learning.{key}", lang)


def _entry(kind: str, rec: Record, day: date | None, text: str, detail: str, lang: str,
           when: date | None = None) -> LogEntry:
    return LogEntry(day, kind, translate(f"learning.kind_{kind}", lang), text or "", detail, rec.get("id") or "",
                    day or when, rec["_row"])


def _reflection(rec: Record, lang: str) -> LogEntry:
    tr = _words(lang)
    return _entry("reflection", rec, rec.get("written_on"), rec.get("what") or "",
                  _lines((tr("so_what"), rec.get("so_what")), (tr("now_what"), rec.get("now_what"))), lang)


def _adaptation(wb: Workbook, rec: Record, lang: str) -> list[LogEntry]:
    tr = _words(lang)
    status = wb.schema.enum_label("adaptation_status", rec.get("status"), lang) if rec.get("status") else ""
    decision, proposed = rec.get("decision") or "", rec.get("proposed_on")
    due = format_date(rec["due_on"], lang) if rec.get("due_on") else ""
    out = [_entry("proposed", rec, proposed, decision,
                  _lines((tr("reason"), rec.get("reason")), (tr("owner"), rec.get("owner")), (tr("due"), due),
                         (tr("status"), status)), lang)]
    if rec.get("status") == "done":
        out.append(_entry("done", rec, rec.get("done_on"), decision,
                          _lines((tr("effect"), rec.get("effect")), (tr("owner"), rec.get("owner"))), lang, proposed))
    elif rec.get("status") == "dropped":
        out.append(_entry("dropped", rec, rec.get("done_on"), decision,
                          _lines((tr("dropped_reason"), rec.get("dropped_reason"))), lang, proposed))
    return out


def _outcome(rec: Record, lang: str) -> LogEntry:
    tr = _words(lang)
    return _entry("outcome", rec, rec.get("observed_on"), rec.get("change") or "",
                  _lines((tr("actor"), rec.get("actor")), (tr("significance"), rec.get("significance")),
                         (tr("contribution"), rec.get("contribution"))), lang)


def _in_order(entries: list[LogEntry]) -> tuple[LogEntry, ...]:
    """Oldest first; a day's reflections before its proposals, then done, dropped, outcomes; undated last."""
    return tuple(sorted(entries, key=lambda e: (e.when is None, e.when or date.min, e.day is None,
                                                KINDS.index(e.kind), e.row)))


def learning_log(wb: Workbook, fy: int | None, lang: str = "th") -> list[GroupLog]:
    """The year's learning log: one GroupLog per KRA group in GROUPS order (empty ones too), then the entries that
    reach no group, only when there are some. An entry reaching two groups is listed under both. Never raises on
    partial data: a missing date sorts last, a missing text is empty."""
    groups = _Groups(wb)
    placed: list[tuple[LogEntry, set[str]]] = []
    for rec in wb.rows("reflections", fy):
        placed.append((_reflection(rec, lang), groups.of_reflection(rec)))
    for rec in adaptations(wb, fy):
        reach = groups.of_adaptation(rec)
        placed += [(entry, reach) for entry in _adaptation(wb, rec, lang)]
    for rec in wb.rows("outcomes", fy):
        placed.append((_outcome(rec, lang), groups.of_outcome(rec)))
    out = [GroupLog(g, wb.schema.enum_label("kra_group", g, lang), _in_order([e for e, gs in placed if g in gs]))
           for g in GROUPS]
    loose = [e for e, gs in placed if not gs & set(GROUPS)]
    if loose:
        out.append(GroupLog(None, translate("learning.no_group", lang), _in_order(loose)))
    return out


def only(log: list[GroupLog], group: str | None) -> list[GroupLog]:
    """The log of one group (the whole log when `group` is None or unknown)."""
    chosen = [g for g in log if g.group == group]
    return chosen if group and chosen else log


def entry_rows(entries: Iterable[LogEntry], lang: str = "th") -> list[dict[str, str]]:
    """The entries as table rows: date (Buddhist Era in Thai, "–" without one), kind, text, detail, id."""
    return [{"date": format_date(e.day, lang), "kind": e.label, "text": e.text, "detail": e.detail, "id": e.id}
            for e in entries]


def log_table(log: list[GroupLog], lang: str = "th") -> tuple[list[str], list[list[str]]]:
    """The log as one flat table for export: headers in the language, then a row per entry per group (COLUMNS)."""
    headers = [translate(f"learning.col_{c}", lang) for c in COLUMNS]
    rows = [[g.title, *(row[c] for c in COLUMNS[1:])] for g in log for row in entry_rows(g.entries, lang)]
    return headers, rows


def entry_count(log: list[GroupLog]) -> int:
    """How many entries the log shows (an entry under two groups counts twice, as it is listed twice)."""
    return sum(len(g.entries) for g in log)
