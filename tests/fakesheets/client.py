"""A real gspread.Client whose HTTP goes to the loopback fake instead of Google."""

from __future__ import annotations

from typing import Any

import gspread
import requests
from google.auth.credentials import AnonymousCredentials
from gspread.http_client import HTTPClient

_GOOGLE_PREFIXES = ("https://sheets.googleapis.com", "https://www.googleapis.com")


class LoopbackHTTPClient(HTTPClient):
    """Plain gspread HTTPClient (no BackOff retries) that rewrites Google hosts to ``base_url``."""

    base_url: str = ""

    def request(self, method: str, endpoint: str, *args: Any, **kwargs: Any) -> requests.Response:
        for prefix in _GOOGLE_PREFIXES:
            if endpoint.startswith(prefix):
                endpoint = self.base_url + endpoint[len(prefix) :]
                break
        return super().request(method, endpoint, *args, **kwargs)


def fake_client(base_url: str, timeout: float | tuple[float, float] | None = 5.0) -> gspread.Client:
    """gspread.Client talking to the fake at ``base_url``; HTTP errors raise gspread APIError."""
    session = requests.Session()
    session.trust_env = False  # never route loopback through HTTP(S)_PROXY from the environment
    creds = AnonymousCredentials()
    client = gspread.Client(auth=creds, session=session, http_client=LoopbackHTTPClient)
    http = client.http_client
    assert isinstance(http, LoopbackHTTPClient)
    http.base_url = base_url.rstrip("/")
    http.auth = creds  # HTTPClient only sets .auth when it builds its own session
    client.set_timeout(timeout)
    return client
