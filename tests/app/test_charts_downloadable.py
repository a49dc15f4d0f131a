"""Every chart on every page keeps the toolbar's named 'download as PNG' (for slides and reports)."""

import json

import pytest

from tests.app.conftest import assert_clean

CHART_PAGES = ["pages/overview.py", "pages/de_tracker.py", "pages/kpis.py", "pages/ita.py", "pages/activities.py",
               "pages/budget.py"]


@pytest.mark.parametrize("page", CHART_PAGES)
def test_every_chart_on_the_page_offers_a_named_png_download(run_page, store, page):
    if page == "pages/overview.py":  # its one chart is the year's ITA gauge (rows of figures are bullet graphs)
        store.update("ita_scores", "ita-2566", {"iit": "93.12", "eit": "90.45", "oit": "96.00"})
    at = run_page(page)
    assert_clean(at)
    charts = at.get("plotly_chart")
    assert charts, "the page draws charts on the demo"
    for chart in charts:
        config = json.loads(chart.proto.config)
        assert config["toImageButtonOptions"]["format"] == "png"
        assert config["toImageButtonOptions"]["filename"]
