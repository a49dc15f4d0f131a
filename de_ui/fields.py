"""Form fields that carry their own error: each input drawn with its label, and what is wrong with it written
right under it, naming the field as it is labelled on the form (not by the sheet's column header).

The checks (de_core.writing.forms) name a field by its column («รหัสกิจกรรม»); here that name becomes the label
the person sees («กิจกรรม (หรือกิจกรรมย่อย)»). A problem without a field on the form (the row, the whole entry) is
said in the summary under the form (writes.show_outcome).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from de_core.display import html
from de_core.sheet.schema import load_schema
from de_core.writing.forms import FORMS, Problem
from de_ui.i18n import lang, t
from de_ui.markup import show


def _slot(form: str, name: str) -> str:
    return f"{form}.{name}"


def labels(form: str) -> dict[str, str]:
    """The labels of the form's fields as drawn in this run (field key → label)."""
    return st.session_state.setdefault(_slot(form, "_labels"), {})


def problems_of(form: str) -> list[Problem]:
    """What the last save of the form found to fix (set by writes.on_submit with the form's kind)."""
    return st.session_state.get(_slot(form, "_problems")) or []


def worded(problem: Problem, form: str, label: str | None, lang_code: str) -> str:
    """The problem's message with the field named as labelled on the form."""
    text = problem.message(lang_code)
    kind = st.session_state.get(_slot(form, "_kind"))
    if not label or kind not in FORMS or problem.field.startswith("_"):
        return text
    try:
        column = load_schema().tab(FORMS[kind].tab).column(problem.field)
    except (KeyError, ValueError):
        return text
    return text.replace(f"«{column.header(lang_code)}»", f"«{label}»")


def field_error(form: str, name: str, where: Any = None) -> None:
    """What is wrong with one field, under it (nothing when it is fine)."""
    L = lang()
    label = labels(form).get(name)
    found = [worded(p, form, label, L) for p in problems_of(form) if p.field == name]
    if found:
        show("".join(f'<div class="sj-field-error" role="alert" data-field="{html.attr(name)}">{html.esc(m)}</div>'
                     for m in found), where=where)


def field(form: str, name: str, widget: Callable[..., Any], label_key: str, *args: Any, **kwargs: Any) -> Any:
    """Draw `widget` (st.selectbox, a column's text_input …) labelled t(label_key) with the key of the form's field,
    then its error under it, in the same container."""
    label = t(label_key)
    labels(form)[name] = label
    value = widget(label, *args, key=_slot(form, name), **kwargs)
    field_error(form, name, where=getattr(widget, "__self__", None))
    return value


def summary(form: str) -> tuple[str, Sequence[str]] | None:
    """Under the form: how many fields to fix and their labels, and the problems no field shows (the row, the whole
    entry); None when there is nothing to fix."""
    problems = problems_of(form)
    if not problems:
        return None
    L, named = lang(), labels(form)
    fields = list(dict.fromkeys(named[p.field] for p in problems if p.field in named))
    loose = [worded(p, form, None, L) for p in problems if p.field not in named]
    head = t("forms.fix_fields", n=len(fields), fields=", ".join(f"«{f}»" for f in fields)) if fields else \
        t("forms.fix_first", n=len(loose))
    return head, loose
