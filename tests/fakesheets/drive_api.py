"""Drive API v3 files.list as the regional refresh uses it: the spreadsheets of a shared folder with their modified
times, paged like Google pages it.

GET /drive/v3/files?q='<folder>' in parents and trashed = false&fields=...&pageSize=N&pageToken=T answers
{"kind": "drive#fileList", "files": [{"kind": "drive#file", "id", "name", "mimeType", "modifiedTime"}, ...],
"nextPageToken": ...} (nextPageToken only while more files follow; pageSize 1–1000, default 100). A spreadsheet's
modifiedTime (RFC 3339, UTC, milliseconds) moves on every write the fake applies to it, and on touch() (a person's
edit in the browser). A folder the caller cannot see lists nothing, as Drive's query does.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from .errors import SheetsError

SHEET_MIME = "application/vnd.google-apps.spreadsheet"
_PARENT = re.compile(r"'((?:[^'\\]|\\.)*)'\s+in\s+parents", re.IGNORECASE)
_TRASHED = re.compile(r"trashed\s*=\s*(true|false)", re.IGNORECASE)


@dataclass
class DriveFile:
    id: str
    name: str
    parents: list[str] = field(default_factory=list)
    modified: datetime = field(default_factory=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    trashed: bool = False

    def resource(self) -> dict:
        stamp = self.modified.strftime("%Y-%m-%dT%H:%M:%S.") + f"{self.modified.microsecond // 1000:03d}Z"
        return {"kind": "drive#file", "id": self.id, "name": self.name, "mimeType": SHEET_MIME, "modifiedTime": stamp}


class DriveFiles:
    """The files the fake's Drive knows: each spreadsheet put in a folder, its modified time."""

    def __init__(self) -> None:
        self.files: dict[str, DriveFile] = {}
        self.lock = threading.Lock()
        self._tick = datetime(2026, 1, 1, tzinfo=UTC)

    def _next_time(self) -> datetime:
        self._tick += timedelta(milliseconds=1)  # strictly later on every change, whatever the wall clock
        return max(self._tick, datetime.now(UTC))

    def put(self, key: str, name: str, folder: str) -> None:
        """Put the spreadsheet `key` in `folder` (created now)."""
        with self.lock:
            self.files[key] = DriveFile(key, name, [folder], self._next_time())

    def touch(self, key: str) -> None:
        """The spreadsheet changed (a write, a person's edit): its modifiedTime moves on."""
        with self.lock:
            if key in self.files:
                self.files[key].modified = self._next_time()

    def trash(self, key: str) -> None:
        with self.lock:
            if key in self.files:
                self.files[key].trashed = True

    def modified(self, key: str) -> str:
        with self.lock:
            return self.files[key].resource()["modifiedTime"]

    def files_list(self, query: dict[str, list[str]]) -> dict:
        """One page of files.list (see the module's doc). Raises SheetsError 400 on a bad pageSize or token."""
        q = (query.get("q") or [""])[0]
        size_text = (query.get("pageSize") or ["100"])[0]
        if not size_text.isdigit() or not 1 <= int(size_text) <= 1000:
            raise SheetsError(400, f"Invalid value '{size_text}'. Values must be within the range: [1, 1000]")
        token = (query.get("pageToken") or ["0"])[0]
        if not token.isdigit():
            raise SheetsError(400, "Invalid Value")
        parent = _PARENT.search(q)
        trashed = _TRASHED.search(q)
        with self.lock:
            found = [f for f in self.files.values()
                     if (parent is None or parent.group(1).replace("\\'", "'") in f.parents)
                     and (trashed is None or f.trashed == (trashed.group(1).lower() == "true"))]
            found.sort(key=lambda f: f.id)
            start, size = int(token), int(size_text)
            page = [f.resource() for f in found[start:start + size]]
        out: dict = {"kind": "drive#fileList", "incompleteSearch": False, "files": page}
        if start + size < len(found):
            out["nextPageToken"] = str(start + size)
        return out
