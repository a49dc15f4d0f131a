"""The digest as a LINE Flex message (one bubble) and its plain-text fallback, inside LINE's limits.

Limits from the Messaging API reference, each taken at its strictest reading where the documentation leaves room:
a bubble's JSON at most 30 KB (measured here with every non-ASCII character escaped, the largest way to count it,
against 30,000 bytes), altText at most 1,500 characters (held to 400, the older limit), a text message at most
5,000 characters, an action's label at most 20 characters and its URI at most 1,000. A digest too big for a bubble
shows fewer items per section; the full lists stay a tap away.
"""

from __future__ import annotations

import json
from typing import Any

from de_core.digest.model import SHOWN, Digest, Item, Section, one_line
from de_core.digest.text import TEXT_LIMIT, digest_text
from de_core.display.i18n import translate

BUBBLE_LIMIT = 30_000
ALT_TEXT_LIMIT = 400
LABEL_LIMIT = 20
URI_LIMIT = 1000
GREEN, INK, GREY, RED, LINK = "#1b5e20", "#14201a", "#5f6f64", "#c62828", "#0d47a1"


def json_size(container: dict[str, Any]) -> int:
    """Bytes of the container's JSON with every non-ASCII character escaped (\\uXXXX): the largest reading."""
    return len(json.dumps(container, ensure_ascii=True, separators=(",", ":")).encode("ascii"))


def _text(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "text", "text": text, "wrap": True, **style}


def _uri(label: str, uri: str) -> dict[str, Any]:
    return {"type": "uri", "label": one_line(label, LABEL_LIMIT), "uri": uri}


def _item(item: Item) -> list[dict[str, Any]]:
    out = [_text(f"• {item.text}", size="xs", color=RED if item.alert else INK, maxLines=3)]
    if item.detail:
        out.append(_text(item.detail, size="xxs", color=GREY, maxLines=2, margin="none"))
    return out


def _section(section: Section, lang: str) -> dict[str, Any]:
    late = section.key == "late" and section.total
    contents = [_text(section.title, size="sm", weight="bold", color=RED if late else GREEN)]
    if not section.items:
        contents.append(_text(section.empty or "–", size="xs", color=GREY))
    for item in section.items:
        contents += _item(item)
    if section.more or (section.link and section.items and section.key in ("late", "due")):
        words = [translate("digest.more", lang, n=section.more)] if section.more else []
        if section.link and len(section.link) <= URI_LIMIT:
            words.append(translate("digest.see_all", lang) + " ›")
            contents.append(_text(" · ".join(words), size="xxs", color=LINK,
                                  action=_uri(translate("digest.see_all", lang), section.link)))
        elif words:
            contents.append(_text(words[0], size="xxs", color=GREY))
    return {"type": "box", "layout": "vertical", "spacing": "xs", "contents": contents}


def _bubble(digest: Digest) -> dict[str, Any]:
    lang = digest.lang
    header = [_text(digest.title, size="md", weight="bold", color="#ffffff")]
    if digest.office:
        header.append(_text(digest.office, size="xs", color="#e8f5e9"))
    header.append(_text(digest.subtitle, size="xxs", color="#c8e6c9"))
    body: list[dict[str, Any]] = [_text(digest.headline, size="sm", weight="bold", color=INK)]
    for section in digest.sections:
        body += [{"type": "separator", "margin": "md"}, _section(section, lang)]
    bubble: dict[str, Any] = {
        "type": "bubble", "size": "mega",
        "header": {"type": "box", "layout": "vertical", "backgroundColor": GREEN, "paddingAll": "16px",
                   "spacing": "xs", "contents": header},
        "body": {"type": "box", "layout": "vertical", "spacing": "md", "contents": body},
    }
    if digest.app_link and len(digest.meeting_link) <= URI_LIMIT:
        bubble["footer"] = {"type": "box", "layout": "vertical", "spacing": "sm", "contents": [
            {"type": "button", "style": "primary", "color": GREEN, "height": "sm",
             "action": _uri(translate("digest.open_app", lang), digest.app_link)},
            {"type": "button", "style": "secondary", "height": "sm",
             "action": _uri(translate("digest.meeting", lang), digest.meeting_link)}]}
    return bubble


def alt_text(digest: Digest) -> str:
    """What the notification and the chat list show: title, office and the one-line summary."""
    return one_line(" · ".join(p for p in (digest.title, digest.office, digest.headline) if p), ALT_TEXT_LIMIT)


def flex_message(digest: Digest) -> dict[str, Any]:
    """The digest as one Flex message; fewer items per section while its bubble is over BUBBLE_LIMIT."""
    for shown in range(SHOWN, -1, -1):
        bubble = _bubble(digest.shortened(shown))
        if json_size(bubble) <= BUBBLE_LIMIT:
            break
    return {"type": "flex", "altText": alt_text(digest), "contents": bubble}


def text_message(digest: Digest) -> dict[str, Any]:
    """The plain-text fallback: the whole digest as text, cut to LINE's 5,000 characters with the links kept."""
    return {"type": "text", "text": digest_text(digest, TEXT_LIMIT)}
