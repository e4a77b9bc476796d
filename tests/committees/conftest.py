"""Small factories for the committee tests."""

import datetime

import pytest

from committees.models import Committee, CoordinatorTerm
from events.models import Event
from members.models import MemberGovernment


@pytest.fixture
def member():
    """Look a member government of the real data up by slug."""
    return lambda slug: MemberGovernment.objects.get(slug=slug)


@pytest.fixture
def make_committee():
    counter = iter(range(1, 10_000))

    def make(*, established_on=datetime.date(2010, 1, 1), **fields):
        n = next(counter)
        fields.setdefault("name_en", f"Test Committee {n}")
        fields.setdefault("slug", f"test-committee-{n}")
        return Committee.objects.create(established_on=established_on, **fields)

    return make


@pytest.fixture
def make_term():
    def make(committee, member, started_on=None, ended_on=None):
        return CoordinatorTerm.objects.create(
            committee=committee,
            member=member,
            started_on=started_on,
            start_precision="day" if started_on else "",
            ended_on=ended_on,
            end_precision="day" if ended_on else "",
        )

    return make


@pytest.fixture
def make_event():
    counter = iter(range(1, 10_000))

    def make(committee, start_date, end_date=None, kind=Event.Kind.COMMITTEE_MEETING, published=True):
        n = next(counter)
        return Event.objects.create(
            kind=kind,
            title_en=f"Test meeting {n}",
            slug=f"test-meeting-{n}",
            start_date=start_date,
            end_date=end_date,
            committee=committee,
            published=published,
        )

    return make
