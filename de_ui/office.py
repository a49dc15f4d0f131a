"""The set-up page's actions on the store the app runs on: start the office's own workbook, carry the year."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from de_core.display.mdtext import md_escape_lines
from de_core.ops.config import EMBEDDED, POSTGRES, embedded_path
from de_core.ops.new_year import YearPlan, apply_new_year, plan_new_year
from de_core.ops.setup import Office, SetupResult, init_embedded, init_google, init_postgres
from de_core.sheet.schema import load_schema
from de_core.store.base import StoreError
from de_ui.chrome import YEAR_CHANGED_KEY
from de_ui.data import _secrets, backend, get_store, refresh, sheet_cells, workbook
from de_ui.i18n import lang
from de_ui.writes import writer


def _report(err: StoreError) -> None:
    st.error(md_escape_lines(err.message(lang())))  # paths and sheet text, shown as written
    if err.hint(lang()):
        st.info(md_escape_lines(err.hint(lang())))


def start_office(values: Mapping[str, str]) -> SetupResult | None:
    """Make the office's workbook on this app's store (editors only: the page's gate); None after a message."""
    office = Office(**{k: str(v) for k, v in values.items() if v})
    try:
        if backend() == EMBEDDED:
            result = init_embedded(embedded_path(_secrets()), office)
        elif backend() == POSTGRES:
            result = init_postgres(get_store(), office)
        else:
            result = init_google(get_store(), office)
    except StoreError as err:
        _report(err)
        return None
    refresh()
    st.session_state[YEAR_CHANGED_KEY] = True  # the next run selects the new current year
    return result


def year_plan(from_year: int) -> YearPlan:
    """What the next year from `from_year` would make, from the sheet's text as last read: worked out once per data
    (the preview is redrawn on every rerun); carry_year plans again from the sheet as it is at the click."""
    wb = workbook()
    return wb.derived(("year_plan", from_year), lambda: plan_new_year(sheet_cells(wb), from_year, from_year + 1))


def plan_rows(plan: YearPlan) -> list[dict[str, object]]:
    """One row per tab of the plan: its title, new rows and rows already there."""
    schema = load_schema()
    keys = [k for k in schema.tab_keys if plan.rows.get(k) or plan.already.get(k)]
    return [{"tab": schema.tab(k).title(lang()), "new": len(plan.rows.get(k, [])),
             "already": plan.already.get(k, 0)} for k in keys]


def carry_year(plan: YearPlan) -> int | None:
    """Write the plan through this session's Writer (audited); the number of rows made, None after a message."""
    try:
        plan = plan_new_year(sheet_cells(), plan.from_year, plan.to_year)  # the sheet as it is now, not as last read
        result = apply_new_year(plan, writer())
    except StoreError as err:
        _report(err)
        return None
    refresh()
    st.session_state[YEAR_CHANGED_KEY] = True
    return sum(result.written.values())


__all__ = ["carry_year", "plan_rows", "start_office", "year_plan"]
