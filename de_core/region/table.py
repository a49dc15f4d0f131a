"""The scorecard as the page shows it: regional totals, the bands, and one row per office (sorted, filtered, with
arrows against last year and a colour only where a threshold is crossed), made into escaped HTML here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from de_core.display import html
from de_core.display.i18n import translate
from de_core.region.figures import OfficeYear
from de_core.region.scorecard import NO_BAND, Line, Scorecard
from de_core.thaidate import format_baht, format_datetime, format_percent, format_score

PASS_LINE = Decimal(85)  # ITA under the pass line (band A's floor) is coloured
SORTS = ("ita", "gap", "steps", "kpis", "budget", "oit", "late", "name")
COLUMNS = ("office", "ita", "band", "gap", "steps", "kpis", "budget", "oit", "late", "adapt", "read")
NUMERIC = ("ita", "gap", "steps", "kpis", "budget", "oit", "late", "adapt")
UP, DOWN = "▲", "▼"
# Our own class names only (never sheet text): a cell over a threshold, a problem line.
STYLE = ("<style>.sj-rg-bad{color:#b3261e;font-weight:600}.sj-rg-good{color:#1b6e20;font-weight:600}"
         ".sj-rg-figs .sj-fig-value{font-size:1.4rem}"
         # a dozen columns: on a laptop beside the sidebar the table scrolls sideways in its own box, names kept
         # readable; on a phone each office is a block (html_style's narrow layout)
         ".sj-wrap:has(> table.sj-rg){overflow-x:auto}"
         "@container (min-width: 561px){.sj-rg td:first-child{min-width:11rem}}</style>")


def _sort_value(line: Line, key: str) -> object:
    y = line.now
    if key == "name":
        return line.name
    if y is None:
        return None
    return {"ita": y.ita_or_projection, "gap": y.ita_gap, "steps": y.steps_share, "kpis": y.kpis_share,
            "budget": y.budget_used, "oit": y.oit_share, "late": y.late_items}[key]


def arranged(card: Scorecard, sort: str = "ita", descending: bool = True, text: str = "", band: str = "",
             attention: bool = False) -> list[Line]:
    """The lines filtered (name or province contains `text`, the band, only those needing attention) and sorted
    (offices without the figure last, whichever the direction)."""
    wanted = text.strip().casefold()
    lines = [line for line in card.lines
             if (not wanted or wanted in line.name.casefold() or wanted in line.office.area.casefold())
             and (not band or (line.now is not None and ((line.now.band or NO_BAND) if line.now.ita_total is not None
                                                         else NO_BAND) == band))
             and (not attention or needs_attention(line))]
    present = [line for line in lines if _sort_value(line, sort) is not None]
    absent = [line for line in lines if _sort_value(line, sort) is None]
    present.sort(key=lambda line: _sort_value(line, sort), reverse=descending)  # type: ignore[arg-type, return-value]
    return present + absent


def needs_attention(line: Line) -> bool:
    """A read problem, or a threshold crossed: ITA under the pass line, late items, budget overspent."""
    y = line.now
    return line.state.problem is not None or y is None or (y.ita_total is not None and y.ita_total < PASS_LINE) \
        or y.late_items > 0 or (y.budget_used or 0) > 1


def _arrow(now: object, before: object, lower_is_better: bool = False) -> str:
    if now is None or before is None or now == before:
        return ""
    return UP if now > before else DOWN  # type: ignore[operator]


def _ita_cell(y: OfficeYear, before: OfficeYear | None, lang: str) -> html.Cell:
    arrow = _arrow(y.ita_or_projection, before.ita_or_projection if before else None)
    if y.ita_total is not None:
        cls = "sj-rg-bad" if y.ita_total < PASS_LINE else ""
        return html.Cell(f"{format_score(y.ita_total)} {arrow}".strip(), cls=cls)
    if y.oit_projected is not None:
        return html.Cell(translate("region.projection", lang, score=format_score(y.oit_projected)),
                         sub=arrow)
    return html.Cell("–")


def _share(done: int, total: int, share: float | None, before: float | None) -> str:
    return f"{done}/{total} {_arrow(share, before)}".strip() if total else "–"


def row_cells(line: Line, lang: str, local: Callable[[datetime], datetime]) -> list[html.Cell]:
    """One office's cells in COLUMNS' order (its name a link to its own pages, read only)."""
    y, b, state = line.now, line.before, line.state
    read = format_datetime(local(state.read_at), lang) if state.read_at else "–"
    problem = state.problem.message(lang) if state.problem else ""
    name = html.Cell(line.name, sub=" · ".join(p for p in (line.office.area, problem) if p),
                     href=None)
    if y is None:
        blank = [html.Cell("–") for _ in COLUMNS[1:-1]]
        blank[0] = html.Cell(translate("region.no_figures", lang), cls="sj-rg-bad" if problem else "")
        return [name, *blank, html.Cell(read, cls="sj-rg-bad" if problem else "")]
    gap = translate("region.reached", lang) if y.ita_gap == 0 else format_score(y.ita_gap) if y.ita_gap else "–"
    budget = "–" if y.budget_used is None else \
        f"{format_percent(y.budget_used * 100, 0)} {_arrow(y.budget_used, b.budget_used if b else None)}".strip()
    return [
        name, _ita_cell(y, b, lang), html.Cell(y.band or "–"),
        html.Cell(gap, cls="sj-rg-good" if y.ita_gap == 0 else ""),
        html.Cell(_share(y.steps_done, y.steps_total, y.steps_share, b.steps_share if b else None),
                  sub=" ".join(f"{d}/{t}" for _, d, t in y.stages)),
        html.Cell(_share(y.kpis_met, y.kpis_total, y.kpis_share, b.kpis_share if b else None),
                  sub=" ".join(f"{m}/{t}" for _, m, t in y.groups)),
        html.Cell(budget, sub=format_baht(y.spent, lang) if y.spent is not None else "",
                  cls="sj-rg-bad" if (y.budget_used or 0) > 1 else ""),
        html.Cell(f"{format_percent(y.oit_share, 0)} {_arrow(y.oit_share, b.oit_share if b else None)}".strip()),
        html.Cell(str(y.late_items), cls="sj-rg-bad" if y.late_items else ""),
        html.Cell("–" if y.late_adaptations is None else str(y.late_adaptations),
                  cls="sj-rg-bad" if y.late_adaptations else ""),
        html.Cell(read, sub=translate("region.kept", lang) if problem else "", cls="sj-rg-bad" if problem else ""),
    ]


def table_html(lines: list[Line], lang: str, local: Callable[[datetime], datetime],
               link: Callable[[Line], str | None] = lambda line: None) -> str:
    """The office-by-office table as escaped HTML (a row per office; `link` gives the address of its pages)."""
    headers = [translate(f"region.col_{c}", lang) for c in COLUMNS]
    rows = []
    for line in lines:
        cells = row_cells(line, lang, local)
        href = link(line)
        if href:
            cells[0] = html.Cell(cells[0].text, sub=cells[0].sub, href=href)
        rows.append(cells)
    numeric = [i for i, c in enumerate(COLUMNS) if c in NUMERIC]
    return STYLE + html.table(headers, rows, numeric=numeric, bare=[0], cls="sj-rg")


@dataclass(frozen=True)
class Totals:
    items: list[tuple[str, str]]
    bands: list[tuple[str, str]]


def totals(card: Scorecard, lang: str) -> Totals:
    """The regional figures at the top and the distribution of bands (label, value)."""
    n, read = len(card.lines), len(card.with_figures)
    (done, steps), (met, kpis), (spent, allocation) = card.steps, card.kpis, card.money
    items = [
        (translate("region.totals_offices", lang), translate("region.totals_read", lang, read=read, n=n)),
        (translate("region.totals_mean", lang), format_score(card.mean_ita)),
        (translate("region.totals_reached", lang), str(card.reached)),
        (translate("region.totals_steps", lang), format_percent(100 * done / steps if steps else None, 0)),
        (translate("region.totals_kpis", lang), f"{met}/{kpis}"),
        (translate("region.totals_money", lang),
         format_percent(100 * spent / allocation if allocation else None, 0)),
        (translate("region.totals_late", lang), str(card.late_items)),
        (translate("region.totals_problems", lang), str(len(card.problems))),
    ]
    bands = [(translate("region.no_band", lang) if b == NO_BAND else b, str(count))
             for b, count in card.bands().items()]
    return Totals(items, bands)


def totals_html(card: Scorecard, lang: str) -> str:
    """The regional totals and the bands as labelled figures (escaped HTML)."""
    t = totals(card, lang)
    return (STYLE + html.figures(t.items, cls="sj-rg-figs")
            + html.block(f'<div class="sj-fig-label">{html.esc(translate("region.bands", lang))}</div>'
                         + html.figures(t.bands), label=translate("region.bands", lang)))


def health_lines(card: Scorecard, lang: str, local: Callable[[datetime], datetime]) -> list[str]:
    """The regional Data health: each office that could not be read, why and when (plain text; the page escapes)."""
    return [translate("region.health_line", lang, office=line.name, reason=line.state.problem.message(lang),
                      time=format_datetime(local(line.state.problem.at), lang))
            for line in card.problems if line.state.problem is not None]
