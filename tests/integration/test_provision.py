"""`de-dashboard provision`: tabs, headers, frozen and protected header rows, dropdowns, text cells; idempotent."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from de_core.ops.cli import COMMANDS, main
from de_core.ops.demo import demo_workbook
from de_core.ops.provision import MARK, provision
from de_core.sheet.raw import RawTab, RawWorkbook
from de_core.sheet.schema import load_schema
from de_core.store.local import SQLiteStore
from tests.fakesheets import FakeSheetsServer, Fault, fake_client
from tests.fakesheets.faults import WRITE_KINDS
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, google_store

ROOT = Path(__file__).resolve().parents[2]
URL = f"https://docs.google.com/spreadsheets/d/{KEY}/edit"


@pytest.fixture
def srv(fake_sheets: FakeSheetsServer) -> FakeSheetsServer:  # noqa: F811
    fake_sheets.add_spreadsheet(KEY, "DE Workbook", {"Sheet1": []})
    return fake_sheets


def _store(srv):
    return google_store(srv, create=False)


def _writes(srv) -> int:
    return sum(srv.count(k) for k in WRITE_KINDS)


def _cli(srv, *args: str, factory=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    factory = factory or (lambda _fields: fake_client(srv.base_url, timeout=15))
    code = main(list(args), client_factory=factory, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_fresh_sheet_gets_every_tab_with_its_thai_header_in_one_structural_request(srv, schema):
    report = provision(_store(srv))
    assert srv.sheet_titles(KEY) == ["Sheet1", *[t.th for t in schema.tabs]]
    for tab in schema.tabs:
        assert srv.values(KEY, tab.th) == [tab.headers("th")]
    assert [r.kind for r in srv.requests] == ["spreadsheets.get", "developerMetadata.search",
                                              "spreadsheets.batchUpdate", "values.batchUpdate"]
    assert report.created == [t.th for t in schema.tabs] and report.writes == 2


def test_header_rows_are_frozen_bold_and_protected_with_a_warning(srv, schema):
    provision(_store(srv))
    for tab in schema.tabs:
        assert srv.sheet_props(KEY, tab.th)["gridProperties"]["frozenRowCount"] == 1
        (protected,) = srv.protected_ranges(KEY, tab.th)
        assert protected["description"] == MARK and protected["warningOnly"] is True
        assert (protected["range"]["startRowIndex"], protected["range"]["endRowIndex"]) == (0, 1)
        fields = {f["fields"] for f in srv.formats(KEY, tab.th)}
        assert fields == {"userEnteredFormat.textFormat.bold", "userEnteredFormat.numberFormat"}


def test_data_cells_are_formatted_as_plain_text_so_dates_stay_as_typed(srv):
    provision(_store(srv))
    (text,) = [f for f in srv.formats(KEY, "ค่าใช้จ่าย") if f["fields"] == "userEnteredFormat.numberFormat"]
    assert text["cell"]["userEnteredFormat"]["numberFormat"] == {"type": "TEXT", "pattern": "@"}
    assert text["range"]["startRowIndex"] == 1 and "endRowIndex" not in text["range"]


def test_enum_columns_get_a_lenient_dropdown_of_their_thai_labels(srv, schema):
    provision(_store(srv))
    for tab in schema.tabs:
        enums = [(i, c) for i, c in enumerate(tab.columns) if c.type == "enum"]
        rules = srv.data_validations(KEY, tab.th)
        assert len(rules) == len(enums), tab.key
        for (pos, col), rule in zip(enums, rules, strict=True):
            assert rule["range"]["startColumnIndex"] == pos and rule["range"]["startRowIndex"] == 1
            labels = [v["userEnteredValue"] for v in rule["rule"]["condition"]["values"]]
            assert labels == [o.th for o in schema.options(col.enum)]
            assert rule["rule"]["strict"] is False and rule["rule"]["showCustomUi"] is True
    steps = srv.data_validations(KEY, "ขั้นตอน DE")
    assert "วิสัยทัศน์ (Vision)" in [v["userEnteredValue"] for v in steps[0]["rule"]["condition"]["values"]]


def test_a_second_run_sends_no_write_at_all(srv):
    provision(_store(srv), RawWorkbook())
    srv.reset_counts()
    report = provision(_store(srv))
    assert _writes(srv) == 0 and srv.count() == 3 and not report.changes  # metadata, values, old-anchor search
    assert "Nothing to change" in report.summary()


def test_after_a_cold_full_load_a_second_run_still_sees_frozen_protected_headers_and_writes_nothing(srv):
    provision(_store(srv), RawWorkbook())
    store = _store(srv)
    store.read_all()  # the metadata now comes from the one spreadsheets.get with its fields mask
    srv.reset_counts()
    report = provision(store)
    assert _writes(srv) == 0 and not report.changes
    assert [r.kind for r in srv.requests] == ["values.batchGet", "developerMetadata.search"]


def test_demo_data_fills_only_empty_tabs_and_never_overwrites_one_with_data(srv, schema, demo_raw):
    header = schema.tab("expenses").headers("th")
    srv.add_spreadsheet(KEY, "DE Workbook", {"ค่าใช้จ่าย": [header, ["exp-mine", "2567", "", "", "ของจริง"]],
                                             "KRA": [schema.tab("kras").headers("th")]})
    report = provision(_store(srv), demo_raw)
    assert srv.values(KEY, "ค่าใช้จ่าย") == [header, ["exp-mine", "2567", "", "", "ของจริง"]]
    assert report.kept == ["ค่าใช้จ่าย"] and "ไม่เขียนทับ" in report.summary()
    for title in ("KRA", "ตั้งค่า", "กิจกรรม"):
        want = [[c for c in r] for r in demo_raw.tabs[title].rows]
        assert srv.values(KEY, title) == [r[: max((i + 1 for i, c in enumerate(r) if c), default=0)] for r in want]
    srv.reset_counts()
    again = provision(_store(srv), demo_raw)
    assert _writes(srv) == 0 and not again.filled


def test_a_tab_a_person_made_keeps_its_column_order_and_gets_dropdowns_where_its_headers_are(srv, schema):
    srv.add_spreadsheet(KEY, "DE Workbook", {"DE": [["Status", "id", "ชั้น", "ข้อ"]]})
    report = provision(_store(srv))
    assert srv.values(KEY, "DE") == [["Status", "id", "ชั้น", "ข้อ"]]
    cols = [r["range"]["startColumnIndex"] for r in srv.data_validations(KEY, "DE")]
    assert sorted(cols) == [0, 2]
    assert ("DE", "ขั้นตอน") in report.problems and "fix row 1 by hand" in report.summary()
    assert "ขั้นตอน DE" not in srv.sheet_titles(KEY)


def test_provisioning_survives_a_lost_reply_without_creating_tabs_twice(srv, schema):
    srv.inject(Fault(kind="spreadsheets.batchUpdate", status=503, apply_then_fail=True))
    srv.inject(Fault(kind="values.batchUpdate", status=500, apply_then_fail=True))
    provision(_store(srv))
    assert srv.sheet_titles(KEY) == ["Sheet1", *[t.th for t in schema.tabs]]
    assert all(len(srv.protected_ranges(KEY, t.th)) == 1 for t in schema.tabs)


def test_from_local_copies_the_embedded_workbook_into_the_sheet(srv, tmp_path, demo_raw):
    local = SQLiteStore(tmp_path / "wb.sqlite")
    local.initialize(demo_raw)
    local.update("expenses", "exp-01", {"note": "แก้ในเครื่อง"})
    code, out, _err = _cli(srv, "provision", "--spreadsheet", URL, "--from-local", str(tmp_path / "wb.sqlite"))
    assert code == 0 and "Filled" in out
    raw = _store(srv).read_all()
    for title, tab in local.read_all().tabs.items():
        got = [r for r in raw.tabs[title].rows]
        want = [r[: max((i + 1 for i, c in enumerate(r) if c), default=0)] for r in tab.rows]
        assert got == want, title


def test_cli_exit_codes_ok_usage_and_failure(srv, tmp_path):
    assert _cli(srv, "check", "--spreadsheet", KEY, "--secrets", str(tmp_path / "none.toml"))[0] == 1
    code, out, _ = _cli(srv, "provision", "--spreadsheet", KEY, "--secrets", str(tmp_path / "none.toml"))
    n = len(load_schema().tabs)  # every tab of the schema, the newer ones included
    assert code == 0 and f"สร้างแท็บ {n} แท็บ" in out and f"Created {n} tab(s)" in out
    assert _cli(srv, "check", "--spreadsheet", KEY)[0] == 0
    assert _cli(srv)[0] == 2
    assert _cli(srv, "provision", "--demo", "--from-local", "--spreadsheet", KEY)[0] == 2
    code, _, err = _cli(srv, "provision", "--secrets", str(tmp_path / "none.toml"))
    assert code == 2 and "--spreadsheet" in err
    srv.forbid(KEY)
    code, _, err = _cli(srv, "provision", "--spreadsheet", KEY)
    assert code == 1 and "ยังไม่ได้แชร์" in err and "not shared" in err


def test_cli_reads_the_sheet_and_the_key_from_the_secrets_file(srv, tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[connections.gsheets]\nspreadsheet = "{URL}"\ntype = "service_account"\n'
                       'client_email = "sa@demo.iam.gserviceaccount.com"\n', encoding="utf-8")
    seen = []

    def factory(fields):
        seen.append(fields["client_email"])
        return fake_client(srv.base_url, timeout=15)

    code, _, _ = _cli(srv, "provision", "--secrets", str(secrets), factory=factory)
    assert code == 0 and seen == ["sa@demo.iam.gserviceaccount.com"]


def test_cli_reports_a_bad_key_file_with_exit_code_one(srv, tmp_path):
    key_file = tmp_path / "key.json"
    key_file.write_text(json.dumps({"type": "service_account", "client_email": "x@y"}), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["provision", "--spreadsheet", KEY, "--service-account", str(key_file)], out=out, err=err)
    assert code == 1 and "ไฟล์กุญแจบริการ (service account) ไม่ถูกต้อง" in err.getvalue()
    assert "private_key" in err.getvalue()
    assert _writes(srv) == 0


def test_raw_tabs_the_schema_does_not_know_are_left_alone(srv):
    seed = RawWorkbook()
    seed.add(RawTab("อื่น ๆ", [["a"], ["b"]]))
    provision(_store(srv), seed)
    assert "อื่น ๆ" not in srv.sheet_titles(KEY) and srv.values(KEY, "Sheet1") == []


def test_every_cli_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Connect a Google Sheet", 1)[1]
    for name in COMMANDS:
        assert f"de-dashboard {name}" in section, name
    for option in ("--spreadsheet", "--demo", "--from-local", "--service-account"):
        assert option in section, option


def test_provision_removes_the_row_anchors_earlier_versions_left_and_nothing_else(srv):
    provision(_store(srv), demo_workbook())
    sheet_id = _store(srv).sheet_properties("ค่าใช้จ่าย")["sheetId"]
    old = [{"createDeveloperMetadata": {"developerMetadata": {
        "metadataKey": "de.row", "metadataValue": f"expenses:exp-{n}", "visibility": "DOCUMENT",
        "location": {"dimensionRange": {"sheetId": sheet_id, "dimension": "ROWS", "startIndex": n,
                                        "endIndex": n + 1}}}}} for n in range(1, 6)]
    keep = {"createDeveloperMetadata": {"developerMetadata": {
        "metadataKey": "someone.else", "metadataValue": "x", "visibility": "DOCUMENT", "location": {"spreadsheet": True}}}}
    srv.apply_requests(KEY, [*old, keep])
    before = srv.values(KEY, "ค่าใช้จ่าย")
    report = provision(_store(srv))
    assert report.old_anchors == 5 and "5" in report.summary()
    assert [m["metadataKey"] for m in srv.all_developer_metadata(KEY)] == ["someone.else"]
    assert srv.values(KEY, "ค่าใช้จ่าย") == before
    assert provision(_store(srv)).old_anchors == 0
