"""Workbook.derived: values made from one workbook once per key, reused, bounded, gone with the workbook."""

from __future__ import annotations

import threading

from de_core.ops.demo import demo_workbook
from de_core.sheet import workbook as workbook_module
from de_core.sheet.workbook import parse_workbook


def test_a_derived_value_is_built_once_per_key_and_then_reused():
    wb = parse_workbook(demo_workbook())
    calls: list[str] = []

    def build(name: str):
        calls.append(name)
        return [name]

    first = wb.derived(("view", 2566), lambda: build("a"))
    again = wb.derived(("view", 2566), lambda: build("b"))
    other = wb.derived(("view", 2565), lambda: build("c"))
    assert first is again and first == ["a"]
    assert other == ["c"]
    assert calls == ["a", "c"]


def test_a_newly_parsed_workbook_starts_without_derived_values():
    raw = demo_workbook()
    old, new = parse_workbook(raw), parse_workbook(raw)
    old.derived("k", lambda: "from the old data")
    assert new.derived("k", lambda: "from the new data") == "from the new data"


def test_derived_values_are_bounded_and_the_least_recently_used_goes_first(monkeypatch):
    monkeypatch.setattr(workbook_module, "DERIVED_LIMIT", 3)
    wb = parse_workbook(demo_workbook())
    for k in "abc":
        wb.derived(k, lambda k=k: k.upper())
    wb.derived("a", lambda: "rebuilt")  # touch a: b is now the oldest
    wb.derived("d", lambda: "D")
    assert wb.derived("a", lambda: "rebuilt") == "A"
    assert wb.derived("b", lambda: "rebuilt") == "rebuilt"


def test_fiscal_years_stay_correct_when_asked_again_and_callers_cannot_change_them():
    wb = parse_workbook(demo_workbook())
    years = wb.fiscal_years()
    years.append(1999)
    assert wb.fiscal_years() == sorted(set(wb.fiscal_years()), reverse=True)
    assert 1999 not in wb.fiscal_years() and 2566 in wb.fiscal_years()


def test_sessions_asking_at_once_all_get_a_value_and_it_settles_on_one():
    wb = parse_workbook(demo_workbook())
    seen: list[object] = []
    barrier = threading.Barrier(8)

    def ask() -> None:
        barrier.wait()
        seen.append(wb.derived("shared", lambda: object()))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(seen) == 8
    assert wb.derived("shared", object) in seen


def test_forgetting_drops_every_derived_value():
    wb = parse_workbook(demo_workbook())
    wb.derived("view", lambda: "old")
    wb.forget_derived()
    assert wb.derived("view", lambda: "new") == "new"
