"""The product's one plotly look: Thai-capable font, band colours, readable on a projector; gauge builder."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import plotly.graph_objects as go
import plotly.io as pio

FONT_FAMILY = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif"
TEMPLATE_NAME = "sujarit"
GREEN, AMBER, RED, GREY, BLUE = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e", "#1565c0"
STATUS_COLORS = {"done": GREEN, "in_progress": BLUE, "planned": GREY, "late": RED, "cancelled": "#616161",
                 "not_started": GREY}
# Default ITA band colours (a year's own colours in the ita_bands tab win).
BAND_COLORS = {"AA": "#1b5e20", "A": "#43a047", "B": "#c0ca33", "C": "#fdd835", "D": "#fb8c00", "E": "#f4511e",
               "F": "#c62828"}


def _template() -> go.layout.Template:
    return go.layout.Template(
        layout=go.Layout(
            font={"family": FONT_FAMILY, "size": 16, "color": "#14201a"},
            title={"font": {"size": 20}},
            paper_bgcolor="white",
            plot_bgcolor="white",
            colorway=[GREEN, BLUE, AMBER, "#6a1b9a", RED, "#00838f", "#5d4037"],
            separators=".,",
            xaxis={"gridcolor": "#e0e0e0", "tickfont": {"size": 14}},
            yaxis={"gridcolor": "#e0e0e0", "tickfont": {"size": 14}, "tickformat": ",~r"},
            hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}},
            legend={"font": {"size": 14}},
            margin={"l": 20, "r": 20, "t": 50, "b": 20},
        )
    )


pio.templates[TEMPLATE_NAME] = _template()


def figure(**layout: object) -> go.Figure:
    """A new figure on the product template."""
    fig = go.Figure()
    fig.update_layout(template=TEMPLATE_NAME, **layout)
    return fig


def gauge(value: float | Decimal | None, *, title: str, maximum: float = 100, target: float | None = None,
          reference: float | None = None, steps: Sequence[tuple[float, float, str]] = (), suffix: str = "",
          height: int = 240) -> go.Figure:
    """A gauge+number(+delta) indicator: value against a target line, coloured steps, delta to a reference."""
    mode = "gauge+number" + ("+delta" if reference is not None else "")
    indicator = go.Indicator(
        mode=mode,
        value=float(value) if value is not None else None,
        number={"suffix": suffix, "valueformat": ",.2~f"},
        title={"text": title, "font": {"size": 16}},
        delta={"reference": float(reference), "valueformat": ",.2~f"} if reference is not None else None,
        gauge={
            "axis": {"range": [0, maximum], "tickformat": ",~r"},
            "bar": {"color": "#263238", "thickness": 0.3},
            "steps": [{"range": [lo, hi], "color": color} for lo, hi, color in steps],
            "threshold": {"line": {"color": RED, "width": 4}, "thickness": 0.85, "value": float(target)}
            if target is not None else None,
        },
    )
    fig = figure(height=height, margin={"l": 30, "r": 30, "t": 60, "b": 10})
    fig.add_trace(indicator)
    return fig
