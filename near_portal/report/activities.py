"""The report's main activities and international cooperation: sessions, committees, meetings, events.

Each provider returns None when nothing of its kind is recorded for the year, so its section
is left out. Figures of events are printed as the events app gives them: as recorded, or
counted from the lists of governments (``events.figures``).
"""

from committees.querysets import BASELINE_END
from events.figures import event_figures
from events.models import Event
from near_portal.report import activity_data
from near_portal.report.sections import ReportRequest, SectionContent, provides


@provides("assemblies")
def assemblies(report: ReportRequest):
    """General Assembly and Working Committee sessions held in the year, with their agenda and results."""
    sessions = activity_data.sessions_held_in(report.year)
    if not sessions:
        return None
    return SectionContent("report/sections/assemblies.html", {"sessions": sessions})


@provides("committees")
def committees(report: ReportRequest):
    """The committee table on 31 December: coordinators, year founded, meetings held, field of activity."""
    found = activity_data.committees_on(report.end)
    if not found:
        return None
    return SectionContent(
        "report/sections/committees.html",
        {
            "rows": [{"committee": committee, "coordinators": committee.coordinators_on(report.end)} for committee in found],
            # The recorded baseline counts meetings to the end of 2018: a report of an earlier
            # year cannot say how many of them were held by its own 31 December.
            "show_meetings": report.end >= BASELINE_END,
        },
    )


@provides("committee_meetings")
def committee_meetings(report: ReportRequest):
    """Each committee meeting held in the year: committee, dates, place, host and participants."""
    return events_section(report, [Event.Kind.COMMITTEE_MEETING], "report/sections/committee_meetings.html")


@provides("workshops_forums")
def workshops_forums(report: ReportRequest):
    """Working-level workshops and international forums held in the year."""
    return events_section(report, [Event.Kind.WORKSHOP, Event.Kind.FORUM], "report/sections/events.html")


@provides("youth")
def youth(report: ReportRequest):
    """The youth leaders forum and the youth contest of the year."""
    return events_section(report, [Event.Kind.YOUTH_FORUM, Event.Kind.YOUTH_CONTEST], "report/sections/events.html")


@provides("external_cooperation")
def external_cooperation(report: ReportRequest):
    """Visits, talks and agreements of the year, and the secretariat's other outside engagements.

    The 2018 edition's "strengthening external cooperation" also reports what the portal
    records as other events (the meetings with the Mongolian members' governors, the
    multicultural festival in Pohang), so they are listed here too.
    """
    return events_section(report, [Event.Kind.VISIT, Event.Kind.OTHER], "report/sections/events.html")


def events_section(report: ReportRequest, kinds, template: str):
    """The section listing the year's events of ``kinds`` with their figures, or None when there is none."""
    events = activity_data.events_held_in(report.year, kinds)
    if not events:
        return None
    return SectionContent(template, {"rows": [{"event": event, "figures": event_figures(event)} for event in events]})
