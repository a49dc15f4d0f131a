"""What a digest says, built once from the workbook for a fiscal year and a date and worded in one language: the
plain text, the LINE Flex message and the e-mail are all drawn from this one model, so the preview shows exactly
what every channel sends.

Sections, in the order a director reads them: what is late (with owners), what falls due this month, the ITA gap
and band, KPIs with a new reading since the last digest, new reflections, and what comes next (the open adaptations
when the workbook has an adaptations tab, else the "Now what?" answers of the new reflections). Each shows at most
SHOWN items; the rest is "and N more", a tap away in the app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from de_core.cycle.kpis import format_value, state_label
from de_core.cycle.progress import GROUPS, KpiStatus, kpi_group, kpi_statuses, number_key
from de_core.digest.period import Period, period_of
from de_core.display.i18n import translate
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import is_demo
from de_core.summary.overview import Overview, build_overview
from de_core.thaidate import format_date, format_score

SHOWN = 5  # items per section in a message; the full list is one tap away
ITEM_CHARS = 90  # an item's text is cut to this (about two lines on a phone)
DETAIL_CHARS = 80
CLOSED_ADAPTATIONS = frozenset({"done", "dropped", "cancelled"})
# The app's pages each section links to (url paths of de_ui.nav.PAGES; a unit test keeps them in step).
PATHS = {"late": "de-tracker", "due": "de-tracker", "ita": "ita-score", "kpis": "kra-kpi",
         "reflections": "reflection-feed", "next": "reflection-feed"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: object, limit: int = ITEM_CHARS) -> str:
    """Sheet text as one line of at most `limit` characters: line breaks and control characters become spaces,
    runs of spaces one space, and a longer text ends with "…"."""
    flat = " ".join(_CONTROL.sub(" ", str(text or "")).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Item:
    text: str
    detail: str = ""
    alert: bool = False  # late: shown in red where the channel has colours


@dataclass(frozen=True)
class Section:
    key: str  # late, due, ita, kpis, reflections, next
    title: str
    items: tuple[Item, ...] = ()
    total: int = 0  # items in all, shown or not
    link: str = ""  # the full list in the app ("" without the app's address)
    empty: str = ""  # what to say when there is nothing

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.items))


@dataclass(frozen=True)
class Digest:
    lang: str
    fiscal_year: int
    as_of: date
    period: Period
    since: date  # changes counted from this day on (the last digest's date, else the previous period's start)
    office: str
    demo: bool
    headline: str
    sections: tuple[Section, ...]
    app_link: str = ""
    meeting_link: str = ""

    @property
    def title(self) -> str:
        return translate("digest.title", self.lang)

    @property
    def subtitle(self) -> str:
        """"ปีงบประมาณ 2566 · สัปดาห์ … · ข้อมูล ณ 30 มิ.ย. 2566 · ข้อมูลตัวอย่าง (demo)"."""
        parts = [translate("digest.fy", self.lang, fy=self.fiscal_year), self.period.label(self.lang),
                 translate("digest.as_of", self.lang, date=format_date(self.as_of, self.lang))]
        if self.demo:
            parts.append(translate("digest.demo", self.lang))
        return " · ".join(parts)

    @property
    def subject(self) -> str:
        """The e-mail subject: "[สรุป DE] office · period"."""
        return one_line(" · ".join(p for p in (translate("digest.subject", self.lang), self.office,
                                                self.period.label(self.lang)) if p), 150)

    def shortened(self, shown: int) -> Digest:
        """The same digest with at most `shown` items per section (a channel with a size limit)."""
        return replace(self, sections=tuple(replace(s, items=s.items[:shown]) for s in self.sections))


def app_links(app_url: str, lang: str) -> dict[str, str]:
    """The app's first page, meeting mode and each section's page at the public address ({} without one)."""
    base = (app_url or "").strip().rstrip("/")
    if not base:
        return {}
    links = {key: f"{base}/{path}?lang={lang}" for key, path in PATHS.items()}
    return {**links, "app": f"{base}/?lang={lang}", "meeting": f"{base}/?meeting=1&lang={lang}"}


def _section(key: str, title_key: str, items: list[Item], lang: str, links: dict[str, str]) -> Section:
    return Section(key, translate(title_key, lang, n=len(items)), tuple(items[:SHOWN]), len(items),
                   links.get(key, ""), translate(f"{title_key}_none", lang))


def _due_items(ov: Overview, late: bool, lang: str) -> list[Item]:
    out = []
    for d in (ov.late if late else ov.due_this_month):
        when = translate("overview.days_late", lang, n=d.days_late) if late else \
            translate("digest.due_on", lang, date=format_date(d.due, lang))
        detail = " · ".join(p for p in (translate(f"overview.kind_{d.kind}", lang),
                                         one_line(d.record.get("owner"), 40), when) if p)
        out.append(Item(one_line(f"{d.number} {d.title}".strip()), detail, late))
    return out


def _ita_items(ov: Overview, lang: str) -> list[Item]:
    if ov.ita is not None and ov.ita.total is not None:
        band = ov.ita.band.level if ov.ita.band else "–"
        return [Item(translate("digest.ita_now", lang, score=format_score(ov.ita.total), band=one_line(band, 10)),
                     ov.ita_headline(lang))]
    items = [Item(translate("digest.ita_none", lang, fy=ov.fiscal_year))]
    prev = ov.ita_previous
    if prev is not None and prev.total is not None:
        band = one_line(prev.band.level, 10) if prev.band else "–"
        items.append(Item(translate("digest.ita_previous", lang, fy=prev.fiscal_year, score=format_score(prev.total),
                                    band=band)))
    return items


def _kpi_change(wb: Workbook, st: KpiStatus, since: date, day: date, lang: str, kras: dict) -> Item | None:
    new = [r for r in st.readings if r.get("measured_on") and since <= r["measured_on"] <= day]
    if not new:
        return None
    before = [r for r in st.readings if r.get("measured_on") and r["measured_on"] < since]
    old = before[-1]["value"] if before else st.baseline
    group = wb.schema.enum_label("kra_group", kpi_group(wb, st.kpi, kras), lang)
    text = one_line(f"{group} {st.kpi.get('no') or ''} · {st.kpi.get('kpi') or st.kpi.get('id') or ''}")
    change = f"{format_value(old, st.kpi, lang)} → {format_value(new[-1]['value'], st.kpi, lang)}"
    return Item(text, f"{change} · {state_label(st.state, lang)}", st.met is False)


def _kpi_items(wb: Workbook, fy: int, since: date, day: date, lang: str) -> list[Item]:
    kras = wb.by_id("kras")
    order = {g: i for i, g in enumerate(GROUPS)}
    statuses = sorted(kpi_statuses(wb, fy, day), key=lambda s: (
        order.get(kpi_group(wb, s.kpi, kras) or "", len(order)), number_key(s.kpi.get("no"))))
    return [item for st in statuses if (item := _kpi_change(wb, st, since, day, lang, kras)) is not None]


def _new_reflections(wb: Workbook, fy: int, since: date, day: date) -> list[Record]:
    rows = [r for r in wb.rows("reflections", fy) if r.get("written_on") and since <= r["written_on"] <= day]
    return sorted(rows, key=lambda r: (r["written_on"], r["_row"]), reverse=True)


def _by(record: Record, lang: str) -> str:
    return " · ".join(p for p in (format_date(record.get("written_on"), lang),
                                  one_line(record.get("author_role"), 40)) if p)


def _next_section(wb: Workbook, fy: int, new: list[Record], lang: str, links: dict[str, str]) -> Section:
    """Open adaptations when the workbook has a tab for them (issue #19), else the new "Now what?" answers."""
    if "adaptations" in wb.schema.tab_keys:
        rows = [r for r in wb.rows("adaptations", fy) if r.get("status") not in CLOSED_ADAPTATIONS]
        items = [Item(one_line(r.get("decision") or r.get("title") or r.get("id")),
                      " · ".join(p for p in (one_line(r.get("owner"), 40), format_date(r.get("due_on"), lang)
                                             if r.get("due_on") else "") if p)) for r in rows]
        return _section("next", "digest.adaptations", items, lang, links)
    items = [Item(one_line(r["now_what"]), _by(r, lang)) for r in new if r.get("now_what")]
    return _section("next", "digest.next", items, lang, links)


def build_digest(wb: Workbook, fiscal_year: int, today: date, every: str = "week", since: date | None = None,
                 app_url: str = "", lang: str = "th") -> Digest:
    """The digest of a fiscal year as of `today` (the demo keeps its own date) for the period holding that day.

    `since`: the day changes are counted from (the last digest's date); None: the previous period's first day,
    so a first digest covers the period before it too. Raises ValueError for an unknown `every`.
    """
    ov = build_overview(wb, fiscal_year, today)
    day = ov.as_of
    period = period_of(day, every)
    since = min(since or period.previous().start, day)
    links = app_links(app_url, lang)
    new = _new_reflections(wb, fiscal_year, since, day)
    sections = (
        _section("late", "digest.late", _due_items(ov, True, lang), lang, links),
        _section("due", "digest.due", _due_items(ov, False, lang), lang, links),
        Section("ita", translate("digest.ita", lang), tuple(_ita_items(ov, lang)), len(_ita_items(ov, lang)),
                links.get("ita", "")),
        _section("kpis", "digest.kpis", _kpi_items(wb, fiscal_year, since, day, lang), lang, links),
        _section("reflections", "digest.reflections",
                 [Item(one_line(r.get("what") or r.get("so_what")), _by(r, lang)) for r in new], lang, links),
        _next_section(wb, fiscal_year, new, lang, links),
    )
    counts = {s.key: s.total for s in sections}
    headline = translate("digest.headline", lang, late=counts["late"], due=counts["due"], kpis=counts["kpis"],
                         reflections=counts["reflections"])
    if ov.ita_gap is not None:
        headline += " · " + ov.ita_headline(lang)
    return Digest(lang, fiscal_year, day, period, since, one_line(ov.office_name, 120), is_demo(wb, fiscal_year),
                  headline, sections, links.get("app", ""), links.get("meeting", ""))
