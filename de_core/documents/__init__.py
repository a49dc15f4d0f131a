"""Documents made from or read into the workbook: CSV and .xlsx export, .xlsx import, the Best Practice report.

May import: the capability packages, writing and the layers below them.
"""
