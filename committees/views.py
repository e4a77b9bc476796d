"""Public views of the specialized committees: the annual report's table and one page per committee."""

import datetime
import re

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from committees.models import Committee
from events.models import Event
from members.models import MemberGovernment

# Dates a visitor may ask about: wide enough for NEAR's history (1996) and any plan.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)
# Meetings, and other activities, shown on a committee's page; the events list has them all.
RECENT_EVENTS = 10
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class InvalidDate(ValueError):
    """The ``on`` parameter is not a date the portal can show."""


def requested_date(request) -> datetime.date:
    """The ``?on=YYYY-MM-DD`` date of the request, today (in Pohang) when absent."""
    value = request.GET.get("on", "").strip()
    if not value:
        return timezone.localdate()
    try:
        # Exactly YYYY-MM-DD: fromisoformat alone would also take 20181029 and 2018-W44-1.
        on = datetime.date.fromisoformat(value) if ISO_DATE.fullmatch(value) else None
    except ValueError:
        on = None
    if on is None or not EARLIEST_DATE <= on <= LATEST_DATE:
        raise InvalidDate(value)
    return on


def bad_date_message() -> str:
    """Why ``?on=`` was refused, in the visitor's language."""
    return _("The date must be written as YYYY-MM-DD, for example 2018-10-29, and fall between 1900 and 2999.")


def bad_date(request):
    return render(request, "400.html", {"message": bad_date_message()}, status=400)


def committee_list(request):
    """The table the annual report prints: coordinators, founded, meetings held, field; former ones below."""
    try:
        on = requested_date(request)
    except InvalidDate:
        return bad_date(request)
    committees = list(Committee.objects.for_listing(on))
    current = [{"committee": c, "coordinators": c.coordinators_on(on)} for c in committees if c.exists_on(on)]
    former = [c for c in committees if c.status != Committee.Status.ACTIVE and not c.exists_on(on)]
    return render(
        request,
        "committees/list.html",
        {"on": on, "is_today": on == timezone.localdate(), "current": current, "former": former},
    )


def committee_detail(request, slug):
    """One committee: description, coordinators now and before, meetings, participants, dormancy."""
    try:
        on = requested_date(request)
    except InvalidDate:
        return bad_date(request)
    participants = MemberGovernment.objects.select_related("country")
    committee = get_object_or_404(
        Committee.objects.for_listing(on, appointments=True).prefetch_related(
            Prefetch("participants", queryset=participants), "predecessors"
        ),
        slug=slug,
    )
    meetings, activities = recent_events(committee)
    terms = committee.coordinator_terms.all()
    return render(
        request,
        "committees/detail.html",
        {
            "committee": committee,
            "on": on,
            "is_today": on == timezone.localdate(),
            "exists": committee.exists_on(on),
            "coordinators": committee.coordinators_on(on),
            "terms": sorted(terms, key=term_order, reverse=True),
            "meetings": meetings,
            "meetings_total": meetings[0].group_total if meetings else 0,
            "activities": activities,
            "activities_total": activities[0].group_total if activities else 0,
        },
    )


def recent_events(committee):
    """The latest ``RECENT_EVENTS`` meetings and other activities of ``committee``, each with its total, in one query.

    The rest are on the events list filtered by the committee (paginated), so the page does
    not grow with the committee's history.
    """
    meeting = ExpressionWrapper(Q(kind=Event.Kind.COMMITTEE_MEETING), output_field=BooleanField())
    latest_first = [F("start_date").desc(), F("title").asc(), F("pk").asc()]
    events = (
        Event.objects.published()
        .for_committee(committee)
        .for_listing()
        .annotate(
            is_meeting=meeting,
            rank=Window(RowNumber(), partition_by=[meeting], order_by=latest_first),
            group_total=Window(Count("pk"), partition_by=[meeting]),
        )
        .filter(rank__lte=RECENT_EVENTS)
        .order_by(*latest_first)
    )
    meetings, activities = [], []
    for event in events:
        (meetings if event.is_meeting else activities).append(event)
    return meetings, activities


def term_order(term):
    """Newest first; a term whose start the record does not give comes last."""
    return (term.started_on is not None, term.started_on or datetime.date.min, term.member.name)
