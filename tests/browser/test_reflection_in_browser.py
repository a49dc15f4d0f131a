"""One reflection typed into the form in a real browser is saved, and appears in the reflections feed."""

import uuid

import pytest

from de_core.display.i18n import translate
from de_ui.nav import PAGES
from tests.browser.conftest import screenshot, wait_ready

pytestmark = pytest.mark.browser


PATHS = {p.file: p.url_path for p in PAGES}


def _t(key: str) -> str:
    return translate(key, "th")


@pytest.mark.skipif(not {"pages/reflect.py", "pages/reflections.py"} <= PATHS.keys(),
                    reason="the reflection form and feed pages are not in de_ui/nav.py yet (forms issue)")
def test_a_reflection_submitted_in_the_browser_appears_in_the_feed(open_app, app_url):
    marker = f"ทดสอบจากเบราว์เซอร์ {uuid.uuid4().hex[:8]}"
    tab = open_app(f"/{PATHS['pages/reflect.py']}?lang=th")
    form = tab.locator('[data-testid="stForm"]')
    form.get_by_role("combobox", name=_t("forms.activity")).click()
    tab.get_by_role("option").filter(has_text="5.4").first.click()
    form.get_by_role("combobox", name=_t("forms.author_group")).click()
    tab.get_by_role("option", name="ศึกษานิเทศก์", exact=True).click()
    form.get_by_role("textbox", name=_t("forms.author_role")).fill("ศึกษานิเทศก์ผู้รับผิดชอบโครงการ")
    form.get_by_role("textbox", name=_t("forms.what")).fill(f"{marker}: กลั่นกรองรายงานครบทุกข้อก่อนกำหนด")
    form.get_by_role("textbox", name=_t("forms.so_what")).fill("การแบ่งผู้รับผิดชอบรายข้อทำให้งานเสร็จเร็วขึ้น")
    form.get_by_role("textbox", name=_t("forms.now_what")).fill("ใช้การแบ่งงานรายข้อกับการเผยแพร่ O1–O43 ด้วย")
    form.locator('[data-testid="stFormSubmitButton"] button').click()

    saved = tab.locator('[data-testid="stAlertContentSuccess"]').filter(has_text=_t("forms.saved").split(" (")[0])
    saved.wait_for()
    screenshot(tab, "reflect-saved-th")
    # Saved: the form is empty again in the browser itself, ready for the next reflection.
    assert form.get_by_role("textbox", name=_t("forms.what")).input_value() == ""
    assert tab.locator('[data-testid="stException"]').count() == 0

    tab.goto(f"{app_url}/{PATHS['pages/reflections.py']}?lang=th")
    wait_ready(tab)
    feed = tab.locator('[data-testid="stMain"]')
    entry = feed.locator('[data-testid="stText"]').filter(has_text=marker)
    entry.first.wait_for()
    screenshot(tab, "reflections-after-submit-th")
    assert "9 รายการ" in feed.inner_text()  # the demo's 8 reflections and this one
