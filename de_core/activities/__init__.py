"""Activities and budget: timeline, quarter spread, budget and burn, coverage of the characteristics.

May import: cycle and the layers below it.
"""
