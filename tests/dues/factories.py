"""Small factories for the dues tests: governments, decisions, periods, assessments, payments."""

import datetime
import itertools
from decimal import Decimal

from dues.ledger import grant_waiver, record_payment
from dues.models import Assessment, AssessmentPeriod, DuesDecision, DuesRate
from members.membership import admit_member
from members.models import Country, MemberGovernment

_references = itertools.count(1)
D = datetime.date


def make_member(slug, *, admitted_on=D(2010, 1, 1), country="KR", associate=False):
    """A government admitted on ``admitted_on`` (a member, or an associate member)."""
    country = Country.objects.get(code=country)
    member = MemberGovernment.objects.create(
        name=f"Test {slug}", name_en=f"Test {slug}", slug=slug, country=country, kind="province"
    )
    admit_member(member=member, on=admitted_on, associate=associate)
    return member


def make_decision(slug="test-assessment-decision", *, kind="assessment", on=D(2019, 10, 1)):
    return DuesDecision.objects.create(
        slug=slug, body="general_assembly", session_number=99, decided_on=on, kind=kind, title_en=f"Test {slug}"
    )


def open_period(first=2019, last=None, *, associates=False):
    """An assessment period decided by a (test) General Assembly."""
    return AssessmentPeriod.objects.create(
        first_fiscal_year=first,
        last_fiscal_year=last,
        includes_associate_members=associates,
        decision=make_decision(f"test-period-{first}"),
    )


def assess(member, *years, amount="1000.00"):
    """Assessments for ``years`` straight in the database (the rules tests need no generation run)."""
    period = AssessmentPeriod.objects.order_by("first_fiscal_year").first() or open_period(first=2017)
    rate = DuesRate.objects.get(from_fiscal_year=2017)
    return [
        Assessment.objects.create(member=member, fiscal_year=year, amount_usd=Decimal(amount), rate=rate, period=period)
        for year in years
    ]


def pay(member, on, usd, reference=None):
    """A payment in US dollars."""
    return record_payment(
        member=member,
        paid_on=on,
        amount=Decimal(usd),
        currency="USD",
        bank_reference=reference or f"TEST-{next(_references)}",
    )


def pay_won(member, on, won, rate, reference=None):
    """A payment in Korean won at ``rate`` won per dollar."""
    return record_payment(
        member=member,
        paid_on=on,
        amount=Decimal(won),
        currency="KRW",
        exchange_rate=Decimal(rate),
        bank_reference=reference or f"TEST-{next(_references)}",
    )


def waive(assessment, usd, on, reason="Earthquake damage"):
    decision = DuesDecision.objects.filter(kind="waiver").first() or make_decision("test-waiver", kind="waiver", on=on)
    return grant_waiver(assessment=assessment, amount_usd=Decimal(usd), granted_on=on, reason=reason, decision=decision)
