"""The region of this server process (one Region, one background refresh, whatever the sessions) and the blocks of
the scorecard page; an office opened from the scorecard (?office=<id>) is shown read-only from the region's read."""

from __future__ import annotations

import math
import threading
from datetime import datetime

import streamlit as st

from de_core.display.mdtext import md_escape_line
from de_core.ops.config import EMBEDDED, backend_kind, embedded_path
from de_core.ops.region_setup import open_region
from de_core.region import table as region_table
from de_core.region.refresh import Region
from de_core.region.scorecard import Line, Scorecard, build_scorecard, default_year, fiscal_years
from de_core.region.settings import region_settings
from de_core.region.sources import read_only_client
from de_core.region.xlsx import scorecard_xlsx
from de_core.sheet.workbook import Workbook
from de_core.sheet.years import is_demo
from de_core.store import StoreError
from de_ui.i18n import lang, t

# Kept in this module, never in st.cache_resource (any browser can empty that: PITFALLS): one Region per
# configuration for the life of the process. Tests put a client factory that reaches the fake here.
REGIONS: dict[str, Region] = {}
CLIENT_FACTORY = read_only_client
_LOCK = threading.Lock()
OFFICE_KEY = "_region_office"
YEAR_KEY, SORT_KEY, DESC_KEY = "region_year", "region_sort", "region_desc"
FIND_KEY, BAND_KEY, ATTENTION_KEY = "region_find", "region_band", "region_attention"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml: the demo region
        return {}


def region() -> Region:
    """The process's Region for the secrets' [region]; its refresh started (the demo region read at once)."""
    secrets = _secrets()
    settings = region_settings(secrets)
    key = repr(settings)
    with _LOCK:
        if key not in REGIONS:
            for old in REGIONS.values():  # [region] was changed: one pacer per service account, never two
                old.stop()
            REGIONS.clear()
            own = embedded_path(secrets) if backend_kind(secrets) == EMBEDDED else None
            try:
                REGIONS[key] = open_region(secrets, client_factory=CLIENT_FACTORY, own=own)
            except StoreError as err:
                st.error(md_escape_line(err.message(lang())))
                st.stop()
        found = REGIONS[key]
    if settings.is_demo:
        found.refresh()  # local files and generated offices: no quota; only a changed file is read again
    else:
        found.start()
    return found


def region_ready() -> bool:
    """A region to show: [region] is set, or (the demo region) this server's own workbook is the demo too."""
    if not region_settings(_secrets()).is_demo:
        return True
    from de_ui.data import own_workbook  # data imports this module for the office view

    return is_demo(own_workbook())


def demo_note() -> None:
    """The demo region says so above its figures."""
    if region_settings(_secrets()).is_demo:
        st.info(t("region.demo_banner"), icon=":material/science:")


def local(moment: datetime) -> datetime:
    from de_ui.chrome import local_time  # chrome imports data, which asks this module for the office view

    return local_time(moment)


PROGRESS_EVERY = 5  # seconds between the progress note's own updates while a pass runs


def progress_note(found: Region) -> None:
    """While a pass runs: how far it is and about how long the rest takes (the quota is why), updated by itself
    every few seconds; when the pass ends, the page is drawn again with its figures."""
    if found.progress.running:
        st.fragment(lambda: _progress(found), run_every=PROGRESS_EVERY)()


def _progress(found: Region) -> None:
    p = found.progress
    if not p.running:
        st.rerun()  # the pass has ended: the whole page again, with the offices just read
    if p.total:
        st.info(t("region.reading", done=p.done, total=p.total, minutes=max(1, math.ceil(p.eta_seconds / 60))),
                icon=":material/hourglass_top:")
        st.caption(t("region.reading_note"))


def year_choice(found: Region) -> int | None:
    states = found.snapshot()
    years = fiscal_years(states)
    if not years:
        return None
    if st.session_state.get(YEAR_KEY) not in years:
        st.session_state[YEAR_KEY] = default_year(states)
    return st.selectbox(t("region.year"), years, key=YEAR_KEY)


def _choice(where, label: str, options: dict[str, str], key: str) -> str:
    """A selectbox over labels (AppTest finds options by their label), giving back the option's key."""
    labels = list(options)
    if st.session_state.get(key) not in labels:
        st.session_state[key] = labels[0]
    return options[where.selectbox(label, labels, key=key)]


def controls() -> dict:
    """Sort, direction, search, band and attention filters (kept per session by their keys)."""
    a, b, c, d = st.columns([2, 1, 2, 1], vertical_alignment="bottom")
    sort = _choice(a, t("region.sort"), {t(f"region.sort_{k}"): k for k in region_table.SORTS}, SORT_KEY)
    desc = b.toggle(t("region.descending"), value=True, key=DESC_KEY)
    text = c.text_input(t("region.search"), key=FIND_KEY)
    bands = {"–": "", **{b: b for b in ("AA", "A", "B", "C", "D", "E", "F")}, t("region.no_band"): "-"}
    band = _choice(d, t("region.band_filter"), bands, BAND_KEY)
    attention = st.toggle(t("region.only_problems"), key=ATTENTION_KEY)
    return {"sort": sort, "descending": desc, "text": text, "band": band, "attention": attention}


def office_link(line: Line) -> str | None:
    """The address of the office's own pages, read only (the dashboard with ?office=<id>)."""
    url = str(st.context.url or "")
    base = url.split("?", 1)[0].rsplit("/", 1)[0] if url.startswith(("http://", "https://")) else ""
    return f"{base}/dashboard?office={line.office.id}" if base and line.now is not None else None


def scorecard_table(card: Scorecard, lines: list[Line]) -> None:
    st.html(region_table.table_html(lines, lang(), local, office_link))
    st.download_button(t("region.download"), data=lambda: scorecard_xlsx(lines, card.fiscal_year, lang(), local),
                       file_name=f"region-scorecard-{card.fiscal_year}{'-demo' if card.demo else ''}.xlsx",
                       mime=XLSX, icon=":material/download:", on_click="ignore", key="region_xlsx")


def health(found: Region, card: Scorecard) -> None:
    """The regional Data health: the list or folder that failed, each office that could not be read."""
    st.subheader(t("region.health"))
    if found.list_problem is not None:
        st.warning(t("region.health_list", reason=md_escape_line(found.list_problem.message(lang()))))
    if skipped := getattr(found.list_offices, "skipped", None):
        st.warning(t("region.skipped_rows", rows=", ".join(map(str, skipped))))
    lines = region_table.health_lines(card, lang(), local)
    for line in lines:
        st.warning(md_escape_line(line), icon=":material/sync_problem:")
    if not lines and found.list_problem is None and not skipped:
        st.success(t("region.health_ok"))
    if found.last_pass is not None:
        p = found.last_pass
        st.caption(t("region.last_pass", read=p.read, unchanged=p.unchanged, failed=p.failed))


def scorecard(found: Region, fy: int | None) -> Scorecard:
    return build_scorecard(found.snapshot(), fy)


# -- an office opened from the scorecard --------------------------------------------------------
def viewed_office() -> str:
    """The office this session views from the scorecard (?office=<id>, kept for the session), or "". Only an office
    the region lists counts (an unknown id, or no region to show, is forgotten: it never turns an editor into a
    viewer for nothing)."""
    wanted = st.query_params.get("office")
    if wanted:
        st.session_state[OFFICE_KEY] = str(wanted)
    office = str(st.session_state.get(OFFICE_KEY) or "")
    if office and (not region_ready() or region().office(office) is None):
        st.session_state.pop(OFFICE_KEY, None)
        st.query_params.pop("office", None)
        return ""
    return office


def viewed_workbook() -> Workbook | None:
    """The viewed office's workbook (read-only: its figures' read, kept once per process and refresh), or None
    when no office is viewed. An office that cannot be read stops the page with the reason: never this server's own
    data under its name."""
    office = viewed_office()
    if not office:
        return None
    found = region()
    wb = found.workbook(office)
    if wb is None:
        state = found.office(office)
        reason = state.problem.message(lang()) if state and state.problem else t("region.nothing_yet")
        st.warning(t("region.office_unread", office=md_escape_line(state.office.name if state else office),
                     reason=md_escape_line(reason)), icon=":material/sync_problem:")
        st.caption(t("region.office_unread_wait"))
        back_to_region("region_back_unread")
        st.stop()
    return wb


def office_banner() -> None:
    """Above every page while an office of the region is viewed: whose pages these are, and the way back."""
    office = viewed_office()
    state = region().office(office) if office else None
    if state is None:
        return
    st.info(t("region.office_view", office=md_escape_line(state.office.name)), icon=":material/visibility:")
    back_to_region("region_back")


def back_to_region(key: str) -> None:
    """The button that leaves the office's pages for the scorecard (the session is the server's own again)."""
    if st.button(t("region.office_back"), key=key, icon=":material/arrow_back:"):
        st.session_state.pop(OFFICE_KEY, None)
        st.query_params.pop("office", None)
        st.switch_page("pages/region.py")
