"""Private helpers shared by de_core.sheet.parse and de_core.sheet._parse_dates: the BadCell error and input preparation."""

from __future__ import annotations

from de_core.sheet.text import normalize, thai_digits_to_arabic

#: Cells that mean "nothing here" for every parser except parse_baht (where they mean 0).
BLANK_MARKS = frozenset({"-", "–", "—"})
#: Longest cell text the short-value parsers look at (numbers, dates, enums); longer is a BadCell.
MAX_SHORT = 200
_ECHO = 40


class BadCell(ValueError):
    """A cell that cannot be read. Carries Thai and English messages (and an optional hint)."""

    def __init__(self, message_th: str, message_en: str, hint_th: str = "", hint_en: str = "") -> None:
        super().__init__(message_th, message_en, hint_th, hint_en)
        self.message_th = message_th
        self.message_en = message_en
        self.hint_th = hint_th
        self.hint_en = hint_en

    def message(self, lang: str = "th") -> str:
        """The message in one language, with its hint after it when there is one."""
        msg, hint = (self.message_en, self.hint_en) if lang == "en" else (self.message_th, self.hint_th)
        return f"{msg} — {hint}" if hint else msg

    def __str__(self) -> str:
        return f"{self.message('th')} / {self.message('en')}"


def show(raw: object) -> str:
    """A raw value quoted for a message, on one line and cut to about 40 characters: «abc»."""
    text = normalize(raw if isinstance(raw, str) else str(raw))
    if len(text) > _ECHO:
        text = text[: _ECHO - 1] + "…"
    return f"«{text}»"


def as_text(raw: object) -> str:
    """The cell as str: None -> "", other non-str values through str() (defensive; stores give str)."""
    if raw is None:
        return ""
    return raw if isinstance(raw, str) else str(raw)


def prep(raw: object, *, limit: int = MAX_SHORT) -> str | None:
    """Normalised text with Arabic digits, or None for a blank cell ("", "-", "–", "—").

    Raises BadCell when the text is longer than `limit` characters.
    """
    s = thai_digits_to_arabic(normalize(as_text(raw)))
    if not s or s in BLANK_MARKS:
        return None
    if len(s) > limit:
        raise BadCell(
            f"ข้อความยาวเกินไป ({len(s):,} ตัวอักษร): {show(s)}",
            f"Too long ({len(s):,} characters): {show(s)}",
        )
    return s
