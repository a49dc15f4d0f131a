"""Form submission for the pages: a Writer per session, text kept until the store confirms, the outbox shown.

A new row's id is made from what was typed and who typed it (ids.form_id): the same entry sent again, by a second
click or from a new session after its confirmation was lost, has the same id, the store adds nothing twice and the
form says when it was saved, with a button for a true second entry (ids.copy_id). An update's submission id is
made when its form is first shown and kept until the write is confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
import streamlit as st

from de_core.cycle.feed import activity_options, kpi_options
from de_core.display.mdtext import md_escape_lines
from de_core.ops.config import EMBEDDED, embedded_path
from de_core.sheet.schema import load_schema
from de_core.sheet.workbook import Workbook
from de_core.store import StoreError
from de_core.thaidate import format_date, format_datetime
from de_core.writing.forms import FORMS, date_choices, default_day, new_key, prepare, saved_at
from de_core.writing.ids import copy_id
from de_core.writing.outbox import Outbox, outbox_path
from de_core.writing.submission import Submission
from de_core.writing.writer import Writer
from de_ui.auth import current_actor, editor_gate
from de_ui.chrome import selected_year
from de_ui.data import backend, get_store, opened_store, refresh, workbook
from de_ui.fields import field_error, labels, summary
from de_ui.i18n import lang, t
from de_ui.markup import table

PREVIEW = 120
EMPTY: dict[str, Any] = {"refs": [], "tags": [], "ref": None, "enum": None}  # other kinds: ""


def field_key(form: str, name: str) -> str:
    """The widget key of a form field (tests find widgets by it)."""
    return f"{form}.{name}"


@st.cache_resource(show_spinner=False)
def _outbox(path: str) -> Outbox:
    return Outbox(path)


def _secrets() -> dict[str, Any]:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all: the embedded default
        return {}


def get_outbox() -> Outbox:
    """The outbox file beside the workbook (or [outbox] path / $DE_DASHBOARD_OUTBOX)."""
    secrets = _secrets()
    workbook_file = embedded_path(secrets) if backend() == EMBEDDED else None
    return _outbox(str(outbox_path(secrets, workbook_file)))


def writer() -> Writer:
    """A Writer for this session's actor (a viewer's Writer refuses every write)."""
    return Writer(get_store(), current_actor(), outbox=get_outbox())


def _form_key(form: str, kind: str) -> str | None:
    """An update form's submission id, kept until confirmed; None for an append (its id comes from its content)."""
    if FORMS[kind].op == "append":
        return None
    slot = field_key(form, "_key")
    if slot not in st.session_state:
        st.session_state[slot] = new_key(kind)
    return st.session_state[slot]


def _rekeyed(sub: Submission, key: str) -> Submission:
    return Submission(key, sub.tab, sub.op, key, {**sub.values, "id": key})


def on_submit(form: str, kind: str, fy: int, known: Mapping[str, set[str]], row_id: str | None = None,
              existing: Mapping[str, Any] | None = None, context: Mapping[str, Any] | None = None) -> None:
    """A form's on_click: check, then send with the form's kept id; the text stays until confirmed. `context`:
    what the checks across fields need (forms.validate)."""
    for slot in ("_problems", "_outcome"):
        st.session_state.pop(field_key(form, slot), None)
    st.session_state[field_key(form, "_kind")] = kind  # fields.py names its problems' fields as labelled
    values = {f.key: st.session_state.get(field_key(form, f.key)) for f in FORMS[kind].fields}
    prepared = prepare(kind, values, fy, known, _form_key(form, kind), row_id, existing,
                       author=current_actor().who, context=context)
    if prepared.submission is None:
        st.session_state[field_key(form, "_problems")] = prepared.problems
        return
    st.session_state[field_key(form, "_pending")] = (kind, prepared.submission)
    send_pending(form)


def save_again(form: str) -> None:
    """The "save again as a new entry" button: the entry already saved, sent once more under a copy's id."""
    outcome = st.session_state.get(field_key(form, "_outcome"))
    if not outcome or outcome[0] != "already":
        return
    kind, sub, _when = outcome[1]
    copy = _rekeyed(sub, copy_id(sub.row_id, workbook().by_id(sub.tab)))
    st.session_state[field_key(form, "_pending")] = (kind, copy)
    send_pending(form)


def send_pending(form: str) -> None:
    """Send the form's kept submission (also the retry button's on_click)."""
    pending = st.session_state.get(field_key(form, "_pending"))
    if pending is None:
        return
    kind, sub = pending
    try:
        result = writer().submit(sub)
    except StoreError as err:
        st.session_state[field_key(form, "_outcome")] = ("error", err)
        return
    if result.status == "queued":
        st.session_state[field_key(form, "_outcome")] = ("queued", result.error)
        return
    refresh()
    _confirmed(form, kind, sub)
    if result.status == "already_present":  # its confirmation was lost, or the same entry was sent twice
        st.session_state[field_key(form, "_outcome")] = ("already", (kind, sub, saved_at(workbook(), sub.tab,
                                                                                       sub.row_id)))


def _confirmed(form: str, kind: str, sub: Submission) -> None:
    st.session_state[field_key(form, "_outcome")] = ("saved", sub)
    spec = FORMS[kind]
    for f in spec.fields:
        # A fresh, empty form for the next entry. Popping a key is not enough in a real browser: the form's
        # widgets would keep showing the saved text, so an append form's widgets are set to their empty value.
        if spec.op == "append" and f.kind != "date":
            st.session_state[field_key(form, f.key)] = EMPTY.get(f.kind, "")
        else:
            st.session_state.pop(field_key(form, f.key), None)
    for name in ("_pending", "_key"):
        st.session_state.pop(field_key(form, name), None)


def _confirm_delivered(outbox: Outbox) -> None:
    """Forms whose queued submission the outbox has delivered since count as saved (before widgets run)."""
    for slot in [k for k in st.session_state if isinstance(k, str) and k.endswith("._pending")]:
        form = slot.removesuffix("._pending")
        outcome = st.session_state.get(field_key(form, "_outcome"))
        kind, sub = st.session_state[slot]
        item = outbox.get(sub.key) if outcome and outcome[0] == "queued" else None
        if item is not None and item.delivered_at and item.submission == sub:
            _confirmed(form, kind, sub)


def show_outcome(form: str) -> None:
    """What happened to the last submit: which fields to fix (each says why under it), saved (with what was
    saved), queued, or failed."""
    L = lang()
    if found := summary(form):  # each field's own problem is written under it (fields.field)
        head, loose = found
        st.error(head, icon=":material/error:")
        for text in loose:
            st.text("• " + text)
    outcome = st.session_state.get(field_key(form, "_outcome"))
    if not outcome:
        return
    status, detail = outcome
    if status == "saved":
        st.success(t("forms.saved_plain"), icon=":material/check_circle:")
        with st.expander(t("forms.what_was_saved")):
            table(saved_table(detail))
    elif status == "already":
        _kind, sub, when = detail
        st.info(t("forms.already_saved_at_plain", when=format_datetime(when, L)) if when else
                t("forms.already_saved_plain"), icon=":material/task_alt:")
        st.button(t("forms.save_again"), key=field_key(form, "_again"), help=t("forms.save_again_help"),
                  on_click=save_again, args=(form,))
    elif status == "queued":
        st.warning(t("forms.queued"), icon=":material/schedule_send:")
        if detail is not None:
            st.text(detail.message(L))
    else:
        st.error(f"{t('forms.write_failed')}: {md_escape_lines(detail.message(L))}")  # may name typed ids
        if detail.hint(L):
            st.info(md_escape_lines(detail.hint(L)))
        st.caption(t("forms.text_kept"))
        st.button(t("forms.retry"), key=field_key(form, "_retry"), on_click=send_pending, args=(form,))


def saved_table(sub: Submission) -> pd.DataFrame:
    """The cells a submission wrote, under the sheet's Thai (or English) headers; the row's id left out, linked
    activities and KPIs named as the form names them (never by id)."""
    tab = load_schema().tab(sub.tab)
    L, wb = lang(), workbook()
    fy = selected_year(wb)
    names = {c.key: c.header(L) for c in tab.columns}
    refs = {"activity_id": dict(activity_options(wb, fy)), "kpi_id": dict(kpi_options(wb, fy, L))}
    refs["kpi_ids"] = refs["kpi_id"]

    def shown(key: str, value: str) -> str:
        if key not in refs or not value:
            return value
        return ", ".join(refs[key].get(v, v).strip(" ↳") for v in value.split(", "))

    cells = [(k, v) for k, v in sub.values.items() if k != "id"]
    return pd.DataFrame({t("forms.col_column"): [names.get(k, k) for k, _ in cells],
                         t("forms.col_value"): [shown(k, v) for k, v in cells]})


def outbox_panel() -> None:
    """Deliver what waits in the outbox when it is due; list what still waits and what failed for good."""
    outbox = get_outbox()
    if outbox.pending():
        if outbox.deliver(opened_store()).delivered:
            refresh()
    _confirm_delivered(outbox)
    pending, failed = outbox.pending(), outbox.failed()
    if not pending and not failed:
        return
    L = lang()
    with st.container(border=True):
        if pending:
            st.warning(t("forms.outbox_pending", n=len(pending)), icon=":material/outbox:")
            for item in pending:
                st.text(_describe(item.submission, item.created_at, L))
            if st.button(t("forms.send_now"), key="outbox.send_now"):
                report = outbox.deliver(opened_store(), force=True)
                if report.delivered:
                    refresh()
                st.rerun()
        for item in failed:
            st.error(t("forms.outbox_failed", tab=_tab_title(item.submission.tab, L)))
            st.text(_describe(item.submission, item.created_at, L) + "\n" + item.last_error)
            a, b = st.columns(2)
            a.button(t("forms.requeue"), key=f"outbox.requeue.{item.submission.key}", on_click=outbox.requeue,
                     args=(item.submission.key,))
            b.button(t("forms.dismiss"), key=f"outbox.dismiss.{item.submission.key}", on_click=outbox.dismiss,
                     args=(item.submission.key,))


def _tab_title(tab_key: str, lang_code: str) -> str:
    return load_schema().tab(tab_key).title(lang_code)


def _describe(sub: Submission, created_at: str, lang_code: str) -> str:
    main = ("what", "item", "value", "status")
    text = next((v for k, v in sub.values.items() if k in main and v), sub.row_id)
    text = " ".join(text.split())
    short = text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"
    when = format_datetime(datetime.fromisoformat(created_at), lang_code)
    return f"{when} · {_tab_title(sub.tab, lang_code)} · {short}"


def date_field(label: str, fy: int, key: str, default: date | None, optional: bool = False) -> None:
    """A date picker inside the fiscal year showing BE dates ("15 พ.ค. 2566"); optional adds "not set". Its
    problem, if any, is written under it."""
    L = lang()
    days: list[date | None] = [*([None] if optional else []), *date_choices(fy)]
    start = default if default in days else (default_day(fy, default) if default and not optional else None)
    st.selectbox(label, days, index=days.index(start) if start in days else 0, key=key,
                 format_func=lambda d: format_date(d, L) if d else t("forms.not_set"))
    form, name = key.rsplit(".", 1)
    labels(form)[name] = label
    field_error(form, name)


@dataclass(frozen=True)
class FormPage:
    wb: Workbook
    fy: int
    lang: str
    activities: dict[str, str]
    kpis: dict[str, str]


def form_page_start(title_key: str, help_key: str) -> FormPage:
    """The top of a form page: title and help, the year, the editor gate, pending outbox items, the choices.

    Stops the page (with what to do) when there is no year or no activity yet, or for a viewer (sign-in prompt).
    """
    wb, current = workbook(), lang()
    fy = selected_year(wb)
    st.title(t(title_key))
    st.caption(t(help_key))
    if fy is None:
        st.info(t("app.no_year"))
        st.stop()
    editor_gate()
    outbox_panel()
    activities, kpis = dict(activity_options(wb, fy)), dict(kpi_options(wb, fy, current))
    if not activities:
        st.info(t("forms.no_activities"))
        st.stop()
    return FormPage(wb, fy, current, activities, kpis)
