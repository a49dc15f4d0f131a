"""A damaged workbook file (0 bytes, cut in half, garbage, a SQLite file without the app's tables): every page says
what is wrong, where the file is and how to restore it, in Thai and in English, with no traceback; the file's bytes
stay as they were; a save into a file damaged while the app runs is refused, the editor told, the text kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from de_core.display.mdtext import JOINER
from de_ui.nav import PAGES as NAV_PAGES
from tests.app.conftest import assert_clean, page_text
from tests.app.formfill import REFLECTION, fill, submit
from tests.integration.damaged_files import KINDS, damage

WHAT_IS_WRONG = {
    "th": {"empty": "ว่างเปล่า (0 ไบต์)", "truncated": "เสียหาย", "garbage": "ไม่ใช่ฐานข้อมูล SQLite",
           "no_tables": "ไม่มีตารางสมุดงานของแอปนี้"},
    "en": {"empty": "is empty (0 bytes)", "truncated": "is damaged", "garbage": "is not a SQLite database",
           "no_tables": "does not hold this app's workbook"},
}
SAYS = {"th": ("โหลดข้อมูลไม่สำเร็จ", "วิธีกู้คืน", "ข้อมูลตัวอย่างปีงบประมาณ 2566"),
        "en": ("Could not load the data", "To restore", "FY2566 demo")}


def readable(at: AppTest) -> str:
    """The page's text as a reader sees it: Markdown escapes (messages are shown inert) taken away."""
    return page_text(at).replace("\\", "").replace(JOINER, "")


def _listing(folder: Path) -> dict[str, list[str]]:
    return {str(p.relative_to(folder)): sorted(c.name for c in p.iterdir()) if p.is_dir() else []
            for p in folder.rglob("*")}


def open_address(at: AppTest, url_path: str) -> AppTest:
    """Open a page by its address, as a browser does. (AppTest.switch_page opens a page by its file, which a server
    that has not drawn the menu yet runs alone, without streamlit_app.py: no visitor ever sees that.)"""
    at._page_hash = calc_hash(url_path)
    return at.run()


def _walk_every_page(run_page, db_path: Path, kind: str, lang: str | None) -> None:
    """A server started on a damaged file: the first page, then every page by its address."""
    L = lang or "th"
    before = damage(db_path, kind)
    listing = _listing(db_path.parent)
    at = run_page(lang=lang)
    for spec in [None, *NAV_PAGES]:
        if spec:
            open_address(at, spec.url_path)
        assert_clean(at)
        text = readable(at)
        where = spec.url_path if spec else "/"
        assert all(phrase in text for phrase in SAYS[L]), (where, text)
        assert WHAT_IS_WRONG[L][kind] in text, (where, text)
        assert str(db_path) in text and str(db_path.parent / "backups") in text, (where, text)
        assert "workbook.sqlite-wal" in text
        assert not at.sidebar.selectbox and not at.button, where  # the page stops at the message
    assert db_path.read_bytes() == before
    assert _listing(db_path.parent) == listing  # no backup of a damaged file, no -wal or -shm left by the check


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_names_the_damaged_file_and_how_to_restore_it_in_thai(run_page, db_path, kind):
    _walk_every_page(run_page, db_path, kind, None)


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_names_the_damaged_file_and_how_to_restore_it_in_english(run_page, db_path, kind):
    _walk_every_page(run_page, db_path, kind, "en")


@pytest.mark.parametrize("kind", KINDS)
def test_the_first_request_after_a_start_on_a_damaged_file_names_it(run_page, db_path, kind):
    before = damage(db_path, kind)
    for at in (run_page(), run_page(lang="en")):
        assert_clean(at)
        assert str(db_path) in readable(at) and SAYS[at.query_params.get("lang", "th")][1] in readable(at)
    assert db_path.read_bytes() == before


def test_meeting_mode_names_the_damaged_file_too(run_page, db_path):
    before = damage(db_path, "garbage")
    at = run_page()
    at.query_params["meeting"] = "1"
    at.run()
    assert_clean(at)
    assert str(db_path) in readable(at) and "วิธีกู้คืน" in readable(at)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("kind", ["truncated", "garbage"])
def test_a_save_into_a_file_damaged_while_the_app_runs_is_refused_and_the_text_is_kept(run_page, store, db_path,
                                                                                       kind):
    at = fill(run_page("pages/reflect.py"), "reflect", REFLECTION)
    before = damage(db_path, kind)
    submit(at, "reflect")
    assert_clean(at)
    text = readable(at)
    assert "บันทึกไม่สำเร็จ" in text and str(db_path) in text and "วิธีกู้คืน" in text, text
    assert "บันทึกแล้ว" not in text and "รอส่ง" not in text
    assert at.text_area(key="reflect.what").value == REFLECTION["what"]
    assert at.text_area(key="reflect.now_what").value == REFLECTION["now_what"]
    assert db_path.read_bytes() == before


def test_refresh_after_the_file_was_damaged_while_the_app_ran_names_it(run_page, store, db_path):
    import streamlit as st

    at = run_page()
    assert_clean(at)
    before = damage(db_path, "garbage")
    st.cache_resource.clear()  # the clear-cache message any browser may send: the store is opened again
    at.button(key="refresh").click().run()
    assert_clean(at)
    assert "โหลดข้อมูลไม่สำเร็จ" in page_text(at) and str(db_path) in page_text(at)
    assert db_path.read_bytes() == before


def test_a_server_that_runs_for_days_makes_the_day_s_backup_when_it_reads(run_page, store, db_path, monkeypatch):
    from datetime import datetime

    from de_core.ops import backup
    from de_core.writing.submission import BANGKOK
    from de_ui.data import refresh

    run_page()
    assert [p.name for p in (db_path.parent / "backups").glob("*.sqlite")] == [
        f"workbook-{datetime.now(BANGKOK):%Y-%m-%d}.sqlite"]
    monkeypatch.setattr(backup, "bangkok_now", lambda: datetime(2099, 1, 2, 8, 0, tzinfo=BANGKOK))
    refresh()
    run_page()
    assert (db_path.parent / "backups" / "workbook-2099-01-02.sqlite").exists()
