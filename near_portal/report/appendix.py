"""The appendix's instruments: the Charter and the two Regulations as in force on 31 December of the year.

The text comes from ``instruments.texts`` in the report's language; a text that is
not the source text nor an official one is marked as an unofficial translation, as on the
instrument's own pages and PDF.
"""

from near_portal.report import activity_data
from near_portal.report.sections import ReportRequest, SectionContent, provides


@provides("charter")
def charter(report: ReportRequest):
    """The Charter as in force on 31 December."""
    return instrument_section(report, "charter")


@provides("committee_regulation")
def committee_regulation(report: ReportRequest):
    """The Committee Regulation as in force on 31 December."""
    return instrument_section(report, "committee-regulation")


@provides("dues_regulation")
def dues_regulation(report: ReportRequest):
    """The Dues Regulation as in force on 31 December (left out in years before it was made)."""
    return instrument_section(report, "dues-regulation")


def instrument_section(report: ReportRequest, slug: str):
    """The section of instrument ``slug`` on 31 December, or None when it was not yet adopted or has no article."""
    text = activity_data.instrument_as_of(slug, report.end)
    if text is None or not text.adopted or not text.articles:
        return None
    return SectionContent(
        "report/sections/instrument.html",
        {
            "text": text,
            "instrument": text.instrument,
            "text_status": text.instrument.text_status(report.language),
            "source_language": text.instrument.source_language,
            # The report's section heading (h2) names the instrument; its headings and articles follow.
            "heading_offset": 2,
            "article_level": 3 + text.heading_depth,
            "unrecorded_dates": text.unrecorded_dates,
        },
    )
