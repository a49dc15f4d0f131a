"""UI strings in Thai and English. Every string a page shows comes from these tables (tests check both exist).

The tables live in de_core/display/strings/<area>.py (one per area, each a STRINGS dict); this module merges them.
"""

from __future__ import annotations

import importlib
import pkgutil

import de_core.display.strings as _tables

LANGS = ("th", "en")


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_tables.__path__), key=lambda m: m.name):
        table = importlib.import_module(f"{_tables.__name__}.{info.name}").STRINGS
        clash = merged.keys() & table.keys()
        if clash:
            raise ValueError(f"translation keys defined twice: {sorted(clash)}")
        merged.update(table)
    return merged


STRINGS: dict[str, tuple[str, str]] = _merge()


def translate(key: str, lang: str = "th", **values: object) -> str:
    """The string for a key in a language, with {placeholders} filled. Unknown keys show the key itself.

    When `n` is 1 and the table has "<key>.one" (the English singular: "1 step late"), that string is used.
    """
    pair = STRINGS.get(f"{key}.one") if values.get("n") == 1 else None
    pair = pair or STRINGS.get(key)
    if pair is None:
        return key
    text = pair[0] if lang == "th" else pair[1]
    return text.format(**values) if values else text
