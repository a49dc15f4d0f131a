"""One Drive request lists the modified time of every sheet in the offices' shared folder (Drive API v3 files.list).

GET https://www.googleapis.com/drive/v3/files with q="'<folder>' in parents and trashed = false",
fields="nextPageToken, files(id, name, modifiedTime)" and pageSize=1000: a folder of up to 1,000 sheets is one
request (more: one per 1,000, following nextPageToken). Needs the Drive API enabled in the project and the scope
https://www.googleapis.com/auth/drive.metadata.readonly; it costs Drive quota, not Sheets quota.
"""

from __future__ import annotations

from typing import Any

from de_core.store.google.retry import RetryPolicy, with_retry

FILES_URL = "https://www.googleapis.com/drive/v3/files"
FIELDS = "nextPageToken, files(id, name, modifiedTime)"
PAGE_SIZE = 1000
MAX_PAGES = 50


def folder_query(folder_id: str) -> str:
    """The files.list query of the folder's files (the id quoted, its quotes and backslashes escaped)."""
    quoted = folder_id.replace("\\", "\\\\").replace("'", "\\'")
    return f"'{quoted}' in parents and trashed = false"


def list_folder(http_client: Any, folder_id: str, policy: RetryPolicy | None = None) -> dict[str, str]:
    """Spreadsheet id → modifiedTime (RFC 3339) of every file in the folder, following nextPageToken.

    Raises StoreError (PermissionDenied when the folder is not shared with the account or the Drive API is off,
    StoreUnavailable after retries)."""
    out: dict[str, str] = {}
    params: dict[str, Any] = {"q": folder_query(folder_id), "fields": FIELDS, "pageSize": PAGE_SIZE,
                              "supportsAllDrives": "true", "includeItemsFromAllDrives": "true"}
    policy = policy or RetryPolicy(max_total_seconds=20, max_attempts=4)
    for _ in range(MAX_PAGES):
        page = with_retry(lambda p=dict(params): http_client.request("get", FILES_URL, params=p).json(),
                          policy=policy, key=folder_id)
        for item in page.get("files", []):
            out[str(item.get("id"))] = str(item.get("modifiedTime") or "")
        token = page.get("nextPageToken")
        if not token:
            break
        params["pageToken"] = token
    return out
