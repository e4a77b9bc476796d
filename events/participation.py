"""Recording which governments took part in an event."""

from collections.abc import Iterable

from django.db import transaction

from events.models import Event, Participation
from members.models import MemberGovernment


@transaction.atomic
def add_participants(
    *, event: Event, members: Iterable[MemberGovernment], delegates: int | None = None
) -> list[Participation]:
    """Record that ``members`` took part in ``event``; governments already listed are left as they are.

    Committee Regulation art. 6(1): every member government may take part in every committee,
    so any government may be listed; the list's consistency with the recorded totals is
    reported by ``events.figures.figure_problems``.
    """
    listed = set(event.participations.values_list("member_id", flat=True))
    created = []
    for member in members:
        if member.pk in listed:
            continue
        participation = Participation(event=event, member=member, delegates=delegates)
        participation.full_clean()
        participation.save()
        listed.add(member.pk)
        created.append(participation)
    return created
