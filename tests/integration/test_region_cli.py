"""`de-dashboard region-init`: the regional workbook as a .sqlite file and in a Google Sheet (the fake), with
demo offices the scorecard then lists."""

from __future__ import annotations

import io

from de_core.ops.cli import main
from de_core.region.offices import offices_from, region_schema
from de_core.store.local import SQLiteStore
from tests.fakesheets import fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)


def test_region_init_makes_a_sqlite_regional_workbook_with_demo_offices(tmp_path):
    path = tmp_path / "region.sqlite"
    out = io.StringIO()
    assert main(["region-init", "--sqlite", str(path), "--demo", "3", "--secrets", str(tmp_path / "none.toml")],
                out=out) == 0
    offices = offices_from(SQLiteStore(path, schema=region_schema()).read_all())
    assert [o.source for o in offices] == ["demo:1", "demo:2", "demo:3"] and "3 offices" in out.getvalue()
    assert main(["region-init", "--sqlite", str(path), "--secrets", str(tmp_path / "none.toml")],
                err=io.StringIO()) == 1, "an existing file is never overwritten"


def test_region_init_provisions_the_offices_tab_in_a_google_sheet(fake_sheets, tmp_path):  # noqa: F811
    fake_sheets.add_spreadsheet("regional", "Region")
    code = main(["region-init", "--spreadsheet", "regional", "--demo", "2", "--secrets", str(tmp_path / "x.toml")],
                client_factory=lambda fields: fake_client(fake_sheets.base_url), out=io.StringIO())
    assert code == 0
    assert fake_sheets.values("regional", "สำนักงานในเขต")[0][:4] == ["รหัส", "ชื่อสำนักงาน", "จังหวัด/พื้นที่",
                                                                      "Google Sheet หรือไฟล์"]
    assert len(fake_sheets.values("regional", "สำนักงานในเขต")) == 3


def test_rows_without_a_source_or_with_a_repeated_id_are_named_not_read(tmp_path):
    from de_core.ops.region_setup import open_region
    from de_core.region.offices import Office, offices_workbook

    path = tmp_path / "region.sqlite"
    rows = [Office("a", "A", "", "demo:1"), Office("b", "B", "", ""), Office("a", "A again", "", "demo:2")]
    SQLiteStore(path, schema=region_schema()).initialize(offices_workbook(rows))
    region = open_region({"region": {"workbook": str(path)}})
    region.refresh()
    assert [s.office.id for s in region.snapshot()] == ["a"]
    assert region.list_offices.skipped == [3, 4]
