"""Sujarit DE Dashboard core: the workbook, the DE cycle, ITA, activities, writing, documents. No Streamlit.

May import: nothing but itself and sheets_schema; what each package may import is in its docstring and in
docs/ARCHITECTURE.md (checked by lint-imports).
"""
