"""Membership rules: the history of a government's standing and what follows from it.

The current membership type and the admission date shown in lists are derived from the
``MembershipEvent`` rows; the functions here are the only writers and keep the two in step.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from members.models import DatePrecision, MemberGovernment, MembershipEvent, MembershipType
from members.querysets import undated_in_effect


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """A date shown only as precisely as the record states it: 2006, September 2000, 10 August 2021."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def partial_iso(value: datetime.date | None, precision: str) -> str | None:
    """A date in ISO form as precisely as the record states it: 2006, 2000-09 or 2021-08-10."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return value.strftime("%Y")
    if precision == DatePrecision.MONTH:
        return value.strftime("%Y-%m")
    return value.isoformat()


def type_on(member: MemberGovernment, on: datetime.date) -> str | None:
    """The membership type of ``member`` on ``on``; the same rule as ``MemberGovernmentQuerySet.with_type_on``.

    None when no event is in effect on that day: not yet attached, or the record does not
    give its standing then (undated events count from ``members.querysets.UNDATED_STANDING_FROM``).
    """
    undated = undated_in_effect(on)
    events = [e for e in member.membership_events.all() if (e.date <= on if e.date else undated)]
    return events[-1].membership_type if events else None


def sync_from_history(member: MemberGovernment, *, on: datetime.date | None = None) -> MemberGovernment:
    """Set the stored membership type (on ``on``, by default today) and admission date from the history.

    The stored type is the one in effect on that day, never that of an event still to come (an
    admission effective next year does not make a member today); a government whose first
    event lies ahead keeps the type it had. Pages do not read the stored type: they ask for
    the type on the day they show (``MemberGovernmentQuerySet.with_type_on``).
    """
    events = list(member.membership_events.all())
    if events:
        member.membership_type = type_on(member, on or timezone.localdate()) or member.membership_type
        # Admission is the first admission as a member or associate member; an earlier
        # listing as observer is history, not admission (Charter arts. 4, 4-2).
        admissions = [
            e
            for e in events
            if e.kind == MembershipEvent.Kind.ADMITTED
            and e.membership_type in (MembershipType.MEMBER, MembershipType.ASSOCIATE)
        ]
        first = admissions[0] if admissions else None
        member.admitted_on = first.date if first else None
        member.admitted_precision = first.date_precision if first else ""
    member.full_clean()
    derived = ["membership_type", "admitted_on", "admitted_precision"]
    stored = MemberGovernment.objects.filter(pk=member.pk).values(*derived).first()
    # Saved only when they change: every save writes an audit record, and an admin save that
    # changed the name must not be followed by a second record that changed nothing.
    if stored != {name: getattr(member, name) for name in derived}:
        member.save(update_fields=derived)
    return member


@transaction.atomic
def record_membership_event(
    *,
    member: MemberGovernment,
    kind: str,
    membership_type: str,
    date: datetime.date | None,
    date_precision: str = DatePrecision.DAY,
    description: str = "",
    source: str = "",
) -> MembershipEvent:
    """Record a change of standing and bring the government's stored type up to date."""
    event = MembershipEvent(
        member=member,
        kind=kind,
        membership_type=membership_type,
        date=date,
        date_precision=date_precision if date else "",
        description=description,
        source=source,
    )
    event.full_clean()
    event.save()
    sync_from_history(member)
    return event


def admit_member(
    *, member: MemberGovernment, on: datetime.date, associate: bool = False, description: str = "", source: str = ""
) -> MembershipEvent:
    """Admit a government as a member or associate member (Charter art. 8(1)) on ``on``."""
    current = type_on(member, on)
    if current in (MembershipType.MEMBER, MembershipType.ASSOCIATE):
        raise ValidationError(_("%(member)s is already a member on %(date)s.") % {"member": member, "date": on})
    return record_membership_event(
        member=member,
        kind=MembershipEvent.Kind.ADMITTED,
        membership_type=MembershipType.ASSOCIATE if associate else MembershipType.MEMBER,
        date=on,
        description=description,
        source=source,
    )


@transaction.atomic
def remove_membership_event(event: MembershipEvent) -> None:
    """Take back a change of standing (its resolution was annulled); refused once a later one rests on it."""
    member = event.member
    if member.membership_events.filter(pk__gt=event.pk).exists():
        raise ValidationError(
            _("%(member)s's membership changed again afterwards; reverse this by a new decision.") % {"member": member}
        )
    event.delete()
    sync_from_history(member)
