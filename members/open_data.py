"""Open data: every member government as JSON and CSV, names keyed by language code."""

from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from core.importexport import csv_line, escape_row
from core.languages import LANGUAGE_CODES
from core.ratelimits import rate_limited
from members.membership import partial_iso
from members.models import MemberGovernment

TYPE_CODES = {"member": "member", "associate": "associate", "observer": "observer", "former": "former"}


def member_records():
    """One plain dict per government, in directory order."""
    governments = (
        MemberGovernment.objects.select_related("country")
        .with_type_on(timezone.localdate())
        .order_by("country__display_order", "list_position", "name_en")
    )
    return [
        {
            "slug": g.slug,
            "country": g.country.code,
            # The type on the day of the request; None when the record does not give it.
            "type": TYPE_CODES.get(g.type_on),
            "admitted": partial_iso(g.admitted_on, g.admitted_precision),
            "names": {code: getattr(g, build_localized_fieldname("name", code)) or "" for code in LANGUAGE_CODES},
        }
        for g in governments
    ]


@rate_limited("open-data")
def members_json(request):
    response = JsonResponse({"members": member_records()}, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@rate_limited("open-data")
def members_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="near-members.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    response.write("\ufeff")  # BOM, so spreadsheet programs read the CJK and Cyrillic names as UTF-8
    response.write(csv_line(["slug", "country", "type", "admitted"] + [f"name_{code}" for code in LANGUAGE_CODES]))
    for record in member_records():
        response.write(
            csv_line(
                escape_row(
                    [record["slug"], record["country"], record["type"] or "", record["admitted"] or ""]
                    + [record["names"][code] for code in LANGUAGE_CODES]
                )
            )
        )
    return response
