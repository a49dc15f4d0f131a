"""The reflection feed: everyone reads it (viewers too), filtered; directors see what changed per activity."""

from __future__ import annotations

from tests.app.conftest import assert_clean, page_text

PAGE = "pages/reflections.py"
NEW = {"id": "ref-new", "fiscal_year": "2566", "written_on": "29/06/2566", "activity_id": "act-5-09",
       "kpi_ids": "kpi-office-1", "author_group": "สำนักงานฯ", "author_role": "เจ้าหน้าที่ <b>ไอที</b>",
       "what": "**เผยแพร่** O1–O43 ครบ <script>alert(1)</script>", "so_what": "=HYPERLINK(\"http://x\")",
       "now_what": "ตรวจลิงก์ทุกข้อทุกเดือน", "confidence": "ตามเป้า"}


def feed_texts(at) -> list[str]:
    return [t.value for t in at.text]


def captions(at) -> list[str]:
    """Captions as a reader sees them (the markdown escapes removed)."""
    return [c.value.replace("\\", "") for c in at.caption]


def test_the_feed_shows_every_demo_reflection_newest_first_with_its_links(run_page, store):
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "8 รายการ" in text
    assert feed_texts(at)[0].startswith("อบรมเสริมสร้างจริยธรรม")  # ref-08, 20 Jun 2566, is the newest
    dated = [c for c in captions(at) if " 256" in c and "·" in c]
    assert dated[0].startswith("20 มิ.ย. 2566") and dated[7].startswith("2 พ.ย. 2565")  # then what changed
    assert any(c.startswith("กิจกรรม: 5.6 ") for c in captions(at))
    assert any(c.startswith("KPI: ") and "ผู้บริหาร" in c for c in captions(at))


def test_a_reflection_added_to_the_sheet_appears_on_top_as_plain_text(run_page, store):
    store.append("reflections", [NEW])
    at = run_page(PAGE)
    assert_clean(at)
    assert "9 รายการ" in page_text(at)
    texts = feed_texts(at)
    assert texts[0] == NEW["what"]  # newest first, shown exactly as typed: no bold, no HTML
    assert NEW["so_what"] in texts
    assert not [h for h in at.get("html") if "ไอที" in h.proto.body]  # only the app's own stylesheet is HTML
    role_caption = next(c.value for c in at.caption if "ไอที" in c.value)
    assert "\\<b\\>" in role_caption  # escaped: shown as the characters typed, never as HTML


def test_filters_narrow_the_feed(run_page, store):
    at = run_page(PAGE)
    at.selectbox(key="feed.confidence").set_value("off_track").run()
    assert "1 รายการ" in page_text(at)
    at.selectbox(key="feed.confidence").set_value(None)
    at.selectbox(key="feed.activity").set_value("act-5").run()
    assert "4 รายการ" in page_text(at)
    at.text_input(key="feed.search").set_value("ไม่มีคำนี้ในข้อความใดเลย").run()
    assert_clean(at)
    assert "ยังไม่มีการสะท้อนผลที่ตรงกับตัวกรอง" in page_text(at)


def test_directors_see_what_changed_for_an_activity_in_one_place(run_page, store):
    store.append("reflections", [NEW])
    at = run_page(PAGE)
    assert at.selectbox(key="changed.activity").value == "act-5"
    texts = feed_texts(at)
    assert texts[-1] == "ตรวจลิงก์ทุกข้อทุกเดือน"  # the newest change closes the list
    at.selectbox(key="changed.activity").set_value("act-6").run()
    assert "ยังไม่มีข้อปรับเปลี่ยนที่บันทึกไว้สำหรับกิจกรรมนี้" in page_text(at)


def test_a_viewer_reads_the_whole_feed(run_page, store):
    at = run_page(PAGE, deployed=True)
    assert_clean(at)
    assert "8 รายการ" in page_text(at)
    assert not at.get("form")


def test_the_feed_in_english(run_page, store):
    at = run_page(PAGE, lang="en")
    assert_clean(at)
    assert "8 entries" in page_text(at) and "What changed because of the reflections" in page_text(at)
