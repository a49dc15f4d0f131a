"""Harvested outcomes (Outcome Harvesting, issue #19): the year's outcomes as people read them, newest first, with
the tags, the activity and the KPIs named instead of their ids, and as cards of escaped HTML. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from de_core.cycle.feed import activity_options, kpi_options
from de_core.display import html
from de_core.display.i18n import translate
from de_core.sheet.workbook import Record, Workbook
from de_core.thaidate import format_date

TAB = "outcomes"
TEXTS = ("significance", "contribution", "substantiation")  # the long answers shown under the change, in this order


@dataclass(frozen=True)
class OutcomeRow:
    """One harvested outcome with its labels resolved (sheet text as typed: escape it where it is drawn)."""

    record: Record
    when: str  # the Buddhist-Era date it was observed ("28 มิ.ย. 2566"), "–" without one
    actor: str
    change: str
    place: str
    texts: list[tuple[str, str]] = field(default_factory=list)  # (text key, text): significance … substantiation
    substantiated_by: str = ""
    tags: list[str] = field(default_factory=list)  # characteristics then declarations, as labelled
    activity: str = ""  # the activity's number and title (its id when the year has no such activity)
    kpis: list[str] = field(default_factory=list)  # "ผู้บริหาร 3 · …" (the id when unknown)
    evidence: list[str] = field(default_factory=list)


def outcomes(wb: Workbook, fiscal_year: int | None) -> list[Record]:
    """The year's outcomes, newest observation first (rows without a date last; on one day, the later row first)."""
    rows = wb.rows(TAB, fiscal_year)
    return sorted(rows, key=lambda r: (r.get("observed_on") is not None, r.get("observed_on") or date.min, r["_row"]),
                  reverse=True)


def outcome_rows(wb: Workbook, fiscal_year: int | None, lang: str = "th") -> list[OutcomeRow]:
    """The year's outcomes as view rows, newest first."""
    activities = {k: v.strip(" ↳") for k, v in activity_options(wb, fiscal_year)}
    kpis = dict(kpi_options(wb, fiscal_year, lang))
    out = []
    for rec in outcomes(wb, fiscal_year):
        tags = [wb.schema.enum_label("characteristic", c, lang) for c in rec.get("characteristics") or []]
        tags += [wb.schema.enum_label("declaration", d, lang) for d in rec.get("declarations") or []]
        act = rec.get("activity_id") or ""
        out.append(OutcomeRow(
            record=rec, when=format_date(rec.get("observed_on"), lang), actor=rec.get("actor") or "",
            change=rec.get("change") or "", place=rec.get("place") or "",
            texts=[(k, rec[k]) for k in TEXTS if rec.get(k)], substantiated_by=rec.get("substantiated_by") or "",
            tags=tags, activity=activities.get(act, act), kpis=[kpis.get(k, k) for k in rec.get("kpi_ids") or []],
            evidence=list(rec.get("evidence") or []),
        ))
    return out


def _t(key: str, lang: str, **values: object) -> str:
    return translate(f"harvest.{key}", lang, **values)


def _part(head: str, text: str) -> str:
    return f'<div class="sj-card-head">{html.esc(head)}:</div><div class="sj-card-text">{html.esc(text)}</div>'


def outcome_card_html(row: OutcomeRow, lang: str = "th") -> str:
    """One outcome as a card: when and where, who changed, what changed, why it matters, the project's part, how it
    is confirmed and by whom, then its tags, activity, KPIs and evidence links (sheet text escaped)."""
    meta = " · ".join(p for p in (row.when, row.place) if p)
    parts = [f'<div class="sj-card-meta">{html.esc(meta)}</div>',
             f'<div class="sj-card-role">{html.esc(row.actor)}</div>', _part(_t("change", lang), row.change)]
    parts += [_part(_t(key, lang), text) for key, text in row.texts]
    if row.substantiated_by:
        parts.append(_part(_t("substantiated_by", lang), row.substantiated_by))
    lines = [(_t("tags", lang), ", ".join(row.tags)), (_t("activity", lang), row.activity),
             (_t("kpis", lang), "; ".join(row.kpis))]
    parts += [f'<div class="sj-card-meta">{html.esc(f"{head}: {text}")}</div>' for head, text in lines if text]
    parts.append(html.links([(url, url) for url in row.evidence]))
    return f'<div class="sj-card">{"".join(parts)}</div>'


def outcomes_html(rows: list[OutcomeRow], lang: str = "th") -> str:
    """The outcomes as one block of cards ("" when there are none)."""
    if not rows:
        return ""
    return html.block("".join(outcome_card_html(r, lang) for r in rows), "sj-cards", _t("list", lang))
