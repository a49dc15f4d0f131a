"""The read-only link a team shares with the regional office, and its QR code for a meeting room screen."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

import qrcode
from qrcode.constants import ERROR_CORRECT_M

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})


@dataclass(frozen=True)
class ShareLink:
    url: str
    host: str
    local_only: bool  # an address only this computer can open


def viewer_link(page_url: str | None, page_paths: Iterable[str], lang: str) -> ShareLink | None:
    """The link to the app's first page in a language, from the address of the page being viewed.

    Keeps scheme, host, port and the app's base path; drops the page name, any user:password, query and
    fragment, so nothing of the sender's session travels with the link. None when there is no address.
    """
    if not page_url:
        return None
    parts = urlsplit(page_url)
    if not parts.scheme or not parts.hostname:
        return None
    path = parts.path.rstrip("/")
    for page in sorted((p.strip("/") for p in page_paths if p.strip("/")), key=len, reverse=True):
        if path == f"/{page}" or path.endswith(f"/{page}"):
            path = path[: -len(page) - 1]
            break
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = f"{host}:{parts.port}" if parts.port else host
    url = urlunsplit((parts.scheme, netloc, f"{path}/", urlencode({"lang": lang}), ""))
    return ShareLink(url, parts.hostname, parts.hostname in LOCAL_HOSTS or parts.hostname.startswith("127."))


def qr_png(text: str, box_size: int = 16) -> bytes:
    """A black-on-white QR code PNG of the text, large enough to scan from the back of a meeting room."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=4)
    code.add_data(text)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    return out.getvalue()
