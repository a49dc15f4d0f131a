"""ITA frames as data per year: the sheet's rows win per part, then the frame shipped for that year, then the
nearest earlier year's (said so); per-tool rules tested with an example frame that is not the NACC's."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from de_core.ita import frames
from de_core.ita.display import borrowed_text, frame_text, rules_text
from de_core.ita.frames import Rule, apply_rules, frame_for, load_frame, shipped_frames
from de_core.ita.score import ita_year
from de_core.ops.demo import demo_workbook
from de_core.sheet.raw import RawTab
from de_core.sheet.schema import load_schema
from de_core.sheet.workbook import parse_workbook
from tests.unit.itadata import demo_with, scores_row

EXAMPLE = Path(__file__).parent / "fixtures" / "ita_frame_example.toml"


def test_the_shipped_frames_are_2565_and_2566_with_no_rule_presented_as_the_nacc_s():
    shipped = shipped_frames()
    assert set(shipped) >= {2565, 2566}
    for frame in shipped.values():
        assert sum(frame.weights.values()) == 100 and frame.bands and frame.source_th and frame.source_en
        assert frame.rules == ()
    assert len(shipped[2566].oit_items) == 43 and shipped[2566].oit_items[0] == ("O1", "โครงสร้าง",
                                                                                 "9.1 ข้อมูลพื้นฐาน")


def test_the_example_frame_says_it_is_not_the_nacc_s_and_has_both_kinds_of_rule():
    frame = load_frame(EXAMPLE)
    assert "NOT THE NACC'S" in EXAMPLE.read_text(encoding="utf-8") and "not the NACC" in frame.source_en
    assert {r.kind for r in frame.rules} == {"cap_total", "cap_level"}


def test_the_sheet_s_rows_win_over_the_shipped_frame():
    wb = demo_with({"ita_weights": {"w-2566-oit": {"weight": "50"}, "w-2566-eit": {"weight": "20"}}})
    frame = frame_for(wb, 2566)
    assert frame.weights == {"iit": 30, "eit": 20, "oit": 50} and frame.source == "sheet"


def test_a_year_without_sheet_rows_uses_its_shipped_frame():
    raw = demo_workbook()
    for title in ("น้ำหนัก ITA", "เกณฑ์ระดับ ITA"):
        raw.tabs[title] = RawTab(title, [raw.tabs[title].rows[0]])
    wb = parse_workbook(raw, load_schema())
    frame = frame_for(wb, 2566)
    assert frame.source == "shipped" and frame.borrowed_from is None and frame.weights["oit"] == 40
    assert "ที่แอปมีให้" in frame_text(ita_year(wb, 2566), "th")


def test_a_later_year_borrows_the_nearest_earlier_frame_and_the_page_says_which():
    wb = demo_with(appends={"ita_scores": [scores_row(2570, "90", "90", "90")]})
    year = ita_year(wb, 2570)
    assert year.frame.borrowed_from == 2566 and year.total == Decimal("90.00")
    assert "ใช้กรอบของปี 2566" in borrowed_text(year, "th") and "FY2566" in borrowed_text(year, "en")


def test_a_year_before_every_frame_has_none():
    wb = demo_with(appends={"ita_scores": [scores_row(2560, "90", "90", "90")]})
    year = ita_year(wb, 2560)
    assert year.frame.source == "none" and year.total is None and year.band is None


@pytest.fixture
def example_frames(tmp_path, monkeypatch):
    shutil.copy(EXAMPLE, tmp_path / "2566.toml")
    monkeypatch.setattr(frames, "FRAMES_DIR", tmp_path)
    return tmp_path


def test_cap_level_keeps_the_total_and_caps_the_level_with_the_reason(example_frames):
    wb = demo_with({"ita_scores": {"ita-2566": {"iit": "99", "eit": "79.99", "oit": "100"}}})
    year = ita_year(wb, 2566)
    assert year.total == year.computed_total == Decimal("93.70")  # 29.70 + 23.997 + 40, half-up
    assert year.band.level == "A"  # A by the total already: the cap changes nothing
    wb = demo_with({"ita_scores": {"ita-2566": {"iit": "100", "eit": "79.99", "oit": "100"}}})
    year = ita_year(wb, 2566)
    assert year.total == Decimal("94.00") and year.band.level == "A"
    wb = demo_with({"ita_scores": {"ita-2566": {"iit": "100", "eit": "79.99", "oit": "100"}},
                    "ita_weights": {"w-2566-eit": {"weight": "10"}, "w-2566-oit": {"weight": "60"}}})
    year = ita_year(wb, 2566)
    assert year.total == Decimal("98.00") and year.band.level == "A"  # AA by the total, capped at A
    text = rules_text(year, "th")
    assert "EIT ต่ำกว่า 80.00" in text and "ระดับไม่เกิน A" in text and "ไม่ใช่เกณฑ์ของ ป\\.ป\\.ช\\." in text  # sheet-like text, escaped


def test_cap_total_lowers_the_total_and_so_the_level(example_frames):
    wb = demo_with({"ita_scores": {"ita-2566": {"iit": "100", "eit": "100", "oit": "49.99"}}})
    year = ita_year(wb, 2566)
    assert year.computed_total == Decimal("80.00") and year.total == Decimal("80.00")  # already below the cap
    wb = demo_with({"ita_scores": {"ita-2566": {"iit": "100", "eit": "100", "oit": "49.99"}},
                    "ita_weights": {"w-2566-iit": {"weight": "45"}, "w-2566-eit": {"weight": "45"},
                                    "w-2566-oit": {"weight": "10"}}})
    year = ita_year(wb, 2566)
    assert year.computed_total == Decimal("95.00") and year.total == Decimal("84.99") and year.band.level == "B"
    assert "คะแนนรวมไม่เกิน 84.99" in rules_text(year, "th") and "at most 84.99" in rules_text(year, "en")


def test_no_rule_applies_at_or_above_its_threshold():
    rule = Rule("oit", Decimal(50), "cap_total", Decimal("84.99"))
    assert apply_rules(Decimal(99), {"oit": Decimal(50)}, (rule,)) == (Decimal(99), None, [])
    assert apply_rules(Decimal(99), {"oit": None}, (rule,))[2] == []


def test_a_bad_rule_is_refused_naming_the_file(tmp_path):
    bad = tmp_path / "2570.toml"
    bad.write_text('fiscal_year = 2570\nrules = [{ tool = "oit", below = 50, kind = "halve" }]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="2570.toml"):
        load_frame(bad)


def test_rules_typed_in_the_sheet_win_over_the_shipped_file_s_for_that_year(example_frames):
    rule_row = {"id": "rule-2566-oit", "fiscal_year": "2566", "tool": "OIT", "below": "60", "kind": "จำกัดระดับ",
                "level": "B", "note": "ตามประกาศที่สำนักงานได้รับ"}
    wb = demo_with({"ita_scores": {"ita-2566": {"iit": "100", "eit": "100", "oit": "59"}}},
                   appends={"ita_rules": [rule_row]})
    year = ita_year(wb, 2566)
    assert [(r.tool, r.kind, r.level) for r in year.frame.rules] == [("oit", "cap_level", "B")]  # not the file's
    assert year.total == Decimal("83.60") and year.band.level == "B"
    assert "OIT ต่ำกว่า 60.00 จึงให้ระดับไม่เกิน B" in rules_text(year, "th")


def test_a_sheet_rule_missing_what_its_kind_needs_is_left_out():
    wb = demo_with(appends={"ita_rules": [{"id": "r1", "fiscal_year": "2566", "tool": "OIT", "below": "60",
                                           "kind": "cap_total"}]})
    assert frame_for(wb, 2566).rules == ()


def test_a_workbook_made_before_the_rules_tab_works_and_data_health_only_warns():
    raw = demo_workbook()
    del raw.tabs["กติกา ITA รายเครื่องมือ"]
    wb = parse_workbook(raw, load_schema())
    (issue,) = [i for i in wb.issues if i.tab_key == "ita_rules"]
    assert issue.severity == "warning" and "provision" in issue.hint_en
    assert ita_year(wb, 2565).total is not None


def test_indicator_titles_come_from_the_year_s_frame(example_frames):
    from de_core.ita.display import indicator_title
    from de_core.ita.view import build_ita_view

    (example_frames / "2566.toml").write_text(
        (example_frames / "2566.toml").read_text(encoding="utf-8")
        + '\n[[indicators]]\nkey = "i9"\ntool = "oit"\nth = "การเปิดเผยข้อมูลสาธารณะ"\nen = "Open data"\n',
        encoding="utf-8")
    frames._frames_in.cache_clear()
    view = build_ita_view(demo_with(), 2566, date(2023, 6, 30))
    assert indicator_title(view, "i9", "th") == "9 การเปิดเผยข้อมูลสาธารณะ"
    assert indicator_title(view, "i9", "en") == "9 Open data"
    assert indicator_title(view, "i1", "th") == "ตัวชี้วัด 1 การปฏิบัติหน้าที่"  # not in that frame: the header
