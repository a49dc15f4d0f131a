"""The DE loop's blocks: propose an adaptation from a reflection in one action, the adaptation forms (new, progress),
the meeting form, and the reflection card that shows each reflection's adaptations. Writes go through the Writer
(de_ui.writes), so a viewer can do none of it and every step has its audit row."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from de_core.cycle import feed
from de_core.cycle.feed import FeedEntry, known_ids
from de_core.cycle.loop import proposal
from de_core.cycle.loop_view import choices, status_label
from de_core.sheet.workbook import Workbook
from de_core.store import StoreError
from de_core.thaidate import format_date
from de_ui.auth import can_write
from de_ui.blocks import text_sections
from de_ui.data import refresh, workbook
from de_ui.fields import field
from de_ui.i18n import lang, t
from de_ui.writes import date_field, field_key, on_submit, show_outcome, writer


def _slot(ref_id: str) -> str:
    return f"propose.{ref_id}._outcome"


def propose(ref_id: str, day: date) -> None:
    """The "propose as an adaptation" button: one append (id adp-<reflection id>: a second click adds nothing)."""
    wb = workbook()
    ref = wb.by_id("reflections").get(ref_id)
    if ref is None or not can_write():
        return
    try:
        result = writer().submit(proposal(ref, day, wb.schema))
    except (StoreError, ValueError) as err:
        st.session_state[_slot(ref_id)] = ("error", err)
        return
    if result.status != "queued":
        refresh()
    st.session_state[_slot(ref_id)] = (result.status, None)


def _proposal_note(ref_id: str, where: Any) -> None:
    outcome = st.session_state.get(_slot(ref_id))
    if not outcome:
        return
    status, err = outcome
    if status == "written":
        where.success(t("loop.proposed"), icon=":material/check_circle:")
    elif status == "already_present":
        where.info(t("loop.already"), icon=":material/task_alt:")
    elif status == "queued":
        where.warning(t("loop.queued"), icon=":material/schedule_send:")
    else:
        L = lang()
        where.error(t("loop.failed"), icon=":material/error:")
        where.text(err.message(L) + (f"\n{err.hint(L)}" if err.hint(L) else "") if isinstance(err, StoreError)
                   else str(err))  # a tab missing from an older sheet says to run provision


def reflection_card(wb: Workbook, entry: FeedEntry, tags: dict[str, str], lines: dict[str, list[str]],
                    day: date, editor: bool) -> None:
    """One reflection in the feed: who and when, its links, the three answers, tags, evidence, its adaptations and
    their state, and (for an editor, when it has a Now what? and no adaptation yet) the propose button."""
    L, rec = lang(), entry.record
    with st.container(border=True):
        st.caption(feed.entry_meta(entry, wb.schema, L))
        if entry.activity:
            st.caption(f"{t('forms.linked_activity')}: {feed.plain(entry.activity[1])}")
        if entry.kpis:
            st.caption(f"{t('forms.linked_kpis')}: " + "; ".join(feed.plain(lbl) for _id, lbl in entry.kpis))
        text_sections(rec, {name: t(f"forms.{name}") for name in ("what", "so_what", "now_what")})
        marks = [tags.get(k, k) for k in [*(rec.get("characteristics") or []), *(rec.get("declarations") or [])]]
        if marks:
            st.caption(f"{t('forms.tags')}: " + ", ".join(feed.plain(m) for m in marks))
        if rec.get("evidence"):
            st.caption(f"{t('forms.evidence_links')}: " + " ".join(feed.plain(u) for u in rec["evidence"]))
        for line in lines.get(rec.get("id") or "", []):
            st.caption(feed.plain(line))
        if editor and rec.get("id") and rec.get("now_what") and not lines.get(rec["id"]):
            st.button(t("loop.propose"), key=f"propose.{rec['id']}", help=t("loop.propose_help"),
                      icon=":material/alt_route:", on_click=propose, args=(rec["id"], day))
        _proposal_note(rec.get("id") or "", st)


def progress_form(form: str, wb: Workbook, fy: int, day: date, only_open: bool = False) -> None:
    """Pick an adaptation, then change its status, owner, dates, the reason it was dropped, its effect."""
    L = lang()
    picks = wb.derived(("loop_choices", fy, L, only_open), lambda: choices(wb, fy, L, only_open))
    if not picks:
        st.info(t("loop.pick_empty"))
        return
    chosen = st.selectbox(t("loop.pick"), list(picks), format_func=picks.get, key=f"{form}.pick")
    rec = wb.by_id("adaptations").get(chosen) or {}
    st.caption(t("loop.current", status=feed.plain(status_label(wb, rec, day, L)), owner=feed.plain(rec.get("owner") or "–"),
                 due=format_date(rec.get("due_on"), L) if rec.get("due_on") else "–"))
    statuses = {o.key: o.label(L) for o in wb.schema.options("adaptation_status")}
    F = f"{form}.{chosen}"  # one form per adaptation: its fields start from that row's values
    with st.form(F, enter_to_submit=False):
        field(F, "status", st.radio, "loop.status", list(statuses), format_func=statuses.get, horizontal=True,
              index=list(statuses).index(rec["status"]) if rec.get("status") in statuses else None)
        a, b, c = st.columns(3)
        field(F, "owner", a.text_input, "loop.owner", value=rec.get("owner") or "")
        with b:
            date_field(t("loop.due_on"), fy, field_key(F, "due_on"), rec.get("due_on"), optional=True)
        with c:
            date_field(t("loop.done_on"), fy, field_key(F, "done_on"), rec.get("done_on"), optional=True)
        field(F, "dropped_reason", st.text_area, "loop.dropped_reason", height=68)
        field(F, "effect", st.text_area, "loop.effect", height=100)
        field(F, "effect_evidence", st.text_area, "loop.effect_evidence", height=68)
        context = {"reflection_dates": {r["id"]: r.get("written_on") for r in wb.rows("reflections", fy) if r.get("id")}}
        st.form_submit_button(t("forms.save"), type="primary", icon=":material/save:", on_click=on_submit,
                              args=(F, "adaptation_progress", fy, known_ids(wb, fy), chosen, rec, context),
                              key=field_key(F, "_submit"))
    show_outcome(F)


def new_form(form: str, wb: Workbook, fy: int, day: date, activities: dict[str, str], kpis: dict[str, str]) -> None:
    """An adaptation entered on its own (or from a chosen reflection): decision, reason, owner, dates, links."""
    L = lang()
    refs = wb.derived(("loop_reflection_choices", fy, L), lambda: reflection_choices(wb, fy, L))
    steps = {s["id"]: f"{s.get('step_no') or ''} {s.get('title') or ''}"[:90] for s in wb.rows("de_steps", fy) if s.get("id")}
    statuses = {o.key: o.label(L) for o in wb.schema.options("adaptation_status")}
    with st.form(form, enter_to_submit=False):
        field(form, "reflection_id", st.selectbox, "loop.reflection", list(refs), index=None, format_func=refs.get,
              placeholder=t("forms.choose"))
        field(form, "decision", st.text_area, "loop.decision", height=100)
        field(form, "reason", st.text_area, "loop.reason", height=68)
        a, b, c = st.columns(3)
        field(form, "owner", a.text_input, "loop.owner")
        with b:
            date_field(t("loop.proposed_on"), fy, field_key(form, "proposed_on"), day)
        with c:
            date_field(t("loop.due_on"), fy, field_key(form, "due_on"), None, optional=True)
        field(form, "status", st.radio, "loop.status", list(statuses), format_func=statuses.get, horizontal=True, index=0)
        a, b = st.columns(2)
        field(form, "activity_id", a.selectbox, "loop.activity", list(activities), index=None,
              format_func=activities.get, placeholder=t("forms.choose"))
        field(form, "step_id", b.selectbox, "loop.step", list(steps), index=None, format_func=steps.get,
              placeholder=t("forms.choose"))
        field(form, "kpi_ids", st.multiselect, "loop.kpis", list(kpis), format_func=kpis.get, placeholder=t("forms.choose"))
        field(form, "note", st.text_input, "loop.note")
        context = {"reflection_dates": {r["id"]: r.get("written_on") for r in wb.rows("reflections", fy) if r.get("id")}}
        st.form_submit_button(t("forms.save"), type="primary", icon=":material/save:", on_click=on_submit,
                              args=(form, "adaptation", fy, known_ids(wb, fy), None, None, context),
                              key=field_key(form, "_submit"))
    show_outcome(form)


def reflection_choices(wb: Workbook, fy: int, lang: str) -> dict[str, str]:
    """Reflection id → "20 มิ.ย. 2566 · its Now what? …", newest first (the new-adaptation form's picker)."""
    rows = sorted(wb.rows("reflections", fy), key=lambda r: r.get("written_on") or date.min, reverse=True)
    return {r["id"]: f"{format_date(r.get('written_on'), lang)} · "
                     f"{' '.join(str(r.get('now_what') or r.get('what') or '').split())[:80]}" for r in rows if r.get("id")}


def meeting_form(form: str, wb: Workbook, fy: int, day: date) -> None:
    """Record a meeting: date, kind, title, who attended (roles), notes, decisions."""
    L = lang()
    kinds = {o.key: o.label(L) for o in wb.schema.options("meeting_kind")}
    with st.form(form, enter_to_submit=False):
        a, b = st.columns(2)
        with a:
            date_field(t("sense.held_on"), fy, field_key(form, "held_on"), day)
        field(form, "kind", b.selectbox, "sense.kind", list(kinds), index=0, format_func=kinds.get)
        field(form, "title", st.text_input, "sense.meeting_title")
        field(form, "attendees", st.text_area, "sense.attendees", height=68)
        field(form, "notes", st.text_area, "sense.notes", height=120)
        field(form, "decisions", st.text_area, "sense.decisions", height=80)
        st.form_submit_button(t("forms.save"), type="primary", icon=":material/save:", on_click=on_submit,
                              args=(form, "meeting", fy, known_ids(wb, fy)), key=field_key(form, "_submit"))
    show_outcome(form)
