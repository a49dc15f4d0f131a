"""The Google Sheets store: gspread over the Sheets API, bounded retries, row anchors, safe appends.

May import: de_core.store.base, de_core.sheet, de_core.thaidate; never a capability package.
"""
