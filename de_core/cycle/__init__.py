"""The DE cycle Vision → KRA → KPI → ACT → Reflection: step progress, KPI attainment, the tracker, the feed.

May import: writing, display, store, sheet, thaidate.
"""
