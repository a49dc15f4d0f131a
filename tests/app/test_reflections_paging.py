"""A long reflection feed is shown 50 entries a page, with the page count and a page number to move on."""

from __future__ import annotations

from tests.app.conftest import assert_clean, page_text

PAGE = "pages/reflections.py"


def extra_reflections(n: int) -> list[dict[str, str]]:
    """n reflections written after every demo one (25 Jun 2566), in sheet order p01..pNN."""
    return [{"id": f"ref-p{i:02}", "fiscal_year": "2566", "written_on": "25/06/2566", "activity_id": "act-5",
             "author_group": "บุคลากร", "what": f"บันทึกทดสอบหน้า {i:02}", "confidence": "ตามเป้า"}
            for i in range(1, n + 1)]


def test_a_long_feed_shows_fifty_entries_then_the_second_page_shows_the_rest(run_page, store):
    store.append("reflections", extra_reflections(60))
    at = run_page(PAGE)
    assert_clean(at)
    text = page_text(at)
    assert "แสดง 1–50 จาก 68 รายการ" in text and "หน้า 1 จาก 2" in text
    first = [t.value for t in at.text if t.value.startswith("บันทึกทดสอบหน้า")]
    assert len(first) == 50 and first[0] == "บันทึกทดสอบหน้า 60" and first[-1] == "บันทึกทดสอบหน้า 11"
    at.number_input(key="feed.page").set_value(2).run()
    assert_clean(at)
    text = page_text(at)
    assert "แสดง 51–68 จาก 68 รายการ" in text and "หน้า 2 จาก 2" in text
    second = [t.value for t in at.text if t.value.startswith("บันทึกทดสอบหน้า")]
    assert second == [f"บันทึกทดสอบหน้า {i:02}" for i in range(10, 0, -1)]
    assert "2 พ.ย. 2565" in text.replace("\\", "")  # the oldest demo reflection closes the last page


def test_a_filter_that_fits_on_one_page_has_no_page_control(run_page, store):
    store.append("reflections", extra_reflections(60))
    at = run_page(PAGE)
    at.selectbox(key="feed.confidence").set_value("off_track").run()
    assert_clean(at)
    assert "แสดง 1–1 จาก 1 รายการ" in page_text(at) and not at.number_input


def test_the_pages_in_english(run_page, store):
    store.append("reflections", extra_reflections(60))
    at = run_page(PAGE, lang="en")
    assert_clean(at)
    assert "Showing 1–50 of 68 entries" in page_text(at) and "Page 1 of 2" in page_text(at)
