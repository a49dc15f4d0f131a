"""Meeting mode: ?meeting=1 or the toggle; no sidebar or menu, large type, and a live, self-refreshing board."""

from __future__ import annotations

import os
from collections.abc import Callable

import streamlit as st

from de_ui.i18n import t

PARAM = "meeting"  # ?meeting=1 turns it on, ?meeting=0 off
TOGGLE_KEY = "meeting_mode"
_STATE = "_meeting"  # survives pages where the toggle is not drawn
_FROM_URL = "_meeting_from_url"
ON = frozenset({"1", "true", "yes", "on"})
DEFAULT_REFRESH_SECONDS = 60

# Our own constant CSS (never user text): bigger type for a projector, no Streamlit header bar; the HTML blocks
# (tables, bullet graphs, figures: de_core.display.html_style) grow with it, the late list to ≥ 20 px.
MEETING_CSS = """<style id="sujarit-meeting">
[data-testid="stHeader"] { display: none; }
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 1rem; max-width: 100%; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.35rem; }
[data-testid="stMain"] h2, [data-testid="stMain"] h3 { padding-top: 0.6rem !important; padding-bottom: 0.3rem !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stCaptionContainer"], [data-testid="stText"] { font-size: 1.3rem; }
h1 { font-size: 3rem !important; }
h2, h3 { font-size: 2.1rem !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * { font-size: 1.3rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 3rem !important; line-height: 1.25; }
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * { font-size: 1.3rem !important; }
.sj-bullets { font-size: 1.45rem !important; row-gap: 0.6rem !important; }
.sj-table { font-size: 1.6rem !important; line-height: 1.35 !important; }
.sj-fig-label { font-size: 1.25rem !important; }
.sj-fig-value { font-size: 1.7rem !important; }
.sj-figs { grid-template-columns: repeat(2, minmax(0, 1fr)) !important; }
.sj-stat-label, .sj-stat-sub { font-size: 1.5rem !important; }
.sj-stat-value { font-size: 4.2rem !important; }
.sj-stat-note { font-size: 1.2rem !important; }
.sj-card-text, .sj-card-role { font-size: 1.3rem !important; }
.sj-card-meta, .sj-card-head { font-size: 1.15rem !important; }
</style>"""


def meeting_mode() -> bool:
    """Whether this session is in meeting mode: ?meeting= wins once (a shared link), then the toggle."""
    wanted = st.query_params.get(PARAM)
    if wanted is not None and st.session_state.get(_FROM_URL) != wanted:
        st.session_state[_STATE] = wanted.strip().lower() in ON
        st.session_state[_FROM_URL] = wanted
    return bool(st.session_state.get(_STATE, False))


def _toggled() -> None:
    on = bool(st.session_state.get(TOGGLE_KEY))
    st.session_state[_STATE] = on
    if on:
        st.query_params[PARAM] = "1"
        st.session_state[_FROM_URL] = "1"
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


def meeting_toggle() -> bool:
    """The meeting-mode switch (also writes ?meeting=1 so the link can be shared); large type when on."""
    on = meeting_mode()
    st.session_state[TOGGLE_KEY] = on
    st.toggle(t("meeting.toggle"), key=TOGGLE_KEY, on_change=_toggled, help=t("meeting.help"))
    if on:
        st.html(MEETING_CSS)
    return on


def _configured() -> object:
    try:
        from_secrets = (st.secrets.to_dict().get("app") or {}).get("meeting_refresh_seconds")
    except Exception:  # no secrets.toml at all
        from_secrets = None
    return from_secrets or os.environ.get("DE_MEETING_REFRESH")


def refresh_seconds() -> int:
    """Seconds between live refreshes in meeting mode: [app] meeting_refresh_seconds in secrets,
    $DE_MEETING_REFRESH, default 60 (never under 5)."""
    try:
        return max(5, int(_configured() or DEFAULT_REFRESH_SECONDS))
    except (TypeError, ValueError):
        return DEFAULT_REFRESH_SECONDS


def live(body: Callable[[], None], on: bool) -> None:
    """Draw the body as a fragment that re-runs by itself every refresh_seconds() while `on` (meeting mode)."""
    st.fragment(body, run_every=refresh_seconds() if on else None)()
