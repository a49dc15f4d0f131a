"""The current language (session state, settable by ?lang=en) and the translate shortcut."""

from __future__ import annotations

import streamlit as st

from de_core.i18n import LANGS, translate

LANG_KEY = "lang"


def lang() -> str:
    """The session's language: ?lang= wins once, then the switch; Thai by default."""
    wanted = st.query_params.get(LANG_KEY)
    if wanted in LANGS and st.session_state.get("_lang_from_url") != wanted:
        st.session_state[LANG_KEY] = wanted
        st.session_state["_lang_from_url"] = wanted
    return st.session_state.get(LANG_KEY, "th")


def t(key: str, **values: object) -> str:
    return translate(key, lang(), **values)


def language_switch() -> None:
    """A Thai/English switch in the sidebar that also writes ?lang= so a shared link keeps the language."""
    current = lang()
    choice = st.sidebar.segmented_control(
        t("app.language"), options=list(LANGS), default=current, key="_lang_switch",
        format_func=lambda code: {"th": "ไทย", "en": "English"}[code],
    )
    if choice and choice != current:
        st.session_state[LANG_KEY] = choice
        st.query_params[LANG_KEY] = choice
        st.rerun()
