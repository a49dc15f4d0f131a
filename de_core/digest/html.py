"""The digest as the HTML part of an e-mail: a plain table layout with inline styles (what mail clients keep), every
sheet text escaped, links only to the app's own address."""

from __future__ import annotations

from html import escape

from de_core.digest.flex import GREEN, GREY, INK, LINK, RED
from de_core.digest.model import Digest, Section
from de_core.display.i18n import translate
from de_core.thaidate import format_date

FONT = "font-family:Sarabun,'Noto Sans Thai',Tahoma,sans-serif"


def _link(label: str, href: str) -> str:
    return f'<a href="{escape(href, quote=True)}" style="color:{LINK}">{escape(label)}</a>'


def _section(section: Section, lang: str) -> str:
    colour = RED if section.key == "late" and section.total else GREEN
    rows = [f'<h3 style="margin:16px 0 4px;font-size:15px;color:{colour}">{escape(section.title)}</h3>']
    if not section.items:
        rows.append(f'<p style="margin:0;color:{GREY};font-size:13px">{escape(section.empty or "–")}</p>')
    else:
        rows.append('<ul style="margin:0;padding-left:20px">')
        for item in section.items:
            detail = f'<br><span style="color:{GREY};font-size:12px">{escape(item.detail)}</span>' if item.detail else ""
            rows.append(f'<li style="margin:2px 0;font-size:14px;color:{RED if item.alert else INK}">'
                        f"{escape(item.text)}{detail}</li>")
        rows.append("</ul>")
    tail = [escape(translate("digest.more", lang, n=section.more))] if section.more else []
    if section.link and (section.more or (section.items and section.key in ("late", "due"))):
        tail.append(_link(translate("digest.see_all", lang), section.link))
    if tail:
        rows.append(f'<p style="margin:2px 0 0;font-size:12px;color:{GREY}">{" · ".join(tail)}</p>')
    return "\n".join(rows)


def digest_html(digest: Digest) -> str:
    """A whole HTML document (lang attribute, UTF-8) for the e-mail's HTML part."""
    lang = digest.lang
    parts = [
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(digest.subject)}</title></head>",
        f'<body style="margin:0;padding:16px;background:#ffffff;{FONT};color:{INK}">',
        '<div style="max-width:600px;margin:0 auto">',
        f'<div style="background:{GREEN};color:#ffffff;padding:16px;border-radius:6px">'
        f'<div style="font-size:18px;font-weight:bold">{escape(digest.title)}</div>'
        + (f'<div style="font-size:14px">{escape(digest.office)}</div>' if digest.office else "")
        + f'<div style="font-size:12px;opacity:.85">{escape(digest.subtitle)}</div></div>',
        f'<p style="font-size:14px;font-weight:bold;margin:12px 0 0">{escape(digest.headline)}</p>',
        f'<p style="font-size:12px;color:{GREY};margin:2px 0 0">'
        f'{escape(translate("digest.since", lang, date=format_date(digest.since, lang)))}</p>',
        *(_section(s, lang) for s in digest.sections),
    ]
    if digest.app_link:
        parts.append(f'<p style="margin:20px 0 0;font-size:14px">{_link(translate("digest.open_app", lang), digest.app_link)}'
                     f' · {_link(translate("digest.meeting", lang), digest.meeting_link)}</p>')
    parts.append(f'<p style="margin:20px 0 0;font-size:11px;color:{GREY}">{escape(translate("digest.footer", lang))}</p>')
    parts.append("</div></body></html>")
    return "\n".join(parts)
