"""The public table of the specialized committees (a committee's own page, which shows its meetings too, is near_portal.views.committee_detail)."""

from django.shortcuts import render
from django.utils import timezone

from committees.models import Committee
from core.caching import query_parameters
from core.params import date_parameter
from core.ratelimits import rate_limited


@query_parameters("on")
@rate_limited("page")
def committee_list(request):
    """The table the annual report prints: coordinators, founded, meetings held, field; former ones below."""
    on = date_parameter(request)
    committees = list(Committee.objects.for_listing(on))
    current = [{"committee": c, "coordinators": c.coordinators_on(on)} for c in committees if c.exists_on(on)]
    former = [c for c in committees if c.status != Committee.Status.ACTIVE and not c.exists_on(on)]
    return render(
        request,
        "committees/list.html",
        {"on": on, "is_today": on == timezone.localdate(), "current": current, "former": former},
    )
