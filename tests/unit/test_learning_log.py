"""The learning log (issue #19): per KRA group, the year's reflections, adaptation events and harvested outcomes in
time order; its flat table and its CSV / .xlsx files."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from de_core.cycle.learning import entry_rows, learning_log, log_table, only
from de_core.documents.export import read_csv
from de_core.documents.learning_export import log_csv, log_xlsx
from tests.unit.itadata import demo_with

FY = 2566


def group(log, key):
    return next(g for g in log if g.group == key)


def events(part) -> list[tuple[str, str]]:
    return [(e.id, e.kind) for e in part.entries]


def test_the_demo_story_of_adp_02_runs_in_date_order_under_its_groups(demo_wb):
    log = learning_log(demo_wb, FY, "th")
    staff = entry_rows(group(log, "staff").entries)
    assert {"date": "21 ธ.ค. 2565", "kind": "สะท้อนผล", "id": "ref-02"}.items() <= staff[1].items()
    execs = group(log, "executives")
    assert events(execs)[:4] == [("adp-02", "proposed"), ("adp-02", "done"), ("ref-03", "reflection"),
                                 ("out-01", "outcome")]  # the change, its effect, the reflection that saw it
    rows = entry_rows(execs.entries)
    assert [r["date"] for r in rows[:3]] == ["21 ธ.ค. 2565", "27 ม.ค. 2566", "10 ก.พ. 2566"]
    assert rows[0]["text"].startswith("ผู้รับผิดชอบหลักเตรียมร่างแนวทาง")
    assert "เหตุผล: การให้ทุกคนมีส่วนร่วม" in rows[0]["detail"] and "สถานะ: ปรับแล้ว" in rows[0]["detail"]
    assert rows[1]["detail"].startswith("ผลที่เห็นหลังปรับ: ประชุมชี้แจงกรรมการและคณะทำงานเมื่อ ๑๐ ก.พ. ๒๕๖๖")
    assert "ref-02" not in [e.id for e in execs.entries]  # ref-02 links only staff KPIs and a staff author


def test_every_kra_group_is_listed_in_order_and_the_demo_needs_no_no_group_block(demo_wb):
    log = learning_log(demo_wb, FY, "en")
    assert [(g.group, g.title) for g in log] == [("office", "Office"), ("executives", "Executives"),
                                                 ("supervisors", "Supervisors"), ("staff", "Staff")]
    for part in log:
        days = [e.when for e in part.entries]
        assert days == sorted(days), part.group


def test_an_entry_reaching_several_groups_is_listed_under_each(demo_wb):
    log = learning_log(demo_wb, FY)
    holding = [g.group for g in log if "ref-01" in [e.id for e in g.entries]]
    assert holding == ["office", "supervisors", "staff"]  # author ศึกษานิเทศก์, KPIs of the office and staff
    holding = [g.group for g in log if "out-03" in [e.id for e in g.entries]]
    assert holding == ["executives", "supervisors", "staff"]  # no KPI of its own: its activity's (act-5-06)


def test_a_dropped_adaptation_shows_its_reason_right_after_its_proposal_without_a_date(demo_wb):
    staff = group(learning_log(demo_wb, FY), "staff")
    ids = events(staff)
    at = ids.index(("adp-09", "proposed"))
    assert ids[at + 1] == ("adp-09", "dropped")
    row = entry_rows(staff.entries)[at + 1]
    assert row["date"] == "–" and row["detail"].startswith("เหตุที่ไม่ทำต่อ: งบประมาณคงเหลือไม่พอ")


def test_an_adaptation_without_kpis_takes_its_reflections_groups_and_unlinked_rows_go_last_under_no_group():
    wb = demo_with(appends={
        "adaptations": [
            {"id": "adp-x1", "fiscal_year": "2566", "reflection_id": "ref-04", "proposed_on": "01/04/2566",
             "decision": "ปรับตามการสะท้อนผลรอบนิเทศ", "status": "เสนอ"},
            {"id": "adp-x2", "fiscal_year": "2566", "proposed_on": "02/04/2566", "decision": "เรื่องลอย ๆ",
             "status": "เสนอ"}],
        "outcomes": [{"id": "out-x", "fiscal_year": "2566", "observed_on": "03/04/2566", "actor": "โรงเรียน",
                      "change": "เปลี่ยนเอง", "activity_id": "act-nowhere"}],
        "reflections": [{"id": "ref-old", "fiscal_year": "2565", "written_on": "01/09/2565",
                         "author_group": "บุคลากร", "what": "ปีก่อน"}],
    })
    log = learning_log(wb, FY)
    assert ("adp-x1", "proposed") in events(group(log, "supervisors"))  # ref-04's KPI kpi-sup-4
    assert (log[-1].group, log[-1].title) == (None, "ไม่ระบุกลุ่ม")
    assert events(log[-1]) == [("adp-x2", "proposed"), ("out-x", "outcome")]
    assert "ref-old" not in {e.id for g in log for e in g.entries}  # another fiscal year


def test_only_keeps_one_group_or_the_whole_log(demo_wb):
    log = learning_log(demo_wb, FY)
    assert [g.group for g in only(log, "staff")] == ["staff"]
    assert only(log, None) == log


def test_the_flat_table_has_the_group_and_a_buddhist_era_date_on_every_row(demo_wb):
    headers, rows = log_table(learning_log(demo_wb, FY, "th"), "th")
    assert headers == ["กลุ่ม KRA", "วันที่", "ประเภท", "เรื่อง", "รายละเอียด", "รหัส"]
    assert rows[0][:3] == ["สำนักงานฯ", "2 พ.ย. 2565", "สะท้อนผล"] and rows[0][5] == "ref-01"
    assert ["ผู้บริหาร", "27 ม.ค. 2566", "ปรับแล้ว"] == next(r[:3] for r in rows if r[5] == "adp-02" and
                                                               r[2] == "ปรับแล้ว")
    headers, rows = log_table(learning_log(demo_wb, FY, "en"), "en")
    assert headers == ["KRA group", "Date", "Kind", "What", "Detail", "ID"]
    assert ["Executives", "27 Jan 2023", "adaptation done"] == next(r[:3] for r in rows if r[5] == "adp-02" and
                                                                     r[2] == "adaptation done")


def test_the_csv_guards_formulas_and_the_xlsx_keeps_them_as_text():
    wb = demo_with(edits={"reflections": {"ref-02": {"what": "=HYPERLINK(\"http://x\")", "so_what": "- ทีละข้อ"}}})
    log = learning_log(wb, FY)
    rows = read_csv(log_csv(log))
    assert rows[0][0] == "กลุ่ม KRA"
    ref02 = next(r for r in rows if r[5] == "ref-02")
    assert ref02[3] == "'=HYPERLINK(\"http://x\")"
    sheet = load_workbook(io.BytesIO(log_xlsx(log))).active
    assert sheet.title == "บันทึกการเรียนรู้"
    cells = {row[5].value: row[3] for row in sheet.iter_rows(min_row=2)}
    assert cells["ref-02"].value == "=HYPERLINK(\"http://x\")" and cells["ref-02"].data_type == "s"
    assert sheet.max_row == 1 + sum(len(g.entries) for g in log)


def test_an_empty_year_gives_four_empty_groups(demo_wb):
    log = learning_log(demo_wb, 2599)
    assert [len(g.entries) for g in log] == [0, 0, 0, 0]
    assert log_table(log)[1] == []
