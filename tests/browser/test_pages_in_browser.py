"""Every page in a real chromium, in Thai and in English: no exception, the real figures, Thai drawn in Sarabun."""

import re

import pytest

from de_ui.nav import PAGES
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

THAI = re.compile("[\u0e01-\u0e5b]")
# The demo's figures per page file, the same in both languages (Arabic digits with separators).
KEY_FIGURES = {
    "pages/overview.py": ["50,000", "35,610"],
    "pages/budget.py": ["50,000", "35,610"],
    "pages/ita.py": ["83.72"],
    "pages/de_tracker.py": ["10/16"],
    "pages/report.py": ["10,000", "40,000", "50,000"],
    "pages/share.py": ["?lang="],
}

# The first visible element whose own text is Thai; its computed font, and whether the Sarabun face that covers
# Thai (unicode-range U+0E01-0E5B) is loaded and used for it.
THAI_FONT_PROBE = """async () => {
  await document.fonts.ready;
  const walker = document.createTreeWalker(document.querySelector('[data-testid="stApp"]'), NodeFilter.SHOW_TEXT);
  let element = null;
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (/[\\u0E01-\\u0E5B]/.test(walker.currentNode.nodeValue) && parent && parent.getClientRects().length) {
      element = parent; break;
    }
  }
  if (!element) return null;
  await document.fonts.load('16px Sarabun', 'ก');
  const thaiFaces = [...document.fonts].filter(f => f.family.replace(/["']/g, '') === 'Sarabun'
    && f.status === 'loaded' && /E01/i.test(f.unicodeRange));
  return {text: element.textContent.slice(0, 40), family: getComputedStyle(element).fontFamily,
          check: document.fonts.check('16px Sarabun', 'ก'), thaiFacesLoaded: thaiFaces.length};
}"""


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_opens_clean_in_a_real_browser(open_app, spec, lang):
    path = "" if spec == PAGES[0] else spec.url_path  # the default page lives at "/"
    tab = open_app(f"/{path}?lang={lang}")
    assert tab.get_by_text("Page not found").count() == 0
    shot = screenshot(tab, f"{spec.url_path}-{lang}")
    assert tab.locator('[data-testid="stException"]').count() == 0, shot
    text = tab.locator('[data-testid="stApp"]').inner_text()
    assert "Traceback" not in text, shot
    title = tab.locator("h1").first.inner_text()
    assert bool(THAI.search(title)) == (lang == "th"), title
    for figure in KEY_FIGURES.get(spec.file, []):
        assert figure in text, (figure, shot)
    assert f"lang={lang}" in tab.url

    font = tab.evaluate(THAI_FONT_PROBE)
    assert font is not None, "no Thai text on the page (the language switch at least is Thai)"
    assert font["family"].replace('"', "").replace("'", "").startswith("Sarabun"), font
    assert font["check"] and font["thaiFacesLoaded"] >= 1, font


def test_the_bundled_font_files_are_served_by_the_app(chromium_context, app_url):
    reply = chromium_context.request.get(f"{app_url}/app/static/fonts/sarabun-thai-400-normal.woff2")
    assert reply.ok and reply.headers["content-type"] == "font/woff2" and reply.body()[:4] == b"wOF2"
