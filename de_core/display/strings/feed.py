"""Strings of the reflection feed's pages (the feed's other strings are in forms.py)."""

STRINGS: dict[str, tuple[str, str]] = {
    "feed.shown": ("แสดง {first}–{last} จาก {total} รายการ", "Showing {first}–{last} of {total} entries"),
    "feed.page": ("หน้า", "Page"),
    "feed.pages": ("หน้า {number} จาก {pages}", "Page {number} of {pages}"),
}
