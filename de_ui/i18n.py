"""The current language (session state, settable by ?lang=en, kept in the URL on every page) and t()."""

from __future__ import annotations

import streamlit as st

from de_core.display.i18n import LANGS, translate

LANG_KEY = "lang"
SWITCH_KEY = "_lang_switch"


def lang() -> str:
    """The session's language: a valid ?lang= in the URL wins, else the session's, else Thai.

    The choice is written back to the URL, so page changes (which drop query parameters), reloads and copied
    links keep the language.
    """
    wanted = st.query_params.get(LANG_KEY)
    if wanted in LANGS:
        st.session_state[LANG_KEY] = wanted
    current = st.session_state.get(LANG_KEY)
    if current not in LANGS:
        current = st.session_state[LANG_KEY] = "th"
    if wanted != current:
        st.query_params[LANG_KEY] = current
    return current


def t(key: str, **values: object) -> str:
    return translate(key, lang(), **values)


def _switched() -> None:
    choice = st.session_state.get(SWITCH_KEY)
    if choice not in LANGS:  # a click on the selected option unselects it: keep the language
        st.session_state[SWITCH_KEY] = st.session_state.get(LANG_KEY, "th")
        return
    st.session_state[LANG_KEY] = choice
    st.query_params[LANG_KEY] = choice


def language_switch() -> None:
    """A Thai/English switch in the sidebar; the new language applies to the whole run that follows."""
    current = lang()
    if st.session_state.get(SWITCH_KEY) != current:
        st.session_state[SWITCH_KEY] = current
    st.sidebar.segmented_control(
        t("app.language"), options=list(LANGS), key=SWITCH_KEY, on_change=_switched,
        format_func=lambda code: translate(f"lang.{code}", code),
    )
