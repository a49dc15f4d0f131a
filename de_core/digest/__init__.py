"""Digests where Thai offices read them: what is late, due, the ITA gap, KPI changes, new reflections and what
comes next, made from the workbook for a fiscal year and a date (`period`, `model`), worded as plain text, a LINE
Flex message and an HTML e-mail (`text`, `flex`, `html`), sent to a LINE group or the Official Account's friends
(`line`) and by e-mail over STARTTLS (`mail`), each delivery recorded in the digest log tab (`log`) so that a period
is sent once (`send`), with the settings and secrets they need (`settings`).

May import: summary, documents, the capability packages and the layers below them (never ops).
"""
