"""No hard-coded UI text: every label, title and message a page shows comes from the translation tables (t())."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "de_ui").glob("*.py"))]

# Streamlit calls whose positional arguments (and these keywords) are text a person reads.
SHOWN = {
    "title", "header", "subheader", "markdown", "caption", "text", "write", "info", "warning", "error", "success",
    "toast", "metric", "button", "download_button", "link_button", "form_submit_button", "checkbox", "toggle", "radio",
    "selectbox", "multiselect", "select_slider", "slider", "number_input", "text_input", "text_area", "date_input",
    "time_input", "file_uploader", "camera_input", "color_picker", "segmented_control", "pills", "expander",
    "popover", "tabs", "status", "spinner", "chat_input", "badge", "dialog", "progress",
    "Column", "TextColumn", "NumberColumn", "DateColumn", "DatetimeColumn", "LinkColumn", "ListColumn",
    "CheckboxColumn", "SelectboxColumn", "ProgressColumn", "ImageColumn", "LineChartColumn", "BarChartColumn",
}
SHOWN_KEYWORDS = {"label", "body", "help", "placeholder", "caption", "text", "title", "options"}
OPTION_LISTS = {"radio", "selectbox", "multiselect", "select_slider", "segmented_control", "pills", "tabs"}
# How many leading positional arguments are shown (label, value, delta for a metric; the options of a choice).
SHOWN_POSITIONAL = {"metric": 3, "write": 99, **{name: 2 for name in OPTION_LISTS}}


ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")  # KRA, KPI, ITA, O43: read the same in Thai and English


def _has_words(text: str) -> bool:
    """Whether the text holds a word to translate (Thai or Latin), not just punctuation, numbers, acronyms."""
    return any(any(ch.isalpha() for ch in word) and not ACRONYM.fullmatch(word) for word in re.findall(r"\w+", text))


def _literal_text(node: ast.AST, allow_lists: bool) -> str | None:
    """The readable text of a literal argument (a string, an f-string's fixed parts, a list of strings)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _has_words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        fixed = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return fixed if _has_words(fixed) else None
    if allow_lists and isinstance(node, ast.List | ast.Tuple):
        found = [_literal_text(elt, False) for elt in node.elts]
        return next((f for f in found if f), None)
    return None


def _streamlit_call(call: ast.Call) -> str | None:
    """The method name when the call is st.<x>(...), st.sidebar.<x>(...) or <container>.<x>(...) for a shown x."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in SHOWN:
        return func.attr
    return None


def _literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or (name := _streamlit_call(node)) is None:
            continue
        lists_ok = name in OPTION_LISTS and not any(k.arg == "format_func" for k in node.keywords)
        args = node.args[:SHOWN_POSITIONAL.get(name, 1)] + [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        for arg in args:
            text = _literal_text(arg, lists_ok)
            if text:
                found.append(f"{path.name}:{node.lineno} {name}({text!r})")
    return found


def test_streamlit_calls_in_pages_and_de_ui_show_no_literal_text():
    problems = [p for f in UI_FILES for p in _literals(f)]
    assert problems == [], "use t('area.key') from de_core/display/strings instead of literal text:\n" + "\n".join(problems)


def test_the_literal_scan_catches_thai_english_and_f_string_labels(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text(
        'import streamlit as st\nst.title("ภาพรวม")\ncol.metric(f"Budget {x}", v)\nst.button(label="Save")\n'
        'st.tabs(["ก", "ข"])\nst.markdown(f"**{t(\'k\')}:** ")\nst.caption(t("x.y"))\n'
        'st.radio(t("a.b"), ["th", "en"], format_func=f)\ncol.metric(t("a"), v, None, "off")\n'
        'st.number_input(t("b"), 0.0, 1.0, None, 0.1, "%.2f")\nst.markdown("**KRA:** ")\nst.caption(f"{x} · O43")\n'
        'st.caption("Kpi")\n',
        encoding="utf-8",
    )
    found = _literals(sample)
    assert [line.split(" ", 1)[1] for line in found] == [
        "title('ภาพรวม')", "metric('Budget ')", "button('Save')", "tabs('ก')", "caption('Kpi')",
    ]
