"""The refresh button really clears the cached workbook: a change made in the sheet shows after a click."""

import re

from tests.app.conftest import assert_clean, page_text


def test_a_sheet_edit_shows_only_after_refresh_when_the_cache_is_warm(run_page, store):
    at = run_page()
    assert "50,000 บาท" in page_text(at)
    store.update("settings", "fy-2566", {"allocation": "๖๐,๐๐๐ บาท"})
    at.run()
    assert "60,000 บาท" not in page_text(at), "a rerun inside the ttl reuses the cached workbook"
    assert_clean(at)
    at.button(key="refresh").click().run()
    assert_clean(at)
    assert "60,000 บาท" in page_text(at)


def allocated(at) -> str:
    """The overview's allocation figure (an HTML figure under its label)."""
    return re.search(r"ได้รับจัดสรร\n([^\n]+)", page_text(at)).group(1)


def test_after_the_ttl_a_rerun_shows_the_last_data_at_once_while_the_sheet_is_read_in_the_background(
        run_page, store, monkeypatch):
    import threading
    import time

    import streamlit as st
    from streamlit.runtime.caching import cache_utils

    from de_core.store.local import SQLiteStore
    from de_ui.data import _load, backend

    now = [1_000.0]
    monkeypatch.setattr(cache_utils, "TTLCACHE_TIMER", lambda: now[0])
    st.cache_resource.clear()  # caches made from here on read the simulated clock
    sheet_answers = threading.Event()
    sheet_answers.set()
    real_read = SQLiteStore.read_all

    def slow_sheet(self):  # the real read, held back until the test lets the sheet answer
        sheet_answers.wait(30)
        return real_read(self)

    monkeypatch.setattr(SQLiteStore, "read_all", slow_sheet)
    at = run_page()
    assert allocated(at) == "50,000 บาท"
    first = _load(backend())
    store.update("settings", "fy-2566", {"allocation": "๖๐,๐๐๐ บาท"})
    now[0] += 61  # past the 60 s ttl
    sheet_answers.clear()  # the sheet is slow to answer now
    started = time.monotonic()
    at.run()
    assert time.monotonic() - started < 20, "the rerun waited for the sheet"
    assert_clean(at)
    assert allocated(at) == "50,000 บาท"
    sheet_answers.set()
    deadline = time.monotonic() + 20
    while _load(backend()) is first and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _load(backend()) is not first, "the background read never landed"
    at.run()
    assert allocated(at) == "60,000 บาท"
    store.update("settings", "fy-2566", {"allocation": "๗๐,๐๐๐ บาท"})
    now[0] += 121  # two ttl without a visit: this rerun reads in the foreground
    at.run()
    assert_clean(at)
    assert allocated(at) == "70,000 บาท"


def _count_reads(monkeypatch) -> list[int]:
    from de_core.store.local import SQLiteStore

    reads = [0]
    real_read = SQLiteStore.read_all

    def counted(self):
        reads[0] += 1
        return real_read(self)

    monkeypatch.setattr(SQLiteStore, "read_all", counted)
    return reads


def _sim_clock(monkeypatch) -> list[float]:
    import streamlit as st
    from streamlit.runtime.caching import cache_utils

    now = [5_000.0]
    monkeypatch.setattr(cache_utils, "TTLCACHE_TIMER", lambda: now[0])
    st.cache_resource.clear()  # caches made from here on read the simulated clock
    return now


def test_a_storm_of_viewer_refreshes_and_clear_cache_messages_reads_the_sheet_once_per_interval(
        run_page, store, monkeypatch):
    import streamlit as st

    now = _sim_clock(monkeypatch)
    reads = _count_reads(monkeypatch)
    viewers = [run_page(deployed=True) for _ in range(5)]
    assert reads[0] == 1
    store.update("settings", "fy-2566", {"allocation": "๖๐,๐๐๐ บาท"})
    for _ in range(6):  # every viewer clicks refresh and sends the clear-cache message, again and again
        for at in viewers:
            st.cache_resource.clear()
            at.button(key="refresh").click().run()
            assert_clean(at)
        now[0] += 1
    assert reads[0] == 1, "within 10 s of the last read, nothing a viewer does reads the sheet again"
    assert "เพิ่งอ่านจากชีตเมื่อ" in page_text(viewers[0])
    now[0] += 5  # 11 s after the read
    for at in viewers:
        at.button(key="refresh").click().run()
    assert reads[0] == 2
    assert allocated(viewers[-1]) == "60,000 บาท"


def test_an_editor_s_refresh_and_the_app_s_own_saves_read_at_once(run_page, store, monkeypatch):
    _sim_clock(monkeypatch)
    reads = _count_reads(monkeypatch)
    at = run_page()  # the local editor
    store.update("settings", "fy-2566", {"allocation": "๖๐,๐๐๐ บาท"})
    at.button(key="refresh").click().run()
    assert reads[0] == 2 and allocated(at) == "60,000 บาท"
