"""Blocks pages repeat: a caption line of parts, a table with translated column labels, a paged listing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from de_core.thaidate import format_number
from de_ui.i18n import t

LATE_STYLE = "background-color: #ffebee; color: #b71c1c"  # a late row: light red, dark red text


def caption_line(*parts: str | None, where: Any = None) -> None:
    """One caption of the non-empty parts joined by " · " (office, fiscal year, as-of date, data time); none
    when every part is empty."""
    if text := " · ".join(p for p in parts if p):
        (where or st).caption(text)


def table(rows: Sequence[Mapping[str, Any]], labels: str, columns: Iterable[str], key: str,
          late: str | None = None, config: Mapping[str, Any] | None = None, named: bool = False) -> None:
    """Rows of plain cells as a full-width table, each column labelled t(f"{labels}.col_{column}").

    `late` names a true/false column that is not shown: its true rows are drawn in red. `config` gives
    columns their own st.column_config (links, widths). `named` makes the labels the column names themselves
    (the table's own CSV download then carries them), only the listed columns shown, in their order.
    """
    frame = pd.DataFrame(list(rows))
    labels_of = {c: t(f"{labels}.col_{c}") for c in columns}
    if named:
        frame = frame.reindex(columns=list(labels_of)).rename(columns=labels_of)
    shown: Any = frame
    if late is not None and late in frame:
        flags = frame[late].astype(bool).tolist()
        shown = frame.drop(columns=late).style.apply(
            lambda r: [LATE_STYLE if flags[r.name] else ""] * len(r), axis=1)
    column_config = {**({} if named else labels_of), **(config or {})}
    st.dataframe(shown, hide_index=True, width="stretch", key=key, column_config=column_config)


def paged(pages: int, key: str) -> tuple[DeltaGenerator, int]:
    """A listing container drawn above its page control (shown only when there is more than one page).

    Returns the container to fill and the page number chosen (1 when there is one page).
    """
    listing = st.container()
    if pages <= 1:
        return listing, 1
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    number = int(left.number_input(t("feed.page"), min_value=1, max_value=pages, value=1, step=1, key=key))
    right.caption(t("feed.pages", number=format_number(number), pages=format_number(pages)))
    return listing, number


def metrics(items: Mapping[str, object], per_row: int | None = None) -> None:
    """Metrics side by side (label → value), `per_row` of them to a row (all in one row when None)."""
    pairs = list(items.items())
    size = per_row or len(pairs) or 1
    for start in range(0, len(pairs), size):
        for col, (label, value) in zip(st.columns(size), pairs[start:start + size], strict=False):
            col.metric(label, value)


def text_sections(record: Mapping[str, Any], labels: Mapping[str, str], always: Iterable[str] = ()) -> None:
    """Each filled text field of a record (and those in `always`) as a bold label over its text, kept literal."""
    shown = set(always)
    for name, label in labels.items():
        if record.get(name) or name in shown:
            st.markdown(f"**{label}**")
            st.text(record.get(name) or "")


def section(title: str, caption: str | None = None, empty: str | None = None, has: object = True,
            good_when_empty: bool = False, help: str | None = None) -> bool:
    """A titled section: a subheader, its caption line, and the `empty` note when there is nothing (`has` falsy;
    a success note when an empty list is good news). Returns whether there is something to draw."""
    st.subheader(title, help=help)
    if caption:
        st.caption(caption)
    if not has and empty:
        (st.success if good_when_empty else st.info)(empty)
    return bool(has)


def static_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain HTML table (st.table: page text that wraps and prints, unlike the canvas of st.dataframe)."""
    st.table(pd.DataFrame(list(rows), columns=list(headers)), hide_index=True)
