"""The regional refresh over the fake Sheets server (real gspread, real HTTP): within the per-user quota, unchanged
sheets skipped by the Drive listing, 429s held back and retried, unreadable offices kept with their reason."""

from __future__ import annotations

from de_core.region.problems import BROKEN, NOT_FOUND, NOT_SHARED
from de_core.region.sources import READ_ONLY_SCOPES
from tests.fakesheets.faults import WRITE_KINDS
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import FakeClock
from tests.integration.region_support import delete_spreadsheet, google_region, put_offices

SHEET_READS = ("spreadsheets.get", "values.batchGet")


def _reads(srv) -> int:
    return sum(srv.count(kind) for kind in SHEET_READS)


def test_a_cold_refresh_reads_every_office_and_no_minute_goes_over_the_quota(fake_sheets):  # noqa: F811
    clock = FakeClock()
    fake_sheets.quota.configure(per_user=12, per_project=300, clock=clock.clock)
    offices = put_offices(fake_sheets, 30)
    region, _ = google_region(fake_sheets, offices, clock, per_minute=10)
    report = region.refresh()
    assert report.read == 30 and report.failed == 0 and report.quota_hits == 0
    assert fake_sheets.quota.refused == 0, "no 429 from the quota"
    assert fake_sheets.count("drive.files.list") == 1 and _reads(fake_sheets) == 30
    assert 2 * 60 <= clock.now <= 3 * 60 + 1, "30 reads at 10 a minute: the third minute"
    assert all(s.years and s.problem is None for s in region.snapshot())


def test_unchanged_sheets_are_skipped_and_changed_ones_read_again(fake_sheets):  # noqa: F811
    clock = FakeClock()
    offices = put_offices(fake_sheets, 8)
    region, _ = google_region(fake_sheets, offices, clock, interval=0)
    region.refresh()
    fake_sheets.reset_counts()
    report = region.refresh()
    assert (report.read, report.unchanged) == (0, 8)
    assert fake_sheets.count("drive.files.list") == 1 and _reads(fake_sheets) == 0
    changed = [o.key for o in offices[:3]]
    fake_sheets.set_cell(changed[0], "ตั้งค่า", "L2", "TRUE")
    for key in changed:
        fake_sheets.drive.touch(key)  # a person's edit in the browser moves Drive's modifiedTime
    fake_sheets.reset_counts()
    report = region.refresh()
    assert (report.read, report.unchanged) == (3, 5) and _reads(fake_sheets) == 3
    assert fake_sheets.count("values.batchGet") == 3, "the tab list is kept: one values.batchGet per office"


def test_a_changed_sheet_is_read_at_most_once_per_interval(fake_sheets):  # noqa: F811
    clock = FakeClock()
    offices = put_offices(fake_sheets, 2)
    region, _ = google_region(fake_sheets, offices, clock, interval=600)
    region.refresh()
    fake_sheets.drive.touch(offices[0].key)
    assert region.refresh().read == 0, "changed, but read less than an interval ago"
    clock.now += 600
    assert region.refresh().read == 1


def test_429s_hold_the_reads_and_every_office_is_read_in_the_end(fake_sheets):  # noqa: F811
    clock = FakeClock()
    fake_sheets.quota.configure(per_user=5, per_project=300, clock=clock.clock)
    offices = put_offices(fake_sheets, 12)
    region, _ = google_region(fake_sheets, offices, clock, per_minute=60)  # paced faster than the quota
    region.quota_wait = 61
    report = region.refresh()
    assert report.quota_hits > 0 and fake_sheets.quota.refused == report.quota_hits
    assert report.read == 12 and report.failed == 0
    body = next(r for r in fake_sheets.requests if r.status == 429)
    assert body.kind in SHEET_READS


def test_an_unreadable_office_keeps_its_last_figures_with_the_reason(fake_sheets):  # noqa: F811
    clock = FakeClock()
    offices = put_offices(fake_sheets, 4)
    region, google = google_region(fake_sheets, offices, clock, interval=0)
    region.refresh()
    before = {s.office.id: s.years for s in region.snapshot()}
    fake_sheets.forbid(offices[0].key)
    delete_spreadsheet(fake_sheets, offices[1].key)
    for title in fake_sheets.sheet_titles(offices[2].key):
        fake_sheets.set_cell(offices[2].key, title, "A1", "")  # every header gone: a broken workbook
        fake_sheets.set_cell(offices[2].key, title, "B1", "")
    for office in offices[:3]:
        fake_sheets.drive.touch(office.key)
    region.refresh()
    states = {s.office.id: s for s in region.snapshot()}
    kinds = [states[o.id].problem.kind if states[o.id].problem else None for o in offices]
    assert kinds == [NOT_SHARED, NOT_FOUND, BROKEN, None]
    for office in offices[:3]:
        assert states[office.id].years == before[office.id], "last good figures kept"
        assert states[office.id].problem.message("th") and states[office.id].problem.at is not None


def test_the_region_only_ever_reads(fake_sheets):  # noqa: F811
    clock = FakeClock()
    offices = put_offices(fake_sheets, 3)
    region, google = google_region(fake_sheets, offices, clock)
    region.refresh()
    assert not [r for r in fake_sheets.requests if r.kind in WRITE_KINDS]
    assert all(scope.endswith(".readonly") for scope in READ_ONLY_SCOPES)
    assert not [name for name in dir(google) if name.startswith(("append", "update", "write"))]


def test_an_office_no_longer_kept_is_read_again_on_a_new_day_so_its_late_counts_move(fake_sheets):  # noqa: F811
    from datetime import date

    from de_core.region import refresh as refresh_module

    clock = FakeClock()
    offices = put_offices(fake_sheets, refresh_module.KEPT_WORKBOOKS + 2)
    region, _ = google_region(fake_sheets, offices, clock, interval=0)
    region.refresh()
    assert region.kept_workbook(offices[0].id) is None  # the first read are dropped: only 8 are kept
    fake_sheets.reset_counts()
    assert region.refresh().read == 0, "same day, nothing changed: nothing read"
    region.today = lambda: date(2023, 7, 1)
    report = region.refresh()
    assert report.read == 2 and _reads(fake_sheets) == 2, "the two not kept are read again; the kept recomputed"
    assert {s.day for s in region.snapshot()} == {date(2023, 7, 1)}


def test_an_office_view_reads_an_office_not_kept_at_most_once_per_interval(fake_sheets):  # noqa: F811
    from de_core.region import refresh as refresh_module

    clock = FakeClock()
    offices = put_offices(fake_sheets, refresh_module.KEPT_WORKBOOKS + 1)
    region, _ = google_region(fake_sheets, offices, clock, interval=600)
    region.refresh()
    first = offices[0]
    assert region.kept_workbook(first.id) is None
    fake_sheets.forbid(first.key)
    fake_sheets.reset_counts()
    assert region.workbook(first.id) is None and region.workbook(first.id) is None  # two sessions, one read
    assert _reads(fake_sheets) == 1 and region.office(first.id).problem.kind == NOT_SHARED
    clock.now += 600
    assert region.workbook(first.id) is None and _reads(fake_sheets) == 2
