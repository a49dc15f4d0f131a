"""Configuring the Google backend: each failure a person can cause gets a Thai and an English message."""

from __future__ import annotations

import json

import gspread
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from gspread.http_client import BackOffHTTPClient, HTTPClient

from de_core.store import PermissionDenied, SchemaMismatch, StoreError
from de_core.store.google.auth import client_from_service_account, load_key_file
from de_ui.google import google_store
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY
from tests.integration.gsheets_support import google_store as fake_store

EMAIL = "de-dashboard@sujarit-demo.iam.gserviceaccount.com"
SECRET_TEXT = "NOT-A-REAL-KEY-but-secret-looking-0123456789"


@pytest.fixture(scope="module")
def pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


@pytest.fixture
def account(pem) -> dict[str, str]:
    """Service-account fields laid out like streamlit/gsheets-connection's secrets."""
    return {"type": "service_account", "project_id": "sujarit-demo", "private_key_id": "abc123", "private_key": pem,
            "client_email": EMAIL, "client_id": "1234567890", "auth_uri": "https://accounts.google.com/o/oauth2/auth",
            "token_uri": "https://oauth2.googleapis.com/token"}


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    return fake_sheets


def _secrets(spreadsheet: str, **fields: str) -> dict:
    return {"connections": {"gsheets": {"spreadsheet": spreadsheet, "worksheet": "0", **fields}}}


def _via_fake(srv):
    return lambda _section: fake_client(srv.base_url, timeout=3)


def test_a_sheet_not_shared_with_the_service_account_names_its_email_and_the_fix(srv, account):
    fake_store(srv)
    srv.forbid(KEY)
    store = google_store(_secrets(f"https://docs.google.com/spreadsheets/d/{KEY}/edit", **account), _via_fake(srv))
    with pytest.raises(PermissionDenied) as err:
        store.read_all()
    assert f"ชีตนี้ยังไม่ได้แชร์ให้บัญชีบริการ {EMAIL}" in err.value.message_th
    assert "แชร์" in err.value.message_th and "เพิ่มอีเมลนี้เป็นผู้แก้ไข" in err.value.message_th
    assert EMAIL in err.value.message_en and "Share" in err.value.message_en


def test_a_wrong_key_says_the_sheet_was_not_found(srv, account):
    fake_store(srv)
    store = google_store(_secrets("no-such-sheet", **account), _via_fake(srv))
    with pytest.raises(StoreError) as err:
        store.read_all()
    assert "ไม่พบ Google Sheet" in err.value.message_th and "no-such-sheet" in err.value.message_th
    assert "key or URL is wrong" in err.value.message_en and "URL" in err.value.hint_th


@pytest.mark.parametrize("field", ["private_key", "client_email", "token_uri", "type"])
def test_a_key_without_a_required_field_names_the_field(account, field):
    del account[field]
    with pytest.raises(StoreError) as err:
        google_store(_secrets(KEY, **account))
    assert "ไฟล์กุญแจบริการ (service account) ไม่ถูกต้อง" in err.value.message_th
    assert field in err.value.message_th and field in err.value.message_en
    assert "secrets.toml" in err.value.hint_th


def test_an_unreadable_private_key_is_reported_without_echoing_it(account):
    account["private_key"] = f"-----BEGIN PRIVATE KEY-----\n{SECRET_TEXT}\n-----END PRIVATE KEY-----\n"
    with pytest.raises(StoreError) as err:
        client_from_service_account(account)
    texts = [err.value.message_th, err.value.message_en, err.value.hint_th, err.value.hint_en, str(err.value)]
    assert "private_key" in err.value.message_en and all(SECRET_TEXT not in t for t in texts)
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_a_key_of_another_type_is_refused(account):
    account["type"] = "authorized_user"
    with pytest.raises(StoreError) as err:
        client_from_service_account(account)
    assert "service_account" in err.value.message_en


def test_a_good_key_gives_a_client_without_endless_backoff_and_with_a_timeout(account):
    client = client_from_service_account(account)
    assert isinstance(client, gspread.Client) and type(client.http_client) is HTTPClient
    assert not isinstance(client.http_client, BackOffHTTPClient) and client.http_client.timeout == 30
    assert client.http_client.auth.service_account_email == EMAIL
    assert "https://www.googleapis.com/auth/spreadsheets" in client.http_client.auth.scopes


def test_a_key_pasted_with_literal_backslash_n_still_works(account):
    account["private_key"] = account["private_key"].replace("\n", "\\n")
    assert client_from_service_account(account).http_client.auth.service_account_email == EMAIL


def test_the_store_built_from_secrets_accepts_a_url_and_fetches_nothing_until_read(srv, account):
    fake_store(srv)
    srv.reset_counts()
    store = google_store(_secrets(f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0", **account),
                         _via_fake(srv))
    assert store.key == KEY and store.account == EMAIL and srv.count() == 0
    assert "ค่าใช้จ่าย" in store.read_all().tabs


def test_no_spreadsheet_in_secrets_is_a_clear_message(account):
    with pytest.raises(StoreError) as err:
        google_store({"connections": {"gsheets": account}})
    assert "spreadsheet" in err.value.message_th and "[connections.gsheets]" in err.value.message_en


def test_a_missing_tab_is_named_in_thai_and_english(srv):
    srv.add_spreadsheet(KEY, sheets={"ตั้งค่า": [["รหัส", "ปีงบประมาณ"]]})
    store = fake_store(srv, create=False)
    with pytest.raises(SchemaMismatch) as err:
        store.update("kpis", "kpi-1", {"note": "x"})
    assert "ไม่พบแท็บ «ตัวชี้วัด KPI»" in err.value.message_th and "KPIs" in err.value.message_en


def test_a_renamed_header_is_named_in_thai_and_english(srv):
    store = fake_store(srv)
    srv.rename_header(KEY, "ค่าใช้จ่าย", "จำนวนเงิน", "ยอดเงินบาท")
    with pytest.raises(SchemaMismatch) as err:
        store.append("expenses", [{"id": "exp-1", "amount": "5"}])
    assert "ไม่มีคอลัมน์ «จำนวนเงิน»" in err.value.message_th and "no column «จำนวนเงิน»" in err.value.message_en


def test_a_key_file_that_is_missing_or_not_json_is_reported(tmp_path):
    with pytest.raises(StoreError) as err:
        load_key_file(tmp_path / "nope.json")
    assert "ไฟล์กุญแจบริการ" in err.value.message_th
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        load_key_file(bad)
    assert "JSON" in err.value.message_en
    good = tmp_path / "key.json"
    good.write_text(json.dumps({"type": "service_account"}), encoding="utf-8")
    assert load_key_file(good)["type"] == "service_account"
