"""How every screen shows things: UI texts in Thai and English (strings/), the plotly look, inert sheet text, paging.

May import: de_core.thaidate only.
"""
