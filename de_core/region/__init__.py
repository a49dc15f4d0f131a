"""The regional view: the list of offices in the regional workbook (`offices`), each office's figures for the
scorecard (`figures`), the scorecard and its totals (`scorecard`, `table`, `xlsx`), and reading every office
within the Sheets API quota (`drive` lists modified times, `pacer` spreads the reads, `sources` opens each office
read-only, `refresh` runs the passes and keeps the last good figures, `problems` names why an office is unreadable).

May import: summary, documents, the capability packages (ita, activities, cycle), writing and the layers below.
"""
