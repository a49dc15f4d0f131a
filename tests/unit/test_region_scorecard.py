"""The scorecard model over the demo region: a line per office, bands, totals, sorting and filtering, arrows."""

from __future__ import annotations

from datetime import date

from de_core.ops.region_setup import open_region
from de_core.region.scorecard import NO_BAND, build_scorecard, default_year
from de_core.region.table import arranged, needs_attention, table_html, totals


def _card():
    region = open_region({}, today=lambda: date(2023, 6, 30))
    region.refresh()
    states = region.snapshot()
    return build_scorecard(states, default_year(states))


def test_the_demo_region_has_six_offices_with_different_figures():
    card = _card()
    assert card.fiscal_year == 2566 and len(card.lines) == 6 and card.demo
    assert len({(line.now.steps_done, line.now.oit_share, line.now.spent) for line in card.lines}) > 3
    assert all(line.before is not None for line in card.lines), "FY2565 for the arrows"


def test_bands_count_every_office_once():
    card = _card()
    bands = card.bands()
    assert sum(bands.values()) == 6 and "AA" in bands and "A" in bands
    assert NO_BAND in bands, "offices without an FY2566 total yet"


def test_sorting_puts_offices_without_the_figure_last_both_ways():
    card = _card()
    for descending in (True, False):
        lines = arranged(card, "gap", descending)
        gaps = [line.now.ita_gap for line in lines]
        known = [g for g in gaps if g is not None]
        assert gaps[:len(known)] == sorted(known, reverse=descending)


def test_attention_keeps_offices_over_a_threshold():
    card = _card()
    assert all(needs_attention(line) for line in arranged(card, attention=True))


def test_the_table_escapes_office_names():
    card = _card()
    state = card.lines[0].state
    hostile = state.office.__class__(state.office.id, "<script>x</script>", "", "demo:1")
    card.lines[0] = card.lines[0].__class__(state.__class__(hostile, state.years), card.lines[0].now, None)
    out = table_html(card.lines, "th", lambda d: d)
    assert "<script>x" not in out and "&lt;script&gt;x" in out


def test_totals_name_every_office_read():
    items = dict(totals(_card(), "en").items)
    assert items["Offices"] == "6 of 6"


def test_an_office_counts_its_late_adaptations_once_beside_its_other_late_items(demo_wb):
    from de_core.ops.demo import DEMO_AS_OF
    from de_core.region.figures import office_year

    year = office_year(demo_wb, 2566, DEMO_AS_OF)
    assert (year.late_items, year.late_adaptations) == (2, 1)  # step 4.3 and activity 5.5; adaptation adp-04
