"""The set-up page: an editor starts the office's own workbook from the demo (kept beside it) and makes the next
fiscal year after a preview; a viewer gets neither."""

from __future__ import annotations

from de_core.sheet.workbook import parse_workbook
from de_core.store.local import SQLiteStore
from tests.app.conftest import assert_clean, page_text

PAGE = "pages/setup.py"


def _settings(path):
    return parse_workbook(SQLiteStore(path).read_all()).rows("settings")


def test_a_viewer_gets_no_set_up_form(run_page, store):
    at = run_page(PAGE, deployed=True)
    assert_clean(at)
    assert not at.get("form") and not [b for b in at.button if b.key == "setup.carry"]


def test_the_editor_previews_and_makes_the_next_year_once(run_page, store, db_path):
    at = run_page(PAGE)
    assert_clean(at)
    preview = at.dataframe[0].value
    counts = dict(zip(preview["แท็บ"], preview["จะสร้าง"], strict=True))
    assert counts["ตัวชี้วัด KPI"] == 14 and counts["ขั้นตอน DE"] == 16
    at.button(key="setup.carry").click().run()
    assert_clean(at)
    assert "สร้างปีงบประมาณ 2567 แล้ว" in page_text(at)
    assert sorted(r["fiscal_year"] for r in _settings(db_path)) == [2566, 2567]
    at.selectbox(key="setup.from_year").set_value(2566).run()
    assert "ปี 2567 มีครบแล้ว ไม่มีอะไรต้องสร้าง" in page_text(at)
    assert not [b for b in at.button if b.key == "setup.carry"]


def test_the_editor_starts_the_office_s_own_workbook_and_the_demo_is_kept(run_page, store, db_path):
    at = run_page(PAGE)
    at.text_input(key="setup.office_name").set_value("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 2")
    at.text_input(key="setup.allocation").set_value("๖๐,๐๐๐")
    at.button(key="setup._submit").click().run()
    assert_clean(at)
    assert "สร้างสมุดงานของสำนักงาน ปีงบประมาณ" in page_text(at)
    (row,) = _settings(db_path)
    assert row["office_name"] == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 2" and row["is_demo"] is False
    kept = list(db_path.parent.glob("workbook-demo-*.sqlite"))
    assert len(kept) == 1 and any(r["fiscal_year"] == 2566 for r in _settings(kept[0]))
    at.run()
    assert "ข้อมูลนี้เป็นของสำนักงานแล้ว" in page_text(at) and "ข้อมูลตัวอย่าง (demo)" not in page_text(at)


def test_an_empty_office_name_is_asked_for_and_nothing_is_made(run_page, store, db_path):
    at = run_page(PAGE)
    at.button(key="setup._submit").click().run()
    assert "กรอกชื่อหน่วยงานก่อน" in page_text(at)
    assert [r["fiscal_year"] for r in _settings(db_path)] == [2566]
