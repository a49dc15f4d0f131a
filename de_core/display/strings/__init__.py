"""Translation tables, one module per area of the product; each defines STRINGS = {key: (thai, english)}.

Imports nothing: tables only.
"""
