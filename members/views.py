"""The public member directory (a government's own page, which shows its committees and events too, is near_portal.views.member_detail)."""

from itertools import groupby

from django.shortcuts import render

from core.languages import localized_fields
from members.models import MemberGovernment, MembershipType

# What the directory shows (names in every language, for modeltranslation's fallbacks).
DIRECTORY_COLUMNS = [
    "slug",
    "membership_type",
    "list_position",
    "country__code",
    "country__display_order",
    *localized_fields("name"),
    *[f"country__{field}" for field in localized_fields("name")],
]

# Types a visitor may filter by; former members are listed only when asked for.
DIRECTORY_TYPES = [MembershipType.MEMBER, MembershipType.ASSOCIATE, MembershipType.OBSERVER, MembershipType.FORMER]


def directory(request):
    """Member governments grouped by country, with counts; filter by type, search in any language."""
    selected_type = request.GET.get("type", "")
    if selected_type not in DIRECTORY_TYPES:
        selected_type = ""
    query = request.GET.get("q", "").strip()[:100]

    governments = MemberGovernment.objects.select_related("country").only(*DIRECTORY_COLUMNS)
    governments = governments.filter(membership_type=selected_type) if selected_type else governments.current()
    governments = governments.search(query).order_by("country__display_order", "list_position", "name_en")

    groups = [
        {"country": country, "governments": list(items)}
        for country, items in groupby(governments, key=lambda g: g.country)
    ]
    for group in groups:
        group["count"] = len(group["governments"])
    return render(
        request,
        "members/directory.html",
        {
            "groups": groups,
            "total": sum(group["count"] for group in groups),
            "types": [(t.value, t.label) for t in DIRECTORY_TYPES],
            "selected_type": selected_type,
            "query": query,
        },
    )
