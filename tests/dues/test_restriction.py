"""The voting-rights restriction (Dues Regulation art. 6): the queryset used for eligibility and
the function for one member give the same answer on many generated ledgers and dates."""

import random
from decimal import Decimal

import pytest

from dues.ledger import arrears, has_voting_rights, is_restricted
from dues.models import Payment, Waiver
from dues.querysets import dues_restricted, eligible_for_office, voting_members, with_dues_records
from members.models import MemberGovernment
from tests.dues.factories import D, assess, make_decision, make_member

pytestmark = pytest.mark.django_db

AMOUNTS = ["1000.00", "1000.00", "500.00", "250.00", "1500.00", "2000.00", "999.99", "0.01"]


def random_day(rng, year):
    """Mostly the days where the rules change (30 April, 1 May, 31 December, 1 January)."""
    if rng.random() < 0.5:
        return rng.choice([D(year, 1, 1), D(year, 4, 30), D(year, 5, 1), D(year, 12, 31)])
    return D(year, rng.randint(1, 12), rng.randint(1, 28))


def generate_ledgers(rng, count):
    """``count`` governments with random assessments (2018-2024), payments, reversals and waivers.

    Written in bulk (the database constraints still check every row): the rules under test
    read the records, however they were written.
    """
    members, payments, waivers = [], [], []
    decision = make_decision("generated-waivers", kind="waiver")
    for number in range(count):
        member = make_member(f"generated-{number}", admitted_on=D(rng.choice([2010, 2017, 2019]), 6, 1))
        # Before 2021 some members pay a lower rate (as if a decision had changed it).
        old_rate = rng.choice(["1000.00", "800.00", "600.00"])
        years = sorted(rng.sample(range(2018, 2025), rng.randint(0, 7)))
        assessments = [
            assessment
            for year in years
            for assessment in assess(member, year, amount=old_rate if year < 2021 else "1000.00")
        ]
        for _ in range(rng.randint(0, 7)):
            paid_on = random_day(rng, rng.randint(2018, 2025))
            amount = Decimal(rng.choice(AMOUNTS))
            reversed_on = random_day(rng, paid_on.year + 1) if rng.random() < 0.1 else None
            payments.append(
                Payment(
                    member=member,
                    paid_on=paid_on,
                    amount=amount,
                    currency="USD",
                    exchange_rate=Decimal(1),
                    amount_usd=amount,
                    bank_reference=f"GEN-{number}-{len(payments)}",
                    reversed_on=reversed_on,
                    reversal_reason="Returned" if reversed_on else "",
                )
            )
        for assessment in assessments:
            if rng.random() < 0.15:
                amount = rng.choice([assessment.amount_usd, assessment.amount_usd / 2, Decimal("100.00")])
                granted_on = random_day(rng, rng.randint(assessment.fiscal_year, 2025))
                waivers.append(
                    Waiver(
                        assessment=assessment,
                        amount_usd=amount,
                        granted_on=granted_on,
                        reason="Flood",
                        decision=decision,
                    )
                )
        members.append(member)
    Payment.objects.bulk_create(payments)
    Waiver.objects.bulk_create(waivers)
    return members


def check_dates(rng):
    fixed = [D(year, month, day) for year in range(2018, 2027) for month, day in ((1, 1), (4, 30), (5, 1), (12, 31))]
    return fixed + [random_day(rng, rng.randint(2018, 2026)) for _ in range(20)]


@pytest.mark.parametrize("seed", [7, 96, 2018])
def test_the_restriction_queryset_and_function_agree_on_every_member_and_date(seed):
    rng = random.Random(seed)
    generated = generate_ledgers(rng, 30)
    ids = [member.pk for member in generated]
    members = list(with_dues_records(MemberGovernment.objects.filter(pk__in=ids)).prefetch_related("membership_events"))
    seen = {"restricted": 0, "restored_with_two_years_in_arrears": 0, "restricted_with_fewer_than_two": 0}
    for on in check_dates(rng):
        in_sql = set(dues_restricted(MemberGovernment.objects.filter(pk__in=ids), on=on).values_list("pk", flat=True))
        in_python = {member.pk for member in members if is_restricted(member, on=on)}
        assert in_sql == in_python, on
        voting_sql = set(
            voting_members(on=on, members=MemberGovernment.objects.filter(pk__in=ids)).values_list("pk", flat=True)
        )
        voting_python = {member.pk for member in members if has_voting_rights(member, on=on)}
        assert voting_sql == voting_python, on
        for member in members:
            count = len(arrears(member, on=on))
            restricted = member.pk in in_python
            seen["restricted"] += restricted
            seen["restored_with_two_years_in_arrears"] += not restricted and count >= 2
            seen["restricted_with_fewer_than_two"] += restricted and count < 2
    # The generated ledgers reach every branch of the rule, not only the easy ones.
    assert min(seen.values()) > 0, seen


def test_voting_members_leaves_out_a_restricted_member_and_eligibility_for_office_follows():
    member = make_member("in-arrears")
    assess(member, 2020, 2021)
    voting_before = voting_members(on=D(2021, 4, 30))
    voting_after = voting_members(on=D(2021, 5, 1))
    assert member in voting_before
    assert member not in voting_after
    assert voting_after.count() == voting_before.count() - 1
    assert list(eligible_for_office(on=D(2021, 5, 1))) == list(voting_after)
    assert list(dues_restricted(MemberGovernment.objects.all(), on=D(2021, 5, 1))) == [member]


def test_with_the_real_data_every_member_holds_its_vote():
    """No assessment is recorded (payment deferred in 2017, suspended in 2018): no restriction."""
    assert voting_members(on=D(2018, 10, 29)).count() == 78
    assert voting_members(on=D(2021, 8, 10)).count() == 79
    assert dues_restricted(MemberGovernment.objects.all(), on=D(2030, 1, 1)).count() == 0


def test_voting_members_is_one_query(django_assert_num_queries):
    member = make_member("counted")
    assess(member, 2020, 2021)
    with django_assert_num_queries(1):
        assert len(list(voting_members(on=D(2022, 1, 1)))) == 79
