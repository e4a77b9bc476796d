"""Views that compose several apps: the home page, the health check and the error pages."""

import sys

from django.db import InterfaceError, OperationalError, connection
from django.db.models import Count, Q, Sum
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views import defaults

from near_portal.report import data as report_data
from near_portal.report.providers import SECRETARIAT_TEXTS
from near_portal.uploads import UploadTooLarge

from members.models import Country, MemberGovernment, MembershipType

# The current brochure counts five observer governments without naming them (seed 000 line 45:
# "5 ажиглагч орон нутаг"); the record names two that may still be among them, Yamaguchi and
# Tianjin, listed as observers in the older brochure (seed 001, marked *).
OBSERVERS_IN_BROCHURE = 5


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
    }
    return render(request, "near_portal/home.html", context)


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


def healthz(request):
    """A trivial check that the application answers and the database responds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


def bad_request(request, exception):
    """400 with the translated page; 413 when an upload is larger than the portal accepts."""
    if isinstance(exception, UploadTooLarge):
        return render(request, "413.html", {"limit": exception.limit}, status=413)
    return HttpResponseBadRequest(loader.render_to_string("400.html", request=request))


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
