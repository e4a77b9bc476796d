"""Public pages of events: the list, one event, its files, and the calendar feeds."""

from django.core.paginator import EmptyPage
from django.db.models import Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from committees.models import Committee
from core.caching import query_parameters
from core.languages import active_language_fields
from core.pagination import BoundedPaginator
from core.params import page_parameter
from core.ratelimits import rate_limited
from events.calendar import build_calendar
from events.feeds import (
    COMMITTEE_PAST_EVENTS,
    PAST_EVENTS,
    YEAR_PART_EVENTS,
    conditional_feed,
    feed_events,
    feed_year,
    year_parts,
)
from events.figures import country_columns, event_figures
from events.filters import read_filters
from events.models import Attachment, CountryFigure, Event, Participation
from members.models import Country, MemberGovernment

# Past events a page of the list shows: the real record's 50 take three pages, and a page costs
# the same whatever the length of the history or the filter (bench/growth.py).
PAST_PER_PAGE = 20


def visible_events(request):
    """Staff who may view events in the admin also see unpublished ones (to check them before publishing).

    A permission, not ``is_staff``: a staff account without a role sees what the public sees.
    """
    events = Event.objects.all()
    return events if request.user.has_perm("events.view_event") else events.published()


def visible_attachments(request):
    """Every file for staff who may view attachments in the admin; the public files for anybody else."""
    files = Attachment.objects.all()
    return files if request.user.has_perm("events.view_attachment") else files.filter(public=True)


@query_parameters("committee", "government", "kind", "page", "year")
@rate_limited("page")
def event_list(request):
    """Upcoming events first (soonest first), then past ones (latest first), with filters."""
    filters = read_filters(request.GET)
    page_number = page_parameter(request)

    today = timezone.localdate()
    events = filters.apply(Event.objects.published()).for_listing()
    try:
        past = BoundedPaginator(events.past(on=today), PAST_PER_PAGE, number=page_number).page(page_number)
    except EmptyPage:
        raise Http404(_("There is no such page of past events.")) from None
    published = Event.objects.published()
    context = {
        "filters": filters,
        "upcoming": list(events.upcoming(on=today)) if past.number == 1 else [],
        "past": past,
        "kinds": Event.Kind.choices,
        "years": Event.objects.years(),
        # The chosen year's calendar beyond its first part (``events.feeds.YEAR_PART_EVENTS``).
        "further_year_parts": range(2, year_parts(published, filters.year) + 1) if filters.year else [],
        "year_part_events": YEAR_PART_EVENTS,
        "committees": Committee.objects.filter(pk__in=published.values("committee_id")).only(
            "slug", *active_language_fields("name")
        ),
        # EXISTS per government (one index probe each), not a scan of every participation.
        "governments": MemberGovernment.objects.filter(
            Exists(Event.hosts.through.objects.filter(membergovernment_id=OuterRef("pk"), event__published=True))
            | Exists(Participation.objects.filter(member_id=OuterRef("pk"), event__published=True))
        )
        .select_related("country")
        .only("slug", *active_language_fields("name"), *[f"country__{c}" for c in active_language_fields("name")]),
    }
    return render(request, "events/list.html", context)


@query_parameters()
def event_detail(request, slug):
    """One event: dates, place, organiser, figures as recorded or counted, governments, files."""
    attachments = visible_attachments(request)
    event = get_object_or_404(
        visible_events(request)
        .select_related("committee", "country")
        .prefetch_related(
            "hosts",
            Prefetch("participations", queryset=Participation.objects.select_related("member__country")),
            Prefetch("country_figures", queryset=CountryFigure.objects.select_related("country")),
            Prefetch("attachments", queryset=attachments),
        ),
        slug=slug,
    )
    context = {"event": event, "figures": event_figures(event), "columns": country_columns(event)}
    return render(request, "events/detail.html", context)


@query_parameters()
def attachment(request, slug, pk):
    """An event's file: images shown inline, everything else downloaded; never sniffed or scripted."""
    files = visible_attachments(request).select_related("event")
    item = get_object_or_404(files, pk=pk, event__slug=slug, event__in=visible_events(request))
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing.")) from None
    response = FileResponse(
        handle, content_type=item.content_type, as_attachment=not item.is_image, filename=item.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a file were interpreted as a page, it could run nothing and load nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def calendar_response(request, events, *, name, filename):
    """``events`` (with their country, in date order) as an iCalendar file."""
    content = build_calendar(
        events,
        name=name,
        stamp=timezone.now(),
        url_for=lambda event: request.build_absolute_uri(event.get_absolute_url()),
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def feed_name(name, year, part, more):
    """The calendar's name, with the year for a year's feed, and the part when the year has several."""
    if year is None:
        return name
    if part == 1 and not more:
        return _("%(calendar)s, %(year)s") % {"calendar": name, "year": year}
    return _("%(calendar)s, %(year)s, part %(part)s") % {"calendar": name, "year": year, "part": part}


def feed_filename(prefix, year, part, language):
    suffix = "" if year is None else f"-{year}" if part == 1 else f"-{year}-{part}"
    return f"{prefix}{suffix}-{language}"


def feed_response(request, events, *, name, prefix, past=PAST_EVENTS):
    """The feed of ``events`` the address asks for (rolling, with ``past`` past events, or a part of a year's),
    named and filed by it."""
    events, part, more = feed_events(events, request, past=past)
    year = feed_year(request)
    return calendar_response(
        request,
        events,
        name=feed_name(name, year, part, more),
        filename=feed_filename(prefix, year, part, request.LANGUAGE_CODE),
    )


@query_parameters("part", "year")
@conditional_feed(Event, Country)
@rate_limited("feed")
def events_ics(request):
    """Published events for calendar clients: upcoming and the latest past ones, or a part of one year's (``?year=``)."""
    return feed_response(request, Event.objects.published(), name=_("NEAR events"), prefix="near-events")


@query_parameters("part", "year")
@conditional_feed(Event, Country, Committee)
@rate_limited("feed")
def committee_events_ics(request, slug):
    """The published events of one specialized committee: upcoming and its latest past ones, or a part of one year's."""
    committee = get_object_or_404(Committee, slug=slug)
    return feed_response(
        request,
        Event.objects.published().for_committee(committee),
        name=_("NEAR events: %(committee)s") % {"committee": committee.name},
        prefix=f"near-{committee.slug}",
        past=COMMITTEE_PAST_EVENTS,
    )


@query_parameters()
@conditional_feed(Event, Country, rolling=False)
@rate_limited("feed")
def event_ics(request, slug):
    """One event, to add to a calendar."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return calendar_response(
        request,
        Event.objects.filter(pk=event.pk).select_related("country"),
        name=event.title,
        filename=f"near-{event.slug}",
    )
