"""Changing a committee's coordinator government (Committee Regulation art. 5(7)-(8))."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname, get_language

from committees.models import Committee, CoordinatorTerm
from members.membership import type_on
from members.models import DatePrecision, MemberGovernment, MembershipType


@transaction.atomic
def change_coordinator(
    *,
    committee: Committee,
    outgoing: MemberGovernment | None,
    incoming: MemberGovernment,
    on: datetime.date,
    appointed_by: object = None,
    appointed_on: datetime.date | None = None,
    source: str = "",
) -> CoordinatorTerm:
    """End ``outgoing``'s term on ``on`` and open ``incoming``'s term from ``on``; return the new term.

    With ``outgoing=None`` the incoming government becomes a co-coordinator (art. 5(2)), as
    Ningxia joined Henan on the Tourism Committee on 2018-10-29. The Working Committee's vote
    (art. 5(8): half or more of the voting members present, a majority of those voting) is
    checked where the vote is recorded, before this is called.

    ``appointed_by`` is the decision as text (with ``appointed_on``, by default ``on``).
    The resolution that made it, when there is one, links the new term through its effect
    (``assemblies.effects.change_coordinator``).
    """
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    if not committee.exists_on(on):
        raise ValidationError(_("%(committee)s does not exist on %(date)s.") % {"committee": committee, "date": on})
    # Art. 5(1), 5(7): the coordinator is a member government; associate members and observers are not.
    if type_on(incoming, on) != MembershipType.MEMBER:
        raise ValidationError(_("%(member)s is not a member on %(date)s.") % {"member": incoming, "date": on})

    current = {
        term.member_id: term
        for term in CoordinatorTerm.objects.select_for_update(of=("self",)).filter(committee=committee).held_on(on)
    }
    if incoming.pk in current:
        raise ValidationError(
            _("%(member)s already coordinates %(committee)s on %(date)s.")
            % {"member": incoming, "committee": committee, "date": on}
        )
    if outgoing is not None:
        ending = current.get(outgoing.pk)
        if ending is None:
            raise ValidationError(
                _("%(member)s does not coordinate %(committee)s on %(date)s.")
                % {"member": outgoing, "committee": committee, "date": on}
            )
        if ending.started_on == on:
            raise ValidationError(
                _("The term of %(member)s starts on %(date)s; it cannot end on the same day.")
                % {"member": outgoing, "date": on}
            )
        ending.ended_on = on
        ending.end_precision = DatePrecision.DAY
        ending.full_clean()
        ending.save(update_fields=["ended_on", "end_precision"])

    term = CoordinatorTerm(
        committee=committee,
        member=incoming,
        started_on=on,
        start_precision=DatePrecision.DAY,
        appointed_on=appointed_on or on,
        source=source,
    )
    # The decision's text goes in the language in use and in the default language, which the
    # other languages fall back to; translators complete the rest in the admin.
    text = "" if appointed_by is None else str(appointed_by)
    for code in {get_language(), settings.MODELTRANSLATION_DEFAULT_LANGUAGE}:
        setattr(term, build_localized_fieldname("appointed_by", code), text)
    term.full_clean()
    term.save()
    # A coordinator takes part in the committee it runs (art. 5(1), 6(1)).
    committee.participants.add(incoming)
    return term


@transaction.atomic
def undo_coordinator_change(term: CoordinatorTerm, *, reopened_term: int | None, was_participant: bool) -> None:
    """Take back the term ``change_coordinator`` opened (its resolution was annulled).

    ``reopened_term``: the outgoing government's term it ended, which runs on again;
    ``was_participant``: whether the incoming government took part in the committee before.
    Refused once the committee's coordination changed again afterwards.
    """
    later = CoordinatorTerm.objects.filter(committee=term.committee_id, started_on__gt=term.started_on)
    if term.ended_on is not None or later.exists():
        raise ValidationError(
            _("The coordination of %(committee)s changed again afterwards; reverse this by a new decision.")
            % {"committee": term.committee}
        )
    committee, member = term.committee, term.member
    term.delete()
    if reopened_term is not None:
        # Saved one by one, not with update(), so the audit trail records the reopening.
        reopened = CoordinatorTerm.objects.get(pk=reopened_term)
        reopened.ended_on, reopened.end_precision = None, ""
        reopened.save(update_fields=["ended_on", "end_precision"])
    if not was_participant:
        committee.participants.remove(member)
