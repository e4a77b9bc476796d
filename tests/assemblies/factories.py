"""Small factories for the governance tests: sessions, motions, attendance and ballots on the real members."""

import datetime

from assemblies import polls
from assemblies.models import AgendaItem, Attendance, Ballot, Body, Motion, Session
from members.models import MemberGovernment

# The eve of the 13th General Assembly: 78 members hold voting rights (Liaoning was admitted on the day).
DAY_WITH_78_VOTERS = datetime.date(2021, 8, 10)


def make_session(*, body=Body.GENERAL_ASSEMBLY, start=DAY_WITH_78_VOTERS, end=None, key="test-session", **fields):
    session = Session(body=body, key=key, start_date=start, end_date=end, **fields)
    session.full_clean()
    session.save()
    return session


def make_motion(session, kind, *, position=1, text="Test motion"):
    item = AgendaItem.objects.create(session=session, position=position, title=f"Item {position}", decision_kind=kind)
    return Motion.objects.create(agenda_item=item, text=text)


def voters(session):
    """The governments holding voting rights at ``session``, in a stable order."""
    return list(MemberGovernment.objects.filter(pk__in=polls.voting_member_ids(session)).order_by("pk"))


def attend(session, members, status=Attendance.Status.PRESENT):
    polls.record_attendance(session=session, rows={m.pk: polls.AttendanceRow(status=status) for m in members})


def vote(motion, members, choice):
    """Record ``choice`` for each member, in the room or in writing as its attendance says (as the ballot grid does)."""
    statuses = dict(motion.agenda_item.session.attendances.values_list("member_id", "status"))
    polls.record_ballots(
        motion=motion,
        rows={
            m.pk: polls.BallotRow(
                choice=choice,
                method=Ballot.Method.WRITTEN
                if statuses.get(m.pk) == Attendance.Status.WRITTEN
                else Ballot.Method.IN_ROOM,
            )
            for m in members
        },
    )
