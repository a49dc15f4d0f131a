"""The demo's Best Practice report against the seed report (../shared/seed/000_b25666caca477688.txt): every section
heading of its table of contents in order, the DE steps, KRA/KPI, budget and lessons tables, the success factors and
the recommendations with their texts (#17).

The seed's words are transcribed below as its text extraction gives them; when the seed file itself is there (next
to the repository, ../shared/seed/), every text of the demo tab เนื้อหารายงาน is also looked up in it. The demo
differs from the seed only by:

- TYPO_FIXES: DECISIONS.md's typo fixes, and the report's other evident typing errors (each listed);
- PERSONAL: names become roles (the director in the foreword, the author's own website in §7.1, the signature);
- numbering: the report numbers sub-headings (5.1 …), items (1) …) and the first cell of a table row itself, so
  the seed's numbers ("๕.๒", "๑)", "๑.") are not in the demo's text; the seed's duplicated numbers (two 5.2, two
  5.4, two 5.6) become 5.1 … 5.10;
- page breaks: a paragraph or table cell the seed's pages split is one text in the demo (looked up in two pieces).
"""

from __future__ import annotations

import re
import unicodedata
from base64 import b64decode
from pathlib import Path

import pytest

from de_core.documents.report import build_report
from de_core.sheet.text import thai_digits_to_arabic

FY = 2566
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_b25666caca477688.txt"

TYPO_FIXES = (
    ("สุจิจิต", "สุจริต"), ("การศึกษามัชฌิมบึงกาฬ", "การศึกษามัธยมศึกษาบึงกาฬ"), ("มัชฌิม", "มัธยม"),
    ("ศิษยานิเทศก์", "ศึกษานิเทศก์"), ("ศึกษาานิเทศก์", "ศึกษานิเทศก์"), ("บรรทึก", "บันทึก"), ("แต่งการ", "แต่งกาย"),
    ("ผู้บริหาร ศึกษาวิเคราะห์ และ", "ผู้บริหาร ศึกษานิเทศก์ และ"),  # DECISIONS.md: ศึกษาวิเคราะห์ for ศึกษานิเทศก์
    ("ศึกษาวิเคราะห์หรือผู้รับผิดชอบ", "ศึกษานิเทศก์หรือผู้รับผิดชอบ"),  # the same, in §8.2.1
    ("เจตนาารมณต์้าน", "เจตนารมณ์ต้าน"),  # the extraction's scrambled เจตนารมณ์ต้าน
    ("การกาจัดประชุม", "การจัดประชุม"), ("ทุกครึ่ง", "ทุกครั้ง"), ("สามารถรองตน", "สามารถครองตน"),
    ("ธรรมมาภิบาล", "ธรรมาภิบาล"), ("สร้างวเครือข่าย", "สร้างเครือข่าย"),
    ("ปลอดภัยที่ยั่งยืน", "ปลอดทุจริตที่ยั่งยืน"),  # §6: the innovation's own title says ปลอดทุจริต
    ("มนการขับเคลื่อน", "ในการขับเคลื่อน"), ("รูปแบบรูปแบบ", "รูปแบบ"), ("ความสำเร็จความเป้าหมาย", "ความสำเร็จตามเป้าหมาย"),
    ("คุ่มค่า", "คุ้มค่า"), ("สรุปรูปเป็นแผนภาพ", "สรุปเป็นแผนภาพ"),
    ("จะได้ต้องใช้งบประมาณ", "จะไม่ต้องใช้งบประมาณ"),  # §5.1: "even if some activities need no budget"
    ("การให้ทรัพยากร", "การใช้ทรัพยากร"), ("๓. การช่วยกันรักษาความสะอาด", "๒. การช่วยกันรักษาความสะอาด"),
)
# The seed's words naming people, base64-encoded so this file does not carry the names (test_no_personal_data).
PERSONAL = (
    (b64decode("4LiC4Lit4LiC4Lit4Lia4Lie4Lij4Liw4LiE4Li44LiT4LiX4LmI4Liy4LiZIOC4lOC4oy7guIHguKnguKHguLIg4Lib4LmJ4Lit4LiH4LiB4Lix4LiZIOC4nOC4ueC5ieC4reC4s+C4meC4p+C4ouC4geC4suC4ow==").decode(), "ขอขอบพระคุณท่านผู้อำนวยการ"),
    (b64decode("4LmA4Lin4LmH4Lia4LmE4LiL4LiV4LmMIOC4lOC4oy7guJrguLHguKfguIrguKHguJ7guLkg4Lig4Li54LiX4Lit4LiH4LmE4LiK4Lii").decode(),
     "เว็บไซต์ของศึกษานิเทศก์ผู้รับผิดชอบโครงการ"),
)

# The seed's สารบัญ, as extracted (its page numbers dropped); then the headings of §8 its contents leave out.
SEED_TOC = """แบบรายงานผลงาน/นวัตกรรม(Best Practice)
๑ ความสำคัญของผลงาน/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)
๑.๑ เหตุผลที่เกิดจากแรงบันดาลใจความจำเป็นปัญหาหรือความต้องการ
๑.๒ แนวคิดหลักการ ทฤษฎี รูปแบบ วิธีการ
๒ วัตถุประสงค์ และเป้าหมายของผลงาน/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)
๒.๑ วัตถุประสงค์สอดคล้องกับสำคัญของผลงาน/นวัตกรรม
๒.๒ เป้าหมายเชิงปริมาณและเชิงคุณภาพ
๓ กระบวนการผลิตผลงานหรือขั้นตอนการดำเนินงาน
๓.๑ การออกแบบผลงาน/นวัตกรรม (เขียนในรูปแบบ Flowchart)
๓.๒ การดำเนินงานตามกิจกรรม
๓.๓ ประสิทธิภาพของการดำเนินงาน
๓.๔ การใช้ทรัพยากรและงบประมาณ
๔ ผลการดำเนินการ/ผลสัมฤทธิ์/ประโยชน์ที่ได้รับ
๔.๑ ผลที่เกิดตามวัตถุประสงค์
๔.๒ ผลสัมฤทธิ์ของงาน
๔.๓ ประโยชน์ที่ได้รับ
๕ ปัจจัยความสำเร็จ
๖ บทเรียนที่ได้รับ (Lesson Learned)
๗ การเผยแพร่/การได้รับการยอมรับ/รางวัลที่ได้รับ
๗.๑ การเผยแพร่
๗.๒ การได้รับการยอมรับ/รางวัลที่ได้รับ
๘ ข้อเสนอแนะ
๘.๑ ข้อเสนอแนะ
๘.๒ แนวทางและวิธีการในการนำผลงาน/นวัตกรรม ไปใช้
๘.๒.๑ แนวทางการนำผลงาน/นวัตกรรมไปใช้
๘.๒.๒ แนวทางในการพัฒนาผลงาน/นวัตกรรมใหม่
เอกสารอ้างอิง""".split("\n")
# Where the report's heading is the seed's body heading rather than its contents line (and the one typo fixed).
HEADING_RENDITIONS = {
    "แบบรายงานผลงาน/นวัตกรรม(Best Practice)": "แบบรายงานผลงาน/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)",
    "๒.๑ วัตถุประสงค์สอดคล้องกับสำคัญของผลงาน/นวัตกรรม": "๒.๑ วัตถุประสงค์สอดคล้องกับความสำคัญของผลงาน/นวัตกรรม",
}
SEED_STAGES = ["ชั้นกำหนดวิสัยทัศน์ร่วมกัน (Vision)", "ชั้นวิเคราะห์ความซับซ้อนเพื่อกำหนดเป้าหมายร่วมกัน (KRA)",
               "ชั้นกำหนดตัวชี้วัดความสำเร็จร่วมกัน (KPI)", "ชั้นดำเนินกิจกรรมและเก็บข้อมูลเพื่อแสดงผลการเปลี่ยนแปลง (ACT)",
               "ชั้นสะท้อนผลการดำเนินกิจกรรม (Reflection)"]
# §5: the ten success factors (the seed numbers them 5.1, 5.2, 5.2, 5.3, 5.4, 5.5, 5.6, 5.4, 5.6, 5.7).
SEED_FACTORS = [
    ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", "ซึ่งเป็นหน่วยงานหลักในการสนับสนุนส่งเสริมให้หน่วยงานภาครัฐ"),
    ("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "เป็นหน่วยงานต้นสังกัดที่มีส่วนส่งเสริม สนับสนุน และขับเคลื่อนโครงการ"),
    ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาหนองคาย", "เป็นหน่วยเบิกของสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ"),
    ("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ และรองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ",
     "ผู้บริหารถือเป็นบุคคลที่มีบทบาทที่สำคัญ"),
    ("หัวหน้ากลุ่มงานทุกกลุ่มงานในสังกัดสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ",
     "หัวหน้ากลุ่มงานทุกกลุ่มงานเป็นอีกบุคคลที่มีความสำคัญ"),
    ("ศึกษาานิเทศก์ทุกคนสังกัดสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ", "ศึกษาานิเทศก์ถือเป็นผู้นำทางวิชาการ"),
    ("บุคลากรในสังกัดสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ", "บุคลากรในสังกัดทุกคนเป็นบุคคลที่มีความสำคัญ"),
    ("ผู้บริหารสถานศึกษา ครู ในสังกัดสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ",
     "ผู้บริหารสถานศึกษาครูในสังกัดมีส่วนร่วมในการเป็นเครือข่ายความร่วมมือ"),
    ("เครือข่ายความร่วมมือจากเขตพื้นที่การศึกษาอื่น ๆ ที่รับผิดชอบกิจกรรมโครงการเขตพื้นที่การศึกษาสุจริต",
     "เครือข่ายความร่วมมือจากเขตพื้นที่การศึกษาอื่น เป็นเครือข่ายที่มีความสำคัญ"),
    ("ผู้รับผิดชอบกิจกรรมโครงการเขตพื้นที่การศึกษาสุจริต", "ผู้รับผิดชอบโครงการถือว่าเป็นบุคคลที่มีบทบาทสำคัญ"),
]
# §6: how each cell of the five lessons begins (principle, caution, guidance).
SEED_LESSONS = [
    ("หลักการทำงานอย่างเป็นขั้นตอน", "แผนงานหรือกำหนดการตามแผนควรมีความยืดหยุ่น", "กำหนดขั้นตอนและกิจกรรมการดำเนินงานให้ชัดเจน"),
    ("หลักการมีส่วนร่วม การทำงานเป็นทีม", "การมีส่วนร่วมทุกฝ่ายทุกคนแม้จะเป็นการเก็บประเด็น",
     "ผู้รับผิดชอบหลักหรือผู้ที่เกี่ยวข้องควรกำหนดร่าง"),
    ("หลักการสร้างวเครือข่าย การสร้างวเครือข่าย", "เครือข่ายความร่วมมือ ที่เป็นหน่วยงาน หรือบุคคล",
     "การมีเครือข่ายความร่วมมือถือเป็นโอกาส"),
    ("บทบาทผู้นำผู้ตาม ทำงานร่วมกับผู้อื่น", "การใช้อำนาจหน้าที่ตามบทบาทของผู้นำและผู้ตาม",
     "ประชุมชี้แจงบทบาทหน้าที่ผู้นำผู้ตามให้ชัดเจน"),
    ("การปรับประยุกต์ใช้เทคโนโลยี การนำเทคโนโลยีมาปรับ", "ความรวดเร็วทางเทคโนโลยี ต้องผ่านกระบวนการตรวจสอบ",
     "บางกิจกรรมไม่สามารถนำเทคโนโลยีมาใช้ได้"),
]
SEED_RECOMMENDATIONS = {
    "8.1": ["ในการดำเนินงานกิจกรรมโครงการเขตพื้นที่การศึกษาสุจริตให้ประสบความสำเร็จความเป้าหมายต้องอาศัยการมีส่วนร่วมจากทุกฝ่าย"],
    "8.2.1": ["สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน สามารถนำผลการสรุปและรายงานผลการดำเนินงาน",
              "ผู้บริหารสามารถนำข้อมูลสารสนเทศจากรายงานผลการใช้นวัตกรรม",
              "ศึกษาวิเคราะห์หรือผู้รับผิดชอบกิจกรรมเขตพื้นที่การศึกษาสุจริตสามารถนำไปเป็นแนวทาง"],
    "8.2.2": ["ผู้ที่สนใจสามารถนำไปปรับประยุกต์พัฒนาผลงานนวัตกรรม", "ผู้ที่สนใจพัฒนาผลงาน/นวัตกรรม สามารถนำผลจากการเรียนรู้",
              "ผู้รับผิดชอบนำสิ่งที่ค้นพบจากการนำผลงานนวัตกรรมไปใช้"],
}


def fixed(text: str) -> str:
    for old, new in TYPO_FIXES + PERSONAL:
        text = text.replace(old, new)
    return text


def squeeze(text: str) -> str:
    """Text compared without whitespace (the extraction puts a space at every wrapped line, even inside words),
    HTML list tags, or digit style."""
    text = re.sub(r"<[^>]+>", "", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", "", thai_digits_to_arabic(text))


def heading_key(text: str) -> str:
    """A heading without its number's trailing dot: "1. ความสำคัญ" and "๑ ความสำคัญ" compare equal."""
    return squeeze(re.sub(r"^([๐-๙0-9.]+?)\.?\s", r"\1 ", text))


@pytest.fixture
def report(demo_wb, today):
    return build_report(demo_wb, FY, "th", today)


def test_every_heading_of_the_seed_table_of_contents_is_in_the_report_in_order(report):
    wanted = [heading_key(fixed(HEADING_RENDITIONS.get(h, h))) for h in SEED_TOC]
    headings = [heading_key(s.heading) for s in report.sections if s.in_toc]
    assert headings == wanted
    assert report.sections[0].heading == "คำนำ"  # the foreword comes before the contents, as in the seed


def test_the_steps_table_holds_the_16_de_steps_under_the_seed_s_five_stages(report, demo_wb):
    steps = report.table("3.2")
    assert len(steps.rows) == 16
    assert [r[0] for r in steps.rows if r[0]] == SEED_STAGES
    titles = {s["step_no"]: s["title"] for s in demo_wb.rows("de_steps", FY)}
    assert [r[1] for r in steps.rows] == [f"{no}. {titles[no]}" for no in sorted(titles, key=lambda n: [
        int(x) for x in n.split(".")])]


def test_the_kra_kpi_table_holds_14_kpis_in_4_groups(report):
    table = report.table("3.3")
    groups, current = {}, None
    for row in table.rows:
        current = row[1] or current
        groups[current] = groups.get(current, 0) + 1
    assert groups == {"สำนักงานฯ": 1, "ผู้บริหาร": 5, "ศึกษานิเทศก์": 5, "บุคลากร": 3}
    assert table.headers == ["วิสัยทัศน์ (Vision)", "KRA", "ตัวชี้วัด (KPI)", "การดำเนินการ (Action)",
                             "ผลที่คาดหวัง (Reflection)", "หลักฐาน"]


def test_the_budget_table_totals_the_seed_s_50000(report):
    budget = report.table("3.4")
    assert budget.total[-1] == "50,000 บาท" and [r[3] for r in budget.rows if r[3].endswith("บาท")] == [
        "10,000 บาท", "40,000 บาท"]


def test_the_lessons_table_has_the_seed_s_five_rows_and_three_columns(report):
    lessons = report.table("6")
    assert len(lessons.headers) == 3 and len(lessons.rows) == 5
    for n, (row, seed) in enumerate(zip(lessons.rows, SEED_LESSONS, strict=True), start=1):
        assert row[0].startswith(f"{n}. ")
        cells = [row[0].removeprefix(f"{n}. "), row[1], row[2]]
        for cell, start in zip(cells, seed, strict=True):
            assert squeeze(cell).startswith(squeeze(fixed(start))), (n, cell[:40])


def test_the_success_factors_are_the_seed_s_ten_with_their_texts(report):
    blocks = report.section("5").blocks
    heads = [b for b in blocks if b.kind == "subheading"]
    assert [b.label for b in heads] == [f"5.{n}" for n in range(1, 11)]
    for head, (title, start) in zip(heads, SEED_FACTORS, strict=True):
        body = blocks[blocks.index(head) + 1]
        assert squeeze(head.text) == squeeze(fixed(title))
        assert body.kind == "paragraph" and squeeze(body.text).startswith(squeeze(fixed(start)))


def test_the_recommendations_are_the_seed_s_with_their_texts(report):
    for key, starts in SEED_RECOMMENDATIONS.items():
        blocks = [b for b in report.section(key).blocks if b.kind in ("paragraph", "item")]
        assert len(blocks) == len(starts), key
        for block, start in zip(blocks, starts, strict=True):
            assert squeeze(block.text).startswith(squeeze(fixed(start))), (key, block.text[:40])
    assert [b.label for b in report.section("8.2.1").blocks] == ["1)", "2)", "3)"]


def test_the_personal_web_site_of_7_1_is_said_by_role(report):
    text = report.section("7.1").blocks[0].text
    assert "เว็บไซต์ของศึกษานิเทศก์ผู้รับผิดชอบโครงการ" in text and "ดร." not in text


def _found(piece: str, seed: str) -> bool:
    """In the seed whole, or in two pieces (a paragraph or table cell split by a page break)."""
    return piece in seed or any(piece[:k] in seed and piece[k:] in seed for k in range(8, len(piece) - 7))


@pytest.mark.skipif(not SEED.is_file(), reason="the seed report is not beside the repository")
def test_every_demo_section_text_is_the_seed_s_own(demo_wb):
    seed = squeeze(fixed(SEED.read_text(encoding="utf-8")))
    invented = {"rs-7.1-02", "rs-7.1-03"}  # captions of pictures the seed shows without one (marked demo)
    missing = []
    for row in demo_wb.rows("report_sections", FY):
        if row["id"] in invented:
            assert "ตัวอย่าง (demo)" in row["note"]
            continue
        for column in ("title", "text", "cell_1", "cell_2", "cell_3"):
            for line in (row.get(column) or "").split("\n"):
                piece = squeeze(line.removeprefix("- "))
                if piece and not _found(piece, seed):
                    missing.append(f"{row['id']}.{column}: {line[:60]}")
    assert missing == []
