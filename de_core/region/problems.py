"""Why an office could not be read, in words a regional officer can act on (Thai and English), and its kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from de_core.store.base import PermissionDenied, StoreError
from de_core.store.google.retry import api_status

NOT_SHARED, NOT_FOUND, QUOTA, BROKEN, UNAVAILABLE, NO_SOURCE = (
    "not_shared", "not_found", "quota", "broken", "unavailable", "no_source")


@dataclass(frozen=True)
class OfficeProblem:
    """The last failed read of an office: its kind, the message, when."""

    kind: str
    message_th: str
    message_en: str
    at: datetime

    def message(self, lang: str = "th") -> str:
        return self.message_th if lang == "th" else self.message_en


def problem_kind(exc: BaseException) -> str:
    """not_shared (403), not_found (404), quota (429), unavailable (network, 5xx), broken (anything else)."""
    status = api_status(exc.__cause__) if exc.__cause__ is not None else api_status(exc)
    if status == 429:
        return QUOTA
    if isinstance(exc, PermissionDenied) or status in (401, 403):
        return NOT_SHARED
    if status == 404:
        return NOT_FOUND
    if isinstance(exc, StoreError) and exc.retryable:
        return UNAVAILABLE
    return BROKEN


def problem_of(exc: BaseException, at: datetime) -> OfficeProblem:
    """The problem an exception of a read or of computing the figures stands for (never quotes a secret: store
    errors carry no key material, other exceptions are named by their type only)."""
    kind = problem_kind(exc)
    if isinstance(exc, StoreError) and kind != BROKEN:
        return OfficeProblem(kind, exc.message_th, exc.message_en, at)
    if isinstance(exc, StoreError):
        return OfficeProblem(kind, f"อ่านข้อมูลของสำนักงานไม่ได้: {exc.message_th}",
                             f"The office's data cannot be read: {exc.message_en}", at)
    name = type(exc).__name__
    return OfficeProblem(kind, f"ข้อมูลในชีตของสำนักงานคำนวณไม่ได้ ({name}): ตรวจหน้าข้อมูลที่ต้องแก้ของสำนักงาน",
                         f"The office's sheet could not be worked out ({name}): see the office's Data health", at)


def quota_problem(at: datetime) -> OfficeProblem:
    return OfficeProblem(QUOTA, "Google จำกัดจำนวนคำขอต่อนาที (โควตา): จะอ่านอีกครั้งในรอบถัดไป",
                         "Google's per-minute quota was reached: the office is read again in the next round", at)


def no_source(at: datetime) -> OfficeProblem:
    return OfficeProblem(NO_SOURCE, "ช่อง Google Sheet หรือไฟล์ ของสำนักงานนี้ไม่ใช่ URL หรือรหัสของชีต",
                         "The office's Google Sheet or file cell is no sheet URL or key", at)
