"""A region whose offices live in the PostgreSQL store (issue #20 with #21): offices listed as postgresql:<office> are
read through one regional session of the database (read only, row-level security); an office of another region is
named as not in the region, and the rest of the region is whole."""

from __future__ import annotations

from datetime import date

from de_core.ops.demo import demo_workbook
from de_core.ops.region_setup import open_region
from de_core.region.offices import Office, offices_workbook, region_schema
from de_core.store.local import SQLiteStore
from de_core.store.postgres.regional import set_region
from tests.pgserver.fixtures import pg_server, postgres_factory  # noqa: F401  (pytest fixtures)


def test_offices_in_postgresql_are_read_by_a_regional_session(tmp_path, postgres_factory, pg_server):  # noqa: F811
    home = postgres_factory(demo_workbook(), office="rg-home")
    postgres_factory(demo_workbook(), office="rg-other")
    elsewhere = postgres_factory(demo_workbook(), office="rg-elsewhere")
    set_region(pg_server.owner_url(), "region-pg", ["rg-home", "rg-other"])
    set_region(pg_server.owner_url(), "region-far", [elsewhere.office])
    offices = [Office("home", "สำนักงานบ้าน", "บึงกาฬ", "postgresql:rg-home"),
               Office("other", "สำนักงานอื่น", "หนองคาย", "postgresql: rg-other"),
               Office("far", "สำนักงานเขตอื่น", "เลย", "postgresql:rg-elsewhere")]
    path = tmp_path / "region.sqlite"
    SQLiteStore(path, schema=region_schema()).initialize(offices_workbook(offices))
    secrets = {"region": {"workbook": str(path), "postgresql": pg_server.app_url(), "postgresql_region": "region-pg"}}
    region = open_region(secrets, today=lambda: date(2023, 6, 30))
    report = region.refresh()
    states = {s.office.id: s for s in region.snapshot()}
    assert (report.read, report.failed) == (2, 1)
    assert states["home"].years[2566].spent == 35610 and states["other"].problem is None
    assert "ไม่อยู่ในเขต «region-pg»" in states["far"].problem.message("th")  # row-level security: not its region
    before = home.read_all().tabs
    region.workbook("home")
    assert home.read_all().tabs == before, "the regional session only reads"
