"""Open data: every specialized committee with its coordinators and terms, as JSON."""

import datetime

from django.http import JsonResponse
from modeltranslation.utils import build_localized_fieldname

from committees.models import Committee
from core.languages import LANGUAGE_CODES
from core.params import BadParameter, date_parameter
from core.ratelimits import rate_limited
from members.membership import partial_iso
from members.models import DatePrecision


def in_languages(instance, field):
    """The six translations of a content field, keyed by language code."""
    return {code: getattr(instance, build_localized_fieldname(field, code)) or "" for code in LANGUAGE_CODES}


def committee_records(on: datetime.date):
    """One plain dict per committee, in the order of the Committee Regulation art. 2."""
    committees = Committee.objects.for_listing(on).prefetch_related("participants")
    return [
        {
            "slug": c.slug,
            "number": c.regulation_number,
            "names": in_languages(c, "name"),
            "field_of_activity": in_languages(c, "field_of_activity"),
            "status": c.status,
            "status_changed_on": partial_iso(c.status_changed_on, DatePrecision.DAY),
            "successor": c.successor.slug if c.successor else None,
            "established_on": partial_iso(c.established_on, DatePrecision.DAY),
            "established_year": c.established_year,
            "created_by_amendment_of": partial_iso(c.created_by_amendment_of, DatePrecision.DAY),
            "meetings": {"recorded_to_2018": c.meetings_to_2018, "recorded_since_2018": c.meetings_since_2018},
            "coordinators": [member.slug for member in c.coordinators_on(on)],
            # Not "eligible for a coordinator change": Committee Regulation art. 5(7) also needs a
            # member government asking for the role, which the record does not show.
            "no_activity_recorded_for_two_years": c.dormant,
            "terms": [
                {
                    "member": term.member.slug,
                    "country": term.member.country.code,
                    "started": partial_iso(term.started_on, term.start_precision),
                    "ended": partial_iso(term.ended_on, term.end_precision),
                    "appointed_by": in_languages(term, "appointed_by"),
                    "appointed_on": partial_iso(term.appointed_on, DatePrecision.DAY),
                }
                for term in c.coordinator_terms.all()
            ],
            "participants": [member.slug for member in c.participants.all()],
        }
        for c in committees
    ]


@rate_limited("open-data")
def committees_json(request):
    """``{"on": date, "committees": [...]}``; coordinators and eligibility as of ``?on=`` (default today)."""
    try:
        on = date_parameter(request)
    except BadParameter as error:
        # In the language the visitor's browser asks for (the address has no language prefix).
        response = JsonResponse({"error": str(error)}, status=400, json_dumps_params={"ensure_ascii": False})
    else:
        response = JsonResponse(
            {"on": on.isoformat(), "committees": committee_records(on)}, json_dumps_params={"ensure_ascii": False}
        )
    response["Access-Control-Allow-Origin"] = "*"
    return response
