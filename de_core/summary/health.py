"""Every data problem Data health lists: the cell issues of the workbook plus the checks across rows."""

from __future__ import annotations

from de_core.cycle.loop_checks import loop_issues
from de_core.ita.checks import ita_issues
from de_core.sheet.cells import CellIssue
from de_core.sheet.workbook import Workbook


def all_issues(wb: Workbook) -> list[CellIssue]:
    """The workbook's cell issues followed by the ITA/OIT checks (weights, band tables, duplicates, links) and the
    DE loop's (dates out of order, links to another year's rows)."""
    return [*wb.issues, *ita_issues(wb), *loop_issues(wb)]
