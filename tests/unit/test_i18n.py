"""Translations: every key has Thai and English, placeholders agree, and every key the UI uses exists."""

import re
import string
from pathlib import Path

from de_core.display.i18n import STRINGS, translate

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "de_ui").glob("*.py"))]
KEY_USE = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_key_has_non_empty_thai_and_english_with_the_same_placeholders():
    for key, (th, en) in STRINGS.items():
        assert th.strip() and en.strip(), key
        assert _fields(th) == _fields(en), key


def test_thai_strings_are_thai_first():
    thai = re.compile("[\u0e00-\u0e7f]")
    missing = [k for k, (th, _en) in STRINGS.items() if not thai.search(th) and not k.startswith(("stage.", "lang."))]
    assert len(missing) <= len(STRINGS) // 10, missing


def test_every_key_used_by_the_ui_exists_in_both_languages():
    used = {m for f in UI_FILES for m in KEY_USE.findall(f.read_text(encoding="utf-8"))}
    assert used, "the scan found no t(...) calls"
    assert sorted(used - STRINGS.keys()) == []


def test_translate_fills_placeholders_and_falls_back_to_the_key():
    assert translate("overview.steps_done", "th", done=3, total=4) == "3/4 ขั้นตอน"
    assert translate("overview.steps_done", "en", done=3, total=4) == "3/4 steps"
    assert translate("no.such.key", "th") == "no.such.key"
