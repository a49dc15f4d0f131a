"""The fake's Drive files.list and its quotas, as real gspread and requests see them (Google's shapes)."""

from __future__ import annotations

import pytest
from gspread.exceptions import APIError

from de_core.region import drive
from de_core.region.drive import list_folder
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.region_support import FOLDER, token_client


def test_the_folder_listing_pages_with_next_page_token(fake_sheets, monkeypatch):  # noqa: F811
    for n in range(7):
        fake_sheets.add_spreadsheet(f"k{n}", f"office {n}")
        fake_sheets.drive.put(f"k{n}", f"office {n}", FOLDER)
    fake_sheets.add_spreadsheet("elsewhere", "other")
    fake_sheets.drive.put("elsewhere", "other", "another-folder")
    monkeypatch.setattr(drive, "PAGE_SIZE", 3)
    listed = list_folder(token_client(fake_sheets).http_client, FOLDER)
    assert sorted(listed) == [f"k{n}" for n in range(7)]
    assert fake_sheets.count("drive.files.list") == 3
    assert all(stamp.endswith("Z") and "T" in stamp for stamp in listed.values())


def test_a_write_moves_the_modified_time(fake_sheets):  # noqa: F811
    fake_sheets.add_spreadsheet("k", "office", {"ตั้งค่า": [["รหัส"]]})
    fake_sheets.drive.put("k", "office", FOLDER)
    before = fake_sheets.drive.modified("k")
    token_client(fake_sheets).open_by_key("k").sheet1.update([["x"]], range_name="B1")
    assert fake_sheets.drive.modified("k") > before


def test_a_trashed_sheet_is_not_listed(fake_sheets):  # noqa: F811
    fake_sheets.add_spreadsheet("k", "office")
    fake_sheets.drive.put("k", "office", FOLDER)
    fake_sheets.drive.trash("k")
    assert list_folder(token_client(fake_sheets).http_client, FOLDER) == {}


def test_the_per_user_quota_answers_429_resource_exhausted_like_google(fake_sheets):  # noqa: F811
    fake_sheets.add_spreadsheet("k", "office")
    fake_sheets.quota.configure(per_user=2, per_project=300, clock=lambda: 0.0)
    client = token_client(fake_sheets, "user-a")
    client.http_client.fetch_sheet_metadata("k")
    client.http_client.fetch_sheet_metadata("k")
    with pytest.raises(APIError) as caught:
        client.http_client.fetch_sheet_metadata("k")
    error = caught.value.response.json()["error"]
    assert caught.value.response.status_code == 429 and error["status"] == "RESOURCE_EXHAUSTED"
    assert "Read requests per minute per user" in error["message"]
    assert error["details"][0]["reason"] == "RATE_LIMIT_EXCEEDED"
    token_client(fake_sheets, "user-b").http_client.fetch_sheet_metadata("k")  # another user has its own


def test_the_per_project_quota_counts_every_user(fake_sheets):  # noqa: F811
    fake_sheets.add_spreadsheet("k", "office")
    fake_sheets.quota.configure(per_user=60, per_project=3, clock=lambda: 0.0)
    for user in ("a", "b", "c"):
        token_client(fake_sheets, user).http_client.fetch_sheet_metadata("k")
    with pytest.raises(APIError) as caught:
        token_client(fake_sheets, "d").http_client.fetch_sheet_metadata("k")
    assert "'Read requests per minute'" in caught.value.response.json()["error"]["message"]


def test_the_quota_window_slides_with_the_clock(fake_sheets):  # noqa: F811
    now = [0.0]
    fake_sheets.add_spreadsheet("k", "office")
    fake_sheets.quota.configure(per_user=1, per_project=300, clock=lambda: now[0])
    client = token_client(fake_sheets)
    client.http_client.fetch_sheet_metadata("k")
    now[0] = 59.9
    with pytest.raises(APIError):
        client.http_client.fetch_sheet_metadata("k")
    now[0] = 60.0
    client.http_client.fetch_sheet_metadata("k")
