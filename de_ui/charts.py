"""Show a plotly chart with the modebar's "download as PNG" kept, named, and sharp enough for a slide;
made once per data version and reused by every rerun (cached_chart). The modebar shows on hover only (plotly's
default): forced on, it sat on the legends and labels (PITFALLS)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from de_core.display.charts import enlarge
from de_core.sheet.workbook import Workbook

PNG_SCALE = 2  # twice the on-screen pixels: crisp on a projector slide or in a printed report
WIDE_CSS = ("<style>.st-key-{box} {{ overflow-x: auto; overflow-y: hidden; }} "
            ".st-key-{box} [data-testid='stElementContainer'] {{ min-width: {width}px; }}</style>")


def chart_config(filename: str) -> dict:
    """The plotly config: the modebar on hover with the camera button saving `filename`.png, no plotly logo."""
    safe = re.sub(r"[^\w.-]+", "-", filename, flags=re.ASCII).strip("-") or "chart"
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": safe, "scale": PNG_SCALE},
        "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    }


def show_chart(fig: go.Figure, key: str, filename: str | None = None, where: Any = None) -> None:
    """A plotly chart at full width (in `where`, e.g. a column) with a PNG download named after the chart."""
    (where or st).plotly_chart(fig, width="stretch", key=key, config=chart_config(filename or key))


def cached_chart(wb: Workbook, key: str, parts: tuple, build: Callable[[], go.Figure], where: Any = None,
                 scale: float = 1.0, min_width: int | None = None) -> None:
    """show_chart of the figure `build` makes, made once per data version, key and `parts` (year, day, language,
    filters) and reused by every rerun of every session; `scale` enlarges it (meeting mode). Read-only here.

    `min_width` (px): a chart whose labels need room (a Gantt of twelve months, long activity names) keeps that
    width on a phone and scrolls sideways inside its own box; the page itself never does.
    """
    fig = wb.derived(("chart", key, *parts, scale), lambda: enlarge(build(), scale))
    if min_width is None:
        show_chart(fig, key=key, where=where)
        return
    box = f"wide-{re.sub(r'[^A-Za-z0-9_-]', '-', key)}"
    st.html(WIDE_CSS.format(box=box, width=int(min_width)))  # only a style: Streamlit gives it no room on the page
    with (where or st).container(key=box):
        show_chart(fig, key=key)
