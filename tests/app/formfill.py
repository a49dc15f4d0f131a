"""Helpers for the form AppTests: fill the reflection form by widget key, submit it, read rows back."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from de_core.sheet.workbook import parse_workbook

REFLECTION = {
    "activity_id": "act-5-07", "kpi_ids": ["kpi-exec-2", "kpi-sup-1"], "author_group": "supervisors",
    "author_role": "ศึกษานิเทศก์ผู้รับผิดชอบ", "written_on": date(2023, 5, 15),
    "what": "ชี้แจงผู้ประเมิน EIT ครบทั้งสองกลุ่ม\nแต่กลุ่มที่ ๒ มาช้า", "so_what": "=HYPERLINK(\"http://x.example.com\")",
    "now_what": "+cmd ส่งหนังสือเชิญล่วงหน้า ๒ สัปดาห์", "characteristics": ["honesty"],
    "declarations": ["network"], "confidence": "at_risk", "evidence": "www.example.go.th/ev.pdf",
}
WIDGETS = {"activity_id": "selectbox", "author_group": "selectbox", "written_on": "selectbox",
           "kpi_ids": "multiselect", "characteristics": "multiselect", "declarations": "multiselect",
           "author_role": "text_input", "confidence": "radio"}


def fill(at: AppTest, form: str, values: dict) -> AppTest:
    """Set each field's widget (found by its key, e.g. reflect.what) without running the script."""
    for name, value in values.items():
        kind = WIDGETS.get(name, "text_area")
        getattr(at, kind)(key=f"{form}.{name}").set_value(value)
    return at


def submit(at: AppTest, form: str) -> AppTest:
    return at.button(key=f"{form}._submit").click().run()


def records(store, tab: str) -> list[dict]:
    return parse_workbook(store.read_all()).rows(tab)


def reflections_by(store, **match) -> list[dict]:
    return [r for r in records(store, "reflections") if all(r.get(k) == v for k, v in match.items())]
