"""Streamlit glue shared by the pages: language, cached store and workbook, sidebar. No maths here."""
