"""The annual report as an HTML document, and that document as a PDF (WeasyPrint)."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from core.pdf import laid_out
from near_portal.report.sections import ReportRequest, compose

STYLESHEET = "report/report.css"


@dataclass(frozen=True)
class GeneratedReport:
    pdf: bytes
    pages: int


def association_names():
    """(language code, the association's name in that language) for the cover, in the portal's order."""
    names = []
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            names.append((code, gettext("Association of North East Asia Regional Governments")))
    return names


def report_html(report: ReportRequest) -> str:
    """The whole report as one HTML document in the report's language."""
    parts = compose(report)
    with translation.override(report.language):
        return render_to_string(
            "report/report.html",
            {"report": report, "parts": parts, "association_names": association_names()},
        )


def render(html: str):
    """Lay ``html`` out into pages: a WeasyPrint Document (pages, anchors, bookmarks)."""
    return laid_out(html, STYLESHEET)


def generate(report: ReportRequest) -> GeneratedReport:
    """The PDF of ``report`` and its number of pages."""
    document = render(report_html(report))
    return GeneratedReport(pdf=document.write_pdf(), pages=len(document.pages))
