"""Coverage: activities and reflections counted per characteristic × declaration pair; uncovered pairs are gaps."""

from de_core.activities.coverage import coverage
from tests.unit.activity_fixtures import activity, workbook_of


def test_demo_leaves_only_sufficiency_by_network_uncovered(demo_wb):
    cov = coverage(demo_wb, 2566)
    assert cov.characteristics == ["thinking", "discipline", "honesty", "sufficiency", "public_mind"]
    assert cov.declarations == ["cultivate", "prevent", "network"]
    assert cov.gaps == [("sufficiency", "network")]
    assert cov.reflections[3][2] == 0 and cov.untagged == []


def test_demo_counts_every_activity_row_and_every_reflection(demo_wb):
    cov = coverage(demo_wb, 2566)
    honesty, prevent = 2, 1
    assert cov.activities[honesty][prevent] == 10
    assert cov.reflections[0][1] == 5
    assert sum(map(sum, cov.reflections)) == 19


def test_a_row_counts_once_in_each_pair_it_names_and_untagged_rows_are_listed():
    wb = workbook_of(
        activities=[activity("a1", characteristics="มีวินัย, ซื่อสัตย์", declarations="การปลูกฝัง, ป้องกัน"),
                    activity("a2", characteristics="จิตสาธารณะ")],
        reflections=[{"id": "r1", "written_on": "1/1/2566", "author_group": "บุคลากร", "what": "x",
                      "characteristics": "มีวินัย", "declarations": "การสร้างเครือข่าย"}],
    )
    cov = coverage(wb, 2566)
    assert cov.activities[1][:2] == [1, 1] and cov.activities[2][:2] == [1, 1]
    assert sum(map(sum, cov.activities)) == 4
    assert cov.reflections[1][2] == 1
    assert [a["id"] for a in cov.untagged] == ["a2"]
    assert ("discipline", "network") in cov.gaps and len(cov.gaps) == 11


def test_an_empty_year_is_all_gaps():
    cov = coverage(workbook_of(), 2566)
    assert len(cov.gaps) == 15 and not cov.tagged


def test_demo_outcomes_are_counted_per_cell_and_out_03_sits_in_the_one_gap(demo_wb):
    cov = coverage(demo_wb, 2566)
    discipline, sufficiency, public_mind, cultivate, network = 1, 3, 4, 0, 2
    assert cov.outcomes[discipline][cultivate] == 2 and cov.outcomes[public_mind][cultivate] == 1
    assert cov.outcomes[sufficiency][network] == 1 and sum(map(sum, cov.outcomes)) == 4
    assert cov.outcome_cells == [("discipline", "cultivate", 2), ("sufficiency", "network", 1),
                                 ("public_mind", "cultivate", 1)]
    assert [(row["id"], cells) for row, cells in cov.gap_outcomes] == [("out-03", [("sufficiency", "network")])]
    assert cov.gaps == [("sufficiency", "network")]  # an outcome never fills a gap: only an activity does


def test_an_outcome_names_each_gap_cell_it_falls_in_and_untagged_outcomes_count_nowhere():
    wb = workbook_of(
        activities=[activity("a1", characteristics="มีวินัย", declarations="การปลูกฝัง")],
        outcomes=[{"id": "o1", "observed_on": "1/3/2566", "actor": "ครู", "change": "x",
                   "characteristics": "มีวินัย, ซื่อสัตย์", "declarations": "การปลูกฝัง"},
                  {"id": "o2", "observed_on": "2/3/2566", "actor": "ครู", "change": "y"}],
    )
    cov = coverage(wb, 2566)
    assert [(row["id"], cells) for row, cells in cov.gap_outcomes] == [("o1", [("honesty", "cultivate")])]
    assert cov.outcome_cells == [("discipline", "cultivate", 1), ("honesty", "cultivate", 1)]


def test_a_year_without_outcomes_has_an_empty_outcome_grid():
    cov = coverage(workbook_of(), 2566)
    assert sum(map(sum, cov.outcomes)) == 0 and cov.gap_outcomes == [] and cov.outcome_cells == []
