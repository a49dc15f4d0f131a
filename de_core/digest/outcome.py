"""What became of one send: sent, failed (certainly not delivered, so a later run may try again) or unknown (it may
have been delivered: never repeated, except to LINE within a day, where the same retry key makes LINE drop a
repeat)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["sent", "failed", "unknown"]


@dataclass(frozen=True)
class Delivery:
    status: Status
    request_id: str = ""  # LINE's x-line-request-id (or the accepted request's id), the e-mail's Message-ID
    attempts: int = 0
    code: int | None = None  # the last HTTP or SMTP reply code
    note_th: str = ""
    note_en: str = ""

    def note(self, lang: str = "th") -> str:
        return self.note_th if lang == "th" else self.note_en
