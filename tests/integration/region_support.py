"""A region of demo offices in the fake Sheets server: each office a spreadsheet in one shared Drive folder, read
through real gspread with its own OAuth token (one user to the fake's quota), on a simulated clock."""

from __future__ import annotations

from datetime import date

import gspread

from de_core.ops.region_demo import demo_office_workbook, demo_offices
from de_core.region.offices import Office
from de_core.region.pacer import Pacer
from de_core.region.refresh import Region
from de_core.region.sources import GoogleOffices, reader
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.integration.gsheets_support import FakeClock, sheets_from_raw

FOLDER = "region-folder-1"
TOKEN = "region-service-account"


def token_client(srv: FakeSheetsServer, token: str = TOKEN, timeout: float = 15) -> gspread.Client:
    """A real gspread client to the fake whose every request carries `token` (one user for the quota)."""
    client = fake_client(srv.base_url, timeout=timeout)
    client.http_client.session.headers["Authorization"] = f"Bearer {token}"
    return client


def put_offices(srv: FakeSheetsServer, count: int, folder: str = FOLDER) -> list[Office]:
    """`count` demo offices, each a spreadsheet of the fake in the folder; the offices' rows point at them."""
    offices = []
    for office in demo_offices(count):
        key = f"sheet-{office.id}"
        srv.add_spreadsheet(key, office.name, sheets_from_raw(demo_office_workbook(office.source)))
        srv.drive.put(key, office.name, folder)
        offices.append(Office(office.id, office.name, office.area, f"https://docs.google.com/spreadsheets/d/{key}/edit"))
    return offices


def google_region(srv: FakeSheetsServer, offices: list[Office], clock: FakeClock, per_minute: int = 50,
                  interval: float = 900.0, token: str = TOKEN) -> tuple[Region, GoogleOffices]:
    """A Region over the fake: the folder listing, paced reads on the simulated clock."""
    pacer = Pacer(per_minute, clock=clock.clock, sleep=clock.sleep)
    google = GoogleOffices(token_client(srv, token), pacer, FOLDER)
    region = Region(lambda: list(offices), reader(google, demo_office_workbook), listing=google.listing,
                    interval=interval, pacer=pacer, clock=clock.clock, today=lambda: date(2023, 6, 30))
    return region, google


def delete_spreadsheet(srv: FakeSheetsServer, key: str) -> None:
    """The office deleted its sheet: the API answers 404 and Drive lists it no more."""
    with srv._lock:
        srv._books.pop(key, None)
    srv.drive.trash(key)
