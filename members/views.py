"""The public member directory (a government's own page, which shows its committees and events too, is near_portal.views.member_detail)."""

from itertools import groupby

from django.shortcuts import render
from django.utils import timezone

from core.caching import query_parameters
from core.languages import active_language_fields, localized_fields
from core.ratelimits import rate_limited
from members.models import MemberGovernment, MembershipType, Partner

# What the directory shows (names in every language, for modeltranslation's fallbacks).
DIRECTORY_COLUMNS = [
    "slug",
    "list_position",
    "country__code",
    "country__display_order",
    *localized_fields("name"),
    *[f"country__{field}" for field in localized_fields("name")],
]

# Types a visitor may filter by; former members are listed only when asked for.
DIRECTORY_TYPES = [MembershipType.MEMBER, MembershipType.ASSOCIATE, MembershipType.OBSERVER, MembershipType.FORMER]


@query_parameters("q", "type")
@rate_limited("page")
def directory(request):
    """Member governments grouped by country, with counts; filter by type, search in any language."""
    selected_type = request.GET.get("type", "")
    if selected_type not in DIRECTORY_TYPES:
        selected_type = ""
    query = request.GET.get("q", "").strip()[:100]

    # The type on the day the page is shown, from the history (an admission effective next
    # year does not list a member today).
    today = timezone.localdate()
    governments = MemberGovernment.objects.select_related("country").only(*DIRECTORY_COLUMNS)
    if selected_type:
        governments = governments.with_type_on(today).filter(type_on=selected_type)
    else:
        governments = governments.attached_on(today)
    governments = governments.search(query).order_by("country__display_order", "list_position", "name_en")

    groups = [
        {"country": country, "governments": list(items)}
        for country, items in groupby(governments, key=lambda g: g.country)
    ]
    labels = dict(MembershipType.choices)
    for group in groups:
        group["count"] = len(group["governments"])
        for government in group["governments"]:
            government.type_label = labels[government.type_on]
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


@query_parameters()
def partners(request):
    """The organisations NEAR cooperates with: those the current brochure lists, then those only an older one does."""
    listed = list(
        Partner.objects.only(
            "slug", "kind", "website", "acronym", "in_current_brochure", *active_language_fields("name", "description")
        )
    )
    return render(
        request,
        "members/partners.html",
        {
            "current": [p for p in listed if p.in_current_brochure],
            "earlier": [p for p in listed if not p.in_current_brochure],
        },
    )
