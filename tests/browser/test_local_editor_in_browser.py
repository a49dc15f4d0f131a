"""On the real server bound to loopback: the browser at this machine is the local editor, and the same browser
through something that forwards the connection (the headers a proxy or tunnel adds) is a viewer."""

import pytest

from de_core.display.i18n import translate
from de_ui.nav import PAGES
from tests.browser.conftest import wait_ready

pytestmark = pytest.mark.browser

REFLECT = next(p.url_path for p in PAGES if p.file == "pages/reflect.py")


@pytest.mark.parametrize("headers", [
    {},
    {"X-Real-IP": "203.0.113.9"},
    {"Forwarded": "for=203.0.113.9;proto=https"},
    {"X-Forwarded-For": "203.0.113.9"},
])
def test_only_an_unforwarded_connection_to_a_loopback_server_gets_the_form(chromium_context, warm_app, headers):
    tab = chromium_context.new_page()
    try:
        tab.set_extra_http_headers(headers)  # sent with the page and with Streamlit's WebSocket handshake
        tab.goto(f"{warm_app}/{REFLECT}?lang=th")
        wait_ready(tab)
        has_form = tab.locator('[data-testid="stForm"]').count() > 0
        read_only = tab.get_by_text(translate("forms.read_only_link", "th")).count() > 0
        assert (has_form, read_only) == ((True, False) if not headers else (False, True)), headers
    finally:
        tab.close()
