"""Meeting cost shares (Charter art. 15(2)2): half to the host, the rest in equal shares, shortfall to the host."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from dues.costs import meeting_cost_shares
from dues.models import MeetingCost
from events.models import Event, Participation
from members.models import MemberGovernment
from tests.dues.factories import D

pytestmark = pytest.mark.django_db


def session(*, start=D(2022, 9, 20), kind="general_assembly", host_slug="gyeongsangbuk", participants=()):
    event = Event.objects.create(kind=kind, title_en="Test session", slug=f"test-session-{kind}", start_date=start)
    host = MemberGovernment.objects.get(slug=host_slug)
    event.hosts.add(host)
    for member in participants:
        Participation.objects.create(event=event, member=member)
    return event, host


def others(host, count):
    return list(MemberGovernment.objects.members_on(D(2022, 9, 20)).exclude(pk=host.pk).order_by("slug")[:count])


def test_all_other_members_taking_part_pay_c_over_d_and_the_host_half():
    host = MemberGovernment.objects.get(slug="gyeongsangbuk")
    event, host = session(participants=others(host, 78))
    cost = MeetingCost.objects.create(event=event, host=host, total_cost=Decimal("156000.00"), currency="USD")
    shares = meeting_cost_shares(cost)
    assert (shares.host_half, shares.others_half, shares.other_members) == (
        Decimal("78000.00"),
        Decimal("78000.00"),
        78,
    )
    assert (shares.share, len(shares.payers), shares.shortfall, shares.rounding) == (
        Decimal("1000.00"),
        78,
        Decimal("0.00"),
        Decimal("0.00"),
    )
    assert shares.host_total == Decimal("78000.00")


def test_when_fewer_take_part_the_host_bears_the_shortfall():
    host = MemberGovernment.objects.get(slug="gyeongsangbuk")
    event, host = session(participants=others(host, 28))
    cost = MeetingCost.objects.create(event=event, host=host, total_cost=Decimal("156000.00"), currency="USD")
    shares = meeting_cost_shares(cost)
    assert (shares.share, len(shares.payers)) == (Decimal("1000.00"), 28)
    assert shares.shortfall == Decimal("50000.00")  # 50 absent members x 1,000
    assert shares.host_total == Decimal("128000.00")
    assert shares.host_total + shares.collected_from_others == cost.total_cost


def test_shares_round_down_to_the_currency_unit_and_the_remainder_falls_to_the_host():
    host = MemberGovernment.objects.get(slug="gyeongsangbuk")
    event, host = session(participants=others(host, 10))
    cost = MeetingCost.objects.create(event=event, host=host, total_cost=Decimal("100000001"), currency="KRW")
    shares = meeting_cost_shares(cost)
    # B = 50,000,000 (rounded down); C = 50,000,001; C/D = 641,025.65... -> 641,025 won each.
    assert (shares.host_half, shares.others_half, shares.share) == (
        Decimal("50000000"),
        Decimal("50000001.00"),
        Decimal("641025"),
    )
    assert shares.rounding == Decimal("51.00")  # 50,000,001 - 78 x 641,025
    assert shares.shortfall == Decimal("641025") * 68
    assert shares.host_total + shares.collected_from_others == cost.total_cost


def test_associate_members_observers_and_the_host_are_not_among_the_other_members():
    hcmc = MemberGovernment.objects.get(slug="ho-chi-minh-city")
    host = MemberGovernment.objects.get(slug="gyeongsangbuk")
    event, host = session(participants=[hcmc, *others(host, 2)])
    cost = MeetingCost.objects.create(event=event, host=host, total_cost=Decimal("1000.00"), currency="USD")
    shares = meeting_cost_shares(cost)
    assert shares.other_members == 78
    assert hcmc not in shares.payers and len(shares.payers) == 2


def test_costs_are_shared_only_for_assembly_and_working_committee_sessions_by_their_host():
    event, host = session(kind="forum")
    cost = MeetingCost(event=event, host=host, total_cost=Decimal("1000.00"))
    with pytest.raises(ValidationError, match="only for General Assembly and Working Committee"):
        cost.full_clean()
    event, _host = session(kind="working_committee")
    stranger = MemberGovernment.objects.get(slug="hyogo")
    with pytest.raises(ValidationError, match="one of the session's host governments"):
        MeetingCost(event=event, host=stranger, total_cost=Decimal("1000.00")).full_clean()
