"""The digest as plain text: what the command prints, the e-mail's text part and LINE's text fallback."""

from __future__ import annotations

from de_core.digest.model import Digest, Section
from de_core.display.i18n import translate
from de_core.thaidate import format_date

TEXT_LIMIT = 5000  # LINE: a text message holds at most 5,000 characters (UTF-16 code units)


def utf16_len(text: str) -> int:
    """Length as LINE counts it: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _section_lines(section: Section, lang: str) -> list[str]:
    lines = [section.title]
    if not section.items:
        lines.append(f"  {section.empty}" if section.empty else "")
    for item in section.items:
        lines.append(f"• {item.text}")
        if item.detail:
            lines.append(f"  {item.detail}")
    if section.more:
        lines.append(f"  {translate('digest.more', lang, n=section.more)}")
    if section.link and (section.more or (section.items and section.key in ("late", "due"))):
        lines.append(f"  {translate('digest.see_all', lang)}: {section.link}")
    return [line for line in lines if line]


def digest_text(digest: Digest, limit: int | None = None) -> str:
    """Title, period, the one-line summary, every section, then the links; cut to `limit` UTF-16 units (the links
    kept) when given."""
    lang = digest.lang
    head = [digest.title + (f" · {digest.office}" if digest.office else ""), digest.subtitle, digest.headline,
            translate("digest.since", lang, date=format_date(digest.since, lang))]
    body: list[str] = []
    for section in digest.sections:
        body += ["", *_section_lines(section, lang)]
    tail = [""]
    if digest.app_link:
        tail.append(f"{translate('digest.open_app', lang)}: {digest.app_link}")
        tail.append(f"{translate('digest.meeting', lang)}: {digest.meeting_link}")
    text = "\n".join([*head, *body, *tail]).rstrip()
    if limit is None or utf16_len(text) <= limit:
        return text
    ending = "\n".join(["…", *tail]).rstrip()
    room = limit - utf16_len(ending) - 1
    cut = "\n".join([*head, *body])
    while utf16_len(cut) > room:  # each pass drops no more than the surplus (a character is 1 or 2 units)
        cut = cut[: len(cut) - max(1, (utf16_len(cut) - room + 1) // 2)]
    return f"{cut.rstrip()}\n{ending}"
