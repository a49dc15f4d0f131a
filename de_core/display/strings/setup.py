"""The set-up page: start my office, and the next fiscal year from the last."""

STRINGS: dict[str, tuple[str, str]] = {
    "nav.setup": ("ตั้งค่าสำนักงาน", "Set up my office"),
    "setup.title": ("ตั้งค่าสำนักงาน", "Set up my office"),
    "setup.help": (
        "เริ่มข้อมูลของสำนักงานเอง และยกแผนปีที่แล้วไปปีงบประมาณถัดไป ทุกอย่างบันทึกลงสมุดงานที่แอปใช้อยู่",
        "Start your office's own data, and carry last year's plan into the next fiscal year, in the workbook "
        "the app uses",
    ),
    "setup.start_heading": ("เริ่มข้อมูลของสำนักงานเอง", "Start my own office"),
    "setup.start_help": (
        "ตอนนี้แอปแสดงข้อมูลตัวอย่าง (demo) สร้างสมุดงานว่างของสำนักงานสำหรับปีงบประมาณ {fy} "
        "ข้อมูลตัวอย่างเดิมจะถูกเก็บไว้ข้าง ๆ ไม่มีอะไรถูกเขียนทับ",
        "The app shows the demo now. Make your office's empty workbook for fiscal year {fy}; the demo is kept "
        "beside it, nothing is overwritten",
    ),
    "setup.own_data": ("ข้อมูลนี้เป็นของสำนักงานแล้ว (ไม่ใช่ตัวอย่าง)", "This is your office's own data (not the demo)"),
    "setup.office_name": ("ชื่อหน่วยงาน", "Office name"),
    "setup.project_name": ("ชื่อโครงการ", "Project name"),
    "setup.vision": ("วิสัยทัศน์", "Vision"),
    "setup.allocation": ("งบประมาณที่ได้รับจัดสรร (บาท)", "Budget allocation (baht)"),
    "setup.ita_target": ("เป้าหมาย ITA", "ITA target"),
    "setup.innovation_title": ("ชื่อผลงาน", "Innovation title"),
    "setup.start": ("สร้างสมุดงานของสำนักงาน", "Make my office's workbook"),
    "setup.name_needed": ("กรอกชื่อหน่วยงานก่อน", "Enter the office name first"),
    "setup.started": ("สร้างสมุดงานของสำนักงาน ปีงบประมาณ {fy} แล้ว", "Your office's workbook for fiscal year {fy} is made"),
    "setup.kept_demo": ("เก็บข้อมูลตัวอย่างเดิมไว้ที่ {path}", "The demo was kept at {path}"),
    "setup.year_heading": ("ปีงบประมาณถัดไป", "Next fiscal year"),
    "setup.year_help": (
        "ยก KRA, KPI (เป้าหมายเดิม ค่าฐาน = ผลล่าสุดของปีที่แล้ว), ขั้นตอน DE (ยังไม่เริ่ม), กิจกรรม (ตามแผน เลื่อนเดือนไป "
        "หนึ่งปี งบประมาณเป็นแผน), วัตถุประสงค์ รายการ OIT และกรอบ ITA ไปปีใหม่ ค่าใช้จ่าย ผลการวัด การสะท้อนผล "
        "หลักฐาน และคะแนน ITA ไม่ยกไป สั่งซ้ำได้โดยไม่เกิดแถวซ้ำ",
        "Carries KRAs, KPIs (targets kept, baseline = last year's latest reading), DE steps (not started), "
        "activities (planned, months moved on a year, budget as plan), objectives, the OIT checklist and the ITA "
        "frame into the new year. Expenses, readings, reflections, evidence and ITA scores are not carried. "
        "Running it again creates nothing twice",
    ),
    "setup.from_year": ("จากปีงบประมาณ", "From fiscal year"),
    "setup.preview": ("สิ่งที่จะสร้างในปี {fy}", "What will be made in FY{fy}"),
    "setup.col_tab": ("แท็บ", "Tab"),
    "setup.col_new": ("จะสร้าง", "New rows"),
    "setup.col_already": ("มีอยู่แล้ว", "Already there"),
    "setup.nothing": ("ปี {fy} มีครบแล้ว ไม่มีอะไรต้องสร้าง", "FY{fy} is already there: nothing to make"),
    "setup.carry": ("สร้างปีงบประมาณ {fy}", "Make fiscal year {fy}"),
    "setup.carried": ("สร้างปีงบประมาณ {fy} แล้ว: {n} แถว (บันทึกในประวัติการแก้ไข)",
                      "Fiscal year {fy} is made: {n} rows (in the audit tab)"),
    "setup.no_year": ("ยังไม่มีปีงบประมาณในแท็บ «ตั้งค่า»", "No fiscal year in the settings tab yet"),
}
