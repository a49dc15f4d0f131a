"""Writing to the workbook: who acts, the one write path with its audit row, the outbox, the entry forms, passcodes.

May import: store, sheet, display, thaidate; never a capability package.
"""
