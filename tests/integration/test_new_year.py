"""`de-dashboard new-year` on the embedded workbook (as a fresh clone runs it) and on a Google Sheet through real
gspread against the fake: rows written through the Writer and audited, a second run creates nothing, viewers are
refused, and on Google each tab costs one write request whatever its number of rows."""

from __future__ import annotations

import io

import pytest

from de_core.ops.cli import main
from de_core.ops.demo import demo_workbook
from de_core.ops.new_year import apply_new_year, plan_new_year
from de_core.sheet.workbook import parse_workbook
from de_core.store.base import PermissionDenied
from de_core.store.local import SQLiteStore
from de_core.writing.actor import VIEWER, Actor
from de_core.writing.writer import Writer
from tests.fakesheets import FakeSheetsServer, fake_client
from tests.fakesheets.faults import WRITE_KINDS
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, google_store

EDITOR = Actor("officer@example.go.th", "editor", "oidc")


def _cli(*args: str, factory=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err, **({"client_factory": factory} if factory else {}))
    return code, out.getvalue(), err.getvalue()


def _rows(store, tab: str, fy: int) -> list[dict]:
    return [r for r in parse_workbook(store.read_all()).rows(tab) if r.get("fiscal_year") == fy]


def test_new_year_on_the_demo_creates_the_plan_once(tmp_path, monkeypatch):
    monkeypatch.setenv("DE_DASHBOARD_DB", str(tmp_path / "workbook.sqlite"))
    none = str(tmp_path / "no-secrets.toml")
    code, out, _ = _cli("new-year", "--from", "2566", "--to", "2567", "--dry-run", "--secrets", none)
    assert code == 0 and "would create 14" in out
    store = SQLiteStore(tmp_path / "workbook.sqlite")
    assert _rows(store, "kpis", 2567) == []  # a dry run writes nothing
    code, out, _ = _cli("new-year", "--from", "2566", "--to", "2567", "--secrets", none)
    assert code == 0 and "created 14" in out
    assert len(_rows(store, "kpis", 2567)) == 14
    steps = _rows(store, "de_steps", 2567)
    assert len(steps) == 16 and {s["status"] for s in steps} == {"not_started"}
    audit = parse_workbook(store.read_all()).rows("audit")
    assert sum(a["tab"] == "kpis" and a["action"] == "append" for a in audit) == 14
    assert all(a["who"].startswith("de-dashboard new-year") for a in audit if a["tab"] == "kpis")
    settings = {r["id"]: r for r in parse_workbook(store.read_all()).rows("settings")}
    assert settings["fy-2567"]["is_current"] is True and settings["fy-2566"]["is_current"] is False
    before = {tab: len(parse_workbook(store.read_all()).rows(tab)) for tab in ("kpis", "activities", "audit")}
    code, out, _ = _cli("new-year", "--from", "2566", "--to", "2567", "--secrets", none)
    assert code == 0 and "nothing to create" in out
    assert {tab: len(parse_workbook(store.read_all()).rows(tab)) for tab in before} == before


def test_a_year_that_is_not_there_fails_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setenv("DE_DASHBOARD_DB", str(tmp_path / "workbook.sqlite"))
    code, out, _ = _cli("new-year", "--from", "2570", "--to", "2571", "--secrets", str(tmp_path / "none.toml"))
    assert code == 1 and "No row for fiscal year 2570" in out


def test_a_viewer_cannot_carry_the_year(tmp_path):
    store = SQLiteStore(tmp_path / "w.sqlite")
    store.initialize(demo_workbook())
    plan = plan_new_year(store.read_all(), 2566, 2567)
    with pytest.raises(PermissionDenied):
        apply_new_year(plan, Writer(store, VIEWER))
    assert _rows(store, "kpis", 2567) == []


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    return fake_sheets


def test_on_google_each_tab_is_one_write_request_and_a_second_run_writes_nothing(srv, tmp_path):
    store = google_store(srv, demo_workbook())
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[connections.gsheets]\nspreadsheet = "{KEY}"\n', encoding="utf-8")
    factory = lambda _fields: fake_client(srv.base_url, timeout=3)  # noqa: E731
    writes_before = sum(srv.count(k) for k in WRITE_KINDS)
    code, out, err = _cli("new-year", "--from", "2566", "--to", "2567", "--secrets", str(secrets), factory=factory)
    assert code == 0, err
    tabs_written = 9  # settings, kras, kpis, de_steps, activities, objectives, oit_items, ita_weights, ita_bands
    writes = sum(srv.count(k) for k in WRITE_KINDS) - writes_before
    assert writes <= 2 * tabs_written + 2, f"{writes} write requests for {tabs_written} tabs"
    assert len(_rows(store, "kpis", 2567)) == 14 and len(_rows(store, "oit_items", 2567)) == 43
    writes_before = sum(srv.count(k) for k in WRITE_KINDS)
    code, out, _ = _cli("new-year", "--from", "2566", "--to", "2567", "--secrets", str(secrets), factory=factory)
    assert code == 0 and "nothing to create" in out
    assert sum(srv.count(k) for k in WRITE_KINDS) == writes_before
