"""Views that compose several apps: the home page, a member government's and a committee's pages, the
health check and the error pages."""

import datetime
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.db.models import Count, Prefetch, Q, Sum
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils import timezone
from django.views import defaults
from modeltranslation.utils import build_localized_fieldname

from assemblies.models import ResolutionEffect
from committees.models import Committee, CoordinatorTerm
from core.caching import query_parameters
from core.languages import LANGUAGE_CODES
from core.params import BadParameter, date_parameter
from core.ratelimits import rate_limited
from core.uploads import UploadTooLarge
from documents.models import NewsItem
from events.feeds import COMMITTEE_PAST_EVENTS
from events.models import Event
from events.querysets import RECENT_EVENTS
from members.models import Country, MemberGovernment, MembershipType
from near_portal.report import data as report_data
from near_portal.report.providers import SECRETARIAT_TEXTS
from plans.querysets import published_plans

# The current brochure counts five observer governments without naming them (seed 000 line 45:
# "5 ажиглагч орон нутаг"); the record names two that may still be among them, Yamaguchi and
# Tianjin, listed as observers in the older brochure (seed 001, marked *).
OBSERVERS_IN_BROCHURE = 5

# The home page shows the latest few news items; the rest are on the news list.
HOME_NEWS = 3


@query_parameters()
def home(request):
    """What NEAR is, with figures computed from the member directory on the day it is shown."""
    attached = MemberGovernment.objects.attached_on(timezone.localdate())
    by_type = dict(attached.values_list("type_on").annotate(n=Count("pk")).order_by())
    members = attached.filter(type_on=MembershipType.MEMBER)
    figures = members.aggregate(
        total_population=Sum("population"),
        with_population=Count("pk", filter=Q(population__isnull=False)),
    )
    context = {
        "member_count": by_type.get(MembershipType.MEMBER, 0),
        "associate_count": by_type.get(MembershipType.ASSOCIATE, 0),
        "observer_count": OBSERVERS_IN_BROCHURE,
        "observers_named": by_type.get(MembershipType.OBSERVER, 0),
        "countries": Country.objects.filter(governments__in=members).distinct(),
        "population": figures["total_population"],
        "population_known_for": figures["with_population"],
        "latest_news": NewsItem.objects.published()[:HOME_NEWS],
    }
    return render(request, "near_portal/home.html", context)


@query_parameters()
def secretariat(request):
    """The permanent secretariat in Pohang: set-up, organisation, budget, duties and staff of the latest year recorded."""
    profile = report_data.latest_secretariat()
    context = {"profile": profile}
    if profile is not None:
        texts = [(title, (getattr(profile, field) or "").strip()) for field, title in SECRETARIAT_TEXTS]
        context |= {
            "subsections": [(title, text) for title, text in texts if text],
            "duties": profile.duty_list(),
            "posts": list(profile.posts.all()),
        }
    return render(request, "near_portal/secretariat.html", context)


@query_parameters()
def member_detail(request, slug):
    """One government: its names in all six languages, country, type, admission and history,
    the committees it coordinates and the events it took part in."""
    today = timezone.localdate()
    government = get_object_or_404(MemberGovernment.objects.select_related("country").with_type_on(today), slug=slug)
    history = list(government.membership_events.all())
    return render(
        request,
        "members/detail.html",
        {
            "government": government,
            "type_label": dict(MembershipType.choices).get(government.type_on),
            # An observer known only from the older brochure's list (seed 001, undated): the
            # current brochure counts five observers without naming them (seed 000 line 45).
            "standing_not_recorded": government.type_on == MembershipType.OBSERVER
            and all(event.date is None for event in history),
            "names": government_names(government),
            "history": history,
            "coordinator_terms": CoordinatorTerm.objects.for_member(government),
            "cooperation_plans": published_plans(government),
            **member_events(government),
        },
    )


def member_events(government):
    """The latest events ``government`` hosted or attended, and whether there are more (``recent_involving``)."""
    events, more = Event.objects.recent_involving(government)
    return {"member_events": events, "member_events_more": more}


def government_names(government):
    """(language code, language name, name in that language) for the six languages."""
    labels = dict(settings.LANGUAGES)
    return [
        (code, labels[code], getattr(government, build_localized_fieldname("name", code)) or "")
        for code in LANGUAGE_CODES
    ]


@query_parameters("on")
@rate_limited("page")
def committee_detail(request, slug):
    """One committee: description, coordinators now and before (with the session that appointed
    them, where a resolution did), meetings, participants, dormancy."""
    on = date_parameter(request)
    participants = MemberGovernment.objects.select_related("country")
    committee = get_object_or_404(
        Committee.objects.for_listing(on).prefetch_related(
            Prefetch("participants", queryset=participants), "predecessors"
        ),
        slug=slug,
    )
    # The rest are on the events list filtered by the committee (paginated).
    meetings, activities = (
        Event.objects.published().for_committee(committee).for_listing().latest_meetings_and_activities(RECENT_EVENTS)
    )
    terms = sorted(committee.coordinator_terms.all(), key=term_order, reverse=True)
    appointing = ResolutionEffect.objects.sessions_that_made(terms)
    for term in terms:
        term.appointing_session = appointing.get(term.pk)
    return render(
        request,
        "committees/detail.html",
        {
            "committee": committee,
            "on": on,
            "is_today": on == timezone.localdate(),
            "exists": committee.exists_on(on),
            "coordinators": committee.coordinators_on(on),
            "terms": terms,
            "meetings": meetings,
            "meetings_total": meetings[0].total if meetings else 0,
            "activities": activities,
            "activities_total": activities[0].total if activities else 0,
            # The committee's calendar holds its latest events; each year's is a feed of its own.
            "feed_years": Event.objects.years(committee=committee),
            "feed_past_events": COMMITTEE_PAST_EVENTS,
        },
    )


def term_order(term):
    """Newest first; a term whose start the record does not give comes last."""
    return (term.started_on is not None, term.started_on or datetime.date.min, term.member.name)


def healthz(request):
    """A trivial check that the application answers and the database responds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


def bad_request(request, exception):
    """400 with the translated page (saying what was wrong with a query parameter); 413 for too large an upload."""
    if isinstance(exception, UploadTooLarge):
        return render(request, "413.html", {"limit": exception.limit}, status=413)
    # A parameter the page could not read says why; other bad requests get the general text.
    message = str(exception) if isinstance(exception, BadParameter) else ""
    return HttpResponseBadRequest(loader.render_to_string("400.html", {"message": message}, request=request))


def server_error(request):
    """500; or 503 with Retry-After when the database cannot be reached (a restart, a failover).

    Renders without the request's context processors and without touching the database,
    as Django's own handler does.
    """
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "10"
        return response
    return defaults.server_error(request)
