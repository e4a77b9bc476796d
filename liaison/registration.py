"""Delegations to upcoming events: officers register them up to the event's deadline; after the
event the secretariat records the participation from them."""

import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from events.models import Event, Participation
from liaison.models import DelegateRegistration, OfficerAccount


def open_for_registration(*, now: datetime.datetime):
    """Published events whose registration deadline is still ahead on ``now``."""
    return Event.objects.published().filter(registration_deadline__gte=now).order_by("start_date", "title")


@transaction.atomic
def register_delegate(
    *, account: OfficerAccount, event: Event, name: str, post: str, languages: list[str], arrival, now
) -> DelegateRegistration:
    """The officer's government sends ``name`` to ``event``, while its registration is open."""
    if event.registration_deadline is None or event.registration_deadline < now or not event.published:
        raise ValidationError(_("Registration for this event is closed."))
    registration = DelegateRegistration(
        event=event,
        member=account.member,
        name=name,
        post=post,
        languages=languages,
        arrival=arrival,
        registered_by=account.user,
    )
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def record_participation(*, event: Event, today: datetime.date) -> list[Participation]:
    """After the event, each registered government takes part with its number of registered delegates."""
    if event.last_day >= today:
        raise ValidationError(
            _("%(event)s has not ended yet: its participation is recorded after it.") % {"event": event}
        )
    counts = Counter(event.delegate_registrations.values_list("member_id", flat=True))
    recorded = []
    for member_id, delegates in sorted(counts.items()):
        participation, _created = Participation.objects.update_or_create(
            event=event, member_id=member_id, defaults={"delegates": delegates}
        )
        recorded.append(participation)
    return recorded
