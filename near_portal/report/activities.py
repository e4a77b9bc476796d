"""The report's main activities and international cooperation: sessions, committees, meetings, events.

Each provider returns None when nothing of its kind is recorded for the year, so its section
is left out. Figures of events are printed as the events app gives them: as recorded, or
counted from the lists of governments (``events.figures``).
"""

from django.urls import reverse
from django.utils import translation

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
            "rows": [
                {"committee": committee, "coordinators": committee.coordinators_on(report.end)} for committee in found
            ],
            # The recorded baseline counts meetings to the end of 2018: a report of an earlier
            # year cannot say how many of them were held by its own 31 December.
            "show_meetings": report.end >= BASELINE_END,
        },
    )


# A section lists its events one by one (dates, place, hosts, governments) up to this many. A
# year with more has them counted by kind (committee meetings: by committee) with the address
# of the portal's events list, which lists each: the report keeps its length however dense the
# record. Every section of every year recorded so far is listed in full (the fullest, external
# cooperation in 2018, has the 2018 edition's 39 entries).
LISTED_EVENTS = 50


@provides("committee_meetings")
def committee_meetings(report: ReportRequest):
    """Each committee meeting held in the year: committee, dates, place, host and participants."""
    meetings = Event.objects.filter(kind=Event.Kind.COMMITTEE_MEETING)
    return events_section(
        report,
        meetings,
        "report/sections/committee_meetings.html",
        count_by="committee",
        kind=Event.Kind.COMMITTEE_MEETING,
    )


# Workshops and forums are main activities when NEAR held them, external cooperation when they
# were another organisation's: the 2018 edition prints only its own working-level workshop
# under III and the forums the secretariat attended or helped run (the Northern Forum, the
# CEO forum it co-organised, the Crested Ibis forum...) under "strengthening external cooperation".
WORKSHOP_FORUM_KINDS = [Event.Kind.WORKSHOP, Event.Kind.FORUM]


@provides("workshops_forums")
def workshops_forums(report: ReportRequest):
    """The working-level workshops and forums NEAR held in the year."""
    events = Event.objects.filter(kind__in=WORKSHOP_FORUM_KINDS).organised_by_near()
    return events_section(report, events, "report/sections/events.html")


@provides("youth")
def youth(report: ReportRequest):
    """The youth leaders forum and the youth contest of the year."""
    events = Event.objects.filter(kind__in=[Event.Kind.YOUTH_FORUM, Event.Kind.YOUTH_CONTEST])
    return events_section(report, events, "report/sections/events.html")


@provides("external_cooperation")
def external_cooperation(report: ReportRequest):
    """Visits, talks and agreements of the year, and the secretariat's other outside engagements.

    The 2018 edition's "strengthening external cooperation" also reports what the portal
    records as other events (the meetings with the Mongolian members' governors, the
    multicultural festival in Pohang) and the workshops and forums of other organisations,
    so they are listed here too.
    """
    visits_and_others = Event.objects.filter(kind__in=[Event.Kind.VISIT, Event.Kind.OTHER])
    others_workshops_forums = Event.objects.filter(kind__in=WORKSHOP_FORUM_KINDS).organised_by_others()
    return events_section(report, visits_and_others | others_workshops_forums, "report/sections/events.html")


def events_section(report: ReportRequest, events, template: str, *, count_by: str = "kind", kind: str = ""):
    """The section of the year's published ``events`` with their figures, or None when there is none.

    Past ``LISTED_EVENTS`` it counts them by ``count_by`` ("kind" or "committee") instead
    (``report/sections/events_counted.html``), giving the address of the events list of the
    year (and of ``kind``, when the section has only that one).
    """
    total = activity_data.events_count_in(report.year, events)
    if not total:
        return None
    if total > LISTED_EVENTS:
        with translation.override(report.language):
            address = f"{reverse('events:list')}?year={report.year}" + (f"&kind={kind}" if kind else "")
        return SectionContent(
            "report/sections/events_counted.html",
            {
                "total": total,
                "counted": activity_data.events_counted_in(report.year, events, by=count_by),
                "by_committee": count_by == "committee",
                "listed": LISTED_EVENTS,
                "address": address,
            },
        )
    found = activity_data.events_held_in(report.year, events)
    return SectionContent(template, {"rows": [{"event": event, "figures": event_figures(event)} for event in found]})
