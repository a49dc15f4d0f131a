"""Workbooks for the digest tests: the demo, and the demo grown far past what a phone shows (hundreds of late steps
and new reflections with long, hostile text: markup, braces, quotes, control characters, emoji)."""

from __future__ import annotations

from de_core.digest.model import Digest, build_digest
from de_core.ops.demo import DEMO_AS_OF
from de_core.sheet.workbook import Workbook
from tests.unit.itadata import demo_with

APP = "https://de-dashboard.example.go.th"
HOSTILE = '<b>ตัวหนา</b> {{x}} "คำพูด" \x0b แท็บ\tใหม่\nบรรทัด 😀 ' + "ก" * 40


def long_thai(n: int) -> str:
    return ("ประชุมคณะกรรมการขับเคลื่อนเขตพื้นที่การศึกษาสุจริตเพื่อติดตามผลการดำเนินงาน " * 20)[:n]


def huge_workbook() -> Workbook:
    steps = [{"id": f"step-x-{i}", "fiscal_year": "2566", "stage": "วิสัยทัศน์ (Vision)", "step_no": f"9.{i}",
              "title": f"{HOSTILE} {long_thai(300)}", "status": "ยังไม่เริ่ม", "owner": long_thai(120),
              "due_on": "01/06/2566"} for i in range(400)]
    refl = [{"id": f"ref-x-{i}", "fiscal_year": "2566", "written_on": "25/06/2566", "author_group": "บุคลากร",
             "author_role": long_thai(100), "what": f"{HOSTILE} {long_thai(400)}", "so_what": long_thai(300),
             "now_what": f"{HOSTILE} {long_thai(400)}", "confidence": "ตามเป้า"} for i in range(200)]
    return demo_with(edits={"settings": {"fy-2566": {"office_name": long_thai(500)}}},
                     appends={"de_steps": steps, "reflections": refl})


def huge_digest(lang: str = "th") -> Digest:
    return build_digest(huge_workbook(), 2566, DEMO_AS_OF, app_url=APP, lang=lang)
