"""`de-dashboard init`: the office's own empty workbook for the current fiscal year; a demo found at the path is
kept beside it, the office's own data and a damaged file are never touched; on Google the sheet is provisioned
with the settings row, and a sheet holding the demo is refused."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from de_core.ops.cli import main
from de_core.ops.config import open_embedded
from de_core.ops.demo import demo_workbook
from de_core.ops.setup import Office, current_fiscal_year, init_embedded, init_google
from de_core.sheet.workbook import parse_workbook
from de_core.store.base import StoreError
from de_core.store.local import SQLiteStore
from de_core.writing.submission import BANGKOK
from tests.fakesheets import FakeSheetsServer
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, google_store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK)
OFFICE = Office("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง", "โครงการเขตสุจริต", "ปลอดทุจริต", "๘๐,๐๐๐ บาท", "95",
                "นวัตกรรมตัวอย่าง")


@pytest.mark.parametrize("when, fy", [((2026, 9, 30), 2569), ((2026, 10, 1), 2570), ((2026, 11, 30), 2570)])
def test_the_current_fiscal_year_follows_bangkok_s_calendar(when, fy):
    assert current_fiscal_year(datetime(*when, 12, tzinfo=BANGKOK)) == fy


def _settings(path: Path) -> list[dict]:
    return parse_workbook(SQLiteStore(path).read_all()).rows("settings")


def test_a_fresh_path_gets_every_tab_and_the_office_s_row_for_the_current_year(tmp_path):
    path = tmp_path / "data" / "workbook.sqlite"
    result = init_embedded(path, OFFICE, NOW)
    assert result.fiscal_year == 2570 and result.kept_demo is None
    wb = parse_workbook(SQLiteStore(path).read_all())
    assert set(wb.titles) == set(wb.schema.tab_keys)
    (row,) = wb.rows("settings")
    assert (row["fiscal_year"], row["office_name"], row["is_current"], row["is_demo"]) == (
        2570, OFFICE.office_name, True, False)
    assert row["allocation"] == 80000 and row["innovation_title"] == "นวัตกรรมตัวอย่าง"
    assert all(not wb.rows(tab) for tab in ("kpis", "activities", "de_steps", "reflections", "ita_scores"))


def test_a_demo_at_the_path_is_kept_beside_it_and_the_new_workbook_takes_the_path(tmp_path):
    path = tmp_path / "workbook.sqlite"
    demo = open_embedded(path, clock=lambda: NOW)  # the app's first run: the demo
    before = demo.read_all()
    result = init_embedded(path, OFFICE, NOW)
    assert result.kept_demo == tmp_path / "workbook-demo-20261130-090000.sqlite"
    kept = SQLiteStore(result.kept_demo).read_all()
    assert {t: r.rows for t, r in kept.tabs.items()} == {t: r.rows for t, r in before.tabs.items()}
    assert [r["fiscal_year"] for r in _settings(path)] == [2570]


def test_the_office_s_own_data_is_never_replaced(tmp_path):
    path = tmp_path / "workbook.sqlite"
    init_embedded(path, OFFICE, NOW)
    data = path.read_bytes()
    with pytest.raises(StoreError) as err:
        init_embedded(path, Office("อีกสำนักงาน"), NOW)
    assert "มีสมุดงานของสำนักงานอยู่แล้ว" in err.value.message_th and "already holds" in err.value.message_en
    assert path.read_bytes() == data and len(list(tmp_path.glob("*.sqlite"))) == 1


def test_a_damaged_file_is_refused_and_left_as_it_is(tmp_path):
    path = tmp_path / "workbook.sqlite"
    path.write_bytes(b"not a workbook at all")
    with pytest.raises(StoreError):
        init_embedded(path, OFFICE, NOW)
    assert path.read_bytes() == b"not a workbook at all"


def test_init_then_new_year_dry_run_on_a_fresh_clone(tmp_path, monkeypatch):
    monkeypatch.setenv("DE_DASHBOARD_DB", str(tmp_path / "data" / "workbook.sqlite"))
    none = str(tmp_path / "none.toml")
    out = io.StringIO()
    assert main(["init", "--secrets", none], out=out) == 0
    year = current_fiscal_year()
    assert f"fiscal year {year}" in out.getvalue()
    out = io.StringIO()
    assert main(["new-year", "--from", str(year), "--to", str(year + 1), "--dry-run", "--secrets", none],
                out=out) == 0
    assert "would create 1" in out.getvalue()


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    return fake_sheets


def test_on_google_init_provisions_every_tab_with_the_settings_row(srv):
    srv.add_spreadsheet(KEY, "DE Workbook", {"Sheet1": []})
    store = google_store(srv, create=False)
    assert init_google(store, OFFICE, NOW).fiscal_year == 2570
    wb = parse_workbook(store.read_all())
    assert set(wb.schema.tab_keys) <= set(wb.titles)
    assert [(r["fiscal_year"], r["office_name"]) for r in wb.rows("settings")] == [(2570, OFFICE.office_name)]


def test_on_google_a_sheet_holding_the_demo_is_refused(srv):
    store = google_store(srv, demo_workbook())
    with pytest.raises(StoreError) as err:
        init_google(store, OFFICE, NOW)
    assert "ข้อมูลตัวอย่าง" in err.value.message_th and "new Google Sheet" in err.value.hint_en
