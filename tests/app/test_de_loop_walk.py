"""The whole DE loop through the app (issue #19), on the embedded store and on the Google fake (real gspread over
real HTTP): a reflection is saved, its adaptation proposed from the feed in one click, agreed, then done with an
effect; the feed, the adaptation log, the overview's late list, the KPI page and the sensemaking view show it at each
step; the audit tab holds every step under the editor's name; a viewer can do none of it."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from de_core.ops.demo import demo_workbook
from de_core.sheet.workbook import parse_workbook
from de_core.writing.passcode import hash_passcode
from tests.app.conftest import EVERYWHERE, ROOT, assert_clean, bind, page_text
from tests.app.formfill import REFLECTION, fill, submit
from tests.fakesheets import fake_client
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, google_store

PASSCODE = "วงจร-DE-2566"
HASH = hash_passcode(PASSCODE, iterations=1_000)
EDITOR = "ศึกษานิเทศก์ผู้รับผิดชอบโครงการ"
NOW_WHAT = "นัดหมายผู้ประเมิน EIT กลุ่มที่ ๒ ล่วงหน้า ๒ สัปดาห์ และโทรยืนยันก่อนวันประชุม"


@pytest.fixture(params=["embedded", "google"])
def backend(request, db_path, monkeypatch):
    """(secrets, store): the app's store, the same one the test reads back."""
    secrets: dict = {"editors": {"passcode_hash": HASH}}
    if request.param == "embedded":
        from de_core.ops.config import open_embedded

        return secrets, open_embedded(db_path)
    server = request.getfixturevalue("fake_sheets")
    store = google_store(server, demo_workbook())
    import de_ui.google as google

    real = google.google_store
    # The app's own Google store code runs whole; only the gspread client is one that talks to the fake.
    monkeypatch.setattr(google, "google_store",
                        lambda s: real(s, client_factory=lambda _section: fake_client(server.base_url, timeout=15)))
    secrets["connections"] = {"gsheets": {"spreadsheet": f"https://docs.google.com/spreadsheets/d/{KEY}/edit"}}
    return secrets, store


def _app(secrets: dict, page: str, deployed: bool = False) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
    at.secrets = secrets
    if deployed:
        bind(EVERYWHERE)
    at.run()
    return at.switch_page(page).run()


def _rows(store, tab: str) -> list[dict]:
    return parse_workbook(store.read_all()).rows(tab)


def _sign_in(at: AppTest) -> AppTest:
    at.text_input(key="signin.name").set_value(EDITOR)
    at.text_input(key="signin.passcode").set_value(PASSCODE)
    return at.button(key="signin._submit").click().run()


def test_the_whole_loop_from_reflection_to_effect_is_shown_and_audited(backend):
    secrets, store = backend
    at = _sign_in(_app(secrets, "pages/reflect.py"))
    submit(fill(at, "reflect", {**REFLECTION, "now_what": NOW_WHAT}), "reflect")
    assert_clean(at)
    (ref,) = [r for r in _rows(store, "reflections") if r.get("now_what") == NOW_WHAT]

    at.switch_page("pages/reflections.py").run()  # the feed: one click proposes the adaptation
    at.button(key=f"propose.{ref['id']}").click().run()
    assert_clean(at)
    assert "เสนอเป็นการปรับเปลี่ยนแล้ว" in page_text(at)
    (adp,) = [a for a in _rows(store, "adaptations") if a.get("reflection_id") == ref["id"]]
    assert (adp["decision"], adp["status"], adp["kpi_ids"]) == (NOW_WHAT, "proposed", REFLECTION["kpi_ids"])
    assert f"การปรับเปลี่ยน: {NOW_WHAT} — เสนอ" in page_text(at)
    assert not [b for b in at.button if b.key == f"propose.{ref['id']}"]  # proposed: the button is gone

    at.switch_page("pages/adaptations.py").run()  # agreed, with an owner and a due date
    form = f"adapt.{adp['id']}"
    at.selectbox(key="adapt.pick").set_value(adp["id"]).run()
    at.radio(key=f"{form}.status").set_value("agreed")
    at.text_input(key=f"{form}.owner").set_value(EDITOR)
    at.selectbox(key=f"{form}.due_on").set_value(date(2023, 6, 30))
    at.button(key=f"{form}._submit").click().run()
    assert_clean(at)
    assert "เห็นชอบแล้ว" in page_text(at)

    at.switch_page("pages/overview.py").run()  # due this month (late, once past it: tests/unit/test_de_loop.py)
    assert NOW_WHAT in page_text(at) and "การปรับเปลี่ยน · กำหนด 30 มิ.ย. 2566" in page_text(at)
    at.switch_page("pages/sensemaking.py").run()
    sense = page_text(at)
    assert NOW_WHAT in sense and "ตั้งแต่การประชุมครั้งก่อน «สะท้อนผลก่อนกลั่นกรองรายงาน OIT» (9 มิ.ย. 2566)" in sense

    at.switch_page("pages/adaptations.py").run()  # done, with its effect
    at.selectbox(key="adapt.pick").set_value(adp["id"]).run()
    at.radio(key=f"{form}.status").set_value("done")
    at.selectbox(key=f"{form}.done_on").set_value(date(2023, 6, 30))
    at.text_area(key=f"{form}.effect").set_value("กลุ่มที่ ๒ มาครบตรงเวลาในการประชุมครั้งถัดไป")
    at.button(key=f"{form}._submit").click().run()
    assert_clean(at)
    (adp,) = [a for a in _rows(store, "adaptations") if a["id"] == adp["id"]]
    assert (adp["status"], adp["done_on"], adp["owner"]) == ("done", date(2023, 6, 30), EDITOR)

    at.switch_page("pages/reflections.py").run()
    assert f"การปรับเปลี่ยน: {NOW_WHAT} — ปรับแล้ว" in page_text(at)
    at.switch_page("pages/overview.py").run()
    assert NOW_WHAT not in page_text(at)  # done: no longer in the due list
    at.switch_page("pages/kpis.py").run()
    assert NOW_WHAT in page_text(at)  # marked on the trend of the KPIs it touches

    steps = [(a["action"], a["tab"], a["row_id"], a["who"]) for a in _rows(store, "audit")]
    who = f"{EDITOR} (passcode)"
    assert steps == [("append", "reflections", ref["id"], who), ("append", "adaptations", adp["id"], who),
                     ("update", "adaptations", adp["id"], who), ("update", "adaptations", adp["id"], who)]


def test_a_viewer_can_do_none_of_the_loop(backend):
    secrets, store = backend
    before = {tab: len(_rows(store, tab)) for tab in ("adaptations", "meetings", "audit")}
    for page in ("pages/reflections.py", "pages/adaptations.py", "pages/sensemaking.py"):
        at = _app(secrets, page, deployed=True)
        assert_clean(at)
        loop_keys = ("propose.", "adapt", "meeting", "sense")
        assert not [b for b in at.button if str(b.key).startswith(loop_keys)], page
        assert not [w for w in [*at.text_area, *at.text_input, *at.radio] if str(w.key).startswith(loop_keys)], page
    assert {tab: len(_rows(store, tab)) for tab in before} == before


def test_on_a_sheet_made_before_the_loop_tabs_proposing_says_to_run_provision(db_path, fake_sheets,  # noqa: F811
                                                                               monkeypatch):
    from de_core.sheet.schema import load_schema
    from de_core.store.google.retry import RetryPolicy
    from de_core.store.google.store import GoogleSheetStore
    from tests.integration.gsheets_support import sheets_from_raw

    older = {t: rows for t, rows in sheets_from_raw(demo_workbook()).items()
             if t not in (load_schema().tab(k).th for k in ("adaptations", "outcomes", "meetings"))}
    fake_sheets.add_spreadsheet(KEY, "DE Workbook", older)
    import de_ui.google as google

    monkeypatch.setattr(google, "google_store", lambda s: GoogleSheetStore(
        fake_client(fake_sheets.base_url, timeout=15), KEY, retry=RetryPolicy(max_total_seconds=1, base=0.01, cap=0.02)))
    secrets = {"editors": {"passcode_hash": HASH},
               "connections": {"gsheets": {"spreadsheet": f"https://docs.google.com/spreadsheets/d/{KEY}/edit"}}}
    at = _sign_in(_app(secrets, "pages/reflect.py"))
    at.switch_page("pages/reflections.py").run()
    assert_clean(at)  # the feed works on the older sheet
    at.button(key="propose.ref-08").click().run()
    assert_clean(at)
    text = page_text(at)
    assert "เสนอไม่สำเร็จ" in text and "de-dashboard provision" in text
    at.switch_page("pages/data_health.py").run()
    assert "ไม่พบแท็บ «การปรับเปลี่ยน»" in page_text(at)  # a warning: the rest keeps working
