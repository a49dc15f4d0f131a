"""The Best Practice report: a model built from the workbook, rendered to .docx and to printable HTML."""

from de_core.report.docx import render_docx
from de_core.report.html import render_html
from de_core.report.model import Report, Section, Table, build_report

__all__ = ["Report", "Section", "Table", "build_report", "render_docx", "render_html"]
