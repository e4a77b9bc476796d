"""Running a session's votes: attendance, ballots, closing a poll, annulling it.

Every write is one keyword-only function in one transaction. The rules themselves are in
``assemblies.voting``; who may vote on a date comes from ``dues.querysets.voting_members``
(Charter art. 9(1), art. 5-2, Dues Regulation art. 6), and nowhere else.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from assemblies import effects, voting
from assemblies.models import (
    AgendaItem,
    Attendance,
    Ballot,
    DecisionKind,
    Motion,
    PollAnnulment,
    Resolution,
    RollEntry,
    Session,
)
from dues.querysets import voting_members
from members.models import MemberGovernment


@dataclass(frozen=True)
class AttendanceRow:
    """One line of the attendance grid."""

    status: str
    delegates: str = ""
    delegate_count: int | None = None


@dataclass(frozen=True)
class BallotRow:
    """One line of the ballot grid."""

    choice: str
    method: str = Ballot.Method.IN_ROOM


@dataclass(frozen=True)
class PollCount:
    """A poll counted under its rule: what the ballot grid shows live and what closing records."""

    rule: voting.VotingRule
    tally: voting.Tally
    result: voting.Result
    written: int
    roll: dict[int, str]  # member id -> attendance status, for every member holding voting rights


def voting_member_ids(session: Session) -> set[int]:
    """The governments holding voting rights at ``session`` (its roll, fixed on the eve of its first day)."""
    return set(voting_members(on=session.roll_date).values_list("pk", flat=True))


def rule_for(item: AgendaItem) -> voting.VotingRule:
    """The quorum and majority ``item`` needs, at its session."""
    session = item.session
    return voting.voting_rule(
        body=session.body,
        kind=item.decision_kind,
        on=session.start_date,
        assembly_held_in_year=Session.objects.assembly_held_in(session.start_date.year),
    )


def count_poll(motion: Motion) -> PollCount:
    """Count the ballots of ``motion`` against its roll, without writing anything."""
    item = motion.agenda_item
    rule = rule_for(item)
    eligible = voting_member_ids(item.session)
    statuses = dict(item.session.attendances.filter(member_id__in=eligible).values_list("member_id", "status"))
    roll = {member_id: statuses.get(member_id, Attendance.Status.ABSENT) for member_id in eligible}
    ballots = list(motion.ballots.counted())
    strangers = [b for b in ballots if b.member_id not in eligible]
    if strangers:
        raise ValidationError(
            _("%(members)s voted without holding voting rights at this session.")
            % {"members": ", ".join(str(b.member) for b in strangers)}
        )
    present = [m for m, status in roll.items() if status in Attendance.COUNTED_PRESENT]
    choices = [b.choice for b in ballots]
    tally = voting.Tally(
        eligible=len(roll),
        present=len(present),
        yes=choices.count(Ballot.Choice.YES),
        no=choices.count(Ballot.Choice.NO),
        abstain=choices.count(Ballot.Choice.ABSTAIN),
    )
    written = sum(1 for m in present if roll[m] == Attendance.Status.WRITTEN)
    return PollCount(rule=rule, tally=tally, result=voting.decide(rule, tally), written=written, roll=roll)


# --- Attendance ------------------------------------------------------------------------------


@transaction.atomic
def record_attendance(*, session: Session, rows: Mapping[int, AttendanceRow | None]) -> None:
    """Record how each government in ``rows`` (by id) attends ``session``; ``None`` removes the line."""
    existing = {a.member_id: a for a in session.attendances.select_for_update()}
    members = MemberGovernment.objects.in_bulk(list(rows))
    voted = set(
        Ballot.objects.counted().filter(motion__agenda_item__session=session).values_list("member_id", flat=True)
    )
    errors = []
    for member_id, row in rows.items():
        current = existing.get(member_id)
        if member_id in voted and (row is None or current is None or row.status != current.status):
            errors.append(
                _("%(member)s has voted at this session: its attendance cannot change.")
                % {"member": members[member_id]}
            )
            continue
        if row is None:
            if current is not None:
                current.delete()
            continue
        attendance = current or Attendance(session=session, member=members[member_id])
        attendance.status, attendance.delegates, attendance.delegate_count = (
            row.status,
            row.delegates,
            row.delegate_count,
        )
        # One line per government: the rows are keyed by government and the existing ones locked.
        attendance.full_clean(exclude=["session", "member"], validate_unique=False, validate_constraints=False)
        attendance.save()
    if errors:
        raise ValidationError(errors)


# --- Ballots ---------------------------------------------------------------------------------


def _lock_open_motion(motion: Motion) -> Motion:
    motion = Motion.objects.select_for_update().select_related("agenda_item__session").get(pk=motion.pk)
    if motion.is_locked:
        raise ValidationError(_("The poll on this motion is closed: its ballots cannot change."), code="poll_closed")
    rule_for(motion.agenda_item)  # a report, or a decision this body may not take, has no poll
    return motion


def _check_voter(member: MemberGovernment, method: str, *, eligible: set[int], status: str | None) -> None:
    """Refuse a ballot from a government without voting rights, or not attending as the ballot says."""
    if member.pk not in eligible:
        raise ValidationError(
            _("%(member)s holds no voting right at this session (Charter art. 9(1), art. 5-2; Dues Regulation art. 6).")
            % {"member": member},
            code="not_eligible",
        )
    expected = Attendance.Status.WRITTEN if method == Ballot.Method.WRITTEN else Attendance.Status.PRESENT
    if status != expected:
        message = (
            _("%(member)s did not send a written resolution to this session.")
            if method == Ballot.Method.WRITTEN
            else _("%(member)s is not recorded as present in the room at this session.")
        )
        raise ValidationError(message % {"member": member}, code="not_present")


def _attendance_statuses(session: Session) -> dict[int, str]:
    return dict(session.attendances.values_list("member_id", "status"))


def _check_attending_voter(session: Session, member: MemberGovernment, method: str) -> None:
    """``_check_voter`` for one government, reading its attendance line."""
    status = session.attendances.filter(member=member).values_list("status", flat=True).first()
    _check_voter(member, method, eligible=voting_member_ids(session), status=status)


def _current_ballot(motion: Motion, member: MemberGovernment) -> Ballot | None:
    return motion.ballots.current().filter(member=member).first()


def _already_voted(member: MemberGovernment) -> ValidationError:
    return ValidationError(_("%(member)s has already voted on this motion.") % {"member": member}, code="already_voted")


def _present_in_room(member: MemberGovernment) -> ValidationError:
    return ValidationError(
        _("%(member)s is recorded as present in the room at this session: its delegates vote there.")
        % {"member": member},
        code="present_in_room",
    )


# The motion and the governments were just read and locked: no need to look them up again.
BALLOT_CLEAN = {
    "exclude": ["motion", "member", "recorded_by", "supersedes"],
    "validate_unique": False,
    "validate_constraints": False,
}


def current_ballots(motion: Motion):
    """The ballots of ``motion`` standing now, a withdrawal included (it counts no vote)."""
    return motion.ballots.current()


def _write_ballot(
    *, motion: Motion, member: MemberGovernment, choice: str, method: str, recorded_by, reason: str, current
) -> Ballot:
    """Append ``member``'s ballot: a first one, or a row superseding ``current`` (the motion is locked).

    Nothing is written when ``current`` already says the same; a change or a withdrawal needs a
    reason. The superseded row keeps its vote and its ``cast_at``: only its ``superseded_at`` is set.
    """
    if current is not None and (current.choice, current.method) == (choice, method):
        return current
    if current is None and choice == Ballot.WITHDRAWN:
        raise ValidationError(
            _("%(member)s has no ballot on this motion to withdraw.") % {"member": member}, code="nothing_to_withdraw"
        )
    reason = reason.strip()
    if current is not None and not reason:
        raise ValidationError(
            _("Changing or withdrawing the ballot of %(member)s needs a reason.") % {"member": member},
            code="reason_needed",
        )
    ballot = Ballot(
        motion=motion,
        member=member,
        choice=choice,
        method=method,
        recorded_by=recorded_by,
        reason=reason,
        supersedes=current,
    )
    ballot.full_clean(**BALLOT_CLEAN)
    try:
        # The partial unique constraint decides between two writers that both got this far.
        with transaction.atomic():
            if current is not None:
                current.superseded_at = timezone.now()
                current.save(update_fields=["superseded_at"])
            ballot.save()
    except IntegrityError:
        raise _already_voted(member) from None
    return ballot


@transaction.atomic
def cast_ballot(
    *,
    motion: Motion,
    member: MemberGovernment,
    choice: str,
    method: str = Ballot.Method.IN_ROOM,
    recorded_by=None,
    reason: str = "",
) -> Ballot:
    """Record ``member``'s vote on ``motion``; a second vote from the same member is refused.

    After a withdrawal the member may vote again: the new ballot supersedes the withdrawal.
    """
    motion = _lock_open_motion(motion)
    _check_attending_voter(motion.agenda_item.session, member, method)
    current = _current_ballot(motion, member)
    if current is not None and current.choice != Ballot.WITHDRAWN:
        raise _already_voted(member)
    return _write_ballot(
        motion=motion,
        member=member,
        choice=choice,
        method=method,
        recorded_by=recorded_by,
        reason=reason,
        current=current,
    )


@transaction.atomic
def change_ballot(
    *,
    motion: Motion,
    member: MemberGovernment,
    choice: str,
    method: str = Ballot.Method.IN_ROOM,
    recorded_by=None,
    reason: str = "",
) -> Ballot:
    """Cast, change or (with ``choice=Ballot.WITHDRAWN``) withdraw ``member``'s ballot on an open motion.

    A change is a new row superseding the current ballot, with who (``recorded_by``), when and why.
    """
    motion = _lock_open_motion(motion)
    current = _current_ballot(motion, member)
    if choice != Ballot.WITHDRAWN:
        _check_attending_voter(motion.agenda_item.session, member, method)
    return _write_ballot(
        motion=motion,
        member=member,
        choice=choice,
        method=method,
        recorded_by=recorded_by,
        reason=reason,
        current=current,
    )


@transaction.atomic
def record_ballots(*, motion: Motion, rows: Mapping[int, BallotRow | None], recorded_by=None, reason: str = "") -> None:
    """Set the ballots of the governments in ``rows`` (by id) on an open motion; ``None`` withdraws one.

    Each change or withdrawal is a new row superseding the current ballot, for ``reason``.
    """
    motion = _lock_open_motion(motion)
    session = motion.agenda_item.session
    eligible, statuses = voting_member_ids(session), _attendance_statuses(session)
    existing = {b.member_id: b for b in motion.ballots.current()}
    members = MemberGovernment.objects.in_bulk(list(rows))
    errors = []
    for member_id, row in rows.items():
        current = existing.get(member_id)
        if row is None:
            if current is None or current.choice == Ballot.WITHDRAWN:
                continue
            choice, method = Ballot.WITHDRAWN, current.method
        else:
            try:
                _check_voter(members[member_id], row.method, eligible=eligible, status=statuses.get(member_id))
            except ValidationError as error:
                errors.extend(error.messages)
                continue
            choice, method = row.choice, row.method
        try:
            _write_ballot(
                motion=motion,
                member=members[member_id],
                choice=choice,
                method=method,
                recorded_by=recorded_by,
                reason=reason,
                current=current,
            )
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)


# --- Written ballots (the member governments' liaison officers) -------------------------------------


def written_vote_motions():
    """Motions put to the vote at sessions that accept written resolutions, open or closed in the portal."""
    return (
        Motion.objects.filter(
            agenda_item__session__written_resolutions=True, status__in=[Motion.Status.OPEN, Motion.Status.CLOSED]
        )
        .exclude(agenda_item__decision_kind=DecisionKind.NO_VOTE)
        .select_related("agenda_item__session")
    )


def _record_written_attendance(session: Session, member: MemberGovernment, attendance: Attendance | None) -> None:
    """The government attends ``session`` by written resolution (it was absent or not recorded)."""
    attendance = attendance or Attendance(session=session, member=member)
    attendance.status = Attendance.Status.WRITTEN
    attendance.full_clean(exclude=["session", "member"], validate_unique=False, validate_constraints=False)
    try:
        # A written ballot on another motion of the session may record the line at the same moment.
        with transaction.atomic():
            attendance.save()
    except IntegrityError:
        attendance = session.attendances.select_for_update().get(member=member)
        if attendance.status == Attendance.Status.PRESENT:
            raise _present_in_room(member) from None


@transaction.atomic
def cast_written_ballot(
    *, motion: Motion, member: MemberGovernment, choice: str, recorded_by, reason: str = ""
) -> Ballot:
    """``member``'s written ballot on ``motion``, sent by its liaison officer ``recorded_by``; a change supersedes it.

    Only at a session that accepts written resolutions, from a government holding voting rights
    on the session's roll date (Charter art. 9(1); Dues Regulation art. 6), while the poll is
    open. The roll records the government as present by written resolution (the 12th General
    Assembly counted 21 of them among its 50 voters); one present in the room votes there.
    """
    motion = _lock_open_motion(motion)
    session = motion.agenda_item.session
    if not session.written_resolutions:
        raise ValidationError(_("This session does not take written resolutions."), code="no_written_resolutions")
    if member.pk not in voting_member_ids(session):
        _check_voter(member, Ballot.Method.WRITTEN, eligible=set(), status=None)  # says why, in the rule's words
    attendance = session.attendances.select_for_update().filter(member=member).first()
    if attendance is not None and attendance.status == Attendance.Status.PRESENT:
        raise _present_in_room(member)
    if attendance is None or attendance.status != Attendance.Status.WRITTEN:
        _record_written_attendance(session, member, attendance)
    current = _current_ballot(motion, member)
    return _write_ballot(
        motion=motion,
        member=member,
        choice=choice,
        method=Ballot.Method.WRITTEN,
        recorded_by=recorded_by,
        reason=reason,
        current=current,
    )


# --- Closing and annulling a poll --------------------------------------------------------------


@transaction.atomic
def close_poll(*, motion: Motion, closed_by, on: datetime.date) -> Motion:
    """Close the poll on ``motion`` on ``on``: snapshot the roll, tally, decide, lock, and record the resolution.

    If the motion is adopted, its resolution is recorded and its effects are applied in this
    same transaction: if one fails, nothing at all is changed.
    """
    motion = _lock_open_motion(motion)
    session = motion.agenda_item.session
    if not session.start_date <= on <= session.last_day:
        raise ValidationError(_("A poll closes during its session (%(dates)s).") % {"dates": session.dates_display})
    count = count_poll(motion)
    # With its history records, as every write to the record (a plain bulk_create would skip them).
    bulk_create_with_history(
        [RollEntry(motion=motion, member_id=member_id, attendance=status) for member_id, status in count.roll.items()],
        RollEntry,
        default_user=closed_by,
        default_change_reason="Poll closed",
    )
    tally, result = count.tally, count.result
    motion.status = Motion.Status.CLOSED
    motion.outcome = result.outcome
    motion.eligible_count, motion.present_count, motion.written_count = tally.eligible, tally.present, count.written
    motion.yes_count, motion.no_count, motion.abstain_count = tally.yes, tally.no, tally.abstain
    motion.threshold, motion.quorum_needed, motion.votes_needed = (
        count.rule.threshold,
        result.quorum_needed,
        result.votes_needed,
    )
    motion.closed_on, motion.closed_at, motion.closed_by = on, timezone.now(), closed_by
    motion.full_clean()
    motion.save()
    if result.adopted:
        resolution = Resolution(motion=motion, adopted_on=on, text=motion.text)
        resolution.full_clean()
        resolution.save()
        for effect in motion.effects.select_related("member").order_by("position"):
            effects.apply_effect(effect, on=on)
    return motion


RESULT_FIELDS = (
    "outcome",
    "eligible_count",
    "present_count",
    "written_count",
    "yes_count",
    "no_count",
    "abstain_count",
    "threshold",
    "quorum_needed",
    "votes_needed",
    "closed_on",
    "closed_at",
    "closed_by_id",
)


@transaction.atomic
def annul_poll(*, motion: Motion, annulled_by, reason: str) -> PollAnnulment:
    """Annul a closed poll for ``reason``: reverse its effects, set its result aside (kept in the audit) and reopen it."""
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if motion.status != Motion.Status.CLOSED:
        raise ValidationError(_("Only a poll closed in the portal can be annulled."))
    if not reason.strip():
        raise ValidationError(_("An annulment needs a reason."))
    applied = list(motion.effects.filter(applied_at__isnull=False).order_by("-position"))
    previous = {field: motion.serializable_value(field) for field in RESULT_FIELDS}
    previous = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in previous.items()}
    previous["reversed_effects"] = [str(effect) for effect in applied]
    annulment = PollAnnulment(
        motion=motion,
        reason=reason.strip(),
        annulled_by=annulled_by,
        annulled_at=timezone.now(),
        previous_result=previous,
    )
    annulment.full_clean()
    annulment.save()
    for effect in applied:
        effects.undo_effect(effect, reason=annulment.reason)
    # Kept, set aside by the annulment (saved, so the audit trail records it): nobody deletes a resolution.
    for resolution in motion.resolutions.all():
        resolution.annulment = annulment
        resolution.save(update_fields=["annulment"])
    motion.roll.all().delete()
    for field in RESULT_FIELDS:
        setattr(motion, field, None if field.endswith(("_count", "_needed", "_on", "_at", "_id")) else "")
    motion.status = Motion.Status.OPEN
    motion.full_clean()
    motion.save()
    return annulment
