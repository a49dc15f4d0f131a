"""The demo region's scorecard in a real chromium, on a phone and a meeting-room projector, in Thai and English;
an office's name opens that office's pages, read only."""

import pytest

from tests.browser.conftest import screenshot, wait_ready

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "projector": (1920, 1080)}
WORDS = {"th": ["ภาพรวมสำนักงานในเขต", "การกระจายระดับ ITA", "อ่านได้ทุกสำนักงาน"],
         "en": ["Offices of the region", "ITA bands", "Every office could be read"]}
HEADER = {"th": "ขาดถึง AA", "en": "Gap to AA"}  # a column's label (on a phone it is drawn by CSS beside each cell)


@pytest.mark.parametrize(("size", "lang"), [("phone", "th"), ("projector", "th"), ("phone", "en"),
                                            ("projector", "en")])
def test_the_demo_region_scorecard_shows_every_office(chromium_context, warm_app, size, lang):
    tab = chromium_context.new_page()
    tab.set_viewport_size({"width": SIZES[size][0], "height": SIZES[size][1]})
    tab.goto(f"{warm_app}/region-scorecard?lang={lang}")
    wait_ready(tab)
    shot = screenshot(tab, f"region-{size}-{lang}")
    assert tab.locator('[data-testid="stException"]').count() == 0, shot
    text = tab.locator('[data-testid="stApp"]').inner_text()
    for word in WORDS[lang]:
        assert word in text, (word, shot)
    for n in range(1, 7):
        assert f"ตัวอย่าง {n} (demo)" in text, (n, shot)
    if size == "projector":
        assert HEADER[lang] in text, shot
    wide = tab.evaluate("() => document.querySelector('.sj-rg').getBoundingClientRect().width")
    assert wide <= SIZES[size][0], ("the table fits the screen's width", wide, shot)
    tab.close()


def test_an_office_name_opens_its_pages_read_only(open_app):
    tab = open_app("/region-scorecard?lang=th")
    link = tab.locator(".sj-rg a").first
    href = link.get_attribute("href")
    assert href and "dashboard?office=demo-" in href
    office = open_app(href.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
    text = office.locator('[data-testid="stApp"]').inner_text()
    assert "กำลังดูหน้าของ" in text and "แบบดูอย่างเดียว" in text, screenshot(office, "region-office-view")
