"""show_chart keeps the plotly modebar, on hover only, with a named, 2x PNG download ("download plot as png")."""

import json

from streamlit.testing.v1 import AppTest

from de_ui.charts import chart_config


def _app():
    import plotly.graph_objects as go

    from de_ui.charts import show_chart

    show_chart(go.Figure(go.Bar(x=["ก", "ข"], y=[1, 2])), key="demo_chart", filename="kpi gauges/2566")


def test_the_chart_keeps_the_modebar_on_hover_and_names_the_png():
    at = AppTest.from_function(_app).run()
    assert not at.exception
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert "displayModeBar" not in config and config["displaylogo"] is False  # plotly's default: shown on hover
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "kpi-gauges-2566", "scale": 2}


def test_a_filename_of_only_odd_characters_still_gets_a_name():
    assert chart_config("ภาพ/รวม")["toImageButtonOptions"]["filename"] == "chart"
    assert chart_config("budget-2566.v2")["toImageButtonOptions"]["filename"] == "budget-2566.v2"
