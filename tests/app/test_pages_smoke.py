"""Every page runs on the embedded demo, in Thai and English, with no exception and no traceback."""

import pytest

from tests.app.conftest import PAGES, assert_clean


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_clean_on_the_demo(run_page, page, lang):
    at = run_page(page, lang)
    assert_clean(at)
    assert at.title, "every page has a title"
