"""Strings of the learning log (issue #19): its page, its words, its export and the report's appendix."""

STRINGS: dict[str, tuple[str, str]] = {
    "learning.nav": ("บันทึกการเรียนรู้", "Learning log"),
    "learning.title": ("บันทึกการเรียนรู้ตามกลุ่ม KRA", "Learning log by KRA group"),
    "learning.help": (
        "การสะท้อนผล การปรับเปลี่ยน (เสนอ ปรับแล้วพร้อมผลที่เห็น หรือไม่ทำต่อพร้อมเหตุผล) และผลลัพธ์ที่เก็บเกี่ยวได้ "
        "ของปีงบประมาณ เรียงตามเวลาในแต่ละกลุ่ม KRA: รายการที่โยงกับตัวชี้วัดของหลายกลุ่มแสดงในทุกกลุ่มนั้น "
        "บันทึกนี้อยู่ในภาคผนวกของรายงาน Best Practice ด้วย",
        "The fiscal year's reflections, adaptations (proposed, done with the effect seen, or dropped with the "
        "reason) and harvested outcomes in time order, per KRA group: an entry linked to KPIs of several groups is "
        "listed under each. The log is also the Best Practice report's appendix",
    ),
    "learning.filter_group": ("กลุ่ม KRA", "KRA group"),
    "learning.all": ("ทุกกลุ่ม", "All groups"),
    "learning.count": ("{n:,} รายการ", "{n:,} entries"),
    "learning.count.one": ("{n:,} รายการ", "{n:,} entry"),
    "learning.group_empty": ("ยังไม่มีรายการของกลุ่มนี้ในปีงบประมาณนี้",
                             "Nothing for this group in this fiscal year yet"),
    "learning.empty": (
        "ยังไม่มีการสะท้อนผล การปรับเปลี่ยน หรือผลลัพธ์ที่เก็บเกี่ยวในปีงบประมาณนี้",
        "No reflections, adaptations or harvested outcomes in this fiscal year yet",
    ),
    "learning.download_csv": ("ดาวน์โหลด CSV", "Download CSV"),
    "learning.download_xlsx": ("ดาวน์โหลด Excel (.xlsx)", "Download Excel (.xlsx)"),
    "learning.sheet": ("บันทึกการเรียนรู้", "Learning log"),
    "learning.no_group": ("ไม่ระบุกลุ่ม", "No group"),
    # the kinds of entry
    "learning.kind_reflection": ("สะท้อนผล", "reflection"),
    "learning.kind_proposed": ("เสนอการปรับเปลี่ยน", "adaptation proposed"),
    "learning.kind_done": ("ปรับแล้ว", "adaptation done"),
    "learning.kind_dropped": ("ไม่ทำต่อ", "adaptation dropped"),
    "learning.kind_outcome": ("ผลลัพธ์ที่เก็บเกี่ยว", "outcome harvested"),
    # the labels inside an entry's detail
    "learning.so_what": ("หมายความว่าอย่างไร", "So what"),
    "learning.now_what": ("จะปรับอะไร", "Now what"),
    "learning.reason": ("เหตุผล", "Reason"),
    "learning.owner": ("ผู้รับผิดชอบ", "Owner"),
    "learning.due": ("กำหนดเสร็จ", "Due"),
    "learning.status": ("สถานะ", "Status"),
    "learning.effect": ("ผลที่เห็นหลังปรับ", "Effect seen"),
    "learning.dropped_reason": ("เหตุที่ไม่ทำต่อ", "Why dropped"),
    "learning.actor": ("ใครเปลี่ยน", "Who changed"),
    "learning.significance": ("สำคัญอย่างไร", "Significance"),
    "learning.contribution": ("โครงการมีส่วนอย่างไร", "Project's contribution"),
    # the table's columns (page, CSV, xlsx, report)
    "learning.col_group": ("กลุ่ม KRA", "KRA group"),
    "learning.col_date": ("วันที่", "Date"),
    "learning.col_kind": ("ประเภท", "Kind"),
    "learning.col_text": ("เรื่อง", "What"),
    "learning.col_detail": ("รายละเอียด", "Detail"),
    "learning.col_id": ("รหัส", "ID"),
    # the Best Practice report's appendix
    "learning.appendix": ("ภาคผนวก บันทึกการเรียนรู้ (Learning log)", "Appendix: Learning log"),
    "learning.appendix_intro": (
        "การสะท้อนผล การปรับเปลี่ยน และผลลัพธ์ที่เก็บเกี่ยวได้ของปีงบประมาณ เรียงตามเวลาในแต่ละกลุ่ม KRA",
        "The fiscal year's reflections, adaptations and harvested outcomes in time order, per KRA group",
    ),
    "learning.appendix_empty": (
        "ยังไม่มีบันทึกการเรียนรู้ของปีงบประมาณนี้: บันทึกการสะท้อนผล การปรับเปลี่ยน หรือผลลัพธ์ที่เก็บเกี่ยวได้ในแอป "
        "หรือในแท็บ «การสะท้อนผล» «การปรับเปลี่ยน» «ผลลัพธ์ที่เก็บเกี่ยว»",
        "No learning log for this fiscal year yet: record reflections, adaptations or harvested outcomes in the app "
        "or in the tabs «การสะท้อนผล», «การปรับเปลี่ยน», «ผลลัพธ์ที่เก็บเกี่ยว»",
    ),
}
