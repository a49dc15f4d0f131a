"""Sheet text made inert for Streamlit's Markdown-based elements: no links, images, emphasis, HTML, LaTeX, entities,
directives, emoji or icons; the text shows exactly as typed.

A backslash stops what Markdown reads as syntax (emphasis, links, `$…$`, `:red[…]`, entities, setext lines). Three
things Streamlit finds in the text after the backslashes are gone, so a backslash does not stop them: GFM's literal
autolinks (`https://…`, `www.…`, `name@host.tld`), emoji shortcodes (`:smile:`) and icons (`:material/…:`). They
get an invisible WORD JOINER (U+2060) where the renderer looks: before the link or the e-mail address (an autolink
must follow a space or punctuation) and after the colon of a shortcode. Leading spaces of a line are dropped (four
would make a code block; HTML does not show them anyway).
"""

from __future__ import annotations

import re

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=])")
JOINER = "\u2060"  # WORD JOINER: invisible, zero width, not whitespace or punctuation
_AUTOLINK = re.compile(r"(?:https?:|www\.)|[-.+\w]+@", re.IGNORECASE | re.ASCII)
_SHORTCODE = re.compile(r":(?=material/|[\w+-]+:)", re.ASCII)
_INDENT = re.compile(r"(^|[\r\n])[ \t]+")


def md_escape(text: object) -> str:
    """Every Markdown character escaped, so the text shows exactly as typed (None → "")."""
    s = _INDENT.sub(r"\1", str(text) if text is not None else "")
    s = _SHORTCODE.sub(":" + JOINER, _AUTOLINK.sub(lambda m: JOINER + m.group(0), s))
    return MD_SPECIAL.sub(r"\\\1", s)


def md_escape_line(text: object) -> str:
    """md_escape with runs of white space (incl. line breaks) folded to one space: for one-line labels."""
    return md_escape(" ".join(str(text or "").split()))


def md_escape_lines(text: str) -> str:
    """md_escape per line, line breaks kept as Markdown hard breaks (for table cells)."""
    return "  \n".join(md_escape(line) for line in text.split("\n"))
