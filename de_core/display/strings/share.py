"""Strings of sharing and exports: the language names, the share page, CSV downloads."""

STRINGS: dict[str, tuple[str, str]] = {
    # Each language is named in its own script on both sides, so the switch reads the same in either language.
    "lang.th": ("ไทย", "ไทย"),
    "lang.en": ("English", "English"),
    "nav.share": ("แชร์ลิงก์", "Share"),
    "share.title": ("แชร์แดชบอร์ด", "Share the dashboard"),
    "share.link_lang": ("ภาษาของลิงก์", "Language of the link"),
    "share.link_heading": ("ลิงก์สำหรับผู้ชม (ดูได้อย่างเดียว)", "Viewer link (read-only)"),
    "share.link_help": (
        "ส่งลิงก์นี้ให้สำนักงานเขตพื้นที่การศึกษา สพฐ. หรือผู้บริหาร ผู้เปิดลิงก์ดูข้อมูลได้อย่างเดียว แก้ไขไม่ได้",
        "Send this link to the regional office, OBEC or the directors: whoever opens it can look but not change anything",
    ),
    "share.open": ("เปิดลิงก์", "Open the link"),
    "share.local_only": (
        "ลิงก์นี้เป็นที่อยู่ของเครื่องนี้เอง ({host}) คอมพิวเตอร์เครื่องอื่นเปิดไม่ได้: "
        "ให้ติดตั้งแอปบนเซิร์ฟเวอร์ (เช่น Streamlit Community Cloud ที่เชื่อมกับ Google Sheet) แล้วแชร์ลิงก์จากที่นั่น",
        "This is this computer's own address ({host}): other computers cannot open it. "
        "Deploy the app on a server (e.g. Streamlit Community Cloud with the Google Sheet) and share the link from there",
    ),
    "share.no_url": (
        "เบราว์เซอร์ไม่ได้ส่งที่อยู่ของแอปมา: คัดลอกที่อยู่จากแถบที่อยู่ของเบราว์เซอร์ แล้วตัดส่วนหลังชื่อหน้าออก",
        "The browser did not report the app's address: copy it from the address bar and remove the page name",
    ),
    "share.qr_heading": ("QR code สำหรับแสดงในที่ประชุม", "QR code to show in a meeting"),
    "share.qr_caption": ("สแกนเพื่อเปิดแดชบอร์ด (ดูได้อย่างเดียว)", "Scan to open the dashboard (read-only)"),
    "share.qr_download": ("ดาวน์โหลด QR code (.png)", "Download the QR code (.png)"),
    "share.viewer_heading": ("สิ่งที่สำนักงานเขตฯ จะเห็น", "What the regional office will see"),
    "share.viewer_pages": ("ทุกหน้าในเมนู: {pages}", "Every page in the menu: {pages}"),
    "share.viewer_data": (
        "ข้อมูลชุดเดียวกับที่ทีมงานเห็น อัปเดตภายใน {seconds} วินาทีหลังแก้ไขในชีต (หรือกด «โหลดข้อมูลใหม่»)",
        "The same data the team sees, updated within {seconds} seconds of an edit in the sheet (or press «Refresh data»)",
    ),
    "share.viewer_downloads": (
        "ดาวน์โหลดได้: สมุดงาน (.xlsx) ตารางแต่ละแท็บ (.csv) รายงาน Best Practice (.docx, .html) และภาพกราฟ (.png)",
        "They can download the workbook (.xlsx), each tab (.csv), the Best Practice report (.docx, .html) "
        "and chart images (.png)",
    ),
    "share.viewer_cannot": (
        "แก้ไขอะไรไม่ได้: ไม่มีปุ่มนำเข้าไฟล์ แบบฟอร์มบันทึกข้อมูล หรือปุ่มเติมรหัส — ข้อมูลในชีตปลอดภัย",
        "They cannot change anything: no import, no data-entry forms, no fill-ids button — the sheet stays safe",
    ),
    "share.you_edit": ("คุณกำลังใช้งานในฐานะผู้แก้ไข (เครื่องนี้)", "You are using the app as an editor (this computer)"),
    "share.you_view": ("คุณกำลังใช้งานในฐานะผู้ชม", "You are using the app as a viewer"),
    "export.csv_heading": ("ตารางแต่ละแท็บเป็น CSV", "Each tab as CSV"),
    "export.csv_help": (
        "ไฟล์ CSV แบบ UTF-8 (มี BOM) เปิดด้วย Excel แล้วภาษาไทยแสดงถูกต้อง ค่าในช่องตรงตามที่พิมพ์ในชีต",
        "UTF-8 CSV with a BOM, so Excel shows Thai correctly; cells exactly as typed in the sheet",
    ),
    "export.csv_tab": ("แท็บ", "Tab"),
    "export.csv_download": ("ดาวน์โหลดแท็บ «{tab}» (.csv)", "Download the «{tab}» tab (.csv)"),
    "export.zip_download": ("ดาวน์โหลดทุกแท็บ (.zip ของไฟล์ CSV)", "Download every tab (.zip of CSV files)"),
}
