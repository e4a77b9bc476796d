"""What adopted resolutions change: one handler per kind of effect.

``governance.polls.close_poll`` applies a motion's effects inside its own transaction, so a
failing effect leaves nothing changed. Each handler returns the record it created or changed;
the effect links it generically (content type + id), whatever app it belongs to.

Implemented here: admission, change of type and expulsion (membership history, Charter
art. 8(1)), election of the next chair (art. 7(1)). Hook points, to be completed when the other
apps land (see each function): Charter or Regulation amendment, coordinator change, dues.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from governance.models import Body, Officer, ResolutionEffect
from members.membership import admit_member, record_membership_event, sync_from_history, type_on
from members.models import MembershipEvent, MembershipType

Kind = ResolutionEffect.Kind
# Where an effect keeps what undoing it needs (inside ``parameters``).
UNDO_KEY = "_undo"


@dataclass(frozen=True)
class EffectHandler:
    """How to apply one kind of effect, and how to undo it when a poll is annulled."""

    apply: Callable[[ResolutionEffect, datetime.date], models.Model]
    undo: Callable[[ResolutionEffect], None] | None = None


HANDLERS: dict[str, EffectHandler] = {}


def handles(kind: str, *, undo: Callable[[ResolutionEffect], None] | None = None):
    """Register the decorated function as the way to apply effects of ``kind``."""

    def register(apply):
        HANDLERS[kind] = EffectHandler(apply=apply, undo=undo)
        return apply

    return register


def apply_effect(effect: ResolutionEffect, *, on: datetime.date) -> models.Model:
    """Apply ``effect`` of a resolution adopted on ``on`` and link the record it changed."""
    handler = HANDLERS.get(effect.kind)
    if handler is None:
        raise ValidationError(_("No handler applies effects of kind “%(kind)s”.") % {"kind": effect.get_kind_display()})
    record = handler.apply(effect, on)
    effect.target = record
    effect.applied_at = timezone.now()
    effect.full_clean()
    effect.save()
    return record


def undo_effect(effect: ResolutionEffect) -> None:
    """Reverse an applied effect (annulment of its poll) and unlink the record."""
    handler = HANDLERS.get(effect.kind)
    if handler is None or handler.undo is None:
        raise ValidationError(
            _("The effect “%(effect)s” cannot be reversed automatically; reverse it by a new decision.")
            % {"effect": effect}
        )
    handler.undo(effect)
    effect.parameters.pop(UNDO_KEY, None)
    effect.target = None
    effect.applied_at = None
    effect.full_clean()
    effect.save()


def _source(effect: ResolutionEffect) -> str:
    item = effect.motion.agenda_item
    return _("%(session)s, agenda item %(position)s") % {"session": item.session.title, "position": item.position}


# --- Membership: Charter art. 8(1) -------------------------------------------------------------

def _remove_membership_event(effect: ResolutionEffect) -> None:
    event = effect.target
    if event.member.membership_events.filter(pk__gt=event.pk).exists():
        raise ValidationError(
            _("%(member)s's membership changed again afterwards; reverse this by a new decision.") % {"member": event.member}
        )
    member = event.member
    event.delete()
    sync_from_history(member)


@handles(Kind.ADMISSION, undo=_remove_membership_event)
def admit(effect: ResolutionEffect, on: datetime.date) -> MembershipEvent:
    """Admit the government as a member or, if the effect says so, an associate member."""
    return admit_member(
        member=effect.member,
        on=effect.effective_on or on,
        associate=effect.membership_type == MembershipType.ASSOCIATE,
        description=effect.description,
        source=_source(effect),
    )


def _require_attached(effect: ResolutionEffect, when: datetime.date) -> str:
    current = type_on(effect.member, when)
    if current not in (MembershipType.MEMBER, MembershipType.ASSOCIATE):
        raise ValidationError(
            _("%(member)s is not a member or associate member on %(date)s.") % {"member": effect.member, "date": when}
        )
    return current


@handles(Kind.TYPE_CHANGE, undo=_remove_membership_event)
def change_type(effect: ResolutionEffect, on: datetime.date) -> MembershipEvent:
    """Change the government's membership type, for example from associate member to member."""
    when = effect.effective_on or on
    current = _require_attached(effect, when)
    allowed = (MembershipType.MEMBER, MembershipType.ASSOCIATE, MembershipType.OBSERVER)
    if effect.membership_type not in allowed or effect.membership_type == current:
        raise ValidationError(
            _("%(member)s cannot change from “%(old)s” to “%(new)s”.")
            % {"member": effect.member, "old": current, "new": effect.membership_type or "—"}
        )
    return record_membership_event(
        member=effect.member,
        kind=MembershipEvent.Kind.TYPE_CHANGED,
        membership_type=effect.membership_type,
        date=when,
        description=effect.description,
        source=_source(effect),
    )


@handles(Kind.EXPULSION, undo=_remove_membership_event)
def expel(effect: ResolutionEffect, on: datetime.date) -> MembershipEvent:
    """Expel the government (Charter art. 8(1)): it becomes a former member."""
    when = effect.effective_on or on
    _require_attached(effect, when)
    return record_membership_event(
        member=effect.member,
        kind=MembershipEvent.Kind.EXPELLED,
        membership_type=MembershipType.FORMER,
        date=when,
        description=effect.description,
        source=_source(effect),
    )


# --- The chair: Charter art. 7(1) ------------------------------------------------------------

def _unelect_chair(effect: ResolutionEffect) -> None:
    closed = effect.parameters.get(UNDO_KEY, {}).get("closed_chair_term")
    effect.target.delete()
    if closed:
        Officer.objects.filter(pk=closed).update(term_end=None)


@handles(Kind.CHAIR_ELECTION, undo=_unelect_chair)
def elect_chair(effect: ResolutionEffect, on: datetime.date) -> Officer:
    """Elect the government that hosts the next General Assembly as the next chair.

    Art. 7(1): the chair is the head of the government hosting the General Assembly, in office
    until its last day. The outgoing chair's open term therefore ends on this session's last
    day, and the new chair's starts the next day (unless the effect gives another date).
    """
    session = effect.motion.agenda_item.session
    if session.body != Body.GENERAL_ASSEMBLY:
        raise ValidationError(_("Only the General Assembly elects the chair (Charter art. 7)."))
    starts = effect.effective_on or session.last_day + datetime.timedelta(days=1)
    outgoing = (
        Officer.objects.select_for_update()
        .filter(role=Officer.Role.CHAIR, term_end__isnull=True)
        .filter(models.Q(term_start__isnull=True) | models.Q(term_start__lt=starts))
        .first()
    )
    if outgoing is not None:
        outgoing.term_end = starts - datetime.timedelta(days=1)
        outgoing.full_clean()
        outgoing.save(update_fields=["term_end"])
        effect.parameters[UNDO_KEY] = {"closed_chair_term": outgoing.pk}
    chair = Officer(role=Officer.Role.CHAIR, government=effect.member, elected_at=session, term_start=starts)
    chair.full_clean()
    chair.save()
    return chair


# --- Hook points for the other apps ------------------------------------------------------------

class EffectNotAvailable(ValidationError):
    """An effect whose function another part of the portal provides, not merged yet."""


@handles(Kind.CHARTER_AMENDMENT)
@handles(Kind.REGULATION_AMENDMENT)
def amend_instrument(effect: ResolutionEffect, on: datetime.date) -> models.Model:
    """HOOK (Charter issue): amend the Charter or a Regulation, in force on its date.

    To be completed at the merge with::

        from governance.amendments import apply_amendment
        return apply_amendment(instrument=..., effective_on=effect.effective_on or on,
                               changes=effect.parameters["changes"], ...)

    with the instrument named in ``effect.parameters``; it returns the Amendment to link.
    """
    raise EffectNotAvailable(_("Amendments of the Charter and the Regulations cannot be applied by the portal yet."))


@handles(Kind.COORDINATOR_CHANGE)
def change_coordinator(effect: ResolutionEffect, on: datetime.date) -> models.Model:
    """HOOK (committees issue): replace or add a committee's coordinator (Committee Regulation art. 5(2), 5(8)).

    To be completed at the merge with ``committees.coordinators.change_coordinator(...)``, given
    the committee and governments named in ``effect.parameters``; it returns the coordinator
    term to link.
    """
    raise EffectNotAvailable(_("Coordinator changes cannot be applied by the portal yet."))


@handles(Kind.DUES_DECISION)
def decide_dues(effect: ResolutionEffect, on: datetime.date) -> models.Model:
    """HOOK (dues issue): a decision on dues (Charter art. 8(2), 8(8); Dues Regulation art. 5).

    To be completed at the merge with the dues app's function for the decision named in
    ``effect.parameters`` (amount, deferral, ...); it returns the record to link.
    """
    raise EffectNotAvailable(_("Decisions on dues cannot be applied by the portal yet."))
