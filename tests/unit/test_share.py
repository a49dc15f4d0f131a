"""The viewer link: the app's first page with ?lang, nothing of the sender's session; its QR code PNG."""

import io

from PIL import Image

from de_core.ops.share import qr_png, viewer_link

PATHS = ["overview", "data-health", "share"]


def test_the_link_drops_the_page_name_and_adds_the_language():
    link = viewer_link("https://de-dashboard.example.go.th/share", PATHS, "th")
    assert link.url == "https://de-dashboard.example.go.th/?lang=th" and not link.local_only


def test_the_link_keeps_a_base_path_and_port_and_drops_credentials():
    link = viewer_link("http://editor:secret@10.0.0.5:8501/sujarit/share", PATHS, "en")
    assert link.url == "http://10.0.0.5:8501/sujarit/?lang=en"
    assert "secret" not in link.url and link.host == "10.0.0.5"


def test_a_page_name_inside_the_base_path_is_left_alone():
    assert viewer_link("https://x.example/share-office/overview", PATHS, "th").url == \
        "https://x.example/share-office/?lang=th"


def test_loopback_addresses_are_flagged_as_this_computer_only():
    assert viewer_link("http://localhost:8501/share", PATHS, "th").local_only
    assert viewer_link("http://127.0.0.1:8501/", PATHS, "th").local_only
    ipv6 = viewer_link("http://[::1]:8501/share", PATHS, "th")
    assert ipv6.local_only and ipv6.url == "http://[::1]:8501/?lang=th"


def test_no_address_gives_no_link():
    assert viewer_link(None, PATHS, "th") is None
    assert viewer_link("not a url", PATHS, "th") is None


def test_the_qr_code_is_a_large_black_and_white_png():
    image = Image.open(io.BytesIO(qr_png("https://de-dashboard.example.go.th/?lang=th")))
    assert image.format == "PNG" and image.width == image.height and image.width >= 400
    assert {colour for _count, colour in image.convert("L").getcolors()} == {0, 255}


def test_a_longer_link_gives_a_denser_code():
    short = Image.open(io.BytesIO(qr_png("https://x.example/?lang=th", box_size=1)))
    long = Image.open(io.BytesIO(qr_png("https://x.example/" + "a" * 200 + "?lang=th", box_size=1)))
    assert long.width > short.width
