"""The Overview read at a glance, in one language: bullet graphs of the DE stages, the KRA groups and the budget,
the ITA figure when the year has no total yet, the DE loop's figures, and the late / due list, as escaped HTML
(display.html)."""

from __future__ import annotations

from de_core.activities.tables import budget_bullet
from de_core.cycle.bullets import group_bullet, stage_bullet
from de_core.cycle.progress import DueItem
from de_core.display import html
from de_core.display.bullets import Bullet
from de_core.display.i18n import translate
from de_core.summary.overview import Overview
from de_core.thaidate import format_baht, format_date, format_number, format_score


def stage_bullets(view: Overview, lang: str = "th") -> list[Bullet]:
    """One line per DE stage: steps done against the steps due by the as-of date, late steps in red."""
    return [stage_bullet(p, lang) for p in view.stages]


def group_bullets(view: Overview, lang: str = "th") -> list[Bullet]:
    """One line per KRA group: the share of its KPIs met."""
    return [group_bullet(g, lang) for g in view.groups]


def budget_bullets(view: Overview, lang: str = "th") -> list[Bullet]:
    """The budget spent against the plan to date, on a scale to the allocation (none without a budget view)."""
    return [] if view.budget is None else [budget_bullet(view.budget, view.pace, lang)]


def budget_figures(view: Overview, lang: str = "th") -> list[tuple[str, str]]:
    """(label, baht) for allocation, planned, spent, remaining."""
    if view.budget is None:
        return []
    return [(translate(f"overview.{key}", lang), format_baht(amount, lang))
            for key, amount in view.budget.amounts.items()]


def loop_figures(view: Overview, lang: str = "th") -> list[tuple[str, str]]:
    """The DE loop at a glance: adaptations open, late and done this year, and the reflections with a "Now what?"
    that have an adaptation ("7 จาก 8"); none while the year has neither adaptations nor such reflections."""
    loop = view.loop
    if loop is None or not (loop.total or loop.reflections):
        return []
    adapted = translate("glanceloop.of", lang, n=format_number(loop.adapted), total=format_number(loop.reflections))
    return [(translate("glanceloop.open", lang), format_number(loop.open)),
            (translate("glanceloop.late", lang), format_number(loop.late)),
            (translate("glanceloop.done", lang), format_number(loop.by_status.get("done", 0))),
            (translate("glanceloop.adapted", lang), adapted)]


def ita_stat_html(view: Overview, lang: str = "th") -> str:
    """The ITA figure while the selected year has no total: the latest earlier year's total and band, the points
    it was short of the target, and that this year has none yet (the band is sheet text, escaped)."""
    prev = view.ita_previous
    if prev is None:
        value, band, sub = "–", "", ""
        label = translate("glance.ita_label", lang)
    else:
        value = format_score(prev.total)
        band = translate("glance.band", lang, band=prev.band.level) if prev.band else ""
        gap = prev.gap(view.ita_target)
        sub = translate("overview.ita_gap", lang, gap=format_score(gap)) if gap else \
            translate("overview.ita_reached", lang)
        label = translate("glance.ita_latest", lang, fy=prev.fiscal_year)
    note = translate("glance.ita_not_yet", lang, fy=view.fiscal_year)
    band_html = f'<span class="sj-stat-band">{html.esc(band)}</span>' if band else ""
    return html.block(
        f'<div class="sj-stat-label">{html.esc(label)}</div>'
        f'<div class="sj-stat-value">{html.esc(value)}{band_html}</div>'
        + (f'<div class="sj-stat-sub">{html.esc(sub)}</div>' if sub else "")
        + f'<div class="sj-stat-note">{html.esc(note)}</div>', "sj-stat", label)


def due_table_html(items: list[DueItem], lang: str = "th") -> str:
    """What is late or due this month: the item (its kind, number and due date under it), owner, how late.
    Late rows in red; on a phone each item is a block with its owner under it, and while some are late only the
    late ones are listed (those due this month are counted under them: the phone's two screens hold the list)."""
    headers = [translate(f"glance.late_col_{c}", lang) for c in ("item", "owner", "state")]
    rows = []
    for d in items:
        kind = translate(f"overview.kind_{d.kind}", lang)
        sub = translate("glance.item_sub", lang, kind=kind, no=d.number).strip()
        sub += " · " + translate("glance.due_on", lang, date=format_date(d.due, lang))
        state = translate("glance.days_late", lang, n=d.days_late) if d.late else translate("overview.due_soon", lang)
        rows.append([html.Cell(d.title, sub=sub), d.record.get("owner") or "",
                     html.Cell(state, cls="sj-nw")])
    soon = sum(not d.late for d in items)
    note = (f'<div class="sj-phone-only sj-stat-note">{html.esc(translate("glance.soon_on_phone", lang, n=soon))}</div>'
            if soon and any(d.late for d in items) else "")  # a phone lists the late; those due soon are counted
    return html.table(headers, rows, late=[d.late for d in items], cls="sj-due", bare=(0,)) + note


def reflections_html(view: Overview, lang: str = "th") -> str:
    """The latest reflections as cards: date and group, the author's role, what happened and what changes next
    (the sheet's text escaped, line breaks kept); one block, not a dozen elements."""
    cards = []
    for ref in view.reflections:
        group = translate(f"group.{ref['author_group']}", lang) if ref.get("author_group") else ""
        meta = " · ".join(p for p in (format_date(ref.get("written_on"), lang), group) if p)
        parts = [f'<div class="sj-card-meta">{html.esc(meta)}</div>']
        if ref.get("author_role"):
            parts.append(f'<div class="sj-card-role">{html.esc(ref["author_role"])}</div>')
        for name in ("what", "now_what"):
            if ref.get(name) or name == "what":
                parts.append(f'<div class="sj-card-head">{html.esc(translate(f"overview.{name}", lang))}:</div>'
                             f'<div class="sj-card-text">{html.esc(ref.get(name) or "")}</div>')
        cards.append(f'<div class="sj-card">{"".join(parts)}</div>')
    return html.block("".join(cards), "sj-cards", translate("overview.reflections", lang)) if cards else ""
