"""The digest as text, Flex message and e-mail: the same content everywhere, inside LINE's limits under every
reading of them, and sheet text kept as text (never markup) in the HTML."""

from __future__ import annotations

import email
import json
from datetime import datetime
from email.policy import default

import pytest

from de_core.digest.flex import (
    ALT_TEXT_LIMIT,
    BUBBLE_LIMIT,
    LABEL_LIMIT,
    flex_message,
    json_size,
    text_message,
)
from de_core.digest.html import digest_html
from de_core.digest.mail import compose, message_id, payload
from de_core.digest.model import build_digest
from de_core.digest.text import TEXT_LIMIT, digest_text, utf16_len
from de_core.ops.demo import DEMO_AS_OF
from de_core.writing.submission import BANGKOK
from tests.fakeline.checks import Reading, check_message
from tests.unit.digestdata import APP, huge_digest

READINGS = [Reading(alt_text_limit=a, label_limit=lab, kb=kb, ascii_json=asc)
            for a in (400, 1500) for lab in (20, 40) for kb in (1000, 1024) for asc in (False, True)]


@pytest.fixture
def demo_digest(demo_wb):
    return build_digest(demo_wb, 2566, DEMO_AS_OF, app_url=APP)


def test_the_text_reads_top_down_like_the_message(demo_digest):
    text = digest_text(demo_digest)
    lines = text.splitlines()
    assert lines[0] == "สรุปความคืบหน้าโครงการ DE · สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ"
    assert "ข้อมูล ณ 30 มิ.ย. 2566" in lines[1] and "ข้อมูลตัวอย่าง (demo)" in lines[1]
    assert lines[2] == "ล่าช้า 3 · ครบกำหนดเดือนนี้ 1 · KPI มีผลใหม่ 4 · สะท้อนผลใหม่ 1"
    assert text.index("ล่าช้า (3)") < text.index("ITA") < text.index("ตัวชี้วัดที่มีผลการวัดใหม่ (4)")
    assert lines[-1] == f"โหมดประชุม: {APP}/?meeting=1&lang=th"


def test_a_text_over_the_limit_is_cut_with_the_links_kept():
    d = huge_digest()
    cut = digest_text(d, 1000)
    assert utf16_len(cut) <= 1000 and cut.endswith(f"{APP}/?meeting=1&lang=th") and "\n…\n" in cut
    assert utf16_len(text_message(d)["text"]) <= TEXT_LIMIT
    assert utf16_len("😀ก") == 3


@pytest.mark.parametrize("reading", READINGS, ids=lambda r: f"alt{r.alt_text_limit}-label{r.label_limit}-kb{r.kb}"
                         f"-{'ascii' if r.ascii_json else 'utf8'}")
def test_the_biggest_digest_fits_every_reading_of_lines_limits(reading):
    d = huge_digest()
    for i, message in enumerate([flex_message(d), text_message(d)]):
        check_message(message, i, reading)  # raises when the real API would refuse it


def test_a_bubble_too_big_shows_fewer_items_but_stays_a_flex_message(monkeypatch):
    import de_core.digest.flex as flex

    monkeypatch.setattr(flex, "BUBBLE_LIMIT", 9000)
    message = flex.flex_message(huge_digest())
    assert json_size(message["contents"]) <= 9000 and message["type"] == "flex"
    assert BUBBLE_LIMIT == 30_000 and ALT_TEXT_LIMIT == 400 and LABEL_LIMIT == 20


def test_the_flex_message_carries_the_sections_and_buttons_to_the_app(demo_digest):
    message = flex_message(demo_digest)
    dumped = json.dumps(message, ensure_ascii=False)
    assert message["altText"].startswith("สรุปความคืบหน้าโครงการ DE · สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ · ล่าช้า 3")
    assert "4.3 สรุปผลข้อมูล" in dumped and "5 ครั้ง → 8 ครั้ง" in dumped
    buttons = message["contents"]["footer"]["contents"]
    assert [b["action"]["uri"] for b in buttons] == [f"{APP}/?lang=th", f"{APP}/?meeting=1&lang=th"]
    assert [b["action"]["label"] for b in buttons] == ["เปิดแดชบอร์ด", "โหมดประชุม"]


def test_without_the_apps_address_the_message_has_no_links(demo_wb):
    d = build_digest(demo_wb, 2566, DEMO_AS_OF)
    assert "footer" not in flex_message(d)["contents"] and "http" not in digest_text(d)
    check_message(flex_message(d), 0, Reading())


def test_the_html_holds_sheet_text_only_as_text():
    html = digest_html(huge_digest())
    assert "<b>ตัวหนา</b>" not in html and "&lt;b&gt;ตัวหนา&lt;/b&gt;" in html
    assert "\x0b" not in html and html.startswith("<!DOCTYPE html>") and 'lang="th"' in html
    hrefs = [part.split('"')[0] for part in html.split('href="')[1:]]
    assert hrefs and all(h.startswith(APP) for h in hrefs)


def test_the_email_has_text_and_html_a_thai_subject_and_a_stable_message_id(demo_digest):
    now = datetime(2023, 6, 30, 8, 0, tzinfo=BANGKOK)
    msg = compose(demo_digest, "แดชบอร์ด DE <dashboard@example.go.th>", "director@example.go.th",
                  "email:director@example.go.th:2023-W26", now)
    parsed = email.message_from_bytes(msg.as_bytes(), policy=default)
    assert parsed["Subject"].startswith("[สรุป DE] · สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ · สัปดาห์")
    assert parsed["Message-ID"] == message_id("email:director@example.go.th:2023-W26", "dashboard@example.go.th")
    assert parsed["Message-ID"].endswith("@example.go.th>") and parsed["Auto-Submitted"] == "auto-generated"
    plain, html = parsed.get_body(("plain",)), parsed.get_body(("html",))
    assert plain.get_content().strip() == digest_text(demo_digest) and "4.3 สรุปผลข้อมูล" in html.get_content()
    assert message_id("email:a@b:2023-W26", "x@y.th") != message_id("email:a@b:2023-W27", "x@y.th")


def test_the_data_payload_doubles_leading_dots_and_ends_the_data():
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Subject"] = "x"
    msg.set_content(".\n.hidden line\nok\n")
    data = payload(msg)
    assert data.endswith(b"\r\n.\r\n") and b"\r\n..\r\n" in data and b"\r\n..hidden line\r\n" in data
