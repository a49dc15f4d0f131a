"""The Best Practice report: a model built from the workbook, rendered to .docx and to printable HTML.

May import: the capability packages, display, sheet, thaidate.
"""

from de_core.documents.report.docx import render_docx
from de_core.documents.report.html import render_html
from de_core.documents.report.model import Report, Section, Table, build_report

__all__ = ["Report", "Section", "Table", "build_report", "render_docx", "render_html"]
