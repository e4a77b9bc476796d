"""The report's dues section: assessed, collected and outstanding, the budget and the settlement (Dues Regulation arts. 7–12)."""

from dues.reports import budget_report
from near_portal.report.sections import ReportRequest, SectionContent, provides


@provides("dues")
def dues(report: ReportRequest):
    """The dues of the fiscal year as they stand on 31 December, when any dues data exists for it."""
    found = budget_report(report.year, on=report.end)
    if not found.has_data:
        return None
    return SectionContent("report/sections/dues.html", {"dues_report": found})
