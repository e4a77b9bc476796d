"""Public page of a government's published cooperation plan."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from plans.models import FIRST_YEAR, LAST_YEAR, CooperationPlan
from plans.querysets import activities_by_kind


def plan_detail(request, slug, year):
    """One published plan of one government, its activities grouped by kind of cooperation.

    A draft is not found (404), as if it did not exist.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404  # no plan can hold that year (plan_year_in_range)
    plan = get_object_or_404(
        CooperationPlan.objects.published().select_related("government"), government__slug=slug, year=year
    )
    return render(request, "plans/detail.html", {"plan": plan, "groups": activities_by_kind(plan)})
