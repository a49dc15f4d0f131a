"""The digest's content: what is late and due with owners, the ITA gap, KPI readings and reflections since the last
digest, what comes next, links into the app; on the demo and on changed data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from de_core.digest.model import PATHS, SHOWN, app_links, build_digest, one_line
from de_core.digest.period import period_of
from de_core.ops.demo import DEMO_AS_OF
from de_core.sheet.workbook import parse_workbook
from de_ui.nav import PAGES
from tests.unit.digestdata import APP, huge_digest
from tests.unit.itadata import demo_with


def _section(digest, key):
    return next(s for s in digest.sections if s.key == key)


def test_the_demo_digest_names_the_late_items_with_owners_and_how_late(demo_wb):
    d = build_digest(demo_wb, 2566, DEMO_AS_OF, app_url=APP)
    late = _section(d, "late")
    assert late.total == 3 and late.title == "ล่าช้า (3)"
    assert late.items[0].text.startswith("4.3 สรุปผลข้อมูล") and late.items[0].alert
    assert "ศึกษานิเทศก์ผู้รับผิดชอบโครงการ" in late.items[0].detail and "ล่าช้า 15 วัน" in late.items[0].detail
    assert late.items[1].text == "5.5 การกลั่นกรองรายงานตัวชี้วัด ITA Online" and "ล่าช้า 7 วัน" in late.items[1].detail
    adaptation = late.items[2]  # an agreed adaptation past its due date (issue #19) is late like a step
    assert adaptation.text.startswith("เลื่อนการชี้แจงผู้ประเมิน IIT") and adaptation.detail.startswith("การปรับเปลี่ยน · ")
    assert "ล่าช้า 7 วัน" in adaptation.detail
    assert d.period.key == "2023-W26" and d.as_of == DEMO_AS_OF and d.demo


def test_the_first_digest_counts_changes_from_the_previous_period_and_a_later_one_from_the_last_digest(demo_wb):
    first = build_digest(demo_wb, 2566, DEMO_AS_OF)
    assert first.since == date(2023, 6, 19)  # Monday of the week before
    kpis = _section(first, "kpis")
    assert kpis.total == 4
    assert [i.detail for i in kpis.items][0] == "5 ครั้ง → 8 ครั้ง · ยังไม่บรรลุ"
    assert any(i.detail == "80% → 100% · บรรลุ" for i in kpis.items)
    assert _section(first, "reflections").total == 1
    later = build_digest(demo_wb, 2566, DEMO_AS_OF, since=date(2023, 6, 23))
    assert _section(later, "kpis").total == 2 and _section(later, "reflections").total == 0


def test_with_no_adaptations_tab_what_comes_next_is_the_new_now_what_answers(demo_raw, schema):
    older = replace(schema, tabs=tuple(t for t in schema.tabs if t.key != "adaptations"))  # a workbook before #19
    nxt = _section(build_digest(parse_workbook(demo_raw, older), 2566, DEMO_AS_OF), "next")
    assert nxt.title == "สิ่งที่จะทำต่อ (Now what?) (1)"
    assert nxt.items[0].text.startswith("จัดชุดความรู้และคลิปบันทึกการอบรม")


def test_with_an_adaptations_tab_what_comes_next_lists_the_open_ones(demo_wb):
    nxt = _section(build_digest(demo_wb, 2566, DEMO_AS_OF), "next")
    assert nxt.title == "การปรับเปลี่ยนที่ยังไม่เสร็จ (4)"  # proposed, agreed or in progress; not done or dropped
    texts = [i.text for i in nxt.items]
    assert texts[0].startswith("เลื่อนการชี้แจงผู้ประเมิน IIT") and texts[1].startswith("เสนอให้แผนปีหน้ากระจายกิจกรรม")
    assert nxt.items[0].detail == "ศึกษานิเทศก์ผู้รับผิดชอบโครงการ · 23 มิ.ย. 2566"
    assert not any(t.startswith("จัดอบรมเสริมสร้างจริยธรรมซ้ำ") for t in texts)  # dropped


def test_the_ita_section_says_the_gap_to_aa_when_the_year_has_a_total():
    wb = demo_with(edits={"ita_scores": {"ita-2566": {"iit": "95", "eit": "94", "oit": "92"}}})
    ita = _section(build_digest(wb, 2566, DEMO_AS_OF), "ita")
    assert ita.items[0].text == "คะแนน ITA 93.50 ระดับ A" and ita.items[0].detail == "ขาดอีก 1.50 คะแนนถึง AA"


def test_without_a_total_the_ita_section_says_so_and_shows_the_last_year(demo_wb):
    ita = _section(build_digest(demo_wb, 2566, DEMO_AS_OF, lang="en"), "ita")
    assert [i.text for i in ita.items] == ["No ITA score for FY2566 yet", "Latest, FY2565: 86.17 points, level A"]


def test_a_step_marked_done_leaves_the_late_list():
    wb = demo_with(edits={"de_steps": {"step-4.3": {"status": "เสร็จแล้ว", "done_on": "29/06/2566"}}})
    late = _section(build_digest(wb, 2566, DEMO_AS_OF), "late")
    assert late.total == 2 and late.items[0].text.startswith("5.5")


def test_a_long_list_shows_five_then_and_n_more_with_a_link_to_all():
    late = _section(huge_digest(), "late")
    assert len(late.items) == SHOWN and late.more == late.total - SHOWN > 390
    assert late.link == f"{APP}/de-tracker?lang=th"


def test_sheet_text_becomes_one_short_line():
    assert one_line("ก\nข\x0b\tค   ง", 90) == "ก ข ค ง"
    assert one_line("ก" * 100, 10) == "ก" * 9 + "…"
    assert all(len(i.text) <= 90 and "\n" not in i.text for s in huge_digest().sections for i in s.items)


def test_links_go_to_the_apps_own_pages_and_meeting_mode():
    links = app_links(APP + "/", "en")
    assert links["app"] == f"{APP}/?lang=en" and links["meeting"] == f"{APP}/?meeting=1&lang=en"
    assert set(PATHS.values()) <= {p.url_path for p in PAGES}
    assert app_links("", "th") == {}


def test_english_digest_has_no_thai_labels(demo_wb):
    d = build_digest(demo_wb, 2566, DEMO_AS_OF, lang="en")
    assert d.title == "DE project digest" and _section(d, "late").title == "Late (3)"
    assert d.period.label("en") == "week 26 Jun 2023 – 2 Jul 2023"
    assert period_of(DEMO_AS_OF).label("th") == "สัปดาห์ 26 มิ.ย. 2566 – 2 ก.ค. 2566"
