"""HTML blocks on the page (st.html, no Markdown): tables that wrap and show all their text, bullet graphs, figures.

Everything shown is made safe by de_core.display.html (escaped text, links only to URLs the parser accepts); this
module only hands it to Streamlit with the product's stylesheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from de_core.display import html
from de_core.display.bullets import Bullet, bullets_html
from de_core.display.html_style import STYLE
from de_ui.i18n import t


def stylesheet() -> None:
    """The product's stylesheet for its HTML blocks, once per run of the app (streamlit_app.py): a style alone takes
    no room on the page, and a fragment's reruns (the live meeting board) keep it."""
    st.html(STYLE)


def show(*blocks: str, where: Any = None) -> None:
    """HTML blocks (already escaped by de_core.display; the stylesheet comes once, from stylesheet()) in `where`
    (a column) or the page; nothing when every block is empty."""
    if any(blocks):
        (where or st).html("".join(blocks))


def bullets(rows: Sequence[Bullet], label: str = "", cls: str = "", where: Any = None) -> None:
    """Bullet graphs, one line each (KPIs, KPI groups, DE stages, the budget)."""
    if rows:
        show(bullets_html(rows, cls, label), where=where)


def rows_of(data: pd.DataFrame | Sequence[Mapping[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of a data frame or a list of same-keyed dicts (a blank cell for None or NaN)."""
    if isinstance(data, pd.DataFrame):
        frame = data.astype(object).where(data.notna(), None)
        return [str(c) for c in frame.columns], frame.to_numpy().tolist()
    headers = list(data[0]) if data else []
    return headers, [[row.get(h) for h in headers] for row in data]


def table(data: pd.DataFrame | Sequence[Mapping[str, Any]], *, links: Mapping[str, str] | None = None,
          subs: Mapping[str, str] | None = None, numeric: Iterable[str] = (), nowrap: Iterable[str] = (),
          hide: Iterable[str] = (), late: Sequence[bool] = (), bare: Iterable[str] = (), cls: str = "",
          where: Any = None) -> None:
    """A table whose every cell shows its whole text: columns named in `links` (header → link words) show a
    link to the cell's URL (only when it is a safe http(s) URL; else the cell is blank), `subs` (header → other
    header) put another column's text under a cell in small type, `hide` leaves columns out; `numeric` columns
    align right, `nowrap` ones keep to one line (on a laptop), `bare` ones show no label on a phone (a row's title)."""
    headers, rows = rows_of(data)
    links, subs = dict(links or {}), dict(subs or {})
    hidden = set(hide) | set(subs.values())
    keep = [i for i, h in enumerate(headers) if h not in hidden]
    index = {h: i for i, h in enumerate(headers)}
    numeric, nowrap = set(numeric), set(nowrap)

    def cell(row: list[Any], i: int) -> html.Cell:
        head, value = headers[i], row[i]
        sub = row[index[subs[head]]] if head in subs else ""
        cls_ = "sj-nw" if head in nowrap else ""
        if head in links:
            url = html.safe_url(value)
            return html.Cell(links[head] if url else "", sub=sub, href=url, cls=cls_)
        return html.Cell("" if value is None else value, sub=sub or "", cls=cls_)

    body = [[cell(row, i) for i in keep] for row in rows]
    shown = [headers[i] for i in keep]
    bare = set(bare)
    show(html.table(shown, body, late=late, cls=cls, numeric=[n for n, h in enumerate(shown) if h in numeric],
                    bare=[n for n, h in enumerate(shown) if h in bare]), where=where)


def keyed_table(rows: Sequence[Mapping[str, Any]], labels: str, columns: Sequence[str], *,
                links: Mapping[str, str] | None = None, subs: Mapping[str, str] | None = None,
                late: str | None = None, nowrap: Iterable[str] = (), numeric: Iterable[str] = (),
                bare: Iterable[str] = (), cls: str = "", where: Any = None) -> None:
    """table() of rows keyed by column names, each column labelled t(f"{labels}.col_{column}"), in `columns`'
    order (`subs` and `links` name columns by key too; `late` names a true/false key: its rows in red)."""
    label = {c: t(f"{labels}.col_{c}") for c in [*columns, *(subs or {}).values()]}
    data = [{label[c]: row.get(c) for c in label} for row in rows]
    table(data, links={label[c]: text for c, text in (links or {}).items()},
          subs={label[c]: label[s] for c, s in (subs or {}).items()}, late=[bool(r.get(late)) for r in rows] if late
          else (), nowrap=[label[c] for c in nowrap], numeric=[label[c] for c in numeric],
          bare=[label[c] for c in bare], cls=cls, where=where)


NOTE_ICONS = {"warning": ":material/warning:", "info": ":material/info:", "success": ":material/check_circle:"}


def notes(messages: Sequence[tuple[str, str]], ok: str | None = None) -> None:
    """Findings as boxes, each at its level ("warning" or "info"; the text already escaped for Markdown), then the
    good news when there is some."""
    for level, text in messages:
        (st.warning if level == "warning" else st.info)(text, icon=NOTE_ICONS.get(level))
    if ok:
        st.success(ok, icon=NOTE_ICONS["success"])
