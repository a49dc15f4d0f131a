"""The digest page for editors: the preview is exactly what is sent, viewers get the sign-in instead, "send now"
sends once through the same log as the command, and no secret reaches the page."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from de_core.digest.flex import flex_message
from de_core.digest.send import digest_for
from de_core.digest.settings import load_settings
from de_core.digest.text import digest_text
from de_core.ops.demo import DEMO_AS_OF
from de_core.sheet.workbook import parse_workbook
from tests.app.conftest import EVERYWHERE, REMOTE_URL, ROOT, assert_clean, bind, page_text, shown
from tests.fakeline import FakeLineServer
from tests.fakeline.fixtures import fake_line  # noqa: F401  (pytest fixture)
from tests.mailserver.fixtures import PASSWORD, USER, MailServer, mail_server  # noqa: F401  (pytest fixture)

PAGE = "pages/digest.py"
APP = "https://de-dashboard.example.go.th"


def _run(secrets: dict | None = None, deployed: bool = False) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for name, section in (secrets or {}).items():
        at.secrets[name] = section
    if deployed:
        bind(EVERYWHERE)
        at.context["url"] = REMOTE_URL
    at.run()
    at.switch_page(PAGE)
    at.run()
    return at


def _everything(at: AppTest) -> str:
    """Every element of the page as its protobuf text: what the browser would receive."""
    parts: list[str] = []

    def walk(node) -> None:
        if getattr(node, "proto", None) is not None:
            parts.append(str(node.proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


@pytest.fixture
def line(fake_line: FakeLineServer) -> FakeLineServer:  # noqa: F811
    return fake_line


@pytest.fixture
def box(mail_server: MailServer) -> MailServer:  # noqa: F811
    return mail_server


def _secrets(line: FakeLineServer, box: MailServer) -> dict:
    return {"digest": {"app_url": APP},
            "line": {"channel_access_token": line.token, "to": [line.add_group(9)], "api_url": line.base_url},
            "smtp": {"host": box.host, "port": box.port, "username": USER, "password": PASSWORD,
                     "sender": f"แดชบอร์ด DE <{USER}>", "to": ["director@example.go.th"], "ca_file": str(box.ca_file),
                     "timeout": 10}}


def test_the_preview_is_the_text_and_flex_message_that_will_be_sent(store, db_path):
    at = _run({"digest": {"app_url": APP}})
    assert_clean(at)
    wb = parse_workbook(store.read_all())
    digest = digest_for(wb, 2566, DEMO_AS_OF, load_settings({"digest": {"app_url": APP}}))
    assert at.text_area[0].value == digest_text(digest)
    assert json.loads(at.code[0].value) == flex_message(digest)
    text = page_text(at)
    assert "สรุปความคืบหน้าทาง LINE และอีเมล" in text and "ยังไม่ได้ตั้งค่าช่องทางส่ง" in text
    assert not [b for b in at.button if b.key == "digest.send_now"]


def test_without_the_apps_address_the_page_says_the_links_are_missing(store):
    at = _run()
    assert_clean(at)
    assert "[digest] app_url" in page_text(at) and "http" not in at.text_area[0].value


def test_a_viewer_gets_the_sign_in_not_the_digest(store):
    at = _run({"digest": {"app_url": APP}}, deployed=True)
    assert_clean(at)
    assert not at.text_area and not at.code and not [b for b in at.button if b.key == "digest.send_now"]


def test_settings_that_cannot_work_are_named_on_the_page(store):
    at = _run({"digest": {"every": "fortnight"}})
    assert_clean(at)
    assert "every ต้องเป็น" in page_text(at)


def test_send_now_sends_once_shows_what_happened_and_keeps_every_secret_off_the_page(store, line, box):
    at = _run(_secrets(line, box))
    assert_clean(at)
    assert len(at.dataframe[0].value) == 2  # the group, the address
    assert "กลุ่มที่มีสมาชิก 25 คน ใช้โควตาประมาณ 109 ข้อความต่อเดือน" in page_text(at)
    at.button(key="digest.send_now").click().run()
    assert_clean(at)
    assert len(line.sent) == 1 and len(box.received) == 1 and line.messages_used == 9
    notes = sorted(shown(s.value) for s in at.success)  # shown as written: the notes are escaped for Markdown
    assert notes == [f"LINE {line.sent[0].to}: ส่งแล้ว", "อีเมล director@example.go.th: ส่งแล้ว"]
    log = parse_workbook(store.read_all()).rows("digest_log")
    assert {r["status"] for r in log} == {"sent"} and all(r["fiscal_year"] == 2566 for r in log)
    assert "ส่งแล้ว" in page_text(at)  # the log table of the page, read again after the send
    at.button(key="digest.send_now").click().run()
    assert len(line.sent) == 1 and len(box.received) == 1 and len(at.info) >= 2  # "not sent: already sent"
    for page in (at, _run(_secrets(line, box))):
        sent_to_browser = _everything(page) + page_text(page)
        assert line.token not in sent_to_browser and PASSWORD not in sent_to_browser
