"""iCalendar feeds (RFC 5545) of events, in the language of the address that asks for them.

The icalendar library writes CRLF line ends and folds lines at 75 octets. An event known to
the day is an all-day event (``VALUE=DATE``, with the day after it ends as the exclusive
DTEND); one with times carries its venue's time zone (``TZID`` and a VTIMEZONE). An event
the record dates only to a month or a year spans that month or year, and says so.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.display import event_place
from members.models import DatePrecision

# The association's web domain (www.neargov.org, seed 003): UIDs stay the same across
# languages and over time, so a calendar client updates an event instead of duplicating it.
UID_DOMAIN = "neargov.org"
PRODUCT_ID = "-//NEAR Secretariat//Events//EN"


def event_uid(event) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def exclusive_end(event) -> datetime.date:
    """The day after an all-day event ends (RFC 5545 3.6.1: DTEND is not part of the event)."""
    start = event.start_date
    if event.date_precision == DatePrecision.YEAR:
        return start.replace(year=start.year + 1)
    if event.date_precision == DatePrecision.MONTH:
        return (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return (event.end_date or start) + datetime.timedelta(days=1)


def calendar_event(event, *, stamp: datetime.datetime, url: str) -> CalendarEvent:
    """One VEVENT for ``event``, its text in the active language."""
    component = CalendarEvent()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp)
    component.add("summary", event.title)
    if event.start_time:
        zone = ZoneInfo(event.time_zone)
        component.add("dtstart", datetime.datetime.combine(event.start_date, event.start_time, tzinfo=zone))
        if event.end_time:
            end_day = event.end_date or event.start_date
            component.add("dtend", datetime.datetime.combine(end_day, event.end_time, tzinfo=zone))
    else:
        component.add("dtstart", event.start_date)
        component.add("dtend", exclusive_end(event))
        component.add("transp", "TRANSPARENT")
    description = [event.summary] if event.summary else []
    if event.date_precision == DatePrecision.MONTH:
        description.insert(0, _("The record gives only the month of this event."))
    elif event.date_precision == DatePrecision.YEAR:
        description.insert(0, _("The record gives only the year of this event."))
    if description:
        component.add("description", "\n\n".join(description))
    place = event_place(event)
    if place:
        component.add("location", place)
    component.add("categories", [str(event.get_kind_display())])
    component.add("url", url)
    return component


def build_calendar(events, *, name: str, stamp: datetime.datetime, url_for) -> bytes:
    """The feed of ``events`` as bytes; ``url_for(event)`` gives each event's absolute address."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(calendar_event(event, stamp=stamp, url=url_for(event)))
    calendar.add_missing_timezones()
    return calendar.to_ical()
