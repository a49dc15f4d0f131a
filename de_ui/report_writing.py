"""The writing page's blocks: pick a section of the report, list its rows with buttons to move them, edit a row (or
a new one) and see the section as the report will show it, text not saved yet included.

Every save goes through this session's Writer (audited): an update by the row's id, or a new row whose id is made
when its form opens and kept until the store confirms, so a retry never adds it twice. The typed text stays in its
boxes until the save is confirmed; a failed save says why and offers to send it again.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from de_core.display.mdtext import md_escape, md_escape_line
from de_core.documents.report.content import row_kind, section_rows
from de_core.documents.report.editing import (
    COVER,
    TAB,
    TEXTS,
    cover_save,
    cover_values,
    draft_of,
    moves,
    preview,
    save,
)
from de_core.documents.report.structure import BLOCK_ENUM, SectionSpec, section_specs
from de_core.sheet.workbook import Record, Workbook
from de_core.store import StoreError
from de_core.writing.ids import new_id
from de_core.writing.submission import Submission
from de_ui.data import refresh, workbook
from de_ui.i18n import lang, t
from de_ui.report_view import draw_section
from de_ui.writes import writer

K = "rwrite"
EDITING = f"{K}.editing"  # the id of the row being edited; "" for a new row; absent when none
OUTCOME, PROBLEMS, PENDING = f"{K}.outcome", f"{K}.problems", f"{K}.pending"
SHORT = 90


def field(row_id: str, name: str) -> str:
    """The widget key of a field of the edit form (tests find widgets by it)."""
    return f"{K}.f.{row_id or 'new'}.{name}"


def pick_section(wb: Workbook) -> SectionSpec:
    """The section chooser, in the seed's order, labelled as in the sheet's dropdown."""
    labels = {s.key: s.label(lang()) for s in section_specs(wb.schema)}  # made now: format_func runs later too
    key = st.selectbox(t("rwrite.section"), list(labels), format_func=labels.get,
                       key=f"{K}.section", on_change=_stop_editing)
    return next(s for s in section_specs(wb.schema) if s.key == key)


def _stop_editing() -> None:
    st.session_state.pop(EDITING, None)


def _start(row_id: str) -> None:
    st.session_state[EDITING] = row_id
    for slot in (OUTCOME, PROBLEMS):
        st.session_state.pop(slot, None)


def _short(rec: Record) -> str:
    text = " · ".join(str(rec.get(n)) for n in ("title", *TEXTS[1:], "url") if rec.get(n))
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def row_list(wb: Workbook, rows: list[Record]) -> None:
    """The section's rows in order, each with move and edit buttons, then the button for a new row."""
    st.markdown(f"**{md_escape(t('rwrite.rows', n=len(rows)))}**")
    if not rows:
        st.caption(t("rwrite.no_rows"))
    for n, rec in enumerate(rows, start=1):
        rid = rec.get("id") or ""
        text, up, down, edit = st.columns([8, 1, 1, 1], vertical_alignment="center")
        kind = wb.schema.enum_label(BLOCK_ENUM, row_kind(rec), lang())
        text.markdown(f"{n}\\. *{md_escape_line(kind)}* · {md_escape_line(_short(rec))}")
        up.button("↑", key=f"{K}.up.{rid}", help=t("rwrite.up"), disabled=not rid or n == 1,
                  on_click=_move, args=(rid, -1))
        down.button("↓", key=f"{K}.down.{rid}", help=t("rwrite.down"), disabled=not rid or n == len(rows),
                    on_click=_move, args=(rid, 1))
        edit.button("✎", key=f"{K}.edit.{rid}", help=t("rwrite.edit"), disabled=not rid, on_click=_start, args=(rid,))
    st.button(t("rwrite.add"), key=f"{K}.add", icon=":material/add:", on_click=_start, args=("",))


def _move(row_id: str, step: int) -> None:
    wb = workbook()
    rec = wb.by_id(TAB).get(row_id)
    if rec is None:
        return
    subs = moves(section_rows(wb, rec["fiscal_year"]).get(rec["section"], []), row_id, step)
    _send(subs, row_id=None, moved=True)


def _send(subs: list[Submission], row_id: str | None, moved: bool = False) -> None:
    """Send through the Writer; the outcome is kept for show_outcome (an error keeps the form's text)."""
    st.session_state[PENDING] = (subs, row_id, moved)
    try:
        results = [writer().submit(sub) for sub in subs]
    except StoreError as err:
        st.session_state[OUTCOME] = ("error", err)
        return
    if any(r.status == "queued" for r in results):
        st.session_state[OUTCOME] = ("queued", next(r.error for r in results if r.status == "queued"))
        return
    refresh()
    st.session_state.pop(PENDING, None)
    st.session_state[OUTCOME] = ("moved", len(subs)) if moved else ("saved", subs[0].row_id if subs else "")
    if row_id is not None:  # a fresh form next time
        for name in ("kind", *TEXTS, "url", "_id"):
            st.session_state.pop(field(row_id, name), None)
        _stop_editing()


def _retry() -> None:
    pending = st.session_state.get(PENDING)
    if pending:
        _send(*pending)


def draft(row_id: str) -> dict[str, str]:
    """The edit form's current values (what is typed, saved or not)."""
    return {name: str(st.session_state.get(field(row_id, name)) or "") for name in ("kind", *TEXTS, "url")}


def _save(fiscal_year: int, section: str, row_id: str) -> None:
    wb = workbook()
    rec = wb.by_id(TAB).get(row_id) if row_id else None
    st.session_state.pop(OUTCOME, None)
    problems, sub = save(draft(row_id), wb, fiscal_year, section, rec,
                         new_row_id=st.session_state.get(field(row_id, "_id")))
    st.session_state[PROBLEMS] = problems
    if problems:
        return
    if sub is None:
        st.session_state[OUTCOME] = ("unchanged", None)
        return
    _send([sub], row_id)


def edit_form(wb: Workbook, fiscal_year: int, section: str, row_id: str) -> dict[str, str]:
    """The form of one row (row_id "" = a new row); returns its current draft for the live preview."""
    rec = wb.by_id(TAB).get(row_id) if row_id else None
    for name, value in draft_of(rec).items():
        st.session_state.setdefault(field(row_id, name), value)
    if not row_id:
        st.session_state.setdefault(field(row_id, "_id"), new_id(TAB))
    st.markdown(f"**{md_escape(t('rwrite.editing', id=row_id) if row_id else t('rwrite.new_row'))}**")
    kinds = {o.key: o.label(lang()) for o in wb.schema.options(BLOCK_ENUM)}
    kind = st.selectbox(t("rwrite.kind"), list(kinds), format_func=kinds.get, key=field(row_id, "kind"),
                        help=t("rwrite.kind_help"))
    if kind in ("header", "row"):
        for n, col in enumerate(st.columns(3), start=1):
            col.text_area(t("rwrite.cell", n=n), height=160, key=field(row_id, f"cell_{n}"))
    else:
        if kind == "paragraph":
            st.text_input(t("rwrite.title_field"), key=field(row_id, "title"))
        st.text_area(t("rwrite.text"), height=220, key=field(row_id, "text"))
        if kind == "figure":
            st.text_input(t("rwrite.url"), key=field(row_id, "url"))
    save_col, cancel_col = st.columns(2)
    save_col.button(t("rwrite.save"), type="primary", icon=":material/save:", key=f"{K}.save", width="stretch",
                    on_click=_save, args=(fiscal_year, section, row_id))
    cancel_col.button(t("rwrite.cancel"), key=f"{K}.cancel", width="stretch", on_click=_stop_editing)
    return draft(row_id)


def _save_cover(fiscal_year: int) -> None:
    wb = workbook()
    st.session_state.pop(OUTCOME, None)
    missing, sub = cover_save(wb, fiscal_year, {n: str(st.session_state.get(f"{K}.cover.{n}") or "") for n in COVER})
    if sub is None:
        st.session_state[OUTCOME] = ("unchanged", None)
        return
    if missing:  # a settings tab made before these columns: add their headers first (audited)
        try:
            writer().add_columns("settings", missing)
        except StoreError as err:
            st.session_state[OUTCOME] = ("error", err)
            return
    _send([sub], row_id=None)


def cover_form(wb: Workbook, fiscal_year: int) -> None:
    """The cover's and the report form's own fields, in the year's settings row (the rest of the form comes from
    the other tabs)."""
    values = cover_values(wb, fiscal_year)
    tab = wb.schema.tab("settings")
    with st.form(f"{K}.cover", enter_to_submit=False):
        st.markdown(f"**{md_escape(t('rwrite.cover'))}**")
        for name in COVER:
            widget = st.text_area if name == "affiliation" else st.text_input
            widget(tab.column(name).header(lang()), value=values[name], key=f"{K}.cover.{name}")
        st.form_submit_button(t("rwrite.save"), type="primary", icon=":material/save:", key=f"{K}.cover._submit",
                              on_click=_save_cover, args=(fiscal_year,))


def show_outcome() -> None:
    """What the last save or move did: problems to fix, saved, queued, or failed with the text kept."""
    L = lang()
    for problem in st.session_state.get(PROBLEMS) or []:
        st.error(md_escape(problem.message(L)))
    outcome = st.session_state.get(OUTCOME)
    if not outcome:
        return
    status, detail = outcome
    if status == "saved":
        st.success(t("rwrite.saved", id=detail), icon=":material/check_circle:")
    elif status == "moved":
        st.success(t("rwrite.moved", n=detail), icon=":material/swap_vert:")
    elif status == "unchanged":
        st.info(t("rwrite.unchanged"))
    elif status == "queued":
        st.warning(t("forms.queued"), icon=":material/schedule_send:")
        if detail is not None:
            st.text(detail.message(L))
    else:
        st.error(f"{t('forms.write_failed')}: {md_escape(detail.message(L))}")
        if detail.hint(L):
            st.info(md_escape(detail.hint(L)))
        st.caption(t("forms.text_kept"))
        st.button(t("forms.retry"), key=f"{K}.retry", on_click=_retry)


def live_preview(wb: Workbook, fiscal_year: int, section: str, row_id: str | None, typed: dict[str, Any],
                 day) -> None:
    """The section as the report will show it, with the typed text when a row is being edited."""
    st.markdown(f"**{md_escape(t('rwrite.preview'))}**")
    rec = wb.by_id(TAB).get(row_id) if row_id else None
    with st.container(border=True):
        draw_section(preview(wb, fiscal_year, lang(), day, section, typed if row_id is not None else {}, rec))
