"""The embedded SQLite store: first-run demo, restarts, byte-identical cells, many processes at once."""

from __future__ import annotations

import multiprocessing as mp

from de_core.ops.config import open_embedded
from de_core.sheet.workbook import parse_workbook
from de_core.store.local import SQLiteStore


def test_first_run_fills_the_demo_and_a_restart_never_duplicates_it(tmp_path):
    path = tmp_path / "data" / "workbook.sqlite"
    first = open_embedded(path).read_all()
    second = open_embedded(path).read_all()
    assert {t: len(v.rows) for t, v in first.tabs.items()} == {t: len(v.rows) for t, v in second.tabs.items()}
    assert len(second.tabs["กิจกรรม"].rows) > 6


def test_cells_come_back_byte_identical(sqlite_factory):
    store = sqlite_factory()
    odd = ["001", "=1+1", "๑๐,๐๐๐ บาท", " spaced ", "a\u200bb", "emoji 🙂", "x" * 5000]
    store.append("expenses", [{"id": f"e{i}", "item": v} for i, v in enumerate(odd)])
    rows = store.read_all().tabs["ค่าใช้จ่าย"].rows[1:]
    assert [r[4] for r in rows] == odd


def _append_many(path: str, worker: int, count: int) -> None:
    store = SQLiteStore(path)
    for i in range(count):
        store.append("expenses", [{"id": f"w{worker}-{i}", "fiscal_year": "2566", "item": f"{worker}/{i}"}])


def test_eight_processes_appending_fifty_rows_each_leave_four_hundred_rows(sqlite_factory):
    store = sqlite_factory()
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(str(store.path), w, 50)) for w in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    rows = store.read_all().tabs["ค่าใช้จ่าย"].rows[1:]
    ids = [r[0] for r in rows]
    assert len(ids) == 400 and len(set(ids)) == 400


def test_blank_rows_keep_their_place_so_addresses_match_the_sheet(sqlite_factory, schema):
    from de_core.sheet.raw import RawTab, RawWorkbook

    raw = RawWorkbook()
    header = schema.tab("expenses").headers("th")
    raw.add(RawTab("ค่าใช้จ่าย", [header, [], ["e1", "2566", "act-4", "15/05/2566", "ค่าอาหาร", "abc"]]))
    wb = parse_workbook(sqlite_factory(raw).read_all())
    issue = next(i for i in wb.issues if i.column == "amount")
    assert issue.address == "F3" and issue.raw == "abc"


def test_fill_missing_ids_gives_each_blank_id_row_a_fresh_id_and_leaves_others(sqlite_factory, schema):
    from de_core.sheet.raw import RawTab, RawWorkbook

    header = schema.tab("expenses").headers("th")
    raw = RawWorkbook()
    raw.add(RawTab("ค่าใช้จ่าย", [header, ["", "2566", "act-4"], ["e1", "2566"], [], [" ", "2566", "act-5"]]))
    store = sqlite_factory(raw)
    made = iter(["exp-a", "exp-b"])
    assert store.fill_missing_ids("expenses", lambda key: next(made)) == ["exp-a", "exp-b"]
    rows = store.read_all().tabs["ค่าใช้จ่าย"].rows
    assert [r[0] if r else None for r in rows[1:]] == ["exp-a", "e1", None, "exp-b"]
    assert not [i for i in parse_workbook(store.read_all()).issues if i.tab_key == "expenses" and i.column == "id"]


def test_a_workbook_made_by_an_older_version_gains_the_newer_tabs_on_open(tmp_path):
    import sqlite3

    from de_core.ops.demo import demo_workbook

    path = tmp_path / "old.sqlite"
    old = SQLiteStore(path)
    old.initialize(demo_workbook())
    with sqlite3.connect(path) as conn:  # as a version without the ITA rules tab made it
        conn.execute("DELETE FROM sheet_rows WHERE title = 'กติกา ITA รายเครื่องมือ'")
        conn.execute("DELETE FROM tabs WHERE title = 'กติกา ITA รายเครื่องมือ'")
    assert "กติกา ITA รายเครื่องมือ" not in old.read_all().tabs
    store = open_embedded(path)
    tab = store.read_all().tabs["กติกา ITA รายเครื่องมือ"]
    assert tab.rows == [store.schema.tab("ita_rules").headers("th")]
    assert store.add_missing_tabs() == []  # up to date: nothing more


def _drop_tabs(path, *titles):
    import sqlite3

    with sqlite3.connect(path) as conn:  # as a version before those tabs made it
        for title in titles:
            conn.execute("DELETE FROM sheet_rows WHERE title = ?", (title,))
            conn.execute("DELETE FROM tabs WHERE title = ?", (title,))


LOOP_TABS = ("การปรับเปลี่ยน", "ผลลัพธ์ที่เก็บเกี่ยว", "การประชุม")


def test_an_older_demo_gains_the_loop_tabs_with_their_demo_rows(tmp_path):
    from de_core.ops.demo import demo_workbook

    path = tmp_path / "old-demo.sqlite"
    SQLiteStore(path).initialize(demo_workbook())
    _drop_tabs(path, *LOOP_TABS)
    wb = parse_workbook(open_embedded(path).read_all())
    assert [r["id"] for r in wb.rows("adaptations")][:2] == ["adp-01", "adp-02"] and len(wb.rows("adaptations")) == 9
    assert len(wb.rows("outcomes")) == 3 and len(wb.rows("meetings")) == 3
    assert len(parse_workbook(open_embedded(path).read_all()).rows("adaptations")) == 9  # opened again: nothing twice


def test_an_older_office_workbook_gains_the_loop_tabs_empty(tmp_path):
    from de_core.ops.demo import demo_workbook

    path = tmp_path / "old-office.sqlite"
    store = SQLiteStore(path)
    store.initialize(demo_workbook())
    sid = next(iter(parse_workbook(store.read_all()).by_id("settings")))
    store.update("settings", sid, {"is_demo": "FALSE", "note": ""})  # the office's own data, not the demo
    _drop_tabs(path, *LOOP_TABS)
    tabs = open_embedded(path).read_all().tabs
    assert all(len(tabs[title].rows) == 1 for title in LOOP_TABS)  # header rows only
