"""Finance views of the dues (staff with the view permission): the dashboard of a fiscal year,
the members restricted on a date, a member's statement (HTML and PDF), budget and
settlement, and the shares of a session's cost. Thin: they call the rules and render."""

import datetime

from django.contrib.auth.decorators import permission_required
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import params
from core.caching import query_parameters
from core.params import BadParameter
from core.ratelimits import rate_limited
from dues.costs import meeting_cost_shares
from dues.ledger import (
    LAST_SUPPORTED_YEAR,
    has_voting_rights,
    is_restricted,
    ledger,
    period_for,
    rate_for,
)
from dues.models import FIRST_FISCAL_YEAR, DuesDecision, MeetingCost
from dues.querysets import dues_restricted, with_dues_records
from dues.reports import budget_report, fiscal_year_dues, restricted_ids_on
from members.models import MemberGovernment

finance_staff = permission_required("dues.view_assessment")

# Payments a page of a member's statement shows (the real record's members have made at most a few).
STATEMENT_PAYMENTS = 20


def date_parameter(request, name="on") -> datetime.date:
    """``?on=YYYY-MM-DD``, by default today; the ledger's rules reach to the end of ``LAST_SUPPORTED_YEAR``."""
    return params.date_parameter(request, name, latest=datetime.date(LAST_SUPPORTED_YEAR, 12, 31))


def fiscal_year_value(value) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = None
    if year is None or not FIRST_FISCAL_YEAR <= year <= LAST_SUPPORTED_YEAR:
        message = _("“%(value)s” is not a fiscal year from %(first)s on.")
        raise BadParameter(message % {"value": str(value)[:40], "first": FIRST_FISCAL_YEAR})
    return year


@query_parameters("on", "year")
@finance_staff
def dashboard(request):
    """Dues of a fiscal year on a date: assessed, waived, collected and outstanding, by country."""
    on = date_parameter(request)
    fiscal_year = fiscal_year_value(request.GET.get("year") or on.year)
    restricted_ids = restricted_ids_on(on)  # once, for the rows and the count
    return render(
        request,
        "dues/dashboard.html",
        {
            "report": fiscal_year_dues(fiscal_year, on=on, restricted_ids=restricted_ids),
            "rate": rate_for(fiscal_year),
            "period": period_for(fiscal_year),
            "decisions": DuesDecision.objects.all(),
            "restricted_count": len(restricted_ids),
        },
    )


@query_parameters("on")
@finance_staff
def restricted(request):
    """Member governments whose vote and office rights are restricted on a date (Dues Regulation art. 6)."""
    on = date_parameter(request)
    members = (
        with_dues_records(dues_restricted(MemberGovernment.objects.all(), on=on))
        .select_related("country")
        .order_by("country__display_order", "list_position", "name")
    )
    return render(
        request,
        "dues/restricted.html",
        {"on": on, "rows": [(member, ledger(member, on=on)) for member in members]},
    )


def statement_context(request, slug):
    on = date_parameter(request)
    member = get_object_or_404(
        with_dues_records(MemberGovernment.objects.select_related("country"), by=on).prefetch_related(
            "membership_events"
        ),
        slug=slug,
    )
    restricted = is_restricted(member, on=on)
    return {
        "member": member,
        "on": on,
        "books": ledger(member, on=on),
        "restricted": restricted,
        "voting": has_voting_rights(member, on=on, restricted=restricted),
    }


@query_parameters("on", "page")
@finance_staff
def statement(request, slug):
    """A member's dues statement on a date: each assessed year, payments, credit, arrears, rights.

    The payments a page at a time, latest first (``STATEMENT_PAYMENTS``), so that the page costs
    the same after decades of payments; the PDF lists them all, in date order.
    """
    context = statement_context(request, slug)
    latest_first = context["books"].payments[::-1]
    try:
        context["payments_page"] = Paginator(latest_first, STATEMENT_PAYMENTS).page(params.page_parameter(request))
    except EmptyPage:
        raise Http404(_("There is no such page of payments.")) from None
    return render(request, "dues/statement.html", context)


@query_parameters("on")
@finance_staff
@rate_limited("pdf")
def statement_pdf(request, slug):
    """The same statement as an A4 PDF in the page's language, with every payment."""
    return statement_pdf_response(request, statement_context(request, slug))


def statement_pdf_response(request, context) -> HttpResponse:
    """A statement (``member``, ``on``, ``books``, ``restricted``, ``voting``) as an A4 PDF in the page's language."""
    from core.pdf import laid_out  # WeasyPrint is loaded by the first PDF only

    html = render_to_string("dues/statement_pdf.html", context, request=request)
    pdf = laid_out(html, "dues/print.css").write_pdf()  # nothing fetched, not even from the portal's host
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"near-dues-{context['member'].slug}-{context['on'].isoformat()}-{get_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@query_parameters("on")
@finance_staff
def budget(request, year):
    """The dues budget of a fiscal year against spending, the dues collected and the settlement."""
    fiscal_year = fiscal_year_value(year)
    on = date_parameter(request) if request.GET.get("on") else datetime.date(fiscal_year, 12, 31)
    return render(request, "dues/budget.html", {"report": budget_report(fiscal_year, on=on), "on": on})


@query_parameters()
@finance_staff
def meeting_costs(request):
    """Sessions whose cost is recorded, with each one's shares."""
    costs = MeetingCost.objects.select_related("event", "host")
    return render(request, "dues/meeting_costs.html", {"costs": costs})


@query_parameters()
@finance_staff
def meeting_cost(request, pk):
    """Charter art. 15(2)2: how a session's cost is shared between the host and the other members."""
    cost = get_object_or_404(MeetingCost.objects.select_related("event", "host__country"), pk=pk)
    return render(request, "dues/meeting_cost.html", {"cost": cost, "shares": meeting_cost_shares(cost)})
