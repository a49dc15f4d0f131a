"""The region of this server, built from the secrets: the regional workbook (a Google Sheet, a .sqlite file, or the
demo region when [region] names none), the offices' sources read-only, the Drive listing, the pacer."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import gspread

from de_core.ops.region_demo import demo_office_workbook, demo_offices
from de_core.region.offices import GOOGLE, Office, offices_from, region_schema, skipped_rows, source_kind
from de_core.region.pacer import Pacer
from de_core.region.refresh import Region
from de_core.region.settings import RegionSettings, region_settings
from de_core.region.sources import GoogleOffices, file_version, read_only_client, reader
from de_core.sheet.raw import RawWorkbook
from de_core.store.base import StoreError
from de_core.store.google.auth import gsheets_section
from de_core.store.google.book import spreadsheet_key
from de_core.store.local import SQLiteStore
from de_core.store.postgres.settings import psycopg_needed

ClientFactory = Callable[[Mapping[str, Any]], gspread.Client]


OWN_OFFICE = "own"


def own_office(path: Path) -> Office:
    """This server's own embedded office beside the demo region's (its name is its settings row's)."""
    return Office(OWN_OFFICE, "", "", str(path), "", 1)


def _regional_offices(settings: RegionSettings, google: GoogleOffices | None,
                      own: Path | None = None) -> Callable[[], list[Office]]:
    """How a pass reads the list of offices: the demo's (after this server's own embedded office, when it is one),
    a .sqlite regional workbook, or a Google Sheet (one paced request)."""
    if settings.is_demo:
        mine = [own_office(own)] if own is not None and source_kind(str(own)) != GOOGLE else []
        return lambda: mine + demo_offices()
    if source_kind(settings.workbook) != GOOGLE:
        path = Path(settings.workbook)

        def from_file() -> RawWorkbook:
            if not path.is_file():
                raise StoreError(f"ไม่พบไฟล์สมุดงานของเขต «{path.name}»", f"No regional workbook file «{path.name}»")
            return SQLiteStore(path, schema=region_schema()).read_all()

        return OfficeList(from_file)
    if google is None:
        raise StoreError("สมุดงานของเขตเป็น Google Sheet แต่ยังไม่ได้ใส่บัญชีบริการใน [connections.gsheets]",
                         "The regional workbook is a Google Sheet but [connections.gsheets] has no service account")
    sheet = Office("region", "region", "", spreadsheet_key(settings.workbook))
    return OfficeList(lambda: google.read(sheet))


def postgres_reader(settings: RegionSettings) -> Callable[[str], RawWorkbook] | None:
    """Reading postgresql:<office> sources through one regional session of the PostgreSQL store ([region]
    postgresql and postgresql_region; the pool is made on the first read, psycopg imported only then)."""
    if not settings.postgresql or not settings.postgresql_region:
        return None
    pools: list[Any] = []
    lock = threading.Lock()

    def read(office: str) -> RawWorkbook:
        with psycopg_needed():
            from de_core.store.postgres.connect import office_pool
            from de_core.store.postgres.regional import read_offices
        with lock:
            if not pools:
                pools.append(office_pool(settings.postgresql, region=settings.postgresql_region, min_size=1,
                                         max_size=2))
        found = read_offices(pools[0], [office])
        if office not in found:
            raise StoreError(f"สำนักงาน «{office}» ไม่อยู่ในเขต «{settings.postgresql_region}» ของฐานข้อมูล",
                             f"The office «{office}» is not in the region «{settings.postgresql_region}» of the "
                             "database", "ให้ผู้ดูแลฐานข้อมูลสั่ง de-dashboard region", "Ask the database's owner to "
                             "run de-dashboard region")
        return found[office]

    return read


class OfficeList:
    """The offices of the regional workbook, read on each pass; `skipped` names its rows left out (Data health)."""

    def __init__(self, read: Callable[[], RawWorkbook]):
        self.read = read
        self.skipped: list[int] = []

    def __call__(self) -> list[Office]:
        raw = self.read()
        self.skipped = skipped_rows(raw)
        return offices_from(raw)


def open_region(secrets: Mapping[str, Any], client_factory: ClientFactory = read_only_client,
                clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], Any] = time.sleep,
                today: Callable[[], date] = date.today, own: Path | None = None) -> Region:
    """The Region of these secrets (nothing is read until its first pass); the demo region (no [region]) shows
    `own`, this server's embedded workbook, first. The Google client is made only when the region has Google
    sources and a service account ([connections.gsheets], read-only scopes). Raises StoreError when the regional
    workbook is a Google Sheet without a service account."""
    settings = region_settings(secrets)
    pacer = Pacer(settings.reads_per_minute, clock=clock, sleep=sleep)
    fields = gsheets_section(secrets)
    google = None
    if not settings.is_demo and fields.get("client_email"):
        google = GoogleOffices(client_factory(fields), pacer, settings.drive_folder)
    listing = google.listing if google is not None and settings.drive_folder else None
    read = reader(google, demo_office_workbook, postgres=postgres_reader(settings))
    return Region(_regional_offices(settings, google, own), read, listing=listing,
                  local_version=file_version, interval=settings.interval, pacer=pacer, clock=clock, today=today)
