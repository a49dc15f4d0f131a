"""Who is the local editor: the person at the machine the app runs on, on its embedded workbook, with no sign-in
set up. Decided by the server's own configuration only; nothing a client sends (the URL it reports, its headers,
the query) can grant it, and a proxy's or tunnel's headers take it away."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping

#: headers a reverse proxy or tunnel adds: a connection that carries any of them was forwarded from elsewhere
PROXY_HEADERS = ("x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto", "via",
                 "cf-connecting-ip", "true-client-ip", "x-client-ip", "x-original-forwarded-for")


def loopback_address(address: object) -> bool:
    """Whether a server.address value binds loopback only ("127.0.0.1", "::1", "localhost"); unset (None or "")
    means every address, and so does "0.0.0.0"."""
    text = str(address or "").strip().strip("[]")
    if text.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


def forwarded(headers: Mapping[str, str]) -> bool:
    """Whether the request came through a proxy or tunnel (any of PROXY_HEADERS present, in any letter case)."""
    present = {str(name).strip().lower() for name, value in headers.items() if str(value).strip()}
    return any(name in present for name in PROXY_HEADERS)


def is_local_editor(bound_address: object, client_ip: str | None, headers: Mapping[str, str]) -> bool:
    """The server binds loopback only (so only this machine can connect), the connection's peer is loopback
    (Streamlit reports no client address then) and no proxy forwarded it. The caller also requires that no sign-in
    is configured and the store is the embedded one."""
    if not loopback_address(bound_address):
        return False
    if client_ip and not _is_loopback_ip(client_ip):
        return False
    return not forwarded(headers)


def _is_loopback_ip(text: str) -> bool:
    try:
        return ipaddress.ip_address(text.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def client_address(peer: str | None, headers: Mapping[str, str],
                   trusted: list[str] | tuple[str, ...]) -> str | None:
    """The address to count failed sign-ins against, or None when there is none worth counting.

    A direct connection: its peer ("127.0.0.1" when Streamlit reports none, i.e. loopback). Through a proxy
    listed as trusted ([proxy] trusted in secrets: addresses or networks): the nearest address it forwarded
    (X-Forwarded-For read from the right, skipping trusted hops, else X-Real-IP). Through a proxy not listed: None,
    since every visitor would share the proxy's address (five guesses by anyone would lock out everyone) and the
    forwarded addresses could be made up; the session and global limits still apply. Never used for rights."""
    address = (peer or "127.0.0.1").strip()
    networks = _networks(trusted)
    if not _within(address, networks):
        return None if forwarded(headers) else address
    lowered = {str(k).lower(): str(v) for k, v in headers.items()}
    hops = [h.strip() for h in lowered.get("x-forwarded-for", "").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _within(hop, networks):
            return hop
    real = lowered.get("x-real-ip", "").strip()
    return real or address


def _networks(trusted: list[str] | tuple[str, ...]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    found = []
    for item in trusted:
        try:
            found.append(ipaddress.ip_network(str(item).strip(), strict=False))
        except ValueError:
            continue  # a mistyped entry trusts nothing
    return found


def _within(address: str, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip in net for net in networks)
