"""What a reader sees across every capability at once: the overview's numbers and the data-health list.

May import: the capability packages (cycle, ita, activities) and the layers below them.
"""
