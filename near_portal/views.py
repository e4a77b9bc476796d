"""Views that compose several apps: the home page and the health check."""

from django.db import connection
from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.shortcuts import render

from members.models import Country, MemberGovernment, MembershipType


def home(request):
    """What NEAR is, with figures computed from the member directory."""
    current = MemberGovernment.objects.current()
    by_type = dict(current.values_list("membership_type").annotate(n=Count("pk")).order_by())
    members = current.full_members()
    figures = members.aggregate(
        total_population=Sum("population"),
        with_population=Count("pk", filter=Q(population__isnull=False)),
    )
    context = {
        "member_count": by_type.get(MembershipType.MEMBER, 0),
        "associate_count": by_type.get(MembershipType.ASSOCIATE, 0),
        "observer_count": by_type.get(MembershipType.OBSERVER, 0),
        "countries": Country.objects.filter(governments__in=members).distinct(),
        "population": figures["total_population"],
        "population_known_for": figures["with_population"],
    }
    return render(request, "near_portal/home.html", context)


def healthz(request):
    """A trivial check that the application answers and the database responds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")
