"""One ballot per member per motion, even when two submissions race in two transactions."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection

from assemblies import polls
from assemblies.models import Ballot, DecisionKind
from tests.assemblies.factories import attend, make_motion, make_session, voters

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("real_data_restored", "real_data")]


def race(function, *arguments):
    """Run ``function`` in two threads (two connections, two transactions) released at the same instant."""
    barrier = threading.Barrier(2)
    outcomes = [None, None]

    def run(index, argument):
        try:
            barrier.wait()
            outcomes[index] = function(argument)
        except Exception as error:  # noqa: BLE001 - the outcome is what the test inspects
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, arguments[i])) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_concurrent_ballots_from_one_member_one_wins_the_other_gets_a_clear_message():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    member = voters(session)[0]
    attend(session, [member])

    outcomes = race(
        lambda choice: polls.cast_ballot(motion=motion, member=member, choice=choice),
        Ballot.Choice.YES,
        Ballot.Choice.NO,
    )

    ballots = [o for o in outcomes if isinstance(o, Ballot)]
    refusals = [o for o in outcomes if isinstance(o, ValidationError)]
    assert (len(ballots), len(refusals)) == (1, 1)
    assert refusals[0].messages == [f"{member} has already voted on this motion."]
    assert list(Ballot.objects.filter(motion=motion).values_list("choice", flat=True)) == [ballots[0].choice]


def test_the_database_refuses_a_second_ballot_even_without_the_service():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    member = voters(session)[0]

    outcomes = race(lambda choice: Ballot.objects.create(motion=motion, member=member, choice=choice), "yes", "no")

    assert sorted(type(o).__name__ for o in outcomes) == ["Ballot", "IntegrityError"]
    assert isinstance([o for o in outcomes if not isinstance(o, Ballot)][0], IntegrityError)
    assert Ballot.objects.filter(motion=motion).count() == 1


def test_two_concurrent_changes_of_one_ballot_leave_one_current_row_and_a_chain():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    member = voters(session)[0]
    attend(session, [member])
    first = polls.cast_ballot(motion=motion, member=member, choice=Ballot.Choice.YES)

    outcomes = race(
        lambda choice: polls.change_ballot(motion=motion, member=member, choice=choice, reason=f"Now {choice}."),
        Ballot.Choice.NO,
        Ballot.Choice.ABSTAIN,
    )

    # The motion's lock puts the two changes one after the other: each supersedes the row before.
    assert sorted(type(o).__name__ for o in outcomes) == ["Ballot", "Ballot"]
    rows = list(Ballot.objects.filter(motion=motion).order_by("cast_at"))
    assert [r.superseded_at is None for r in rows] == [False, False, True]
    assert [r.supersedes_id for r in rows] == [None, first.pk, rows[1].pk]
    assert {rows[1].choice, rows[2].choice} == {Ballot.Choice.NO, Ballot.Choice.ABSTAIN}
    assert Ballot.objects.filter(motion=motion).current().get() == rows[2]
