"""Bullet graphs (Stephen Few): one line per figure, with its label, a bar for the actual value, a mark for the
target, and shaded ranges behind them (dark = poor, light = good). Rows of KPIs, KPI groups, DE stages and the
budget read at a glance and fit a phone; a gauge is kept for a figure that stands alone (the ITA score).

Drawn as HTML for st.html (display.html): labels and values are escaped, positions are numbers we compute.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from de_core.display.html import attr, esc

TONES = ("", "good", "warn", "bad")  # the bar's colour: neutral, met, short of the target, over a limit
SHADES = ("#cfd8dc", "#e0e6e9", "#f1f4f5")  # poor, fair, good ranges (Few: darker is worse)


@dataclass(frozen=True)
class Bullet:
    """One bullet graph. `bands` are the upper bounds of the poor and fair ranges (the good range runs to
    `maximum`); `reverse` when lower is better (good range first). Texts are plain: they are escaped when drawn."""

    label: str
    value: str
    actual: float | None
    maximum: float
    target: float | None = None
    bands: tuple[float, ...] = ()
    tone: str = ""
    note: str = ""  # a second line under the label ("1 late")
    note_tone: str = ""  # "bad": the note in red
    reverse: bool = False
    target_text: str = ""  # what the mark means ("target 95"), for the tooltip and screen readers


def _pct(value: float, maximum: float) -> float:
    if maximum <= 0:
        return 0.0
    return round(max(0.0, min(100.0, 100 * value / maximum)), 2)


def _bands(b: Bullet) -> str:
    edges = [0.0, *sorted(min(max(x, 0.0), b.maximum) for x in b.bands), b.maximum]
    shades = {1: SHADES[2:], 2: SHADES[::2], 3: SHADES}.get(len(edges) - 1, SHADES)
    if b.reverse:
        shades = shades[::-1]
    out = []
    for (lo, hi), shade in zip(zip(edges, edges[1:], strict=False), shades, strict=False):
        left, width = _pct(lo, b.maximum), round(_pct(hi, b.maximum) - _pct(lo, b.maximum), 2)
        if width > 0:
            out.append(f'<span class="sj-b-band" style="left:{left}%;width:{width}%;background:{shade}"></span>')
    return "".join(out)


def bullet_html(b: Bullet) -> str:
    """One bullet graph as a grid row: label (and note) · track with ranges, bar and target mark · value."""
    tone = b.tone if b.tone in TONES else ""
    aria = f"{b.label}: {b.value}" + (f" ({b.target_text})" if b.target_text else "")
    bar = "" if b.actual is None else \
        f'<span class="sj-b-bar {tone}" style="width:{_pct(b.actual, b.maximum)}%"></span>'
    mark = "" if b.target is None else \
        f'<span class="sj-b-target" style="left:{_pct(b.target, b.maximum)}%"></span>'
    note = f'<span class="sj-b-note {"bad" if b.note_tone == "bad" else ""}">{esc(b.note)}</span>' if b.note else ""
    return (f'<div class="sj-bullet" role="img" aria-label="{attr(aria)}" title="{attr(aria)}">'
            f'<div class="sj-b-label">{esc(b.label)}{note}</div>'
            f'<div class="sj-b-track">{_bands(b)}{bar}{mark}</div>'
            f'<div class="sj-b-value">{esc(b.value)}</div></div>')


def bullets_html(rows: Sequence[Bullet], cls: str = "", label: str = "") -> str:
    """Bullet graphs one under another, their tracks aligned (a list of KPIs, groups or stages)."""
    aria = f' role="group" aria-label="{attr(label)}"' if label else ""
    return f'<div class="sj-bullets {cls}"{aria}>{"".join(bullet_html(b) for b in rows)}</div>'
