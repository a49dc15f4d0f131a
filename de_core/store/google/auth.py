"""A gspread client from service-account fields (secrets or a JSON key file), without endless retries."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import gspread
from google.oauth2.service_account import Credentials
from gspread.http_client import HTTPClient

from de_core.store.base import StoreError

SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)
REQUIRED = ("type", "client_email", "private_key", "token_uri")
SERVICE_ACCOUNT_FIELDS = (
    "type", "project_id", "private_key_id", "private_key", "client_email", "client_id", "auth_uri", "token_uri",
    "auth_provider_x509_cert_url", "client_x509_cert_url", "universe_domain",
)
DEFAULT_TIMEOUT = 30.0


def gsheets_section(secrets: Mapping[str, Any]) -> dict[str, Any]:
    """The [connections.gsheets] section of the secrets (streamlit/gsheets-connection's layout), or {}."""
    return dict((secrets.get("connections") or {}).get("gsheets") or {})


def bad_key(detail_th: str, detail_en: str) -> StoreError:
    """The service-account key material is unusable (never quotes the key itself)."""
    return StoreError(
        f"ไฟล์กุญแจบริการ (service account) ไม่ถูกต้อง: {detail_th}",
        f"The service account key is not valid: {detail_en}",
        "ดาวน์โหลดกุญแจ JSON ของบัญชีบริการจาก Google Cloud Console แล้วคัดลอกทุกช่องลงใน [connections.gsheets] "
        "ของ .streamlit/secrets.toml (ดูตัวอย่างใน .streamlit/secrets.toml.example)",
        "Download the service account's JSON key from the Google Cloud Console and copy every field into "
        "[connections.gsheets] of .streamlit/secrets.toml (see .streamlit/secrets.toml.example)",
    )


def service_account_info(fields: Mapping[str, Any]) -> dict[str, str]:
    """The service-account fields of a secrets section, checked. Raises StoreError naming what is missing."""
    info = {k: str(fields[k]) for k in SERVICE_ACCOUNT_FIELDS if fields.get(k) not in (None, "")}
    missing = [k for k in REQUIRED if not info.get(k, "").strip()]
    if missing:
        names = ", ".join(missing)
        raise bad_key(f"ไม่มีช่อง {names}", f"missing field(s) {names}")
    if info["type"] != "service_account":
        raise bad_key(f"type ต้องเป็น service_account (ได้ «{info['type']}»)",
                      f"type must be service_account (got «{info['type']}»)")
    key = info["private_key"]
    if "\\n" in key and "\n" not in key:  # pasted with literal \n escapes
        info["private_key"] = key.replace("\\n", "\n")
    return info


def client_from_service_account(info: Mapping[str, Any], timeout: float = DEFAULT_TIMEOUT) -> gspread.Client:
    """A gspread.Client on the plain HTTPClient (our retries are bounded) with a request time-out.

    Raises StoreError ("ไฟล์กุญแจบริการ (service account) ไม่ถูกต้อง") for missing fields or an unreadable key.
    """
    checked = service_account_info(info)
    try:
        creds = Credentials.from_service_account_info(checked, scopes=list(SCOPES))
    except (ValueError, TypeError, IndexError) as exc:
        raise bad_key("อ่าน private_key ไม่ได้ (ต้องขึ้นต้นด้วย -----BEGIN PRIVATE KEY-----)",
                      f"private_key cannot be read ({type(exc).__name__}); it must start with "
                      "-----BEGIN PRIVATE KEY-----") from None
    client = gspread.Client(auth=creds, http_client=HTTPClient)
    client.set_timeout(timeout)
    return client


def load_key_file(path: str | Path) -> dict[str, Any]:
    """The fields of a service-account JSON key file. Raises StoreError when it cannot be read."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise bad_key(f"เปิดไฟล์ {path} ไม่ได้", f"cannot open {path} ({type(exc).__name__})") from None
    except ValueError:
        raise bad_key(f"ไฟล์ {path} ไม่ใช่ JSON", f"{path} is not JSON") from None
    if not isinstance(data, dict):
        raise bad_key(f"ไฟล์ {path} ไม่ใช่กุญแจ JSON", f"{path} is not a JSON key")
    return data
