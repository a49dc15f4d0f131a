"""`de-dashboard copy` between a Google Sheet (the loopback fake, real gspread), the embedded SQLite file and
PostgreSQL, checked cell by cell; `de-dashboard migrate` and `region`. Done when the round trip sheet → PostgreSQL →
sheet is cell-identical on the demo ×100 (trailing blank cells aside)."""

from __future__ import annotations

import io
import time
from pathlib import Path

import psycopg
import pytest

from bench.generate import scaled_workbook
from de_core.ops.cli import main
from de_core.ops.transfer import compare_workbooks
from de_core.store.local import SQLiteStore
from de_core.store.postgres import migrate as mig
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import google_store, sheets_from_raw
from tests.pgserver.fixtures import pg_server, postgres_factory  # noqa: F401  (pytest fixtures)

SOURCE, BACK = "sheet-source", "sheet-back"


def _cli(srv: FakeSheetsServer | None, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    factory = (lambda _fields: fake_client(srv.base_url, timeout=600)) if srv else None  # ×100: 34 MB a read
    code = main([*args, "--secrets", "/nonexistent/secrets.toml"], out=out, err=err,
                **({"client_factory": factory} if factory else {}))
    return code, out.getvalue(), err.getvalue()


def _round_trip(srv: FakeSheetsServer, pg_server, raw, office: str) -> tuple[str, str]:  # noqa: F811
    srv.add_spreadsheet(SOURCE, "source", sheets_from_raw(raw))
    srv.add_spreadsheet(BACK, "back", {"Sheet1": []})
    url = pg_server.app_url()
    code, there, err = _cli(srv, "copy", "--from", "sheet", "--to", "postgresql", "--spreadsheet", SOURCE,
                            "--url", url, "--office", office)
    assert code == 0, there + err
    code, back, err = _cli(srv, "copy", "--from", "postgresql", "--to", "sheet", "--spreadsheet", BACK,
                           "--url", url, "--office", office)
    assert code == 0, back + err
    return there, back


def test_sheet_to_postgresql_and_back_to_a_new_sheet_is_cell_identical_on_the_demo(fake_sheets, pg_server,  # noqa: F811
                                                                                   demo_raw):
    there, back = _round_trip(fake_sheets, pg_server, demo_raw, "copy-demo")
    assert "identical" in there and "identical" in back
    source = google_store(fake_sheets, key=SOURCE, create=False, timeout=600).read_all()
    result = compare_workbooks(source, google_store(fake_sheets, key=BACK, create=False, timeout=600).read_all())
    assert result.identical, result.summary()
    assert result.cells > 2500 and result.added_tabs == ["Sheet1"]  # the new sheet's own empty tab
    assert fake_sheets.sheet_titles(BACK)[:len(source.tabs)] == list(source.tabs)


@pytest.mark.slow
def test_sheet_to_postgresql_and_back_is_cell_identical_on_the_demo_times_one_hundred(fake_sheets, pg_server):  # noqa: F811
    raw = scaled_workbook(100)
    start = time.perf_counter()
    there, back = _round_trip(fake_sheets, pg_server, raw, "copy-x100")
    seconds = time.perf_counter() - start
    assert "identical" in there and "identical" in back, back
    source = google_store(fake_sheets, key=SOURCE, create=False, timeout=600).read_all()
    result = compare_workbooks(source, google_store(fake_sheets, key=BACK, create=False, timeout=600).read_all())
    assert result.identical, result.summary()
    assert result.rows > 26_000, result.summary()
    print(f"demo ×100 round trip sheet → PostgreSQL → sheet: {seconds:.1f} s, {result.summary()}")


def test_sqlite_to_postgresql_and_back_keeps_every_cell(pg_server, tmp_path, demo_raw):  # noqa: F811
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    SQLiteStore(first).initialize(demo_raw)
    url = pg_server.app_url()
    assert _cli(None, "copy", "--from", "sqlite", "--to", "postgresql", "--sqlite", str(first), "--url", url,
                "--office", "copy-sqlite")[0] == 0
    code, out, err = _cli(None, "copy", "--from", "postgresql", "--to", "sqlite", "--sqlite", str(second), "--url",
                          url, "--office", "copy-sqlite")
    assert code == 0, out + err
    assert compare_workbooks(SQLiteStore(first).read_all(), SQLiteStore(second).read_all()).identical


def test_a_copy_into_an_office_the_app_opened_replaces_its_empty_tabs(postgres_factory, pg_server, tmp_path,  # noqa: F811
                                                                      demo_raw):
    opened = postgres_factory(office="copy-opened")  # every tab with its header row, no data
    path = tmp_path / "wb.sqlite"
    SQLiteStore(path).initialize(demo_raw)
    code, out, err = _cli(None, "copy", "--from", "sqlite", "--to", "postgresql", "--sqlite", str(path), "--url",
                          pg_server.app_url(), "--office", opened.office)
    assert code == 0 and "identical" in out, out + err
    assert list(opened.read_all().tabs)[:len(demo_raw.tabs)] == list(demo_raw.tabs)


def test_a_copy_into_a_target_with_data_is_refused_and_writes_nothing(fake_sheets, postgres_factory, pg_server,  # noqa: F811
                                                                      tmp_path, demo_raw):
    full = postgres_factory(demo_raw, office="copy-full")
    before = full.read_all()
    path = tmp_path / "wb.sqlite"
    SQLiteStore(path).initialize(demo_raw)
    code, _out, err = _cli(None, "copy", "--from", "sqlite", "--to", "postgresql", "--sqlite", str(path),
                           "--url", pg_server.app_url(), "--office", full.office)
    assert code == 1 and "copy-full" in err and "already holds data" in err
    assert compare_workbooks(before, full.read_all()).identical
    code, _out, err = _cli(None, "copy", "--from", "postgresql", "--to", "sqlite", "--sqlite", str(path), "--url",
                           pg_server.app_url(), "--office", full.office)
    assert code == 1 and str(path) in err
    fake_sheets.add_spreadsheet(SOURCE, "has data", sheets_from_raw(demo_raw))
    code, _out, err = _cli(fake_sheets, "copy", "--from", "postgresql", "--to", "sheet", "--spreadsheet", SOURCE,
                           "--url", pg_server.app_url(), "--office", full.office)
    assert code == 1 and "already holds data" in err


def test_migrate_creates_the_tables_once_and_says_so(pg_server):  # noqa: F811
    url = pg_server.owner_url(pg_server.new_database(migrated=False))
    code, out, _err = _cli(None, "migrate", "--url", url)
    assert code == 0 and "0001_workbook_tables" in out
    code, out, _err = _cli(None, "migrate", "--url", url)
    assert code == 0 and f"up to date (migration {len(mig.migrations())})" in out


def test_region_puts_offices_in_a_region_as_the_owner(pg_server):  # noqa: F811
    code, out, err = _cli(None, "region", "region-cli", "office-1", "office-2", "--url", pg_server.owner_url())
    assert code == 0 and "office-1, office-2" in out, err
    with psycopg.connect(pg_server.app_url()) as conn:  # the app's role may not
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE offices SET region = 'x' WHERE office = 'office-1'")


def test_a_copy_between_two_stores_of_the_same_kind_or_without_an_office_is_refused(pg_server):  # noqa: F811
    assert _cli(None, "copy", "--from", "sqlite", "--to", "sqlite")[0] == 1
    code, _out, err = _cli(None, "copy", "--from", "postgresql", "--to", "sqlite", "--url", pg_server.app_url(),
                           "--sqlite", str(Path("/nonexistent/x.sqlite")))
    assert code == 1 and "office" in err
