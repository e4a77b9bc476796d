"""Running votes on the real members: roll, attendance, ballots, closing, effects and annulment."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assemblies import polls
from assemblies.models import (
    Attendance,
    Ballot,
    Body,
    DecisionKind,
    Motion,
    Officer,
    PollAnnulment,
    Resolution,
    ResolutionEffect,
    RollEntry,
    Threshold,
)
from members.models import MemberGovernment, MembershipEvent
from tests.assemblies.factories import DAY_WITH_78_VOTERS, attend, make_motion, make_session, vote, voters
from tests.instruments.helpers import article_keys_on

pytestmark = pytest.mark.django_db

PRESENT, WRITTEN = Attendance.Status.PRESENT, Attendance.Status.WRITTEN


def admission_motion(session, member_slug="tianjin"):
    """A motion to admit a government (Tianjin is an observer in the real data)."""
    motion = make_motion(session, DecisionKind.ADMISSION)
    ResolutionEffect.objects.create(
        motion=motion, kind=ResolutionEffect.Kind.ADMISSION, member=MemberGovernment.objects.get(slug=member_slug)
    )
    return motion


def run_poll(motion, *, present, written=0, yes, no=0, abstain=0, user=None):
    session = motion.agenda_item.session
    roll = voters(session)
    attend(session, roll[:present], PRESENT)
    attend(session, roll[present : present + written], WRITTEN)
    voting = roll[: present + written]
    vote(motion, voting[:yes], Ballot.Choice.YES)
    vote(motion, voting[yes : yes + no], Ballot.Choice.NO)
    vote(motion, voting[yes + no : yes + no + abstain], Ballot.Choice.ABSTAIN)
    return polls.close_poll(motion=motion, closed_by=user, on=session.start_date)


def test_the_roll_of_the_13th_general_assemblys_day_holds_78_members_without_liaoning():
    session = make_session()
    ids = polls.voting_member_ids(session)
    assert len(ids) == 78
    assert MemberGovernment.objects.get(slug="liaoning").pk not in ids


def test_40_present_of_78_with_34_yes_admits_the_government(secretariat_user):
    session = make_session()
    motion = run_poll(admission_motion(session), present=40, written=10, yes=34, no=16, user=secretariat_user)
    assert (motion.status, motion.outcome) == (Motion.Status.CLOSED, Motion.Outcome.ADOPTED)
    assert (motion.eligible_count, motion.present_count, motion.written_count) == (78, 50, 10)
    assert (motion.quorum_needed, motion.votes_needed, motion.threshold) == (40, 34, Threshold.TWO_THIRDS_OF_PRESENT)
    tianjin = MemberGovernment.objects.get(slug="tianjin")
    assert tianjin.membership_type == "member"
    effect = motion.effects.get()
    assert effect.target == tianjin.membership_events.get(kind=MembershipEvent.Kind.ADMITTED, date=DAY_WITH_78_VOTERS)
    assert Resolution.objects.get(motion=motion).adopted_on == DAY_WITH_78_VOTERS


def test_33_yes_of_50_present_rejects_an_admission_and_changes_nothing(secretariat_user):
    session = make_session()
    motion = run_poll(admission_motion(session), present=40, written=10, yes=33, no=17, user=secretariat_user)
    assert (motion.outcome, motion.votes_needed) == (Motion.Outcome.REJECTED, 34)
    assert MemberGovernment.objects.get(slug="tianjin").membership_type == "observer"
    assert not Resolution.objects.filter(motion=motion).exists()
    assert motion.effects.get().target is None


def test_an_ordinary_item_with_50_present_passes_with_26_and_fails_with_25(secretariat_user):
    session = make_session()
    passed = run_poll(make_motion(session, DecisionKind.WORK_PLANS), present=50, yes=26, no=24, user=secretariat_user)
    assert (passed.outcome, passed.votes_needed) == (Motion.Outcome.ADOPTED, 26)
    failed = make_motion(session, DecisionKind.WORK_PLANS, position=2)
    vote(failed, voters(session)[:25], Ballot.Choice.YES)
    failed = polls.close_poll(motion=failed, closed_by=secretariat_user, on=session.start_date)
    assert (failed.outcome, failed.yes_count, failed.present_count) == (Motion.Outcome.REJECTED, 25, 50)


def test_39_present_of_78_is_no_quorum_even_if_all_vote_yes(secretariat_user):
    motion = run_poll(admission_motion(make_session()), present=39, yes=39, user=secretariat_user)
    assert (motion.outcome, motion.quorum_needed, motion.present_count) == (Motion.Outcome.NO_QUORUM, 40, 39)
    assert MemberGovernment.objects.get(slug="tianjin").membership_type == "observer"


def test_written_resolutions_count_as_present_and_voting(secretariat_user):
    # The 12th General Assembly: 29 present + 21 written resolutions = 50 members voting.
    motion = run_poll(
        make_motion(make_session(), DecisionKind.OTHER), present=29, written=21, yes=50, user=secretariat_user
    )
    assert (motion.present_count, motion.written_count, motion.yes_count) == (50, 21, 50)
    assert Ballot.objects.filter(motion=motion, method=Ballot.Method.WRITTEN).count() == 21


def test_an_associate_member_attends_but_cannot_vote():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    hcmc = MemberGovernment.objects.get(slug="ho-chi-minh-city")
    attend(session, [hcmc])
    with pytest.raises(ValidationError) as error:
        polls.cast_ballot(motion=motion, member=hcmc, choice=Ballot.Choice.YES)
    assert error.value.code == "not_eligible"


def test_associates_and_observers_are_left_off_the_roll_snapshot(secretariat_user):
    session = make_session()
    attend(session, MemberGovernment.objects.filter(slug__in=["ho-chi-minh-city", "tianjin", "yamaguchi"]))
    motion = run_poll(make_motion(session, DecisionKind.OTHER), present=45, yes=45, user=secretariat_user)
    roll = RollEntry.objects.filter(motion=motion)
    assert roll.count() == 78
    assert not roll.filter(member__slug__in=["ho-chi-minh-city", "tianjin", "yamaguchi", "liaoning"]).exists()
    assert roll.filter(attendance=PRESENT).count() == 45
    assert motion.present_count == 45


def test_the_roll_comes_from_voting_members_so_a_member_in_arrears_is_excluded(monkeypatch, secretariat_user):
    # Dues Regulation art. 6 is applied inside voting_members(on=...) by the dues rules; the
    # poll takes whatever it returns.
    in_arrears = MemberGovernment.objects.get(slug="akita")
    original = polls.voting_members
    monkeypatch.setattr(polls, "voting_members", lambda *, on: original(on=on).exclude(pk=in_arrears.pk))
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    attend(session, [in_arrears])
    with pytest.raises(ValidationError):
        polls.cast_ballot(motion=motion, member=in_arrears, choice=Ballot.Choice.YES)
    closed = polls.close_poll(motion=motion, closed_by=secretariat_user, on=session.start_date)
    assert (closed.eligible_count, closed.quorum_needed, closed.present_count) == (77, 39, 0)


def test_a_member_absent_from_the_session_cannot_vote():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    with pytest.raises(ValidationError) as error:
        polls.cast_ballot(motion=motion, member=voters(session)[0], choice=Ballot.Choice.YES)
    assert error.value.code == "not_present"


def test_a_written_ballot_needs_a_written_resolution():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    member = voters(session)[0]
    attend(session, [member], PRESENT)
    with pytest.raises(ValidationError) as error:
        polls.cast_ballot(motion=motion, member=member, choice=Ballot.Choice.YES, method=Ballot.Method.WRITTEN)
    assert error.value.messages == [f"{member} did not send a written resolution to this session."]


def test_a_second_ballot_from_the_same_member_is_refused_with_a_clear_message():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    member = voters(session)[0]
    attend(session, [member])
    polls.cast_ballot(motion=motion, member=member, choice=Ballot.Choice.YES)
    with pytest.raises(ValidationError) as error:
        polls.cast_ballot(motion=motion, member=member, choice=Ballot.Choice.NO)
    assert error.value.messages == [f"{member} has already voted on this motion."]


def test_the_attendance_of_a_member_that_voted_cannot_change():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    member = voters(session)[0]
    attend(session, [member])
    polls.cast_ballot(motion=motion, member=member, choice=Ballot.Choice.YES)
    with pytest.raises(ValidationError):
        attend(session, [member], Attendance.Status.ABSENT)
    assert session.attendances.get(member=member).status == PRESENT


def test_a_report_has_no_poll():
    session = make_session()
    motion = make_motion(session, DecisionKind.NO_VOTE)
    attend(session, voters(session)[:1])
    with pytest.raises(ValidationError) as error:
        polls.cast_ballot(motion=motion, member=voters(session)[0], choice=Ballot.Choice.YES)
    assert error.value.code == "no_vote"


# --- Delegation to the Working Committee (Charter art. 9-2) ------------------------------------------


def test_the_working_committee_admits_a_member_in_a_year_without_a_general_assembly(secretariat_user):
    session = make_session(body=Body.WORKING_COMMITTEE, start=datetime.date(2019, 6, 20))
    motion = run_poll(admission_motion(session), present=50, yes=34, no=16, user=secretariat_user)
    assert (motion.outcome, motion.eligible_count, motion.threshold) == (
        Motion.Outcome.ADOPTED,
        78,
        Threshold.TWO_THIRDS_OF_PRESENT,
    )
    assert MemberGovernment.objects.get(slug="tianjin").membership_type == "member"


def test_the_working_committee_cannot_admit_in_a_year_with_a_general_assembly():
    # 2018: the 12th General Assembly met in October.
    session = make_session(body=Body.WORKING_COMMITTEE, start=datetime.date(2018, 6, 20))
    motion = admission_motion(session)
    with pytest.raises(ValidationError) as error:
        polls.close_poll(motion=motion, closed_by=None, on=session.start_date)
    assert error.value.code == "not_delegated"
    motion.refresh_from_db()
    assert motion.status == Motion.Status.OPEN


# --- Closed polls are immutable ---------------------------------------------------------------------


@pytest.fixture
def closed_motion(secretariat_user):
    session = make_session()
    return run_poll(make_motion(session, DecisionKind.OTHER), present=45, yes=30, no=10, user=secretariat_user)


def test_no_ballot_can_be_cast_on_a_closed_poll(closed_motion):
    session = closed_motion.agenda_item.session
    latecomer = voters(session)[60]
    attend(session, [latecomer])
    with pytest.raises(ValidationError) as error:
        polls.cast_ballot(motion=closed_motion, member=latecomer, choice=Ballot.Choice.YES)
    assert error.value.code == "poll_closed"


def test_the_ballots_of_a_closed_poll_cannot_be_edited_or_deleted(closed_motion):
    ballot = closed_motion.ballots.first()
    ballot.choice = Ballot.Choice.NO
    with pytest.raises(ValidationError):
        ballot.save()
    with pytest.raises(ValidationError):
        ballot.delete()
    with pytest.raises(ValidationError):
        polls.record_ballots(motion=closed_motion, rows={ballot.member_id: None})
    assert closed_motion.ballots.filter(choice=Ballot.Choice.YES).count() == 30


def test_a_closed_poll_cannot_be_closed_again(closed_motion):
    with pytest.raises(ValidationError):
        polls.close_poll(motion=closed_motion, closed_by=None, on=closed_motion.agenda_item.session.start_date)


def test_a_poll_closes_only_during_its_session(secretariat_user):
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    with pytest.raises(ValidationError):
        polls.close_poll(motion=motion, closed_by=secretariat_user, on=datetime.date(2021, 8, 11))


# --- Effects: applied in the same transaction ---------------------------------------------------------


def test_a_failing_effect_leaves_nothing_changed(secretariat_user):
    session = make_session()
    motion = admission_motion(session)
    # Valid parameters, but the Charter is amended only under an item of art. 8(3), not this admission's.
    ResolutionEffect.objects.create(
        motion=motion,
        position=2,
        kind=ResolutionEffect.Kind.CHARTER_AMENDMENT,
        description="Art. 10 amended",
        parameters={"instrument": "charter", "changes": [{"article": "17", "action": "repeal"}]},
    )
    roll = voters(session)
    attend(session, roll[:50])
    vote(motion, roll[:50], Ballot.Choice.YES)
    events_before = MembershipEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        polls.close_poll(motion=motion, closed_by=secretariat_user, on=session.start_date)
    assert error.value.messages == [
        "Only the General Assembly amends the Charter, under an agenda item of Charter art. 8(3) "
        "(two thirds of the members present, art. 9(2))."
    ]
    assert article_keys_on("charter", "2021-08-10").count("art-17") == 1
    motion.refresh_from_db()
    assert (motion.status, motion.outcome, motion.yes_count) == (Motion.Status.OPEN, "", None)
    assert MembershipEvent.objects.count() == events_before
    assert MemberGovernment.objects.get(slug="tianjin").membership_type == "observer"
    assert not RollEntry.objects.filter(motion=motion).exists()
    assert not Resolution.objects.filter(motion=motion).exists()
    assert not motion.effects.filter(applied_at__isnull=False).exists()


def test_admitting_a_government_that_is_already_a_member_rolls_the_poll_back(secretariat_user):
    session = make_session()
    motion = admission_motion(session, member_slug="akita")
    attend(session, voters(session)[:50])
    vote(motion, voters(session)[:50], Ballot.Choice.YES)
    with pytest.raises(ValidationError):
        polls.close_poll(motion=motion, closed_by=secretariat_user, on=session.start_date)
    assert Motion.objects.get(pk=motion.pk).status == Motion.Status.OPEN


def test_expulsion_makes_a_former_member(secretariat_user):
    session = make_session()
    motion = make_motion(session, DecisionKind.ADMISSION)
    rason = MemberGovernment.objects.get(slug="rason")
    ResolutionEffect.objects.create(motion=motion, kind=ResolutionEffect.Kind.EXPULSION, member=rason)
    run_poll(motion, present=60, yes=40, no=20, user=secretariat_user)
    rason.refresh_from_db()
    assert rason.membership_type == "former"
    assert motion.effects.get().target.kind == MembershipEvent.Kind.EXPELLED


def test_change_of_type_from_associate_to_member(secretariat_user):
    session = make_session()
    motion = make_motion(session, DecisionKind.ADMISSION)
    hcmc = MemberGovernment.objects.get(slug="ho-chi-minh-city")
    ResolutionEffect.objects.create(
        motion=motion, kind=ResolutionEffect.Kind.TYPE_CHANGE, member=hcmc, membership_type="member"
    )
    run_poll(motion, present=60, yes=40, no=20, user=secretariat_user)
    hcmc.refresh_from_db()
    assert hcmc.membership_type == "member"


def test_electing_the_next_chair_ends_the_outgoing_term_on_the_sessions_last_day(secretariat_user):
    session = make_session(start=datetime.date(2023, 10, 1), end=datetime.date(2023, 10, 3))
    motion = make_motion(session, DecisionKind.NEXT_ASSEMBLY)
    busan = MemberGovernment.objects.get(slug="busan")
    ResolutionEffect.objects.create(motion=motion, kind=ResolutionEffect.Kind.CHAIR_ELECTION, member=busan)
    run_poll(motion, present=60, yes=40, no=20, user=secretariat_user)
    ulsan = Officer.objects.get(role=Officer.Role.CHAIR, government__slug="ulsan")
    assert ulsan.term_end == datetime.date(2023, 10, 3)
    chair = motion.effects.get().target
    assert (chair.government, chair.elected_at, chair.term_start, chair.term_end) == (
        busan,
        session,
        datetime.date(2023, 10, 4),
        None,
    )


# --- Annulment ------------------------------------------------------------------------------------------


def test_annulling_a_poll_reverses_its_effects_keeps_the_audit_and_reopens_it(secretariat_user):
    session = make_session()
    motion = run_poll(admission_motion(session), present=50, yes=40, no=10, user=secretariat_user)
    annulment = polls.annul_poll(
        motion=motion, annulled_by=secretariat_user, reason="Two ballots were entered for the wrong government."
    )
    motion.refresh_from_db()
    assert (motion.status, motion.outcome, motion.yes_count) == (Motion.Status.OPEN, "", None)
    assert MemberGovernment.objects.get(slug="tianjin").membership_type == "observer"
    assert not MembershipEvent.objects.filter(member__slug="tianjin", date=DAY_WITH_78_VOTERS).exists()
    assert not Resolution.objects.filter(motion=motion).exists()
    assert not RollEntry.objects.filter(motion=motion).exists()
    assert annulment.previous_result["outcome"] == "adopted"
    assert annulment.previous_result["yes_count"] == 40
    assert annulment.previous_result["reversed_effects"] == ["admission — Tianjin Municipality"]
    assert PollAnnulment.objects.filter(motion=motion, annulled_by=secretariat_user).count() == 1
    # The ballots can change again, and the poll closes again.
    polls.record_ballots(
        motion=motion,
        rows={b.member_id: None for b in motion.ballots.current()[:10]},
        reason="Entered for the wrong government.",
    )
    assert (
        polls.close_poll(motion=motion, closed_by=secretariat_user, on=session.start_date).outcome
        == Motion.Outcome.REJECTED
    )


def test_annulling_a_chair_election_restores_the_outgoing_chair(secretariat_user):
    session = make_session(start=datetime.date(2023, 10, 1))
    motion = make_motion(session, DecisionKind.NEXT_ASSEMBLY)
    ResolutionEffect.objects.create(
        motion=motion, kind=ResolutionEffect.Kind.CHAIR_ELECTION, member=MemberGovernment.objects.get(slug="busan")
    )
    run_poll(motion, present=60, yes=40, user=secretariat_user)
    polls.annul_poll(motion=motion, annulled_by=secretariat_user, reason="Wrong government entered.")
    assert list(
        Officer.objects.filter(role=Officer.Role.CHAIR, term_end__isnull=True).values_list(
            "government__slug", flat=True
        )
    ) == ["ulsan"]


def test_an_annulment_needs_a_reason(closed_motion, secretariat_user):
    with pytest.raises(ValidationError):
        polls.annul_poll(motion=closed_motion, annulled_by=secretariat_user, reason="  ")
    assert Motion.objects.get(pk=closed_motion.pk).status == Motion.Status.CLOSED


def test_a_recorded_historical_motion_cannot_be_annulled(secretariat_user):
    recorded = Motion.objects.filter(status=Motion.Status.RECORDED).first()
    with pytest.raises(ValidationError):
        polls.annul_poll(motion=recorded, annulled_by=secretariat_user, reason="Test")


def test_closing_a_poll_leaves_a_history_record_for_every_row_it_writes(secretariat_user):
    # Hardening II, point 3: the roll's snapshot, the motion, the resolution and what the
    # effect changed are all in the audit trail, with who closed the poll.
    session = make_session()
    motion = run_poll(admission_motion(session), present=40, written=10, yes=34, no=16, user=secretariat_user)
    roll = list(motion.roll.all())
    assert len(roll) == 78
    histories = RollEntry.history.filter(motion_id=motion.pk)
    assert sorted(histories.values_list("id", flat=True)) == sorted(entry.pk for entry in roll)
    assert set(histories.values_list("history_type", "history_user", "history_change_reason")) == {
        ("+", secretariat_user.pk, "Poll closed")
    }
    assert motion.history.filter(status=Motion.Status.CLOSED).count() == 1
    assert Resolution.history.filter(motion_id=motion.pk, history_type="+").count() == 1
    admission = motion.effects.get().target
    assert admission.history.filter(history_type="+").count() == 1
    assert MemberGovernment.objects.get(slug="tianjin").history.filter(membership_type="member").exists()
