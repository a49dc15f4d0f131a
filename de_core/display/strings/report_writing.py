"""Strings of the page where editors write the report's sections (the tab เนื้อหารายงาน)."""

STRINGS: dict[str, tuple[str, str]] = {
    "nav.report_write": ("เขียนรายงาน", "Write the report"),
    "rwrite.title": ("เขียนรายงาน Best Practice", "Write the Best Practice report"),
    "rwrite.help": (
        "เขียนเนื้อความของแต่ละหัวข้อตามสารบัญของรายงาน และเรียงลำดับแถวในหัวข้อ ทุกการบันทึกลงแท็บ «เนื้อหารายงาน» "
        "ของปีงบประมาณที่เลือก พร้อมบันทึกการแก้ไข ตาราง KRA/KPI ขั้นตอน DE งบประมาณ และวัตถุประสงค์ มาจากแท็บของตัวเอง "
        "ตัวอย่างด้านขวาแสดงหัวข้อตามที่จะอยู่ในรายงาน รวมข้อความที่ยังไม่ได้บันทึก",
        "Write each section of the report's table of contents and order its rows. Every save goes to the "
        "«เนื้อหารายงาน» tab for the selected fiscal year, with an audit row. The KRA/KPI, DE step, budget and "
        "objective tables come from their own tabs. The preview on the right shows the section as the report will, "
        "text not saved yet included",
    ),
    "rwrite.section": ("หัวข้อ", "Section"),
    "rwrite.rows": ("แถวในหัวข้อนี้ ({n})", "Rows in this section ({n})"),
    "rwrite.no_rows": (
        "หัวข้อนี้ยังไม่มีแถว: เพิ่มแถวใหม่ หรือรายงานจะแสดงข้อความว่ายังไม่มีเนื้อหา",
        "No rows in this section yet: add one, or the report says nothing is written yet",
    ),
    "rwrite.generated": (
        "หัวข้อนี้มีตาราง/แผนภาพจากแท็บอื่นด้วย แถวชนิด «ข้อมูลจากแท็บ» บอกตำแหน่งที่จะวาง (ไม่มีแถวนี้ = ต่อท้ายหัวข้อ)",
        "This section also has a table or diagram from the other tabs: a row of kind «from the tabs» says where it "
        "goes (without one it comes last)",
    ),
    "rwrite.cover": ("ปกและแบบรายงาน (แท็บ «ตั้งค่า» ของปีนี้)", "Cover and report form (this year's «ตั้งค่า» row)"),
    "rwrite.up": ("เลื่อนขึ้น", "Move up"),
    "rwrite.down": ("เลื่อนลง", "Move down"),
    "rwrite.edit": ("แก้ไข", "Edit"),
    "rwrite.add": ("เพิ่มแถวใหม่", "Add a row"),
    "rwrite.editing": ("แก้ไขแถว {id}", "Editing row {id}"),
    "rwrite.new_row": ("แถวใหม่ (ต่อท้ายหัวข้อ)", "New row (at the end of the section)"),
    "rwrite.kind": ("ชนิด", "Kind"),
    "rwrite.title_field": ("หัวเรื่องย่อย (ถ้ามี: รายงานใส่เลขให้ เช่น 5.1)", "Sub-heading (optional; numbered 5.1 … by the report)"),
    "rwrite.text": ("เนื้อความ (คำบรรยายภาพ สำหรับภาพประกอบ)", "Text (the caption, for a figure)"),
    "rwrite.cell": ("ตาราง ช่อง {n}", "Table cell {n}"),
    "rwrite.url": ("ลิงก์ภาพ (https://…)", "Picture link (https://…)"),
    "rwrite.save": ("บันทึก", "Save"),
    "rwrite.cancel": ("ยกเลิก", "Cancel"),
    "rwrite.preview": ("ตัวอย่างหัวข้อในรายงาน", "The section in the report"),
    "rwrite.saved": ("บันทึกแล้ว (แถว {id})", "Saved (row {id})"),
    "rwrite.moved": ("เรียงลำดับใหม่แล้ว ({n} แถว)", "Reordered ({n} rows)"),
    "rwrite.unchanged": ("ไม่มีอะไรเปลี่ยน: ไม่ได้บันทึก", "Nothing changed: nothing was saved"),
    "rwrite.kind_help": (
        "ย่อหน้า: ข้อความ (หัวเรื่องย่อยถ้ามี) · ข้อย่อย: 1) 2) … · หัวตาราง/แถวตาราง: ช่อง 1–3 · ภาพประกอบ: คำบรรยายและลิงก์ · "
        "ข้อมูลจากแท็บ: ที่วางตาราง/แผนภาพจากแท็บอื่น",
        "paragraph: text (with an optional sub-heading) · numbered item: 1) 2) … · table header/row: cells 1–3 · "
        "figure: caption and link · from the tabs: where the table or diagram from the other tabs goes",
    ),
}
