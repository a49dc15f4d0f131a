"""The OIT checklist: groups in assessment order, % published (published + checked), projected OIT, link flags."""

from __future__ import annotations

from decimal import Decimal

from de_core.ita.oit import INVALID, MISSING, code_key, oit_checklist
from tests.unit.itadata import demo_with

GROUPS = ["basic_info", "administration", "budget", "hr", "transparency", "prevention", "internal_measures"]


def _item(code: str, status: str, url: str = "", group: str = "9.1 ข้อมูลพื้นฐาน", item_id: str = "") -> dict[str, str]:
    return {"id": item_id or f"x-{code}", "fiscal_year": "2566", "code": code, "title": "ทดสอบ", "group": group,
            "status": status, "url": url}


def test_demo_checklist_counts_the_readme_statuses(demo_wb):
    checklist = oit_checklist(demo_wb, 2566)
    assert checklist.total == 43
    assert checklist.counts() == {"not_started": 3, "drafted": 4, "published": 9, "checked": 27}


def test_published_counts_published_and_checked_items(demo_wb):
    checklist = oit_checklist(demo_wb, 2566)
    assert checklist.published == 27 + 9
    assert checklist.percent == Decimal("83.72") and checklist.projected_oit == Decimal("83.72")


def test_demo_groups_follow_the_assessment_order_with_their_percentages(demo_wb):
    groups = oit_checklist(demo_wb, 2566).groups
    assert [g.group for g in groups] == GROUPS
    assert [(g.total, g.published) for g in groups] == [(10, 10), (8, 5), (4, 4), (4, 3), (4, 3), (8, 6), (5, 5)]
    assert [g.percent for g in groups] == [Decimal(x) for x in ("100", "62.5", "100", "75", "75", "75", "100")]


def test_items_are_in_natural_code_order_and_demo_links_are_all_fine(demo_wb):
    checklist = oit_checklist(demo_wb, 2566)
    assert [i.code for i in checklist.items][:12] == [f"O{n}" for n in range(1, 13)]
    assert checklist.flagged == [] and checklist.duplicates == []


def test_a_year_without_items_is_empty_not_an_error(demo_wb):
    checklist = oit_checklist(demo_wb, 2565)
    assert (checklist.total, checklist.published, checklist.percent, checklist.groups) == (0, 0, None, [])


def test_a_published_item_without_a_link_is_flagged_missing_but_a_draft_is_not():
    wb = demo_with({"oit_items": {"oit-2566-O16": {"url": ""}}})
    flagged = oit_checklist(wb, 2566).flagged
    assert [(i.code, i.url_problem) for i in flagged] == [("O16", MISSING)]


def test_an_unreadable_link_is_flagged_invalid_whatever_the_status():
    wb = demo_with({"oit_items": {"oit-2566-O12": {"url": "ftp://files/o12"},
                                  "oit-2566-O01": {"url": "เว็บสำนักงาน หน้าโครงสร้าง"}}})
    flagged = oit_checklist(wb, 2566).flagged
    assert [(i.code, i.url_problem) for i in flagged] == [("O1", INVALID), ("O12", INVALID)]


def test_duplicate_codes_are_spotted_ignoring_case_and_spaces():
    wb = demo_with(appends={"oit_items": [_item("o 5", "ร่างแล้ว")]})
    checklist = oit_checklist(wb, 2566)
    dup = checklist.duplicates
    assert len(dup) == 1 and dup[0].code == "o 5" and dup[0].duplicate_of == 6
    assert checklist.total == 44 and code_key(" o\u200b5 ") == "O5"


def test_an_item_with_an_unreadable_group_or_status_still_counts():
    wb = demo_with(appends={"oit_items": [_item("O44", "เสร็จ?", group="หมวดใหม่")]})
    checklist = oit_checklist(wb, 2566)
    assert checklist.groups[-1].group is None and checklist.groups[-1].items[0].code == "O44"
    assert checklist.counts()["unknown"] == 1 and checklist.published == 36 and checklist.total == 44


def test_checking_an_item_raises_the_share_published():
    wb = demo_with({"oit_items": {"oit-2566-O12": {"status": "ตรวจแล้ว", "url": "https://demo.sujarit.example/o12"}}})
    checklist = oit_checklist(wb, 2566)
    assert checklist.published == 37 and checklist.percent == Decimal("86.05")
    assert checklist.groups[1].percent == Decimal("75")
