"""The KRA → KPI page's view model: the seed's matrix with each KPI's status, readings, trend and evidence."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from de_core.cycle.loop import kpi_markers
from de_core.cycle.progress import GROUPS, GroupSummary, KpiStatus, kpi_group, kpi_statuses, number_key
from de_core.display.i18n import translate
from de_core.display.paging import Page, paginate
from de_core.sheet.workbook import Record, Workbook
from de_core.sheet.years import as_of
from de_core.thaidate import DASH, format_date, format_number

STATES = ("met", "not_met", "no_reading", "no_target")
# The matrix's text columns in the seed's order (matrix_rows also gives "link", the first evidence URL).
MATRIX_COLUMNS = ("group", "no", "kpi", "action", "expected", "evidence_types", "target", "actual", "state")


@dataclass(frozen=True)
class Evidence:
    url: str
    title: str = ""  # the evidence tab's title; blank for a link typed on a reading
    on: date | None = None  # the reading's date for such a link

    def label(self, lang: str = "th") -> str:
        return self.title or (format_date(self.on, lang) if self.on else self.url)


@dataclass
class KpiCard:
    status: KpiStatus
    group: str | None
    kra: Record | None
    evidence: list[Evidence] = field(default_factory=list)
    adaptations: list[Record] = field(default_factory=list)  # done adaptations touching it, by done date (#19)

    @property
    def kpi(self) -> Record:
        return self.status.kpi

    @property
    def has_trend(self) -> bool:
        """Several dated readings: worth a trend line."""
        return len(self.status.trend) >= 2

    @property
    def marks(self) -> tuple[tuple[str, date], ...]:
        """What its trend's adaptation markers depend on (part of the figure's cache key): each id and done date."""
        return tuple((a.get("id") or "", a["done_on"]) for a in self.adaptations)

    def adaptation_lines(self, lang: str = "th") -> list[str]:
        """"ปรับเมื่อ 28 เม.ย. 2566: …" per done adaptation touching the KPI (sheet text as typed, cut short)."""
        return [translate("trendmark.line", lang, date=format_date(a["done_on"], lang),
                          decision=short(a.get("decision") or "")) for a in self.adaptations]


@dataclass
class GroupBlock:
    group: str | None  # None: KPIs whose KRA id matches no KRA row
    kras: list[Record] = field(default_factory=list)
    cards: list[KpiCard] = field(default_factory=list)  # after the filters
    summary: GroupSummary = field(default_factory=lambda: GroupSummary(""))  # over ALL the group's KPIs


MARK_TEXT = 140  # an adaptation's decision as quoted under a KPI's trend and in its hover


def short(text: str, limit: int = MARK_TEXT) -> str:
    """Text on one line, cut to `limit` characters with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


CARDS_PER_PAGE = 20  # a KPI card draws two charts: a big year's hundreds of KPIs are paged


@dataclass
class KpiView:
    fiscal_year: int | None
    as_of: date
    groups: list[GroupBlock] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # state -> number of KPIs (all, before filters)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def shown(self) -> list[KpiCard]:
        return [c for g in self.groups for c in g.cards]

    def card_page(self, number: int, size: int | None = None) -> tuple[Page[KpiCard], list[GroupBlock]]:
        """Page `number` of the shown cards (CARDS_PER_PAGE), and the group blocks holding just that page's cards
        in their order, so each page still shows its KRA group headings."""
        page = paginate(self.shown, number, size or CARDS_PER_PAGE)
        on_page = {id(c) for c in page.items}
        blocks = [GroupBlock(b.group, b.kras, [c for c in b.cards if id(c) in on_page], b.summary)
                  for b in self.groups]
        return page, [b for b in blocks if b.cards]


def evidence_by_kpi(wb: Workbook, fiscal_year: int | None) -> dict[str, list[Evidence]]:
    """The year's evidence rows with a link, per KPI id, in sheet order."""
    out: dict[str, list[Evidence]] = {}
    for e in wb.rows("evidence", fiscal_year):
        if e.get("kpi_id") and e.get("url"):
            out.setdefault(e["kpi_id"], []).append(Evidence(e["url"], e.get("title") or ""))
    return out


def kpi_evidence(status: KpiStatus, rows: dict[str, list[Evidence]]) -> list[Evidence]:
    """Evidence rows linked to the KPI, then links typed on its readings (newest first), without repeats."""
    out = list(rows.get(status.kpi.get("id") or "", []))
    for reading in reversed(status.readings):
        out += [Evidence(url, on=reading.get("measured_on")) for url in reading.get("evidence") or []]
    seen: set[str] = set()
    return [e for e in out if not (e.url in seen or seen.add(e.url))]


def build_kpi_view(wb: Workbook, fiscal_year: int | None, today: date, groups: Collection[str] = (),
                   states: Collection[str] = ()) -> KpiView:
    """KPIs of the year by KRA group (seed order, then KPI number); filters narrow the cards, not the summaries."""
    day = as_of(wb, fiscal_year, today)
    kras = wb.by_id("kras")
    evidence = evidence_by_kpi(wb, fiscal_year)
    marks = kpi_markers(wb, fiscal_year, day)
    blocks = {g: GroupBlock(g, summary=GroupSummary(g)) for g in GROUPS}
    view = KpiView(fiscal_year, day, counts=dict.fromkeys(STATES, 0))
    statuses = sorted(kpi_statuses(wb, fiscal_year, day), key=lambda s: number_key(s.kpi.get("no")))
    for status in statuses:
        group = kpi_group(wb, status.kpi, kras)
        block = blocks.setdefault(group or "", GroupBlock(None, summary=GroupSummary("")))
        kra = kras.get(status.kpi.get("kra_id") or "")
        if kra is not None and kra not in block.kras:
            block.kras.append(kra)
        block.summary.total += 1
        block.summary.measured += status.actual is not None
        block.summary.met += status.met is True
        view.counts[status.state] += 1
        if (not groups or (group or "") in groups) and (not states or status.state in states):
            block.cards.append(KpiCard(status, group, kra, kpi_evidence(status, evidence),
                                       marks.get(status.kpi.get("id") or "", [])))
    view.groups = [b for key, b in blocks.items() if key in GROUPS or b.summary.total]
    return view


def format_value(value: Decimal | None, kpi: Record, lang: str = "th") -> str:
    """A KPI value as people read it: "มี"/"ไม่มี", "83.33%", "8 ครั้ง", "93.47 คะแนน"."""
    if value is None:
        return DASH
    kind = kpi.get("measure_type")
    if kind == "yesno":
        return translate("kpis.yes" if value else "kpis.no", lang)
    text = format_number(value, 0 if value == value.to_integral_value() else 2)
    if kind == "percent":
        return f"{text}%"
    unit = (kpi.get("unit") or "").strip()
    return f"{text} {unit}" if unit else text


def state_label(state: str, lang: str = "th") -> str:
    """"บรรลุ" / "ยังไม่บรรลุ" / "ยังไม่มีผลการวัด" / "ยังไม่มีค่าเป้าหมาย"."""
    return translate(f"kpis.state_{state}", lang)


def group_label(group: str | None, lang: str = "th") -> str:
    """A KRA group's name ("ผู้บริหาร"), or "no group" for KPIs outside every group."""
    return translate(f"group.{group}", lang) if group else translate("kpis.no_group", lang)


def matrix_rows(wb: Workbook, view: KpiView, lang: str = "th") -> list[dict[str, object]]:
    """The seed's KRA → KPI → action → expected result → evidence table, with target, latest value and status."""
    rows: list[dict[str, object]] = []
    for card in view.shown:
        kpi, st = card.kpi, card.status
        rows.append({
            "group": wb.schema.enum_label("kra_group", card.group, lang) if card.group else DASH,
            "no": kpi.get("no") or "", "kpi": kpi.get("kpi") or "", "action": kpi.get("action") or "",
            "expected": kpi.get("expected_result") or "", "evidence_types": kpi.get("evidence_types") or "",
            "target": format_value(st.target, kpi, lang), "actual": format_value(st.actual, kpi, lang),
            "state": state_label(st.state, lang), "link": card.evidence[0].url if card.evidence else None,
        })
    return rows


def kpi_names(wb: Workbook, fiscal_year: int | None, lang: str = "th") -> dict[str, str]:
    """Each KPI id of the year → how people name it: its KRA group and number ("ผู้บริหาร 3"), never the id."""
    kras = wb.by_id("kras")
    out = {}
    for k in wb.rows("kpis", fiscal_year):
        if k.get("id"):
            group = kpi_group(wb, k, kras)
            out[k["id"]] = " ".join(x for x in (group_label(group, lang) if group else "", str(k.get("no") or ""))
                                    if x) or DASH
    return out
