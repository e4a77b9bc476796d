"""One ballot per member per motion, even when two submissions race in two transactions."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection

from assemblies import polls
from assemblies.models import Ballot, DecisionKind
from members.models import MemberGovernment
from tests.assemblies.factories import attend, make_motion, make_session, voters

pytestmark = pytest.mark.django_db(transaction=True)


def load_real_data_if_emptied():
    ContentType.objects.clear_cache()
    if not MemberGovernment.objects.exists():
        call_command("load_near_data", verbosity=0)


@pytest.fixture(scope="module", autouse=True)
def real_data_restored(django_db_blocker):
    """A transactional test ends by emptying the database: reload the real data for the tests after this module."""
    yield
    with django_db_blocker.unblock():
        load_real_data_if_emptied()


@pytest.fixture(autouse=True)
def real_data(transactional_db):
    """The real data, reloaded if an earlier transactional test emptied the database."""
    load_real_data_if_emptied()


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
