"""The report's appendix after the seed's sections: the learning log (de_core.cycle.learning) per KRA group, one
table each (date, kind, what, detail); an empty log gives one line saying where to record it, never an empty table."""

from __future__ import annotations

from de_core.cycle.learning import entry_count, entry_rows, learning_log
from de_core.documents.report.model import Block, Section, Table, Translator
from de_core.sheet.workbook import Workbook

KEY = "appendix-learning"
COLUMNS = ("date", "kind", "text", "detail")


def learning_appendix(wb: Workbook, fy: int | None, tr: Translator) -> Section:
    """ภาคผนวก บันทึกการเรียนรู้: an introduction, then each KRA group's entries in time order (groups without any say
    so in a line); a log without any entry is one placeholder line."""
    section = Section(KEY, "", tr("learning.appendix"), 1, new_page=True)
    log = wb.derived(("learning", fy, tr.lang), lambda: learning_log(wb, fy, tr.lang))  # as the learning page
    if not entry_count(log):
        section.blocks.append(Block("placeholder", tr("learning.appendix_empty")))
        return section
    section.blocks.append(Block("paragraph", tr("learning.appendix_intro")))
    headers = [tr(f"learning.col_{c}") for c in COLUMNS]
    for group in log:
        section.blocks.append(Block("subheading", group.title))
        if not group.entries:
            section.blocks.append(Block("paragraph", tr("learning.group_empty")))
            continue
        rows = [[row[c] for c in COLUMNS] for row in entry_rows(group.entries, tr.lang)]
        section.blocks.append(Block("table", table=Table(headers, rows, widths=[18, 16, 30, 36])))
    return section
