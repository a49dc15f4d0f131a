"""The demo keeps the seed report's texts as written, and does not contradict itself (#16, honest demo).

The seed's cells are transcribed below exactly as the report's text extraction gives them (numbering, bullets,
typing errors and the spaces of wrapped lines included); the only edits made to them are the typo fixes of
DECISIONS.md ("Demo data"), applied here in TYPO_FIXES. Every demo text that comes from the seed (KPI, action,
expected result and evidence of the 14 KPIs, the 16 DE steps, the 19 activity titles, the three objectives with
their targets, results and evidence, the vision, office name and innovation title) must equal its seed cell after
whitespace is normalised (NFC, runs of whitespace folded to one space). The deliberate exceptions are listed in
one place each, with the reason:

- NUMBERING: the seed's item numbers ("๑.", "๒. ", "๑.๑ ", "กิจกรรมที่ ๑ ") live in the demo's own number column
  (ข้อ / ที่), so they are taken off the seed text before comparing.
- BULLETS: the seed's "-" bullets of the expected result and evidence cells are dropped; the evidence cell's items
  are a comma-separated list in the demo ("รูปภาพ, รายงาน").
- WRAPPED: cells whose lines the report wraps inside a table cell, where the extraction put a space at every line
  break (even inside a word: "ความโปร่งใสระดับ" → "ประเมินคุณธรรมและ ความโปร่งใส"); a break cannot be told from a
  real space, so these are compared with all whitespace removed (every character still has to match).
- PAGE_BREAK: the supervisors' KPI 5 action runs onto the next page as a row of its own; the two parts are joined.
- OBJECTIVE_RENDITIONS: the seed states each objective twice (§2.1 and §4.1); the demo may use either one.
- CODES: activity 5.9's "0๑-0๔๓" is written with digit zeros for the letter O; the demo writes the item codes as
  the OIT checklist does (O1–O43), which is how the ITA page recognises the activity as one about OIT items.
- NOT_FROM_THE_SEED: cells the seed does not give as such (the KRA titles: the seed names only the four groups;
  the project name, composed from the report's cover); their notes say they are demo wording.

The second half checks the demo's own figures agree with each other as of its date (30 มิ.ย. 2566).
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

import pytest

from de_core.ita.oit import oit_checklist
from de_core.ita.score import INDICATORS, ita_year, round2
from de_core.sheet.years import as_of

FY = 2566

# DECISIONS.md, "Demo data": the report's typing errors the demo fixes, and only these.
TYPO_FIXES = (
    ("สุจิจิต", "สุจริต"),
    ("มัชฌิม", "มัธยม"),
    ("ศิษยานิเทศก์", "ศึกษานิเทศก์"),
    ("บรรทึก", "บันทึก"),
    ("แต่งการ", "แต่งกาย"),
    ("ผู้บริหาร ศึกษาวิเคราะห์ และ", "ผู้บริหาร ศึกษานิเทศก์ และ"),  # "ศึกษาวิเคราะห์" where ศึกษานิเทศก์ is meant
)

# Seed §3.3, the KRA → KPI table: (KPI, Action, "Reflection" = expected result, หลักฐาน) per row, as extracted.
SEED_KPIS = {
    "kpi-office-1": (
        "๑.สำนักงานเขตพื้นที่ การศึกษาผ่านเกณฑ์การ ประเมินคุณธรรมและ ความโปร่งใสระดับ AA",
        "๑.ปรากฏกิจกรรม/โครงการ เขตพื้นที่การศึกษาสุจริตใน แผนพัฒนาคุณภาพและ ปฏิบัติการประจำปี",
        "ผล ITA ขึ้น อยู่ในระดับ ร้อยละ ๙๕ ขึ้นไป",
        "-โครงการ -แผน"),
    "kpi-exec-1": (
        "๑.มีการกำหนด เป้าหมาย วิสัยทัศน์ พันธกิจ นโยบายและ กระบวนการพัฒนาและ ดำเนินงานที่ชัดเจนเป็น รูปธรรม",
        "๑.ประชุมคณะกรรมการการ ขับเคลื่อนโครงการเขตพื้นที่ การศึกษาสุจริต",
        "-วิสัยทัศน์ -พันธกิจ -นโยบาย",
        "- รูปภาพ - แผนการ ดำเนินงาน"),
    "kpi-exec-2": (
        "๒.มีการมอบหมายงาน ผู้รับผิดชอบโครงการที่ ชัดเจน",
        "๒.ประชุมชี้แจงเพื่อ มอบหมายผู้รับผิดชอบ เก็บข้อมูล",
        "-มี ผู้รับผิดชอบ หลัก",
        "- รูปภาพ - รายงานการ ประชุม - คำสั่ง/หนังสือ"),
    "kpi-exec-3": (
        "๓.มีการแต่งตั้ง คณะกรรมการ ดำเนินงานพร้อมระบุ หน้าที่ในการดำเนินงาน ที่ชัดเจน",
        "๓.ประชุมเพื่อแต่งตั้ง คณะกรรมการดำเนินงาน พร้อมระบุหน้าที่ในการ ดำเนินงาน",
        "-ทุกคนมี ส่วนร่วม",
        "-รูปภาพ - คำสั่งแต่งตั้ง"),
    "kpi-exec-4": (
        "๔.กำกับ ดูแลการ ดำเนินงานโครงการทุก ขั้นตอนอย่างต่อเนื่อง",
        "๔. ประชุม/สัมภาษณ์ การ ดำเนินงานโครงการแต่ละ ขั้นตอน",
        "-ค้นพบ ปัญหาและ อุปสรรค",
        "- รูปภาพ - รายงาน"),
    "kpi-exec-5": (
        "๕.เปลี่ยนแปลงตนเองสู่ การมีคุณลักษณะ ๕ ประการของโรงเรียน สุจริต",
        "๕.มีพฤติกรรมที่เปลี่ยนแปลง ในทิศทางที่ดีในด้านทักษะ กระบวนการคิด มีวินัย ซื่อสัตย์สุจริต อยู่อย่างพอเพียง จิต "
        "สาธารณะ เช่น มาทำงานเข้า ทำงานนอกเวลาไม่หวัง ผลตอบแทน ช่วยงานเพื่อ ร่วมงาน แต่งการสุภาพถูก ระเบียบ "
        "ให้รถที่ประหยัด ไม่ ใช้ของที่เป็นส่วนรวมไปใช้ ส่วนตัว เป็นต้น",
        "-มี คุณลักษณะ ๕ ประการ ของโรงเรียน สุจริต",
        "- รายงานการ ปฏิบัติงาน - รูปภาพ"),
    "kpi-sup-1": (
        "๑.เป็นผู้นำทางวิชาการในการร่วมกำหนดกิจกรรมโครงการการดำเนินงานชัดเจน",
        "๑.เข้าร่วมประชุม อบรม ทางวิชาการเพื่อนำความรู้สู่การปฏิบัติทุกขั้นตอนอย่างเป็นระบบและเป็นหัวหน้าทีมในการ"
        "ดำเนินกิจกรรม ตอบข้อคำถาม ข้อเสนอแนะกับผู้อื่นได้",
        "-มีความรู้ความเข้าใจขยายผลได้",
        "-รูปภาพ -บรรทึกการประชุม -รายงาน"),
    "kpi-sup-2": (
        "๒.ประสานความร่วมมือระหว่างหน่วยงานและบุคลากรทั้งในและนอกเพื่อขับเคลื่อนโครงการสู่ความสำเร็จ",
        "๒.สร้างเครือข่ายความร่วมมือทางวิชาการจากบุคคลและหน่วยงานภายนอก เช่น สพฐ. ปปช. เขตพื้นที่ การศึกษาอื่นๆ "
        "หรือศึกษานิเทศก์ในหน่วยงานอื่นๆ เพื่อขับเคลื่อนกิจกรรมสู่ความสำเร็จ",
        "-มีเครือข่ายร่วมพัฒนาที่ต่อเนื่อง",
        "-คำสั่ง -รายงาน -รูปภาพ"),
    "kpi-sup-3": (
        "๓.ส่งเสริมการดำเนินกิจกรรมอย่างต่อเนื่องชัดเจน",
        "๓.แสดงออกถึงการเต็มใจตั้งใจในการดำเนินกิจกรรมทุกขั้นตอนและเป็นผู้มีส่วนร่วมรวมถึงการเชิญผู้อื่นเข้าร่วม"
        "กิจกรรมอย่างต่อเนื่อง",
        "-ทุกคนมีส่วนร่วมสม่ำเสมอ",
        "-รูปภาพ -รายงาน"),
    "kpi-sup-4": (
        "๔.ร่วมนิเทศ ติดตามการดำเนินงานทุกขั้นตอนอย่างใกล้ชิด",
        "๔.ร่วมกำหนดแนวทางการนิเทศติดตามกับผู้บริหารและดำเนินการนิเทศ ติดตามทุกกิจกรรมตามบทบาทหน้าที่ให้บรรลุตาม"
        "วัตถุประสงค์",
        "-ปรับปรุงแก้ไขระหว่างดำเนินการได้",
        "-คำสั่ง -รายงาน -รูปภาพ"),
    "kpi-sup-5": (
        "๕.เปลี่ยนแปลงตนเองสู่การมีคุณลักษณะ ๕ ประการของโรงเรียนสุจริต",
        # PAGE_BREAK: "… ให้อภัยที่ประหยัด ไม่" ends the page; "ใช้ของที่เป็นส่วนรวม…" is the next page's first row.
        "๕.มีพฤติกรรมที่เปลี่ยนแปลงในทิศทางที่ดีในด้านทักษะกระบวนการคิด มีวินัย ซื่อสัตย์สุจริต อยู่อย่างพอเพียง "
        "จิตสาธารณะ เช่น มาทำงานเช้า ทำงานนอกเวลาไม่หวังผลตอบแทน ช่วยงานเพื่อร่วมงาน แต่งการสุภาพถูกระเบียบ "
        "ให้อภัยที่ประหยัด ไม่" + "ใช้ของที่เป็นส่วนรวมไปใช้ส่วนตัว เป็นต้น",
        "-มีคุณลักษณะ ๕ ประการของโรงเรียนสุจริต",
        "-รายงาน -รูปภาพ"),
    "kpi-staff-1": (
        "๑.มีส่วนร่วมในการดำเนินงานทุกขั้นตอนเพื่อกำหนดเป้าหมายและวิธีการร่วมกัน",
        "๑.เข้าร่วมการวิเคราะห์ผลจากปีที่ผ่านมา และกำหนดเป้าหมายร่วมกันก่อนนำสู่การปฏิบัติจริง",
        "-ค้นพบปัญหาที่แท้จริงและมีเป้าหมายร่วมกัน",
        "-คำสั่ง -รายงาน -รูปภาพ"),
    "kpi-staff-2": (
        "๒. ร่วมกิจกรรมตามที่ได้รับมอบหมายทุกกิจกรรมอย่างต่อเนื่อง",
        "๒.เข้าร่วมกิจกรรมการดำเนินงานโครงการทุกกิจกรรมด้วยความเต็มใจ",
        "-มีความสามัคคีในองค์กร",
        "-คำสั่ง -รายงาน -รูปภาพ"),
    "kpi-staff-3": (
        "๓.เปลี่ยนแปลงตนเองสู่การมีคุณลักษณะ ๕ ประการของโรงเรียนสุจริต",
        "๕.มีพฤติกรรมที่เปลี่ยนแปลงในทิศทางที่ดีในด้านทักษะกระบวนการคิด มีวินัย ซื่อสัตย์สุจริต อยู่อย่างพอเพียง "
        "จิตสาธารณะ เช่น มาทำงานเช้า ทำงานนอกเวลาไม่หวังผลตอบแทน ช่วยงานเพื่อร่วมงาน แต่งการสุภาพถูกระเบียบ "
        "ให้อภัยที่ประหยัด ไม่ใช่ของที่เป็นส่วนรวมไปใช้ส่วนตัว เป็นต้น",
        "-มีคุณลักษณะ ๕ ประการของโรงเรียนสุจริต",
        "-คำสั่ง -รายงาน -รูปภาพ"),
}
# The first page of the table (the office and the executives) wraps every cell: see WRAPPED.
WRAPPED_KPIS = {"kpi-office-1", "kpi-exec-1", "kpi-exec-2", "kpi-exec-3", "kpi-exec-4", "kpi-exec-5"}

# Seed §3.4, the column "กิจกรรม/วิธีการดำเนินงาน" of the six activities; #4 and #5 hold their sub-activities.
SEED_ACTIVITIES = [
    "สังเคราะห์ผลการดำเนินงาน ปัญหา อุปสรรค ข้อเสนอแนะ จาก การดำเนินงานของปีงบประมาณ ๒๕๖๕ และศึกษาเอกสาร "
    "แนวทางการขับเคลื่อนกิจกรรมสำนักงานเขตพื้นที่การศึกษาสุจริต และโรงเรียนสุจริต",
    "วางแผนเสนอขออนุมัติโครงการ",
    "ประชุมเตรียมดำเนินการกิจกรรมตามแผนงาน",
    "กิจกรรมการเข้าร่วมประชุมของผู้รับผิดชอบโครงการ (บูรณาการ ร่วมกับการนิเทศ กำกับ ติดตาม) กิจกรรมที่ ๑ "
    "ประชุมชี้แจงกรรมการและคณะทำงานตามโครงการ กิจกรรมที่ ๒ นิเทศ ติดตาม และประเมินผล ฯ แบบบูรณาการ "
    "โรงเรียนสุจริตและติดตามเขตพื้นที่การศึกษาสุจริต",
    "กิจกรรมสำนักงานเขตพื้นที่การศึกษาสุจริต ๑. กิจกรรมการประชุมชี้แจงกรรมการและคณะทำงานตามโครงการ ฯ "
    "กิจกรรมการประเมิน ITA ของเขตพื้นที่การศึกษา ๒. ประชุมชี้แจงคณะกรรมการเผยแพร่ข้อมูลรายงานตัวชี้วัด ITA Online "
    "ต่อสาธารณชน ๓. ประชุมเชิงปฏิบัติการ การดำเนินการจัดทำรายงานตัวชี้วัด ITA Online ของเขตพื้นที่การศึกษา "
    "๔. การประชุมคณะกรรมการกลั่นกรองรายงานตัวชี้วัด ITA Online ๕. การกลั่นกรองรายงานตัวชี้วัด ITA Online "
    "๖. อบรมเชิงปฏิบัติการเสริมสร้างส่งเสริมจริยธรรมของหน่วยงาน ๗. กิจกรรมการประชุมชี้แจงผู้มีส่วนได้ส่วนเสียภายนอก "
    "(ผู้ประเมิน EITกลุ่มที่ ๑ และกลุ่มที่ ๒) ของเขตพื้นที่การศึกษา ๗. กิจกรรมการประชุมชี้แจงผู้ประเมิน IIT "
    "ของเขตพื้นที่การศึกษา ๘. กิจกรรมการเผยแพร่ข้อมูลรายงานผลตัวชี้วัด 0๑-0๔๓ เข้าสู่ "
    "ระบบเว็บไซต์สำนักงานเขตพื้นที่ศึกษามัธยมศึกษาบึงกาฬ ๙. กำกับ ติดตาม แลประเมินผล "
    "๑๐. กิจกรรมสรุปและรายงานผลการดำเนินงาน",
    "สรุปผลการดำเนินงาน และรายงานผล",
]
# Activities 1, 4 and 5 (and so their sub-activities) are wrapped cells of the budget table: see WRAPPED.
WRAPPED_ACTIVITIES = {"act-1", "act-4", "act-5"}
CODES = {"act-5-09": ("0๑-0๔๓", "O1–O43")}

# Seed §3.2: the 16 steps of the five stages.
SEED_STEPS = [
    "๑.๑ มอบหมายผู้รับผิดชอบกิจกรรมเขตพื้นที่การศึกษาสุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
    "๑.๒ ประชุมชี้แจงวิเคราะห์ผลการดำเนินงานจากผลการดำเนินงานปีงบประมาณที่ผ่านมา",
    "๑.๓ ทุกคนร่วมกำหนดวิสัยทัศน์ พันธกิจ นโยบายและกระบวนการพัฒนาร่วมกัน",
    "๑.๔ แต่งตั้งคณะกรรมการดำเนินงานแต่ละกิจกรรมอย่างชัดเจนเป็นรูปธรรม",
    "๒.๑ ศึกษาเอกสาร รายงานผลการดำเนินงาน แนวคิด ทฤษฎีที่เกี่ยวข้อง",
    "๒.๒ ประชุมวางแผนร่วมกันเพื่อกำหนดเป้าหมายการพัฒนาและตัวชี้วัดความสำเร็จพร้อมกำหนดระดับความสำเร็จที่คาดหวัง",
    "๒.๓ แยกแยะประเด็นเป้าหมาย (KRA) ที่ต้องการพัฒนา ประกอบด้วย ด้านสำนักงานฯ ด้านผู้บริหาร ด้านศึกษานิเทศก์ "
    "และด้านบุคลากรในสังกัด",
    "๓.๑ นำประเด็นเป้าหมาย (KRA) ที่ต้องการพัฒนาแต่ละด้านมาร่วมกันกำหนดตัวชี้วัด (KPI) ความสำเร็จ "
    "และระดับความสำเร็จที่คาดหวังของแต่ละด้าน",
    "๓.๒ ตรวจสอบ ความเป็นไปได้จริงของตัวชี้วัด (KPI) แต่ละตัว เพื่อปรับปรุงให้เหมาะสมสอดคล้องกับบริบท"
    "เขตพื้นที่การศึกษาและสามารถปฏิบัติได้จริง",
    "๓.๓ ประกาศหรือกำหนดระดับความสำเร็จที่คาดหวังของตัวชี้วัด (KPI) แต่ละตัว",
    "๔.๑ ประชุมคณะกรรมการตามคำสั่งก่อนและหลังการดำเนินกิจกรรมทุกกิจกรรม",
    "๔.๒ บันทึกผล/เก็บข้อมูลการเปลี่ยนแปลงหรือผลที่เกิดจากการดำเนินงานทั้งระหว่างดำเนินการและหลังดำเนินการทุกกิจกรรม",
    "๔.๓ สรุปผลข้อมูลที่เก็บได้ทุกครั้งในการดำเนินกิจกรรมแต่ละครั้งเพื่อสะท้อนผลในการดำเนินงานกิจกรรมต่อไป",
    "๕.๑ หลังดำเนินกิจกรรมทุกครั้งให้ทุกคนมีส่วนร่วมในการสะท้อนผลด้วยการแสดงความคิดเห็น "
    "หรือบันทึกเสนอเพื่อนำมาประกอบการตัดสินใจ หรือหาแนวทางแก้ไขได้ทันทีอย่างเหมาะสม",
    "๕.๒ ประชุมคณะกรรมการดำเนินงานเพื่อสรุปผลการดำเนินงาน เพื่อจัดทำรายงานผลและจัดทำเป็นสารสนเทศต่อการดำเนินงาน"
    "ครั้งต่อไปได้",
    "๕.๓ นำผลการดำเนินงานที่สมบูรณ์เผยแพร่ต่อสาธารณะ เพื่อประโยชน์ต่อทางราชการต่อไป",
]

# Seed §2.1 (objectives), §2.2.1 and §2.2.2 (targets) and §4.1 (objective, result, evidence), per objective.
_ORG = ("โครงการเสริมสร้างคุณธรรม จริยธรรมและธรรมาภิบาลในสถานศึกษา และสำนักงานเขตพื้นที่การศึกษา "
        "(กิจกรรมเขตพื้นที่การศึกษาสุจริต) โดยใช้พื้นที่เป็นฐานนวัตกรรมการ DE ขับเคลื่อนสู่เขตพื้นที่การศึกษาปลอดทุจริตที่ยั่งยืน")
_DE = "โดยใช้พื้นที่เป็นฐานนวัตกรรม DE ขับเคลื่อนสู่เขตพื้นที่การศึกษาปลอดทุจริตที่ยั่งยืน"
_DEV = ("ผลประโยชน์ส่วนตนและผลประโยชน์ส่วนรวม ประพฤติตนเป็นพลเมืองดี มีคุณธรรม จริยธรรม")
SEED_OBJECTIVES = {
    "obj-1": {
        "objective": ("๒.๑.๑ เพื่อพัฒนานวัตกรรมการขับเคลื่อนเขตพื้นที่การศึกษาสุจริต",
                      "๑. เพื่อพัฒนานวัตกรรมการขับเคลื่อนเขตพื้นที่การศึกษาสุจริต"),
        "quantitative_target": ("๑) ผู้รับผิดชอบโครงการได้นวัตกรรมการขับเคลื่อนเขตพื้นที่การศึกษาสุจริต" + _DE,),
        "qualitative_target": ("๑) ผู้รับผิดชอบโครงการมีนวัตกรรมการขับเคลื่อนเขตพื้นที่การศึกษาสุจริต" + _DE
                               + "อย่างมีประสิทธิภาพ",),
        "result": ("๑. ผู้รับผิดชอบโครงการศึกษาและนวัตกรรมการขับเคลื่อนเขตพื้นที่การศึกษาสุจริตโดยใช้รูปแบบการขับเคลื่อน"
                   + _ORG,),
        "evidence": ("๑. รูปแบบการขับเคลื่อน" + _ORG,),
    },
    "obj-2": {
        "objective": ("๒.๑.๒ เพื่อพัฒนาผู้บริหาร ศึกษานิเทศก์ และบุคลากรในสังกัด ให้มีจิตสำนึกและพฤติกรรมที่สามารถแยกแยะ"
                      "ระหว่าง" + _DEV + "ของบุคลากรสุจริตสุจริตชน",
                      "๒. เพื่อพัฒนาผู้บริหาร ศึกษานิเทศก์ และบุคลากรในสังกัด ให้มีจิตสำนึก และพฤติกรรมที่สามารถแยกแยะ"
                      "ระหว่าง" + _DEV + "ของบุคลากรสุจริตชน"),
        "quantitative_target": ("๒) ผู้บริหาร ศึกษานิเทศก์ และบุคลากรในสังกัด ร้อยละ ๑๐๐ ได้รับการพัฒนาปลูกจิตสำนึก"
                                "และพฤติกรรมที่สามารถแยกแยะระหว่าง" + _DEV + " ของบุคลากรสุจริตสุจริตชน",),
        "qualitative_target": ("๒) ผู้บริหาร ศึกษานิเทศก์ และบุคลากรในสังกัด มีจิตสำนึกและพฤติกรรมที่สามารถแยกแยะระหว่าง"
                               + _DEV + "ของบุคลากรสู่วิถีสุจริตชนระดับดีมากขึ้นไป",),
        "result": ("๒. ผู้บริหาร ศึกษานิเทศก์ และบุคลากรในสังกัด ร้อยละ ๑๐๐ ได้รับการพัฒนาปลูกจิตสำนึกและพฤติกรรม"
                   "ที่สามารถแยกแยะระหว่าง" + _DEV + "ของบุคลากรสุจริตชน",),
        "evidence": ("๒. รายงานผลการดำเนินกิจกรรม",),
    },
    "obj-3": {
        "objective": ("๒.๑.๓ เพื่อยกระดับคุณธรรมและความโปร่งใสของเขตพื้นที่ศึกษามัธยมศึกษาบึงกาฬ",
                      "๓. เพื่อยกระดับคุณธรรมและความโปร่งใสของเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ"),
        "quantitative_target": ("๓) สำนักเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬมีระดับคุณธรรมและความโปร่งใส (ITA Online) "
                                "ผ่านเกณฑ์ ร้อยละ ๙๕ ขึ้นไป",),
        "qualitative_target": ("๓) สำนักเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬมีระดับคุณธรรมและความโปร่งใส (ITA Online) "
                               "ผ่านเกณฑ์ อยู่ในระดับ AA",),
        "result": ("๓. มีกิจกรรมการดำเนินงานเพื่อยกระดับคุณธรรมและความโปร่งใสของเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ "
                   "ชัดเจนเป็นรูปธรรม",),
        "evidence": ("๓. รายงานผลการดำเนินกิจกรรม",),
    },
}

# The cover and the report form (แบบรายงาน), and the vision of the §3.3 table (a wrapped cell).
SEED_SETTINGS = {
    "office_name": "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาบึงกาฬ",
    "innovation_title": "รูปแบบการขับเคลื่อนเขตพื้นที่การศึกษาสุจริต โดยใช้พื้นที่เป็นฐานนวัตกรรมขับเคลื่อนสู่"
                        "เขตพื้นที่การศึกษาปลอดทุจริตที่ยั่งยืน ด้วยกระบวนการ DE",
}
SEED_VISION = "สำนักงาน เขตพื้นที่ การศึกษา มัธยมศึกษา บึงกาฬ ปลอด ทุจริตที่ ยั่งยืน"

# NOT_FROM_THE_SEED: demo cells with no seed counterpart, and why (they are not compared).
NOT_FROM_THE_SEED = {
    ("kras", "title"): "the seed names only the four KRA groups (§2.3, §3.3); the titles are demo wording",
    ("settings", "project_name"): "composed from the cover's lines (activity + project), not one cell of the seed",
}

NUMBERING = re.compile(r"^(?:[๐-๙]+(?:\.[๐-๙]+)*\.?\)?\s*|กิจกรรมที่\s*[๐-๙]+\s+)")


def norm(text: str | None) -> str:
    """NFC, runs of whitespace folded to one space, ends trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fix_typos(text: str) -> str:
    for wrong, right in TYPO_FIXES:
        text = text.replace(wrong, right)
    return text


def seed_text(cell: str) -> str:
    """A seed cell as the demo should hold it: typos fixed, numbering and "-" bullets taken off, whitespace folded."""
    text = NUMBERING.sub("", norm(fix_typos(cell)))
    return norm(re.sub(r"(?:^|\s)-\s*", " ", text))


def seed_items(cell: str) -> list[str]:
    """A bulleted seed cell ("- รูปภาพ - รายงาน") as its items."""
    return [norm(part) for part in fix_typos(cell).split("-") if norm(part)]


def same(demo: str | None, seed: str, wrapped: bool) -> bool:
    return squeeze(norm(demo)) == squeeze(seed) if wrapped else norm(demo) == seed


def _split_subs(cell: str, marker: str) -> list[str]:
    """A parent activity cell and its numbered sub-activities, split where the seed numbers them."""
    return [part for part in re.split(marker, norm(cell)) if part.strip()]


def seed_activity_titles() -> dict[str, str]:
    out = {}
    for no, cell in enumerate(SEED_ACTIVITIES, start=1):
        marker = {4: r"\s*กิจกรรมที่ [๐-๙]+ ", 5: r"\s+[๐-๙]+\. "}.get(no)
        parts = _split_subs(cell, marker) if marker else [cell]
        out[f"act-{no}"] = parts[0]
        out.update({f"act-{no}-{i:02d}": part for i, part in enumerate(parts[1:], start=1)})
    return out


def _demo(demo_wb, tab: str) -> dict[str, dict]:
    return {r["id"]: r for r in demo_wb.rows(tab, FY)}


def test_the_seeds_transcription_has_every_row_it_should():
    titles = seed_activity_titles()
    assert len(SEED_KPIS) == 14 and len(SEED_STEPS) == 16 and len(SEED_OBJECTIVES) == 3
    assert len(titles) == 19 and sum(k.startswith("act-5-") for k in titles) == 11  # the seed's 1–10 with "7" twice


def test_the_kpi_texts_are_the_seeds(demo_wb):
    kpis = _demo(demo_wb, "kpis")
    assert set(kpis) == set(SEED_KPIS)
    drift = []
    for kpi_id, (kpi, action, expected, evidence) in SEED_KPIS.items():
        wrapped, row = kpi_id in WRAPPED_KPIS, kpis[kpi_id]
        for column, cell in (("kpi", kpi), ("action", action), ("expected_result", expected)):
            if not same(row.get(column), seed_text(cell), wrapped):
                drift.append((kpi_id, column, row.get(column), seed_text(cell)))
        demo_items = [norm(i) for i in (row.get("evidence_types") or "").split(",")]
        if [squeeze(i) for i in demo_items] != [squeeze(i) for i in seed_items(evidence)] or (
                not wrapped and demo_items != seed_items(evidence)):
            drift.append((kpi_id, "evidence_types", row.get("evidence_types"), seed_items(evidence)))
    assert drift == []


def test_the_activity_titles_are_the_seeds(demo_wb):
    acts, titles = _demo(demo_wb, "activities"), seed_activity_titles()
    assert set(acts) == set(titles)
    drift = []
    for act_id, cell in titles.items():
        expected = seed_text(cell)
        if act_id in CODES:
            expected = expected.replace(*CODES[act_id])
        wrapped = act_id.split("-")[0] + "-" + act_id.split("-")[1] in WRAPPED_ACTIVITIES
        if not same(acts[act_id].get("title"), expected, wrapped):
            drift.append((act_id, acts[act_id].get("title"), expected))
    assert drift == []


def test_the_de_steps_are_the_seeds(demo_wb):
    steps = _demo(demo_wb, "de_steps")
    expected = {f"step-{cell[0]}.{cell[2]}".translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")): seed_text(cell)
                for cell in SEED_STEPS}
    assert set(steps) == set(expected)
    assert [(k, norm(steps[k].get("title"))) for k in expected if norm(steps[k].get("title")) != expected[k]] == []


def test_the_objectives_are_the_seeds(demo_wb):
    objectives = _demo(demo_wb, "objectives")
    assert set(objectives) == set(SEED_OBJECTIVES)
    drift = []
    for obj_id, columns in SEED_OBJECTIVES.items():
        for column, renditions in columns.items():  # OBJECTIVE_RENDITIONS: any of the seed's own renditions
            if norm(objectives[obj_id].get(column)) not in {seed_text(r) for r in renditions}:
                drift.append((obj_id, column, objectives[obj_id].get(column)))
    assert drift == []


def test_the_settings_seed_texts_are_the_seeds(demo_wb):
    settings = demo_wb.rows("settings", FY)[0]
    for column, cell in SEED_SETTINGS.items():
        assert norm(settings.get(column)) == seed_text(cell), column
    assert same(settings.get("vision"), seed_text(SEED_VISION), wrapped=True)


def test_the_cells_not_from_the_seed_say_so(demo_wb):
    assert all("demo" in (r.get("note") or "") for r in demo_wb.rows("kras", FY))
    assert set(NOT_FROM_THE_SEED) == {("kras", "title"), ("settings", "project_name")}


@pytest.mark.parametrize(("demo", "seed", "wrapped", "ok"), [
    ("ผล ITA ขึ้น อยู่ในระดับร้อยละ ๙๕ ขึ้นไป", "ผล ITA ขึ้น อยู่ในระดับ ร้อยละ ๙๕ ขึ้นไป", True, True),
    ("ผล ITA อยู่ในระดับร้อยละ ๙๕ ขึ้นไป", "ผล ITA ขึ้น อยู่ในระดับ ร้อยละ ๙๕ ขึ้นไป", True, False),
    ("ทั้งภายในและภายนอก", "ทั้งในและนอก", False, False),
    ("กับผู้บริหาร และดำเนินการ", "กับผู้บริหารและดำเนินการ", False, False),
    ("ต้น  ปลาย", "ต้น ปลาย", False, True),
])
def test_the_comparison_catches_a_changed_word_and_a_moved_space_outside_wrapped_cells(demo, seed, wrapped, ok):
    assert same(demo, seed_text(seed), wrapped) is ok


def test_the_seed_side_gets_the_decisions_typo_fixes_and_loses_its_numbering_and_bullets():
    assert seed_text("๑.ร่วม แต่งการสุภาพ -บรรทึก") == "ร่วม แต่งกายสุภาพ บันทึก"
    assert seed_text("กิจกรรมที่ ๒ นิเทศ") == "นิเทศ" and seed_text("๓.๒ ตรวจสอบ") == "ตรวจสอบ"
    assert seed_items("-รูปภาพ -บรรทึกการประชุม -รายงาน") == ["รูปภาพ", "บันทึกการประชุม", "รายงาน"]


# --- The demo's figures agree with each other ---------------------------------------------------------------------

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
FRACTION = re.compile(r"([๐-๙\d]+)\s*(?:ใน|จาก)\s*([๐-๙\d]+)")


def test_a_percent_reading_is_the_fraction_its_note_states(demo_wb):
    """"๔ ใน ๖ กิจกรรมหลัก" is 66.67%, not 67%: a reading's value is its stated fraction, half-up to 2 places."""
    kpis = {k["id"]: k for k in demo_wb.rows("kpis", FY)}
    checked = []
    for reading in demo_wb.rows("kpi_readings", FY):
        match = FRACTION.search(reading.get("note") or "")
        if not match or kpis[reading["kpi_id"]].get("measure_type") != "percent":
            continue
        part, whole = (Decimal(g.translate(THAI_DIGITS)) for g in match.groups())
        checked.append((reading["id"], reading["value"], round2(part * 100 / whole)))
    assert len(checked) >= 5  # exec-3 (3, 4 and 5 of 6) and sup-4 (8 and 15 of 25)
    assert [c for c in checked if c[1] != c[2]] == []


def _number(text: str) -> Decimal:
    return Decimal(text.translate(THAI_DIGITS).replace(",", ""))


def test_an_expense_line_adds_up_to_the_amount_its_item_states(demo_wb):
    """"(๕๒ คน x ๑๗๐ บาท)" is 8,840 baht: every line that states its sum pays exactly that."""
    stated = []
    for line in demo_wb.rows("expenses", FY):
        match = re.search(r"\(([^()]*x[^()]*)\)", line.get("item") or "")
        if match:
            factors = [_number(f) for f in re.findall(r"[๐-๙\d][๐-๙\d,]*", match.group(1))]
            stated.append((line["id"], line["amount"], math.prod(factors)))
    assert len(stated) >= 6 and [s for s in stated if s[1] != s[2]] == []


def test_lunches_are_paid_for_the_people_who_came(demo_wb):
    """A meal line pays for as many people as the activity's reflection says attended (52 of 60 at 5.6)."""
    attended = {}
    for ref in demo_wb.rows("reflections", FY):
        match = re.search(r"ผู้เข้าร่วม\s*([๐-๙\d]+)\s*จาก", ref.get("what") or "")
        if match:
            attended[ref["activity_id"]] = _number(match.group(1))
    assert attended == {"act-5-06": 52}
    meals = [(line["activity_id"], _number(re.search(r"\(([๐-๙\d]+) คน", line["item"]).group(1)))
             for line in demo_wb.rows("expenses", FY)
             if line.get("activity_id") in attended and "ค่าอาหาร" in (line.get("item") or "")]
    assert meals and all(people == attended[act] for act, people in meals)


def test_the_ita_tab_s_oit_of_the_year_is_what_the_checklist_projects_or_absent(demo_wb):
    """The ITA page shows the entered OIT beside the checklist's projection: the demo's two must agree."""
    entered = ita_year(demo_wb, FY).scores.get("oit")
    assert entered is None or entered == oit_checklist(demo_wb, FY).projected_oit == Decimal("83.72")


def test_no_iit_or_eit_result_exists_before_the_eit_assessors_are_briefed(demo_wb, today):
    """As of 30 มิ.ย. 2566 the EIT assessors are not yet briefed (5.7, ก.ค. 2566): the year has no IIT or EIT score,
    no indicator 1–8 score, no ITA total, and the KPI measured by the ITA total has no reading yet."""
    day = as_of(demo_wb, FY, today)
    (briefing,) = [a for a in demo_wb.rows("activities", FY) if "EIT" in (a.get("title") or "")]
    assert briefing["status"] != "done" and briefing["planned_start"] > day
    year = ita_year(demo_wb, FY)
    assert year.scores["iit"] is None and year.scores["eit"] is None and year.total is None
    assert [i for tool in ("iit", "eit") for i in INDICATORS[tool] if year.indicators.get(i) is not None] == []
    ita_kpis = {k["id"] for k in demo_wb.rows("kpis", FY) if "ITA" in (k.get("measure") or "")}
    assert ita_kpis == {"kpi-office-1"}
    assert [r["id"] for r in demo_wb.rows("kpi_readings", FY)
            if r["kpi_id"] in ita_kpis and (r.get("measured_on") is None or r["measured_on"] <= day)] == []
