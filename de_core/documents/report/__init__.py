"""The Best Practice report: the seed's sections built from the workbook (`build`, `model`, `structure`,
`content`, `tables`) and, after them, the learning log as an appendix (`appendix`), rendered to .docx and printable
HTML, printed to PDF by a local Chromium (`pdf`), and previewed on screen (`preview`).

May import: the capability packages, display, sheet, thaidate.
"""

from de_core.documents.report.build import build_report
from de_core.documents.report.docx import render_docx
from de_core.documents.report.html import render_html
from de_core.documents.report.model import Block, Report, Section, Table

__all__ = ["Block", "Report", "Section", "Table", "build_report", "render_docx", "render_html"]
