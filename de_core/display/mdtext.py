"""Sheet text made inert for Streamlit's Markdown-based elements: no links, images, emphasis or HTML."""

from __future__ import annotations

import re

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md_escape(text: object) -> str:
    """Every Markdown character escaped, so the text shows exactly as typed (None → "")."""
    return MD_SPECIAL.sub(r"\\\1", str(text) if text is not None else "")


def md_escape_line(text: object) -> str:
    """md_escape with runs of white space (incl. line breaks) folded to one space: for one-line labels."""
    return md_escape(" ".join(str(text or "").split()))


def md_escape_lines(text: str) -> str:
    """md_escape per line, line breaks kept as Markdown hard breaks (for table cells)."""
    return "  \n".join(md_escape(line) for line in text.split("\n"))
