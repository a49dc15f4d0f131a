"""Sujarit DE Dashboard core: schema, parsing, metrics and stores. Imports no Streamlit."""
