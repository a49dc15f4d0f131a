"""A person sorts, cuts, copies, filters or blanks rows at every moment of an update; 0 values end in a wrong row.

Each scenario runs a person's edit at one moment of the store's update of a target row's note: before the store
reads the tab, between its read and its write, or just after the write (before the store could check anything).
The edits are the ones staff make every day: sort by one or several columns in either order, cut/paste or
copy/paste the target row or a neighbour, hide rows with a filter (and add a filter view), empty a row or leave
blank rows inside the data. Google documents neither whether row developer metadata follows a sort or a cut/paste,
so every scenario runs under both readings of the fake.

At the end, whatever happened: every cell of the sheet is what the person left, except the note of the row whose id
is the target (which holds the app's value when the save says it was written); a refused save names what happened
in Thai and English and leaves the person's sheet exactly as they left it.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from de_core.store import AmbiguousRow, RowNotFound, StoreError
from tests.fakesheets import FakeSheetsServer
from tests.fakesheets.fixtures import fake_sheets  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import KEY, google_store
from tests.integration.test_person_edits import TAB, _trim, expense

ROWS = 10
NOTE = 7  # column H
ID = 0
MOMENTS = ("before the read", "between the read and the write", "after the write")
Edit = Callable[[FakeSheetsServer, random.Random, str], str]


def _row_of(srv: FakeSheetsServer, row_id: str) -> int:
    return next((n for n, r in enumerate(srv.values(KEY, TAB), start=1) if n > 1 and r and r[0] == row_id), 0)


def _last(srv: FakeSheetsServer) -> int:
    return len(srv.values(KEY, TAB))


def sort_one_key(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    order = rng.choice(["ASCENDING", "DESCENDING"])
    column = rng.choice([4, 5, 3])  # item, amount, date
    srv.sort_rows(KEY, TAB, [(column, order)])
    return f"sort column {column} {order}"


def sort_two_keys(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    specs = [(2, rng.choice(["ASCENDING", "DESCENDING"])), (5, rng.choice(["ASCENDING", "DESCENDING"]))]
    srv.sort_rows(KEY, TAB, specs)
    return f"sort by {specs}"


def cut_target(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    row = _row_of(srv, target)
    if not row:
        return "nothing"
    to = _last(srv) + rng.randint(1, 2)
    srv.cut_paste_row(KEY, TAB, row, to)
    return f"cut target {row} → {to}"


def cut_neighbour(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    row = _row_of(srv, target)
    src = rng.choice([n for n in range(2, _last(srv) + 1) if n != row])
    to = _last(srv) + 1
    srv.cut_paste_row(KEY, TAB, src, to)
    return f"cut neighbour {src} → {to}"


def cut_neighbour_onto_target(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    row = _row_of(srv, target)
    if not row:
        return "nothing"
    src = rng.choice([n for n in range(2, _last(srv) + 1) if n != row])
    srv.cut_paste_row(KEY, TAB, src, row)
    return f"cut neighbour {src} onto the target {row}"


def copy_target(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    row = _row_of(srv, target)
    if not row:
        return "nothing"
    to = rng.choice([n for n in range(2, _last(srv) + 2) if n != row])
    srv.copy_paste_row(KEY, TAB, row, to)
    return f"copy target {row} → {to}"


def copy_neighbour_onto_target(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    row = _row_of(srv, target)
    if not row:
        return "nothing"
    src = rng.choice([n for n in range(2, _last(srv) + 1) if n != row])
    srv.copy_paste_row(KEY, TAB, src, row)
    return f"copy neighbour {src} onto the target {row}"


def copy_neighbour(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    row = _row_of(srv, target)
    src = rng.choice([n for n in range(2, _last(srv) + 1) if n != row])
    to = _last(srv) + 1
    srv.copy_paste_row(KEY, TAB, src, to)
    return f"copy neighbour {src} → {to}"


def filter_rows(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    hidden = rng.sample([f"รายการ {i}" for i in range(1, ROWS + 1)], 4)
    srv.set_filter(KEY, TAB, 4, hidden)
    if rng.random() < 0.5:
        srv.add_filter_view(KEY, TAB, "มุมมองของฉัน")
    srv.sort_rows(KEY, TAB, [(5, "DESCENDING")])
    return f"filter hides {hidden}, then sort"


def blank_rows(srv: FakeSheetsServer, rng: random.Random, target: str) -> str:
    row = _row_of(srv, target) or 3
    at = rng.randint(2, row)
    srv.insert_rows(KEY, TAB, at, [[] for _ in range(rng.randint(1, 2))])
    emptied = rng.choice([n for n in range(2, _last(srv) + 1) if n != _row_of(srv, target)])
    srv.blank_row(KEY, TAB, emptied)
    return f"blank rows inserted at {at}, row {emptied} emptied"


EDITS: list[Edit] = [sort_one_key, sort_two_keys, cut_target, cut_neighbour, cut_neighbour_onto_target, copy_target,
                     copy_neighbour_onto_target, copy_neighbour, filter_rows, blank_rows]


def _allowed(person: list[list[str]], final: list[list[str]], target: str, value: str) -> list[str]:
    """Every cell that differs from the person's sheet, except the target's note holding the app's value."""
    problems = []
    height = max(len(person), len(final))
    for n in range(height):
        want = person[n] if n < len(person) else []
        got = final[n] if n < len(final) else []
        for c in range(max(len(want), len(got))):
            w = want[c] if c < len(want) else ""
            g = got[c] if c < len(got) else ""
            if w == g:
                continue
            row_id = got[ID] if got else ""
            if c == NOTE and row_id == target and g == value:
                continue
            problems.append(f"row {n + 1} col {c}: person left {w!r}, now {g!r}")
    return problems


def run(srv: FakeSheetsServer, seed: int, edit: Edit, moment: str, follows: bool) -> str:
    rng = random.Random(seed)
    srv.add_spreadsheet(KEY, "DE Workbook", {TAB: [["รหัส", "ปีงบประมาณ", "รหัสกิจกรรม", "วันที่จ่าย", "รายการ",
                                                    "จำนวนเงิน", "หลักฐาน (ลิงก์)", "หมายเหตุ"]]})
    srv.switches.metadata_follows_data = follows
    store = google_store(srv, create=False)
    store.append("expenses", [expense(i) for i in range(1, ROWS + 1)])
    store.update("expenses", "exp-1", {"evidence": "https://example.org/1"})  # the app has written before
    target = f"exp-{rng.randint(2, ROWS)}"
    seen: dict[str, object] = {}

    def person(server: FakeSheetsServer, _key: str) -> None:
        seen["what"] = edit(server, rng, target)
        seen["sheet"] = server.values(KEY, TAB)

    if moment == MOMENTS[0]:
        person(srv, KEY)
    elif moment == MOMENTS[1]:
        srv.before_next_write(person)
    else:
        srv.after_next_write(person)
    value = f"แก้โดยแอป {seed}"
    srv.errors.clear()
    try:
        store.update("expenses", target, {"note": value})
        outcome = "written"
    except (RowNotFound, AmbiguousRow, StoreError) as err:
        assert err.message_th and err.message_en and err.hint_th and err.hint_en, f"{seed}: refusal not explained"
        outcome = type(err).__name__
    assert not srv.errors, srv.errors
    assert "sheet" in seen, f"{seed}: the person's edit never ran"
    person_sheet, final = _trim(seen["sheet"]), _trim(srv.values(KEY, TAB))
    if moment == MOMENTS[2]:
        assert final == person_sheet, f"{seed} {seen['what']}: the store changed the sheet after the person's edit"
        return outcome
    problems = _allowed(person_sheet, final, target, value)
    assert not problems, f"{seed} {seen['what']} ({outcome}): " + "; ".join(problems[:4])
    holders = [r for r in final[1:] if r and r[ID] == target and len(r) > NOTE and r[NOTE] == value]
    if outcome == "written":
        assert holders, f"{seed} {seen['what']}: said written, but no row {target} holds the value"
    else:
        assert not holders, f"{seed} {seen['what']}: refused, yet the value is in the sheet"
    return outcome


@pytest.mark.parametrize("follows", [False, True], ids=["metadata stays on sort", "metadata follows data"])
@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_a_persons_edit_at_any_moment_leaves_no_value_in_a_wrong_row(fake_sheets, edit, moment, follows):  # noqa: F811
    ended = [run(fake_sheets, seed, edit, moment, follows) for seed in range(6)]
    if edit in (cut_neighbour_onto_target, copy_neighbour_onto_target) and moment != MOMENTS[2]:
        assert set(ended) == {"RowNotFound"}, ended  # the target's row now holds another row: gone
    elif edit is copy_target and moment == MOMENTS[0]:
        assert set(ended) == {"AmbiguousRow"}, ended  # two rows carry the id: the app will not guess
    else:
        assert set(ended) == {"written"}, ended
