"""Running the product: which store from settings, the demo workbook, provisioning a sheet, the CLI, sharing.

May import: every other de_core package.
"""
