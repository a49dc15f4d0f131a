"""What every page shares: the sidebar (language, fiscal year, data time, refresh) and the banners."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from de_core.sheet.workbook import Workbook
from de_core.sheet.years import as_of, current_fiscal_year, is_demo
from de_core.summary.health import all_issues
from de_core.thaidate import format_date, format_datetime
from de_ui.auth import can_write
from de_ui.data import hard_refresh, seconds_since_read, workbook
from de_ui.i18n import lang, language_switch, t
from de_ui.meeting import meeting_toggle

FY_KEY = "fiscal_year"
YEAR_CHANGED_KEY = "_de_current_year_changed"  # set by the set-up page: the next run selects the new current year


def selected_year(wb: Workbook) -> int | None:
    """The fiscal year chosen in the sidebar (defaults to the one flagged current in settings)."""
    years = wb.fiscal_years()
    default = current_fiscal_year(wb)
    if st.session_state.pop(YEAR_CHANGED_KEY, False) or st.session_state.get(FY_KEY) not in years:
        st.session_state[FY_KEY] = default
    return st.session_state.get(FY_KEY)


def sidebar(wb: Workbook) -> None:
    language_switch()
    years = wb.fiscal_years()
    if years:
        selected_year(wb)
        st.sidebar.selectbox(t("app.fiscal_year"), years, key=FY_KEY)
    if wb.read_at:
        st.sidebar.caption(t("app.data_as_of", time=format_datetime(local_time(wb.read_at), lang())))  # once
    if st.sidebar.button(t("app.refresh"), key="refresh", icon=":material/refresh:"):
        if hard_refresh(editor=can_write()):
            st.rerun()
        st.sidebar.caption(t("app.refresh_recent", seconds=max(1, int(seconds_since_read()))))


def demo_banner(wb: Workbook, meeting: bool = False) -> None:
    """On every page (above its title) while the selected year's data is the demo; a short mark in meeting mode."""
    if not is_demo(wb, selected_year(wb)):
        return
    if meeting:
        st.caption(t("app.demo_mark"))
    else:
        st.info(t("app.demo_banner"), icon=":material/science:")


def banners(wb: Workbook, fy: int | None) -> None:
    errors = wb.derived("error_count", lambda: sum(i.severity == "error" for i in all_issues(wb)))
    if errors:
        st.warning(t("app.issues_banner", n=errors), icon=":material/warning:")


@dataclass(frozen=True)
class PageStart:
    wb: Workbook
    fy: int
    lang: str
    as_of: date
    meeting: bool = False


def page_start(title_key: str, meeting_switch: bool = False, caption: bool = True,
               meeting_banners: bool = True) -> PageStart:
    """The top of a year page: title (and the meeting switch), the year and as-of line, the banners.

    `caption=False` leaves the year line to the page; `meeting_banners=False` hides the banners in meeting mode.
    Stops the page with a note on what to enter when the workbook has no fiscal year yet.
    """
    wb, current = workbook(), lang()
    fy = selected_year(wb)
    meeting = False
    if meeting_switch:
        head, switch = st.columns([4, 1], vertical_alignment="bottom")
        head.title(t(title_key))
        with switch:
            meeting = meeting_toggle()
    else:
        st.title(t(title_key))
    if fy is None:
        st.info(t("app.no_year"))
        st.stop()
    day = as_of(wb, fy, today())
    if caption:
        st.caption(f"{t('app.fy_label', fy=fy)} · {t('app.figures_as_of', date=format_date(day, current))}")
    if meeting_banners or not meeting:
        banners(wb, fy)
    return PageStart(wb, fy, current, day, meeting)


def local_time(moment: datetime) -> datetime:
    """A moment in the viewer's time zone (the browser's), Bangkok time when the browser does not say."""
    try:
        zone = ZoneInfo(st.context.timezone or "Asia/Bangkok")
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        zone = ZoneInfo("Asia/Bangkok")
    return moment.astimezone(zone)


def today() -> date:
    """Today's date in the viewer's time zone."""
    return local_time(datetime.now().astimezone()).date()


__all__ = ["banners", "demo_banner", "selected_year", "sidebar", "today", "workbook"]
