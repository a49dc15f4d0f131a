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


def _paste(tab, box, text: str) -> None:
    """A real paste: the text goes onto the browser's clipboard, then Control+V in the box (a trusted key press, so
    the browser inserts it as it would from the user's clipboard)."""
    box.click()
    tab.evaluate("text => navigator.clipboard.writeText(text)", text)
    tab.keyboard.press("Control+V")


def _fill_the_rest(tab, form) -> None:
    form.get_by_role("combobox", name=_t("forms.activity")).click()
    tab.get_by_role("option").filter(has_text="5.4").first.click()
    form.get_by_role("combobox", name=_t("forms.author_group")).click()
    tab.get_by_role("option", name="ศึกษานิเทศก์", exact=True).click()
    form.get_by_role("textbox", name=_t("forms.so_what")).fill("วางข้อความยาวจากรายงาน")
    form.get_by_role("textbox", name=_t("forms.now_what")).fill("ตรวจว่าข้อความครบ")


@pytest.mark.skipif("pages/reflect.py" not in PATHS, reason="the reflection form is not in de_ui/nav.py")
def test_a_pasted_answer_over_the_limit_stays_in_the_box_and_the_form_says_by_how_much_to_shorten_it(
        open_app, chromium_context, app_url):
    """#15, finding 9: a paste longer than the box's limit left it empty, with no message."""
    chromium_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    tab = open_app(f"/{PATHS['pages/reflect.py']}?lang=th")
    form = tab.locator('[data-testid="stForm"]')
    _fill_the_rest(tab, form)
    what = form.get_by_role("textbox", name=_t("forms.what"))
    pasted = (f"วางยาว {uuid.uuid4().hex[:8]} " + "ผลการประเมินรอบที่ ๒ ดีขึ้นชัดเจน " * 1000)[:20_000]
    _paste(tab, what, pasted)
    assert len(what.input_value()) == 20_000  # kept whole, not dropped
    form.locator('[data-testid="stFormSubmitButton"] button').click()
    shorten = tab.locator('[role="alert"]').filter(has_text="กรุณาย่อลง 8,000 ตัวอักษร").first  # under its field
    shorten.wait_for()
    screenshot(tab, "reflect-too-long-th")
    assert "มี 20,000 ตัวอักษร เกินที่รับได้ 12,000 ตัวอักษร" in shorten.inner_text()
    assert len(form.get_by_role("textbox", name=_t("forms.what")).input_value()) == 20_000


@pytest.mark.skipif("pages/reflect.py" not in PATHS, reason="the reflection form is not in de_ui/nav.py")
def test_a_pasted_answer_of_6000_characters_is_kept_and_saved(open_app, chromium_context, app_url):
    chromium_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    tab = open_app(f"/{PATHS['pages/reflect.py']}?lang=th")
    form = tab.locator('[data-testid="stForm"]')
    _fill_the_rest(tab, form)
    what = form.get_by_role("textbox", name=_t("forms.what"))
    pasted = (f"วางยาว {uuid.uuid4().hex[:8]} " + "กลั่นกรองรายงานครบทุกข้อ " * 400)[:6_000]
    _paste(tab, what, pasted)
    assert what.input_value() == pasted
    form.locator('[data-testid="stFormSubmitButton"] button').click()
    saved = tab.locator('[data-testid="stAlertContentSuccess"]').filter(has_text=_t("forms.saved").split(" (")[0])
    saved.wait_for()
    screenshot(tab, "reflect-long-paste-saved-th")
    tab.locator('[data-testid="stExpander"]').filter(has_text=_t("forms.what_was_saved")).click()
    assert tab.locator('[data-testid="stException"]').count() == 0
