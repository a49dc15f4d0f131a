"""Who is the local editor (the server's own binding decides; a client's URL or headers never grant it) and which
address failed sign-ins count against (a trusted proxy's forwarded address, never a made-up one)."""

from __future__ import annotations

import pytest

from de_core.writing.local_editor import client_address, is_local_editor, loopback_address


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_a_server_bound_to_loopback_only_is_local(address):
    assert loopback_address(address)
    assert is_local_editor(address, None, {})


@pytest.mark.parametrize("address", [None, "", "0.0.0.0", "::", "192.168.1.20", "de.example.go.th", "10.0.0.5"])
def test_a_server_bound_to_every_or_a_network_address_never_has_a_local_editor(address):
    assert not loopback_address(address)
    assert not is_local_editor(address, None, {"Host": "localhost:8501", "Origin": "http://localhost:8501"})


@pytest.mark.parametrize("headers", [
    {"X-Forwarded-For": "203.0.113.9"},  # nginx, a tunnel
    {"X-Real-IP": "203.0.113.9"},  # nginx with proxy_set_header X-Real-IP only
    {"Forwarded": "for=203.0.113.9;proto=https"},  # RFC 7239 proxies
    {"via": "1.1 proxy.example"},
    {"CF-Connecting-IP": "203.0.113.9"},  # cloudflared tunnel
    {"x-forwarded-host": "de.example.go.th"},
])
def test_a_proxy_or_tunnel_on_this_machine_takes_the_local_editor_away(headers):
    assert not is_local_editor("127.0.0.1", None, headers)


def test_a_connection_from_another_address_is_not_local_even_on_a_loopback_bound_server():
    assert not is_local_editor("127.0.0.1", "192.168.1.50", {})
    assert is_local_editor("127.0.0.1", "127.0.0.1", {})


def test_failed_sign_ins_count_against_the_direct_peer():
    assert client_address("203.0.113.9", {}, []) == "203.0.113.9"
    assert client_address(None, {}, []) == "127.0.0.1"


def test_a_trusted_proxy_s_forwarded_address_counts_skipping_trusted_hops():
    headers = {"X-Forwarded-For": "198.51.100.1, 203.0.113.9, 10.0.0.3"}
    assert client_address("10.0.0.2", headers, ["10.0.0.0/8"]) == "203.0.113.9"
    assert client_address("10.0.0.2", {"X-Real-IP": "203.0.113.7"}, ["10.0.0.2"]) == "203.0.113.7"


def test_an_untrusted_proxy_s_headers_are_not_believed_and_its_address_is_not_shared_by_all():
    forged = {"X-Forwarded-For": "198.51.100.1"}
    assert client_address("10.0.0.2", forged, []) is None
    assert client_address("10.0.0.2", forged, ["not-an-address"]) is None
