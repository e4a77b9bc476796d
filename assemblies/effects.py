"""What adopted resolutions change: one handler per kind of effect.

``assemblies.polls.close_poll`` applies a motion's effects inside its own transaction, so a
failing effect leaves nothing changed. Each handler returns the record it created or changed;
the effect links it generically (content type + id), whatever app it belongs to.

Admission, change of type and expulsion (membership history, Charter art. 8(1)); election of
the next chair (art. 7(1)); amendment of the Charter or a Regulation (``instruments.amendments``);
change of a committee's coordinator (``committees.coordinators``); decisions on dues
(``dues.decisions``). The last three read their parameters through
``assemblies.effect_parameters``. Each app writes its own records and takes them back: the
handlers here check the session's part (which body decides what) and dispatch.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from assemblies import effect_parameters
from assemblies.effect_parameters import UNDO_KEY
from assemblies.models import Body, DecisionKind, Motion, Officer, ResolutionEffect, Session
from committees import coordinators
from committees.models import CoordinatorTerm
from dues import decisions
from dues.models import DuesDecision
from instruments.amendments import apply_amendment, revoke_amendment
from instruments.models import Amendment
from members.membership import admit_member, record_membership_event, remove_membership_event, type_on
from members.models import MembershipEvent, MembershipType

Kind = ResolutionEffect.Kind


@dataclass(frozen=True)
class EffectHandler:
    """How to apply one kind of effect, and how to undo it when a poll is annulled."""

    apply: Callable[[ResolutionEffect, datetime.date], models.Model]
    # Called with the effect and the annulment's reason, which a revoked record keeps.
    undo: Callable[[ResolutionEffect, str], None] | None = None


HANDLERS: dict[str, EffectHandler] = {}


def handles(kind: str, *, undo: Callable[[ResolutionEffect, str], None] | None = None):
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


def undo_effect(effect: ResolutionEffect, *, reason: str) -> None:
    """Reverse an applied effect (annulment of its poll, for ``reason``) and unlink the record."""
    handler = HANDLERS.get(effect.kind)
    if handler is None or handler.undo is None:
        raise ValidationError(
            _("The effect “%(effect)s” cannot be reversed automatically; reverse it by a new decision.")
            % {"effect": effect}
        )
    handler.undo(effect, reason)
    effect.parameters.pop(UNDO_KEY, None)
    effect.target = None
    effect.applied_at = None
    effect.full_clean()
    effect.save()


def _source(effect: ResolutionEffect) -> str:
    item = effect.motion.agenda_item
    return _("%(session)s, agenda item %(position)s") % {"session": item.session.title, "position": item.position}


# --- Membership: Charter art. 8(1) -------------------------------------------------------------


def _remove_membership_event(effect: ResolutionEffect, reason: str) -> None:
    remove_membership_event(effect.target)


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


def _unelect_chair(effect: ResolutionEffect, reason: str) -> None:
    closed = effect.parameters.get(UNDO_KEY, {}).get("closed_chair_term")
    effect.target.delete()
    if closed:
        # Saved, not update()d, so the audit trail records the reopened term.
        outgoing = Officer.objects.get(pk=closed)
        outgoing.term_end = None
        outgoing.save(update_fields=["term_end"])


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


# --- Charter and Regulations: Charter art. 8(3), 9(2); Committee Regulation art. 9 ------------------


def _localized(obj, name: str) -> dict[str, str]:
    return {
        code: getattr(obj, build_localized_fieldname(name, code)) or "" for code in effect_parameters.LANGUAGE_CODES
    }


def _session_titles(session) -> dict[str, str]:
    titles = {}
    for code in effect_parameters.LANGUAGE_CODES:
        with translation.override(code):
            titles[code] = str(session.title)
    return titles


def _undo_amendment(effect: ResolutionEffect, reason: str) -> None:
    revoke_amendment(effect.target, reason=reason)  # kept, revoked with the annulment's reason


@handles(Kind.CHARTER_AMENDMENT, undo=_undo_amendment)
@handles(Kind.REGULATION_AMENDMENT, undo=_undo_amendment)
def amend_instrument(effect: ResolutionEffect, on: datetime.date) -> Amendment:
    """Amend the Charter or a Regulation as the effect's parameters say, in force on its date.

    The amendment is recorded as adopted on ``on`` by the resolution's session; its article
    versions begin on the effect's date (by default the same day). Charter art. 8(3) and 9(2):
    only the General Assembly amends the Charter, under an agenda item of art. 8(3), whose poll
    needs two thirds of the members present.
    """
    parameters = effect_parameters.parse(effect)
    item = effect.motion.agenda_item
    session = item.session
    if effect.kind == Kind.CHARTER_AMENDMENT and (
        session.body != Body.GENERAL_ASSEMBLY or item.decision_kind != DecisionKind.CHARTER_AMENDMENT
    ):
        raise ValidationError(
            _(
                "Only the General Assembly amends the Charter, under an agenda item of Charter art. 8(3) "
                "(two thirds of the members present, art. 9(2))."
            )
        )
    effective_on = effect.effective_on or on
    if effective_on < on:
        raise ValidationError(
            _("An amendment cannot take effect (%(effective)s) before it is adopted (%(adopted)s).")
            % {"effective": effective_on, "adopted": on}
        )
    return apply_amendment(
        instrument=parameters.instrument,
        effective_on=effective_on,
        changes=parameters.changes,
        adopted_by=Amendment.Body(session.body),
        session=_session_titles(session),
        adopted_on=on,
        summary=parameters.summary or _localized(effect, "description"),
        source=_source(effect),
    )


# --- Coordinators: Committee Regulation art. 5(2), 5(7)-(8) ----------------------------------------


def _undo_coordinator_change(effect: ResolutionEffect, reason: str) -> None:
    undo = effect.parameters.get(UNDO_KEY, {})
    coordinators.undo_coordinator_change(
        effect.target, reopened_term=undo.get("reopened_term"), was_participant=undo.get("was_participant", True)
    )


@handles(Kind.COORDINATOR_CHANGE, undo=_undo_coordinator_change)
def change_coordinator(effect: ResolutionEffect, on: datetime.date) -> CoordinatorTerm:
    """End the outgoing coordinator's term and open the incoming one's, linked to the resolution.

    Committee Regulation art. 5(2): without an outgoing government the incoming one joins as
    co-coordinator; art. 5(8): a replacement is voted by the Working Committee (the poll's rule
    for an agenda item of that kind). The committees app's ``change_coordinator`` does the write.
    """
    parameters = effect_parameters.parse(effect)
    when = effect.effective_on or on
    outgoing_term = None
    if parameters.outgoing is not None:
        outgoing_term = (
            CoordinatorTerm.objects.filter(committee=parameters.committee, member=parameters.outgoing)
            .held_on(when)
            .first()
        )
    was_participant = parameters.committee.participants.filter(pk=parameters.incoming.pk).exists()
    source = _source(effect)
    term = coordinators.change_coordinator(
        committee=parameters.committee,
        outgoing=parameters.outgoing,
        incoming=parameters.incoming,
        on=when,
        appointed_by=source,
        appointed_on=on,
        source=source,
    )
    effect.parameters[UNDO_KEY] = {
        "reopened_term": outgoing_term.pk if outgoing_term else None,
        "was_participant": was_participant,
    }
    return term


# --- Dues: Charter art. 8(2), 8(8); Dues Regulation art. 5 -----------------------------------------


def _undo_dues_decision(effect: ResolutionEffect, reason: str) -> None:
    decisions.revoke_decision(effect.target)


@handles(Kind.DUES_DECISION, undo=_undo_dues_decision)
def decide_dues(effect: ResolutionEffect, on: datetime.date) -> DuesDecision:
    """Record a decision on dues, with the rate or the assessed fiscal years it sets (the dues
    app's ``record_decision`` does the write and checks Dues Regulation art. 5)."""
    parameters = effect_parameters.parse(effect)
    item = effect.motion.agenda_item
    session = item.session
    slug = parameters.slug or slugify(
        f"{session.body} {session.key} item {item.position} motion {effect.motion.position} effect {effect.position}"
    )
    return decisions.record_decision(
        slug=slug,
        body=DuesDecision.Body(session.body),
        session_number=session.number,
        decided_on=on,
        kind=parameters.kind,
        titles=parameters.title,
        summaries=parameters.summary or _localized(effect, "description"),
        source=_source(effect),
        from_fiscal_year=parameters.from_fiscal_year,
        amount_usd=parameters.amount_usd,
        first_fiscal_year=parameters.first_fiscal_year,
        last_fiscal_year=parameters.last_fiscal_year,
        includes_associate_members=parameters.includes_associate_members,
    )


def target_prefetch() -> GenericPrefetch:
    """The record each effect changed, with what that record's name and links show (its
    government, committee or instrument): one query per kind of record, however many effects."""
    return GenericPrefetch(
        "target",
        [
            MembershipEvent.objects.select_related("member"),
            Officer.objects.select_related("government"),
            Amendment.objects.select_related("instrument"),
            CoordinatorTerm.objects.select_related("committee", "member"),
            DuesDecision.objects.all(),
        ],
    )


def effects_with_targets():
    """Resolution effects with their government and what each changed (``target_prefetch``)."""
    return ResolutionEffect.objects.select_related("member").prefetch_related(target_prefetch())


def agenda_with_effects(session: Session):
    """``session``'s agenda items with their motions, resolutions and effects, and what each effect
    changed: one query per kind of target (a session's page and its minutes read them so)."""
    effects = effects_with_targets()
    return session.agenda_items.prefetch_related(
        Prefetch("motions", queryset=Motion.objects.prefetch_related("resolutions").order_by("position")),
        Prefetch("motions__effects", queryset=effects.order_by("position")),
    )
