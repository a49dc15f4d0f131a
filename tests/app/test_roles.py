"""Roles: viewers read everything and cannot write whatever they change; editors sign in (OIDC or passcode)."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from de_core.store import PermissionDenied
from de_core.writing.actor import VIEWER
from de_core.writing.passcode import hash_passcode
from de_core.writing.writer import Writer
from tests.app.conftest import EVERYWHERE, REMOTE_URL, ROOT, assert_clean, bind, page_text
from tests.app.formfill import REFLECTION, fill, records, reflections_by, submit

REFLECT = "pages/reflect.py"
PASSCODE = "สุจริต-AA-2566"
HASH = hash_passcode(PASSCODE, iterations=1_000)
OIDC = {"redirect_uri": "https://de.example.go.th/oauth2callback", "cookie_secret": "not-a-real-secret",
        "client_id": "client.apps.example.com", "client_secret": "not-a-real-secret",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}
OFFICER = "officer@example.go.th"


@pytest.fixture
def open_page(db_path):
    """Run a page with the given secrets, signed-in user, browser URL and headers; deployed: the server binds every
    address (the container's command), otherwise loopback (the README's)."""

    def run(page: str = REFLECT, secrets: dict | None = None, user: dict | None = None, url: str | None = None,
            query: dict | None = None, deployed: bool = False, headers: dict | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        if deployed:
            bind(EVERYWHERE)
            url = url or REMOTE_URL
        if headers:
            at.context["headers"] = headers
        at.secrets = secrets or {}
        if user is not None:
            at.user = user
        if url:
            at.context["url"] = url
        at.query_params.update(query or {})
        at.run()
        at.switch_page(page).run()
        return at

    return run


def has_form(at: AppTest) -> bool:
    return any(w.key == "reflect.what" for w in at.text_area)


def test_a_deployed_viewer_gets_no_form_on_either_form_page(open_page, store):
    for page in (REFLECT, "pages/results.py"):
        at = open_page(page, deployed=True)
        assert_clean(at)
        assert not at.get("form") and not at.text_area
        assert "ลิงก์นี้เปิดให้อ่านอย่างเดียว" in page_text(at)


@pytest.mark.parametrize("url", ["http://localhost:8501/", "http://127.0.0.1/", "http://[::1]:8501/reflect"])
def test_a_client_reporting_a_localhost_address_to_a_deployed_server_is_a_viewer(open_page, store, url):
    at = open_page(deployed=True, url=url)
    assert_clean(at)
    assert not has_form(at) and "ลิงก์นี้เปิดให้อ่านอย่างเดียว" in page_text(at)


def test_on_a_server_bound_to_loopback_the_reported_url_counts_for_nothing(open_page, store):
    at = open_page(url=REMOTE_URL)  # bound to 127.0.0.1 as .streamlit/config.toml does: only this machine connects
    assert_clean(at)
    assert has_form(at) and "ทำงานในเครื่องนี้ในฐานะผู้แก้ไข" in page_text(at)


def test_the_readme_run_command_binds_loopback_by_the_project_s_own_config():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def test_a_viewer_changing_the_url_or_session_values_still_cannot_write(open_page, store):
    before = len(records(store, "reflections"))
    at = open_page(deployed=True, query={"role": "editor", "editor": "1", "admin": "true"})
    for name, value in REFLECTION.items():
        at.session_state[f"reflect.{name}"] = value
    at.session_state["_de_editor_passcode"] = "someone (passcode)"  # honoured only when a passcode is set up
    at.run()
    assert_clean(at)
    assert not has_form(at)
    assert len(records(store, "reflections")) == before and records(store, "audit") == []


def test_a_session_that_lost_editor_rights_cannot_submit_the_form_it_still_shows(open_page, store):
    at = fill(open_page(), "reflect", REFLECTION)
    bind(EVERYWHERE)  # the same session, now on a server that every computer can reach
    submit(at, "reflect")
    assert_clean(at)
    status, error = at.session_state["reflect._outcome"]
    assert status == "error" and isinstance(error, PermissionDenied)
    assert reflections_by(store, activity_id="act-5-07") == [] and records(store, "audit") == []


def test_the_writer_refuses_a_viewer_outright(store):
    with pytest.raises(PermissionDenied):
        Writer(store, VIEWER).append("reflections", {"id": "ref-forced", "what": "=cmd"})
    assert reflections_by(store, id="ref-forced") == []


def test_with_a_passcode_set_up_even_this_machine_must_sign_in(open_page, store):
    at = open_page(secrets={"editors": {"passcode_hash": HASH}})
    assert_clean(at)
    assert not has_form(at)
    assert at.text_input(key="signin.passcode")
    assert HASH not in page_text(at) and HASH.split("$")[2] not in page_text(at)


def test_the_right_passcode_opens_the_form_and_the_audit_names_the_editor(open_page, store):
    at = open_page(secrets={"editors": {"passcode_hash": HASH}})
    at.text_input(key="signin.passcode").set_value("ผิด")
    at.button(key="signin._submit").click().run()
    assert "รหัสผ่านไม่ถูกต้อง" in page_text(at) and not has_form(at)
    at.text_input(key="signin.name").set_value("ศึกษานิเทศก์ผู้รับผิดชอบ")
    at.text_input(key="signin.passcode").set_value(PASSCODE)
    at.button(key="signin._submit").click().run()
    assert has_form(at)
    submit(fill(at, "reflect", REFLECTION), "reflect")
    (row,) = reflections_by(store, activity_id="act-5-07")
    (audit,) = [a for a in records(store, "audit") if a["row_id"] == row["id"]]
    assert audit["who"] == "ศึกษานิเทศก์ผู้รับผิดชอบ (passcode)"


def test_five_wrong_passcodes_lock_the_session_out(open_page, store):
    at = open_page(secrets={"editors": {"passcode_hash": HASH}})
    for _ in range(5):
        at.text_input(key="signin.passcode").set_value("เดา")
        at.button(key="signin._submit").click().run()
    assert "ใส่รหัสผ่านผิดหลายครั้ง" in page_text(at)
    assert not [w for w in at.text_input if w.key == "signin.passcode"]
    assert not has_form(at)
    st.cache_resource.clear()  # what any browser's clear-cache message does
    st.cache_data.clear()
    at.run()
    assert "ใส่รหัสผ่านผิดหลายครั้ง" in page_text(at) and not has_form(at)  # still locked out


def test_an_oidc_editor_on_the_allow_list_writes_under_their_email(open_page, store):
    secrets = {"auth": OIDC, "editors": {"emails": ["Officer@Example.go.th"]}}
    at = open_page(secrets=secrets, user={"email": OFFICER, "email_verified": True, "is_logged_in": True},
                   deployed=True)
    assert_clean(at)
    assert has_form(at)
    assert any(OFFICER in c.value.replace("\\", "") for c in at.sidebar.caption)
    submit(fill(at, "reflect", REFLECTION), "reflect")
    (row,) = reflections_by(store, activity_id="act-5-07")
    assert [a["who"] for a in records(store, "audit") if a["row_id"] == row["id"]] == [OFFICER]


@pytest.mark.parametrize("user", [
    {"email": "someone@example.com", "is_logged_in": True},
    {"email": OFFICER, "email_verified": False, "is_logged_in": True},
    {"email": OFFICER},
    {"email": OFFICER, "is_logged_in": True},  # no email_verified claim at all (Microsoft Entra ID)
    {"email": OFFICER, "email_verified": "false", "is_logged_in": True},
    {"email": OFFICER, "email_verified": "False", "is_logged_in": True, "oid": "not-on-the-list"},
])
def test_oidc_users_not_signed_in_verified_and_listed_are_viewers(open_page, store, user):
    secrets = {"auth": OIDC, "editors": {"emails": [OFFICER]}}
    at = open_page(secrets=secrets, user=user, deployed=True)
    assert_clean(at)
    assert not has_form(at)
    if not user.get("is_logged_in"):
        assert at.button(key="signin_oidc")
    else:
        assert "ไม่อยู่ในรายชื่อผู้แก้ไข" in page_text(at)


@pytest.mark.parametrize("claim", ["oid", "sub"])
def test_an_editor_listed_by_subject_id_writes_though_the_provider_sends_no_email_verified(open_page, store, claim):
    subject = "00000000-0000-0000-0000-0000000000a1"
    secrets = {"auth": OIDC, "editors": {"emails": [OFFICER], "subjects": [subject]}}
    at = open_page(secrets=secrets, user={"email": OFFICER, "is_logged_in": True, claim: subject}, deployed=True)
    assert_clean(at)
    assert has_form(at)


def test_the_feed_stays_open_to_viewers_while_the_forms_ask_them_to_sign_in(open_page, store):
    at = open_page("pages/reflections.py", secrets={"auth": OIDC, "editors": {"emails": [OFFICER]}},
                   deployed=True)
    assert_clean(at)
    assert "8 รายการ" in page_text(at)
