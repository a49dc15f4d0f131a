"""ITA and OIT: the weighted total and band, gap to AA and what-if, the OIT checklist, their checks and figures.

May import: activities, cycle and the layers below them.
"""
