"""The Google Sheets store: gspread over the Sheets API, bounded retries, appends once,
updates that prove the row they wrote.

May import: de_core.store.base, de_core.sheet, de_core.thaidate; never a capability package.
"""
