"""Strings of the Best Practice report: the page, and the document's cover, headings, columns and placeholders.

The section headings themselves are the dropdown labels of `report_section` in sheets_schema/enums.toml (the seed's
table of contents), so the sheet and the report name them alike.
"""

STRINGS: dict[str, tuple[str, str]] = {
    "nav.report": ("รายงาน Best Practice", "Best Practice report"),
    "report.page_title": ("รายงาน Best Practice จากข้อมูลปัจจุบัน", "Best Practice report from the current data"),
    "report.page_help": (
        "รายงานทุกหัวข้อตามสารบัญของรายงาน Best Practice สร้างจากข้อมูลในชีต ณ ตอนนี้: ไฟล์ Word (.docx) แก้ไขต่อได้ "
        "(Word ปรับสารบัญและเลขหน้าเมื่อเปิดไฟล์) ไฟล์ PDF พร้อมส่ง และไฟล์ .html เปิดในเบราว์เซอร์แล้วสั่งพิมพ์ได้ "
        "เนื้อความของแต่ละหัวข้อเขียนได้ที่หน้า «เขียนรายงาน»",
        "Every section of the Best Practice report's table of contents, built from the sheet as it is now: the Word "
        "file (.docx) can be edited further (Word updates the contents and page numbers when it opens), the PDF is "
        "ready to send, the .html opens in a browser to print. Write each section's text on the «Write the report» "
        "page",
    ),
    "report.download_docx": ("ดาวน์โหลด Word (.docx)", "Download Word (.docx)"),
    "report.download_pdf": ("ดาวน์โหลด PDF", "Download PDF"),
    "report.download_html": ("ดาวน์โหลดฉบับพิมพ์ (.html)", "Download printable (.html)"),
    "report.no_pdf": (
        "ไฟล์ PDF ทำได้เมื่อเครื่องที่รันแอปมีเบราว์เซอร์ Chromium (เช่น `apt-get install chromium`) "
        "ระหว่างนี้ใช้ไฟล์ .html สั่งพิมพ์เป็น PDF จากเบราว์เซอร์ได้",
        "PDF needs Chromium on the machine that runs the app (e.g. `apt-get install chromium`); meanwhile print "
        "the .html to PDF from a browser",
    ),
    "report.pdf_failed": ("ทำไฟล์ PDF ไม่สำเร็จ: {error}", "Could not make the PDF: {error}"),
    "report.preview": ("ตัวอย่างรายงาน", "Preview"),
    "report.more_rows": ("และอีก {n:,} แถวในไฟล์ที่ดาวน์โหลด", "and {n:,} more rows in the downloaded files"),
    "report.doc_title": ("รายงานผลงาน/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)",
                         "Best Practice report"),
    "report.fy": ("ประจำปีงบประมาณ พ.ศ. {fy}", "Fiscal year {fy} (B.E.)"),
    "report.demo": ("ข้อมูลตัวอย่าง (demo) ไม่ใช่รายงานจริงของสำนักงาน", "Demo data, not an office's real report"),
    "report.demo_mark": ("ข้อมูลตัวอย่าง (demo)", "DEMO DATA"),
    "report.no_year": (
        "ยังไม่มีข้อมูลปีงบประมาณ: เพิ่มแถวในแท็บ «ตั้งค่า»", "No fiscal year yet: add a row to the «ตั้งค่า» tab",
    ),
    "report.generated": (
        "จัดทำจากข้อมูลในแดชบอร์ด DE เขตพื้นที่การศึกษาสุจริต เมื่อ {date}",
        "Generated from the Sujarit DE Dashboard data on {date}",
    ),
    "report.page": ("หน้า", "Page"),
    # the cover and the report form (แบบรายงาน), from the settings row
    "report.cover_heading": ("ผลงานนวัตกรรม (BEST PRACTICE)", "INNOVATION (BEST PRACTICE)"),
    "report.cover_activity": ("กิจกรรมถอดบทเรียน BEST PRACTICE", "Lessons learned: BEST PRACTICE"),
    "report.cover_category": ("ประเภท {category}", "Category: {category}"),
    "report.cover_role": ("ตำแหน่ง {role}", "Position: {role}"),
    "report.cover_office": ("สังกัด{office}", "Office: {office}"),
    "report.missing_title": ("[ชื่อผลงาน: กรอกในคอลัมน์ «ชื่อผลงาน» ของแท็บ «ตั้งค่า»]",
                             "[Innovation title: fill the «ชื่อผลงาน» column of the «ตั้งค่า» tab]"),
    "report.missing_role": ("[ตำแหน่งผู้จัดทำ: กรอกในคอลัมน์ «ตำแหน่งผู้จัดทำรายงาน» ของแท็บ «ตั้งค่า»]",
                            "[Author's position: fill the «ตำแหน่งผู้จัดทำรายงาน» column of the «ตั้งค่า» tab]"),
    "report.missing_office": ("[ชื่อหน่วยงาน: กรอกในแท็บ «ตั้งค่า»]", "[Office name: fill it in the «ตั้งค่า» tab]"),
    "report.toc": ("สารบัญ", "Contents"),
    "report.toc_topic": ("ประเด็น", "Topic"),
    "report.toc_page": ("หน้า", "Page"),
    "report.toc_update": (
        "สารบัญ: ถ้าสารบัญว่าง ให้คลิกขวาที่นี่แล้วเลือก «อัปเดตเขตข้อมูล» (Update Field)",
        "Contents: if empty, right-click here and choose «Update Field»",
    ),
    "report.details": ("รายละเอียดเอกสารการนำเสนอ/นวัตกรรมการปฏิบัติที่เป็นเลิศ (Best Practice)",
                       "Details of the work or innovation (Best Practice)"),
    "report.form_title": ("ชื่อผลงาน", "Title of the work"),
    "report.form_author": ("ผู้จัดทำ (ตำแหน่ง)", "Author (position)"),
    "report.form_office": ("สังกัด", "Office"),
    "report.form_project": ("โครงการ", "Project"),
    "report.form_year": ("ปีงบประมาณ", "Fiscal year"),
    "report.form_category": ("ประเภทผลงาน", "Category of the work"),
    "report.form_chars": ("สอดคล้องกับคุณลักษณะโรงเรียนสุจริต (ตามกิจกรรมที่ระบุในแท็บ «กิจกรรม»)",
                          "Sujarit school characteristics it serves (as tagged in the «กิจกรรม» tab)"),
    "report.category_teacher": ("ครู", "Teacher"),
    "report.category_executive": ("ผู้บริหาร", "Executive"),
    "report.category_owner": ("บุคลากรทางการศึกษา/ผู้รับผิดชอบโครงการ/ผู้รับผิดชอบเขตพื้นที่การศึกษาสุจริต",
                              "Educational personnel / project owner / Sujarit ESA owner"),
    # placeholders
    "report.empty_section": (
        "[ยังไม่มีเนื้อหา: เขียนหัวข้อนี้ที่หน้า «เขียนรายงาน» หรือเพิ่มแถวในแท็บ «เนื้อหารายงาน» "
        "โดยเลือกคอลัมน์ «หัวข้อ» = «{section}»]",
        "[Nothing written yet: write this section on the «Write the report» page, or add rows to the "
        "«เนื้อหารายงาน» tab with «หัวข้อ» = «{section}»]",
    ),
    "report.figure": ("ภาพประกอบ {n}", "Figure {n}"),
    "report.figure_box": ("[ภาพประกอบ]", "[Picture]"),
    "report.figure_link": ("ภาพ: {url}", "Picture: {url}"),
    "report.figure_missing": ("ยังไม่มีภาพ: ใส่ลิงก์ภาพในคอลัมน์ «ลิงก์ภาพ» ของแท็บ «เนื้อหารายงาน»",
                              "No picture yet: put its link in the «ลิงก์ภาพ» column of the «เนื้อหารายงาน» tab"),
    # 2.1, 2.2 and 4.1 from the objectives tab
    "report.obj_quantitative": ("เป้าหมายเชิงปริมาณ", "Quantitative targets"),
    "report.obj_qualitative": ("เป้าหมายเชิงคุณภาพ", "Qualitative targets"),
    "report.obj_objective": ("วัตถุประสงค์", "Objective"),
    "report.obj_result": ("ผลการดำเนินงาน", "Result"),
    "report.obj_evidence": ("หลักฐาน", "Evidence"),
    "report.obj_empty": ("[ยังไม่มีวัตถุประสงค์: เพิ่มในแท็บ «วัตถุประสงค์»]",
                         "[No objectives yet: add them in the «วัตถุประสงค์» tab]"),
    # 3.1 the flowchart and 3.2 the steps, from the DE steps tab
    "report.flow_caption": ("ขั้นตอนการขับเคลื่อนด้วยกระบวนการ DE (จากแท็บ «ขั้นตอน DE»)",
                            "The DE process, stage by stage (from the «ขั้นตอน DE» tab)"),
    "report.flow_start": ("เริ่มต้น: ใช้พื้นที่เป็นฐาน", "Start: the area as the base"),
    "report.flow_goal": ("เป้าหมาย: {vision}", "Goal: {vision}"),
    "report.flow_loop": ("สะท้อนผลแล้วย้อนกลับไปปรับปรุงตั้งแต่ชั้นที่ 1 ในรอบถัดไป (วงจรการเรียนรู้ DE)",
                         "Reflect, then loop back to stage 1 for the next round (the DE learning loop)"),
    "report.flow_stage": ("ชั้นที่ {n}", "Stage {n}"),
    "report.stage.vision": ("ชั้นกำหนดวิสัยทัศน์ร่วมกัน (Vision)", "Set a shared vision (Vision)"),
    "report.stage.kra": ("ชั้นวิเคราะห์ความซับซ้อนเพื่อกำหนดเป้าหมายร่วมกัน (KRA)",
                         "Analyse the complexity to set shared goals (KRA)"),
    "report.stage.kpi": ("ชั้นกำหนดตัวชี้วัดความสำเร็จร่วมกัน (KPI)", "Set shared success indicators (KPI)"),
    "report.stage.act": ("ชั้นดำเนินกิจกรรมและเก็บข้อมูลเพื่อแสดงผลการเปลี่ยนแปลง (ACT)",
                         "Act and collect data to show the change (ACT)"),
    "report.stage.reflection": ("ชั้นสะท้อนผลการดำเนินกิจกรรม (Reflection)", "Reflect on the activities (Reflection)"),
    "report.steps_stage": ("ชั้น", "Stage"),
    "report.steps_step": ("ขั้นตอนการดำเนินงาน", "Step"),
    "report.steps_owner": ("ผู้รับผิดชอบ", "Owner"),
    "report.steps_result": ("ผลการดำเนินงาน", "Progress"),
    "report.steps_done_on": ("{status} ({date})", "{status} ({date})"),
    "report.steps_summary": ("ขั้นตอนทั้งหมด {n} ขั้นตอน ใน {stages} ชั้น", "{n} steps in {stages} stages"),
    "report.steps_empty": ("[ยังไม่มีขั้นตอน DE: เพิ่มในแท็บ «ขั้นตอน DE»]", "[No DE steps yet: add them in the «ขั้นตอน DE» tab]"),
    # 3.3 the KRA/KPI table
    "report.de_vision": ("วิสัยทัศน์ (Vision)", "Vision"),
    "report.de_kra": ("KRA", "KRA"),
    "report.de_kpi": ("ตัวชี้วัด (KPI)", "KPI"),
    "report.de_action": ("การดำเนินการ (Action)", "Action"),
    "report.de_expected": ("ผลที่คาดหวัง (Reflection)", "Expected result (Reflection)"),
    "report.de_evidence": ("หลักฐาน", "Evidence"),
    "report.de_summary": ("ตัวชี้วัดทั้งหมด {n} ตัว", "{n} KPIs in all"),
    "report.de_empty": ("[ยังไม่มีตัวชี้วัด: เพิ่มในแท็บ «ตัวชี้วัด KPI»]", "[No KPIs yet: add them in the «ตัวชี้วัด KPI» tab]"),
    # 3.4 the budget table
    "report.budget_no": ("ที่", "No."),
    "report.budget_activity": ("กิจกรรม/วิธีการดำเนินงาน", "Activity"),
    "report.budget_period": ("ระยะเวลาดำเนินงาน", "Period"),
    "report.budget_amount": ("งบประมาณที่ใช้", "Budget"),
    "report.budget_none": ("ไม่ใช้งบประมาณ", "No budget"),
    "report.budget_total": ("รวม", "Total"),
    "report.budget_note": (
        "ได้รับจัดสรร {allocation} · ตามแผน {planned} · ใช้จ่ายจริงตามแท็บค่าใช้จ่าย {spent}",
        "Allocated {allocation} · planned {planned} · spent according to the expenses tab {spent}",
    ),
    "report.budget_empty": ("[ยังไม่มีกิจกรรม: เพิ่มในแท็บ «กิจกรรม»]", "[No activities yet: add them in the «กิจกรรม» tab]"),
    # 4.2 when the section has no table of its own: the activities' tags
    "report.char_heading": ("สอดคล้องกับคุณลักษณะ 5 ประการของโรงเรียนสุจริต",
                            "In line with the 5 characteristics of Sujarit schools"),
    "report.decl_heading": ("สอดคล้องตามปฏิญญาโรงเรียนสุจริต 3 ข้อ", "In line with the 3-part Sujarit declaration"),
    "report.char_name": ("คุณลักษณะ", "Characteristic"),
    "report.decl_name": ("ปฏิญญาสุจริต", "Declaration"),
    "report.tag_activities": ("กิจกรรม/วิธีการ ที่สอดคล้อง", "Activities that match"),
    "report.tag_results": ("ผลที่เกิดขึ้น (จากการสะท้อนผล)", "What happened (from reflections)"),
    # 6 the lessons table's columns when the rows bring no header
    "report.lesson_principle": ("หลักการที่ได้เรียนรู้การพัฒนาผลงาน/นวัตกรรม", "Principle learned"),
    "report.lesson_caution": ("ข้อสังเกตหรือข้อควรระวังการพัฒนาผลงาน/นวัตกรรม", "Observation or caution"),
    "report.lesson_guidance": ("แนวทางจากการพัฒนาผลงาน/นวัตกรรมเพื่อให้ประสบความสำเร็จมากยิ่งขึ้น",
                               "Guidance for more success"),
}
