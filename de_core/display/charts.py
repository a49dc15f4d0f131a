"""The product's one plotly look (Thai-capable font, status colours, readable on a projector) and the gauge of a
figure that stands alone (the ITA score; rows of KPIs are bullet graphs: display.bullets).

Each capability draws its own figures (cycle/, ita/, activities/ charts.py) with these pieces. Every chart of the product is drawn on the "sujarit" template: `figure()` or `fig.update_layout(template=
TEMPLATE_NAME)`. Numbers carry thousands separators; date axes are labelled in Buddhist-Era dates (format_date).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from decimal import Decimal

import plotly.graph_objects as go
import plotly.io as pio

FONT_FAMILY = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif"
TEMPLATE_NAME = "sujarit"
GREEN, AMBER, RED, GREY, BLUE = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e", "#1565c0"
INK = "#14201a"
STATUS_COLORS = {"done": GREEN, "in_progress": BLUE, "planned": GREY, "late": RED, "cancelled": "#616161",
                 "not_started": GREY}
GAUGE_TITLE = 18  # a gauge's title; its grey subtitle is 0.9 of it (readable from the back of a room when enlarged)
LEGEND_ON_TOP = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"}
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _template() -> go.layout.Template:
    return go.layout.Template(
        layout=go.Layout(
            font={"family": FONT_FAMILY, "size": 16, "color": INK},
            title={"font": {"size": 20}},
            paper_bgcolor="white",
            plot_bgcolor="white",
            colorway=[GREEN, BLUE, AMBER, "#6a1b9a", RED, "#00838f", "#5d4037"],
            separators=".,",
            xaxis={"gridcolor": "#e0e0e0", "tickfont": {"size": 14}, "automargin": True},
            yaxis={"gridcolor": "#e0e0e0", "tickfont": {"size": 14}, "tickformat": ",~r", "automargin": True},
            hoverlabel={"font": {"family": FONT_FAMILY, "size": 16}},
            legend={"font": {"size": 14}},
            margin={"l": 20, "r": 20, "t": 50, "b": 20},
        )
    )


pio.templates[TEMPLATE_NAME] = _template()


def figure(**layout: object) -> go.Figure:
    """A new figure on the product template (font and separators also set on the figure itself, so that
    Streamlit's chart theme, applied over the template, keeps the Thai font and the thousands separators)."""
    fig = go.Figure()
    fig.update_layout(template=TEMPLATE_NAME, font={"family": FONT_FAMILY, "size": 16, "color": INK},
                      separators=".,")
    fig.update_layout(**layout)
    return fig


def safe_color(color: str | None, default: str) -> str:
    """A colour typed in the sheet when it is a #hex colour, else the default (plotly rejects anything else)."""
    return color.strip() if color and _HEX.match(color.strip()) else default


def plain(text: str) -> str:
    """Sheet text made inert inside plotly labels (which read a little HTML)."""
    return html.escape(text, quote=False)


def gauge(value: float | Decimal | None, *, title: str, maximum: float = 100, target: float | None = None,
          reference: float | None = None, steps: Sequence[tuple[float, float, str]] = (), suffix: str = "",
          height: int = 240, prefix: str = "", valueformat: str = ",.2~f", bar_color: str = "#263238",
          lower_is_better: bool = False) -> go.Figure:
    """A gauge+number(+delta) indicator: value against a target line, coloured steps, delta to a reference."""
    mode = "gauge+number" + ("+delta" if reference is not None else "")
    good, bad = ({"color": RED}, {"color": GREEN}) if lower_is_better else ({"color": GREEN}, {"color": RED})
    indicator = go.Indicator(
        mode=mode,
        value=float(value) if value is not None else None,
        number={"suffix": suffix, "prefix": prefix, "valueformat": valueformat},
        title={"text": title, "font": {"size": GAUGE_TITLE}},
        delta={"reference": float(reference), "valueformat": ",.2~f", "increasing": good, "decreasing": bad}
        if reference is not None else None,
        gauge={
            "axis": {"range": [0, maximum], "tickformat": ",~r"},
            "bar": {"color": bar_color, "thickness": 0.3},
            "steps": [{"range": [lo, hi], "color": color} for lo, hi, color in steps],
            "threshold": {"line": {"color": RED, "width": 4}, "thickness": 0.85, "value": float(target)}
            if target is not None else None,
        },
    )
    fig = figure(height=height, margin={"l": 45, "r": 45, "t": 70, "b": 10})
    fig.add_trace(indicator)
    return fig


def enlarge(fig: go.Figure, factor: float) -> go.Figure:
    """The same figure with every font and its height scaled (meeting mode on a projector); 1 = unchanged."""
    if factor == 1:
        return fig
    size = (fig.layout.font.size or 16) * factor
    fig.update_layout(font_size=size, height=int((fig.layout.height or 300) * factor))
    fig.update_traces(selector={"type": "indicator"}, title_font_size=GAUGE_TITLE * factor)
    if fig.layout.title.text:
        fig.update_layout(title_font_size=(fig.layout.title.font.size or 16) * factor)
    return fig


def nice_max(top: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) at or above top; 1 for nothing."""
    if top <= 0 or not math.isfinite(top):
        return 1.0
    scale = 10 ** math.floor(math.log10(top))
    return next(m * scale for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * scale >= top * (1 - 1e-9))


def subtitle(title: str, sub: str) -> str:
    """A bold title over a smaller grey line (plotly reads this much HTML)."""
    return f"<b>{title}</b><br><span style='font-size:0.9em;color:#455a64'>{sub}</span>"
