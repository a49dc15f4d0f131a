"""The embedded workbook's file: what is wrong with it, where it is, how to restore it; its daily backups."""

STRINGS: dict[str, tuple[str, str]] = {
    "file.empty": (
        "ไฟล์สมุดงาน {path} ว่างเปล่า (0 ไบต์) แอปจึงไม่เปิดใช้ และจะไม่เติมข้อมูลตัวอย่างหรือเขียนทับไฟล์นี้",
        "The workbook file {path} is empty (0 bytes), so the app does not use it; it will not refill or "
        "overwrite it",
    ),
    "file.missing": (
        "ไม่พบไฟล์สมุดงาน {path} (ไฟล์ถูกย้ายหรือลบไปขณะแอปทำงาน) แอปจะไม่สร้างไฟล์ใหม่แทนในระหว่างนี้",
        "The workbook file {path} is gone (moved or deleted while the app was running); the app will not make "
        "a new one in its place now",
    ),
    "file.not_sqlite": (
        "ไฟล์สมุดงาน {path} ไม่ใช่ฐานข้อมูล SQLite (ไฟล์เสียหรือถูกแทนที่ด้วยไฟล์อื่น) แอปจึงไม่เปิดใช้ "
        "และจะไม่เขียนทับไฟล์นี้",
        "The workbook file {path} is not a SQLite database (it is damaged or another file took its place), so "
        "the app does not use it; it will not overwrite it",
    ),
    "file.damaged": (
        "ไฟล์สมุดงาน {path} เสียหาย (อาจถูกตัดท้ายหรือบันทึกไม่ครบ: {detail}) แอปจึงไม่เปิดใช้ "
        "และจะไม่เขียนทับไฟล์นี้",
        "The workbook file {path} is damaged (cut short or half-written: {detail}), so the app does not use it; "
        "it will not overwrite it",
    ),
    "file.not_workbook": (
        "ไฟล์ {path} เป็นฐานข้อมูล SQLite แต่ไม่มีตารางสมุดงานของแอปนี้ ({detail}) แอปจึงไม่เปิดใช้ "
        "และจะไม่เติมข้อมูลหรือเขียนทับไฟล์นี้",
        "The file {path} is a SQLite database but does not hold this app's workbook ({detail}), so the app does "
        "not use it; it will not fill or overwrite it",
    ),
    "file.no_tables": ("ไม่มีตาราง {tables}", "the tables {tables} are missing"),
    "file.no_tabs": ("ไม่มีแท็บใดเลย", "no tab at all"),
    "file.restore_backup": (
        "วิธีกู้คืน: หยุดแอปก่อน แล้วเลือกทางใดทางหนึ่ง (1) คัดลอกไฟล์สำรองล่าสุด {backup} "
        "จากโฟลเดอร์ {backups} มาวางทับ {path} หรือ (2) ย้ายไฟล์ที่เสียออกไปไว้ที่อื่น (อย่าลบทิ้ง) "
        "เพื่อเริ่มใหม่จากข้อมูลตัวอย่างปีงบประมาณ 2566 — ทั้งสองทางให้ย้ายไฟล์ {wal} และ {shm} (ถ้ามี) "
        "ออกไปด้วย แล้วเริ่มแอปใหม่",
        "To restore: stop the app, then either (1) copy the newest backup {backup} from the folder {backups} "
        "over {path}, or (2) move the damaged file somewhere else (do not delete it) to start again from the "
        "FY2566 demo. Either way also move {wal} and {shm} away (if they exist), then start the app again",
    ),
    "file.restore_no_backup": (
        "วิธีกู้คืน: ยังไม่มีไฟล์สำรองในโฟลเดอร์ {backups} หยุดแอปก่อน แล้ว (1) นำสำเนาของ {path} "
        "ที่มีอยู่ที่อื่นมาวางทับ หรือ (2) ย้ายไฟล์ที่เสียออกไปไว้ที่อื่น (อย่าลบทิ้ง) "
        "เพื่อเริ่มใหม่จากข้อมูลตัวอย่างปีงบประมาณ 2566 — ทั้งสองทางให้ย้ายไฟล์ {wal} และ {shm} (ถ้ามี) "
        "ออกไปด้วย แล้วเริ่มแอปใหม่",
        "To restore: there is no backup in the folder {backups} yet. Stop the app, then either (1) copy a saved "
        "copy of the workbook over {path}, or (2) move the damaged file somewhere else (do not delete it) "
        "to start again from the FY2566 demo. Either way also move {wal} and {shm} away (if they exist), then "
        "start the app again",
    ),
    "file.cannot_open": (
        "เปิด ตรวจ หรือสร้างไฟล์สมุดงาน {path} ไม่ได้ในขณะนี้ ({detail})",
        "The workbook file {path} cannot be opened, checked or made now ({detail})",
    ),
    "file.cannot_open_hint": (
        "ตรวจว่าแอปมีสิทธิ์อ่านและเขียนไฟล์และโฟลเดอร์นี้ แล้วโหลดหน้านี้ใหม่",
        "Check that the app may read and write this file and its folder, then reload the page",
    ),
}
