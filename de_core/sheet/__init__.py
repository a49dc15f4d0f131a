"""The workbook as a sheet holds it (tabs of text cells), its schema, lenient Thai parsing, typed records.

May import: de_core.thaidate only.
"""
