"""What a calendar feed holds, and the validators that let a polling client skip an unchanged one.

A feed without a year holds every event not yet over and the ``PAST_EVENTS`` latest past
ones (a committee's feed the ``COMMITTEE_PAST_EVENTS`` latest of the committee's), so its
size does not grow with the record; ``?year=2018`` gives the events that
started in that year, so the whole history stays reachable, in parts of at most
``YEAR_PART_EVENTS`` in date order (``?year=2018&part=2``), so a year's feed does not grow with
a denser record either. Calendar clients poll hourly:
each response carries an ``ETag`` and a ``Last-Modified``, and a conditional request for an
unchanged feed is answered ``304 Not Modified`` before any event is read (Django's
``condition`` decorator, and the page cache for the copies it holds).
"""

import datetime
import hashlib

from django.db import connection
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from core.caching import content_version
from core.params import BadParameter, counting_parameter
from events.filters import YEAR
from events.querysets import RECENT_EVENTS

# The association's rolling feed: its latest past events (the whole real record is 50 events).
PAST_EVENTS = 50

# A committee's rolling feed: as many past events as the committee's page shows of each kind
# (``events.querysets.RECENT_EVENTS``); the real committees have 3 events at most. Its earlier
# years are in the committee's year feeds (``?year=``), which its page links.
COMMITTEE_PAST_EVENTS = RECENT_EVENTS

# A part of a year's feed: as many events as the rolling feed's past ones. Every year of the
# record fits one part (2018, the fullest, has 48 events); a denser year gets more parts, each
# read as one range of the start-date index (``event_start``), not a longer calendar.
YEAR_PART_EVENTS = PAST_EVENTS


def feed_year(request) -> int | None:
    """The ``year`` of the address, or None for the rolling feed; BadParameter (a 400) when it is not a year."""
    year = request.GET.get("year", "")
    if not year:
        return None
    if not YEAR.fullmatch(year):
        raise BadParameter(_("The year must be written with four digits, for example 2018."))
    return int(year)


def feed_part(request) -> int:
    """The ``part`` of a year's feed, from 1 (the default); BadParameter (a 400) when it is not a whole number."""
    return counting_parameter(
        request, "part", message=_("The part of a year's calendar must be a whole number such as 2.")
    )


def feed_events(events, request, *, past=PAST_EVENTS):
    """``events`` as the feed the address asks for, in date order: (events, part, more).

    The rolling feed (``part`` None: what is not over and the ``past`` latest past events), or
    one part of a year's (``more``: whether the year has a further part). A part past the
    year's last is a 404.
    """
    events = events.select_related("country")
    year = feed_year(request)
    if year is None:
        return events.in_feed(timezone.localdate(), past=past), None, False
    part = feed_part(request)
    start = (part - 1) * YEAR_PART_EVENTS
    found = list(events.in_year(year).order_by("start_date", "pk")[start : start + YEAR_PART_EVENTS + 1])
    if part > 1 and not found:
        raise Http404(_("There is no such part of this year's calendar."))
    return found[:YEAR_PART_EVENTS], part, len(found) > YEAR_PART_EVENTS


def year_parts(events, year: int) -> int:
    """How many parts the feed of ``year`` has (at least one, perhaps empty). One query, counting an index range."""
    return max(1, -(-events.in_year(year).count() // YEAR_PART_EVENTS))


def latest_change(*models) -> datetime.datetime | None:
    """When a row of ``models`` was last saved or deleted, from their audit trail (one query, indexed)."""
    tables = [connection.ops.quote_name(model.history.model._meta.db_table) for model in models]
    maxima = ", ".join(f"(SELECT MAX(history_date) FROM {table})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT GREATEST({maxima})")
        return cursor.fetchone()[0]


def conditional_feed(*models, rolling=True):
    """Django's ``condition`` for a feed of ``models``' rows: ``ETag`` and ``Last-Modified``, 304 when unchanged.

    The ETag follows the record (the page cache's content version), the address and, for a
    rolling feed, the day: its window moves when an event's last day passes. Last-Modified
    is the latest save or deletion of ``models`` (and, for a rolling feed, today's midnight).
    A malformed year or part gets neither: the 400 page is not a feed to validate.
    """

    def moves_daily(request):
        return rolling and "year" not in request.GET

    def well_formed(request):
        try:
            if feed_year(request) is not None:
                feed_part(request)
        except BadParameter:
            return False
        return True

    def etag(request, *args, **kwargs):
        if not well_formed(request):
            return None
        parts = [str(content_version()), request.build_absolute_uri(), request.LANGUAGE_CODE]
        if moves_daily(request):
            parts.append(timezone.localdate().isoformat())
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]

    def last_modified(request, *args, **kwargs):
        if not well_formed(request):
            return None
        changed = latest_change(*models)
        if moves_daily(request):
            midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
            changed = max(changed, midnight) if changed else midnight
        return changed

    return condition(etag_func=etag, last_modified_func=last_modified)
