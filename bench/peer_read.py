"""The peer's full load, run INSIDE the throw-away venv holding st-gsheets-connection (gspread < 6).

Reads every tab the way the package's README shows — `conn = st.connection("gsheets", type=GSheetsConnection)`
then `conn.read(worksheet=title)` once per tab — from a spreadsheet URL in `.streamlit/secrets.toml`. Only the
HTTP goes elsewhere: the service-account factory the package calls is swapped for a gspread client whose
requests.Session sends Google's hosts to the loopback fake (no token is fetched). The package's own cache is
cleared before each load so every load is a full one. Imports nothing from the project (it cannot: gspread 5).

    <venv>/bin/python bench/peer_read.py BASE_URL KEY LOADS TITLE [TITLE ...]   → one JSON line on stdout
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

GOOGLE = ("https://sheets.googleapis.com", "https://www.googleapis.com")


def loopback_client(base_url: str):
    """A gspread 5 client whose requests go to base_url instead of Google."""
    import gspread
    import requests

    class LoopbackSession(requests.Session):
        def request(self, method, url, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003 - requests' signature
            for prefix in GOOGLE:
                if url.startswith(prefix):
                    url = base_url + url[len(prefix):]
                    break
            return super().request(method, url, *args, **kwargs)

    session = LoopbackSession()
    session.trust_env = False
    return gspread.Client(auth=None, session=session)


def main() -> None:
    base_url, key, loads, titles = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    home = Path(tempfile.mkdtemp(prefix="peer-app-"))
    (home / ".streamlit").mkdir()
    (home / ".streamlit" / "secrets.toml").write_text(
        "[connections.gsheets]\n"
        f'spreadsheet = "https://docs.google.com/spreadsheets/d/{key}/edit"\n'
        'type = "service_account"\n', encoding="utf-8")
    os.chdir(home)

    import streamlit as st
    import streamlit_gsheets.gsheets_connection as peer
    from streamlit import logger
    from streamlit_gsheets import GSheetsConnection

    logger.set_log_level("error")
    peer.service_account_from_dict = lambda _info: loopback_client(base_url)  # the one seam: where HTTP goes
    conn = st.connection("gsheets", type=GSheetsConnection)
    times, shapes = [], []
    for _ in range(loads):
        st.cache_data.clear()
        start = time.perf_counter()
        frames = [conn.read(worksheet=title) for title in titles]
        times.append(time.perf_counter() - start)
        shapes = [list(f.shape) for f in frames]
    print(json.dumps({"times": times, "shapes": shapes, "gspread": __import__("gspread").__version__}))


if __name__ == "__main__":
    main()
