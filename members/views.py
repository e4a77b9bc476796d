"""Public views of the member directory."""

from itertools import groupby

from django.conf import settings
from django.db.models import Count, Window
from django.shortcuts import get_object_or_404, render
from modeltranslation.utils import build_localized_fieldname

from committees.models import CoordinatorTerm
from events.models import Event
from members.models import MemberGovernment, MembershipType
from members.querysets import localized_fields

# What the directory shows (names in every language, for modeltranslation's fallbacks).
DIRECTORY_COLUMNS = [
    "slug", "membership_type", "list_position", "country__code", "country__display_order",
    *localized_fields("name"), *[f"country__{field}" for field in localized_fields("name")],
]

# Events shown on a member's page; the events list, filtered by the government, has them all.
RECENT_EVENTS = 10

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


def detail(request, slug):
    """One government: its names in all six languages, country, type, admission and history."""
    government = get_object_or_404(MemberGovernment.objects.select_related("country"), slug=slug)
    return render(
        request,
        "members/detail.html",
        {
            "government": government,
            "names": government_names(government),
            "history": government.membership_events.all(),
            "coordinator_terms": CoordinatorTerm.objects.for_member(government),
            **recent_events(government),
        },
    )


def recent_events(government):
    """The latest ``RECENT_EVENTS`` events ``government`` hosted or attended and how many there are, in one query.

    The whole list is the events list filtered by the government (paginated): a member's page
    costs the same after ten years of events as after three hundred.
    """
    events = list(
        Event.objects.published()
        .involving(government)
        .for_listing()
        .annotate(involved_total=Window(Count("pk")))
        .order_by("-start_date", "title")[:RECENT_EVENTS]
    )
    return {"member_events": events, "member_events_total": events[0].involved_total if events else 0}


def government_names(government):
    """(language code, language name, name in that language) for the six languages."""
    return [
        (code, label, getattr(government, build_localized_fieldname("name", code)) or "")
        for code, label in settings.LANGUAGES
    ]
