"""The reads behind the report's sections, each a fixed number of queries whatever the data's size."""

import datetime
from itertools import groupby

from django.conf import settings
from django.db.models import Prefetch

from members.models import MemberGovernment, MembershipEvent, MembershipType
from near_portal.report.models import MessageAuthor, ReportMessage, SecretariatPost, SecretariatProfile

# The types the member list of a report shows: members (Charter art. 4) and associate
# members (art. 4-2). Observers are not members; the 2018 edition does not list them.
LISTED_TYPES = (MembershipType.MEMBER, MembershipType.ASSOCIATE)


def messages(year: int, language: str) -> list[ReportMessage]:
    """The messages of ``year`` written in ``language``, the Chair's first. One query."""
    order = {author: index for index, author in enumerate(MessageAuthor.values)}
    found = ReportMessage.objects.filter(year=year, language=language)
    return sorted(found, key=lambda message: order[message.author])


def missing_messages(year: int) -> list[tuple[str, str]]:
    """(language, author) of every message of ``year`` not yet entered, in the portal's order. One query."""
    entered = set(ReportMessage.objects.filter(year=year).values_list("language", "author"))
    return [
        (language, author)
        for language, _label in settings.LANGUAGES
        for author in MessageAuthor.values
        if (language, author) not in entered
    ]


def members_by_country(on: datetime.date) -> dict[str, list[dict]]:
    """Members and associate members on ``on``, grouped by country in the official order. One query.

    Returns {"member": [{"country": Country, "governments": [...]}, ...], "associate": [...]}.
    The list positions are those of the current list; a past year's list is numbered afresh
    in that order (see the template), as the 2018 edition numbers its own list.
    """
    governments = (
        MemberGovernment.objects.with_type_on(on)
        .filter(type_on__in=LISTED_TYPES)
        .select_related("country")
        .order_by("country__display_order", "list_position", "name_en")
    )
    grouped = {membership_type: [] for membership_type in LISTED_TYPES}
    by_type = sorted(governments, key=lambda g: LISTED_TYPES.index(g.type_on))
    for membership_type, of_type in groupby(by_type, key=lambda g: g.type_on):
        for country, items in groupby(of_type, key=lambda g: g.country):
            grouped[membership_type].append({"country": country, "governments": list(items)})
    return grouped


def membership_events(year: int) -> list[MembershipEvent]:
    """Dated changes of standing in ``year`` (admissions, changes of type, departures). One query.

    Undated records cannot be placed in a year and are left out.
    """
    return list(
        MembershipEvent.objects.filter(date__year=year).select_related("member__country").order_by("date", "pk")
    )


def latest_secretariat() -> SecretariatProfile | None:
    """The latest year's description of the secretariat, with its posts; as ``secretariat``, two queries."""
    latest = SecretariatProfile.objects.order_by("-year").values("year")[:1]
    return secretariat_of(SecretariatProfile.objects.filter(year__in=latest))


def secretariat(year: int) -> SecretariatProfile | None:
    """The secretariat's description of ``year`` with its posts and their seconding members. Two queries."""
    return secretariat_of(SecretariatProfile.objects.filter(year=year))


def secretariat_of(profiles) -> SecretariatProfile | None:
    posts = SecretariatPost.objects.select_related("seconded_from").order_by("order")
    return profiles.prefetch_related(Prefetch("posts", queryset=posts)).first()
