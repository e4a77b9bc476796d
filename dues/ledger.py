"""Dues rules: assessments, payments, allocation, arrears and the voting rights that follow.

Sources: the Dues Regulation (made 2016-09-28, amended 2017-09-26) and the Charter arts. 7,
9(1) and 15(2), in the appendix of the Annual Report 2018 (seed 003). Every function that
depends on time takes the date as an argument. A ledger is computed from the records each
time (payments are allocated to the oldest open fiscal year first), never stored, so a
payment or waiver entered late changes every standing it should and no other.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import roles
from dues.models import Assessment, AssessmentPeriod, Currency, DuesDecision, DuesRate, Payment, Waiver
from dues.querysets import last_overdue_fiscal_year
from members.models import MemberGovernment, MembershipType

# The group the roles create (core/roles.py); dues.admin lets only it (and
# superusers) change dues records.
FINANCE_OFFICER_GROUP = roles.FINANCE
# Dates the finance views and commands accept: the rules scan the fiscal years up to a date,
# so an address asking for the year 9999 is refused rather than computed.
LAST_SUPPORTED_YEAR = 2100
CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def is_finance_officer(user) -> bool:
    """Superusers and members of the "Finance officer" group."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=FINANCE_OFFICER_GROUP).exists())


def due_date(fiscal_year: int) -> datetime.date:
    """Dues Regulation art. 5(2): a fiscal year's dues are paid by the end of April of that year."""
    return datetime.date(fiscal_year, 4, 30)


# --- Assessments --------------------------------------------------------------------------


def rate_for(fiscal_year: int) -> DuesRate | None:
    """The rate in force for a fiscal year: the latest set from that year or before (art. 5(1), 5(3))."""
    rates = DuesRate.objects.select_related("decision").filter(from_fiscal_year__lte=fiscal_year)
    return rates.order_by("-from_fiscal_year").first()


def period_for(fiscal_year: int) -> AssessmentPeriod | None:
    """The decided period that makes a fiscal year payable, if any.

    Since 2017 the first payment was deferred (11th Working Committee), then the implementation
    of the payment system (12th General Assembly): a year is assessed only once a decision says so.
    """
    return (
        AssessmentPeriod.objects.select_related("decision")
        .filter(first_fiscal_year__lte=fiscal_year)
        .exclude(last_fiscal_year__lt=fiscal_year)
        .first()
    )


def assessable_members(fiscal_year: int, *, include_associates: bool = False):
    """Governments that owe dues for ``fiscal_year``.

    Dues Regulation art. 5(2): a government admitted in year Y pays from Y+1, so it owes for
    Y when it was a member on 31 December of Y-1 and still is on 1 January of Y (the same
    holds when an associate member becomes a member). Associate members are assessed only
    when the period's decision says so.
    """
    types = [MembershipType.MEMBER] + ([MembershipType.ASSOCIATE] if include_associates else [])
    before = MemberGovernment.objects.with_type_on(datetime.date(fiscal_year - 1, 12, 31)).filter(type_on__in=types)
    start = MemberGovernment.objects.with_type_on(datetime.date(fiscal_year, 1, 1)).filter(type_on__in=types)
    return MemberGovernment.objects.filter(pk__in=before.values("pk")).filter(pk__in=start.values("pk"))


@transaction.atomic
def assess_fiscal_year(*, fiscal_year: int) -> list[Assessment]:
    """Create the missing assessments of a fiscal year; return those created.

    Idempotent: a second run creates nothing. The year must lie in a decided assessment
    period and have a rate.
    """
    period = period_for(fiscal_year)
    if period is None:
        raise ValidationError(
            _("No decision makes fiscal year %(year)s payable; record an assessment period first.")
            % {"year": fiscal_year}
        )
    rate = rate_for(fiscal_year)
    if rate is None:
        raise ValidationError(_("No dues rate is in force for fiscal year %(year)s.") % {"year": fiscal_year})
    assessed = Assessment.objects.for_fiscal_year(fiscal_year).values("member_id")
    members = assessable_members(fiscal_year, include_associates=period.includes_associate_members)
    # Lock the governments, so two concurrent runs cannot both create; the unique constraint
    # is the final guard.
    created = []
    for member in members.exclude(pk__in=assessed).select_for_update().order_by("pk"):
        assessment = Assessment(
            member=member, fiscal_year=fiscal_year, amount_usd=rate.amount_usd, rate=rate, period=period
        )
        assessment.full_clean()
        assessment.save()
        created.append(assessment)
    return created


# --- Payments and waivers -----------------------------------------------------------------


@transaction.atomic
def record_payment(
    *,
    member: MemberGovernment,
    paid_on: datetime.date,
    amount: Decimal,
    bank_reference: str,
    currency: str = Currency.KRW,
    exchange_rate: Decimal | None = None,
    note: str = "",
) -> Payment:
    """Record a payment as the bank credited it; the dollars credited follow from the rate.

    A payment in won needs the exchange rate the finance officer applies; one in dollars has 1.
    """
    payment = Payment(
        member=member,
        paid_on=paid_on,
        amount=Decimal(amount),
        currency=currency,
        exchange_rate=Decimal(1) if exchange_rate is None and currency == Currency.USD else exchange_rate,
        bank_reference=bank_reference.strip(),
        note=note,
    )
    payment.full_clean()
    payment.save()
    return payment


@transaction.atomic
def reverse_payment(*, payment: Payment, reversed_on: datetime.date, reason: str) -> Payment:
    """Take a payment out of the books from ``reversed_on`` (a returned transfer); never delete it."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.reversed_on is not None:
        raise ValidationError(_("This payment was already reversed."))
    payment.reversed_on = reversed_on
    payment.reversal_reason = reason
    payment.full_clean()
    payment.save(update_fields=["reversed_on", "reversal_reason"])
    return payment


@transaction.atomic
def grant_waiver(
    *, assessment: Assessment, amount_usd: Decimal, granted_on: datetime.date, reason: str, decision: DuesDecision
) -> Waiver:
    """Waive or reduce a year's dues (Charter art. 15(2)4: natural disasters, by consultation)."""
    Assessment.objects.select_for_update().filter(pk=assessment.pk).get()
    waiver = Waiver(
        assessment=assessment, amount_usd=Decimal(amount_usd), granted_on=granted_on, reason=reason, decision=decision
    )
    waiver.full_clean()
    waiver.save()
    return waiver


# --- Ledger: allocation and arrears -------------------------------------------------------


@dataclass(frozen=True)
class YearBalance:
    """One fiscal year of a member's ledger on a date."""

    assessment: Assessment
    assessed: Decimal
    waived: Decimal
    paid: Decimal
    balance: Decimal
    overdue: bool

    @property
    def fiscal_year(self) -> int:
        return self.assessment.fiscal_year

    @property
    def net(self) -> Decimal:
        return self.assessed - self.waived

    @property
    def due_on(self) -> datetime.date:
        return due_date(self.fiscal_year)

    @property
    def in_arrears(self) -> bool:
        return self.overdue and self.balance > 0

    @property
    def status(self) -> str:
        """``paid``, ``waived`` (in full), ``arrears`` (past 30 April, unpaid) or ``open`` (not yet due)."""
        if self.balance == 0:
            return "waived" if self.waived == self.assessed else "paid"
        return "arrears" if self.overdue else "open"


@dataclass(frozen=True)
class Ledger:
    """A member's dues on a date: each assessed year with payments allocated oldest first."""

    member: MemberGovernment
    on: datetime.date
    years: list[YearBalance]
    payments: list[Payment]
    credit: Decimal

    @property
    def arrears(self) -> list[YearBalance]:
        """Assessed years whose 30 April has passed and whose balance is above zero."""
        return [year for year in self.years if year.in_arrears]

    @property
    def arrears_usd(self) -> Decimal:
        return sum((year.balance for year in self.arrears), ZERO)

    @property
    def balance_usd(self) -> Decimal:
        """Everything assessed and not yet paid or waived, due or not."""
        return sum((year.balance for year in self.years), ZERO)

    @property
    def paid_usd(self) -> Decimal:
        return sum((payment.amount_usd for payment in self.payments), ZERO)

    @property
    def last_payment(self) -> Payment | None:
        return self.payments[-1] if self.payments else None

    def year(self, fiscal_year: int) -> YearBalance | None:
        return next((year for year in self.years if year.fiscal_year == fiscal_year), None)

    def paid_during(self, fiscal_year: int) -> Decimal:
        """Dollars credited by payments made within the fiscal year (still in the books)."""
        return sum((p.amount_usd for p in self.payments if p.paid_on.year == fiscal_year), ZERO)


def rows(record, relation: str) -> list:
    """``record``'s rows of ``relation``: the list ``with_dues_records`` prefetched (``listed_<relation>``),
    else read from the database now."""
    listed = getattr(record, f"listed_{relation}", None)
    return listed if listed is not None else list(getattr(record, relation).all())


def ledger(member: MemberGovernment, *, on: datetime.date) -> Ledger:
    """The member's dues on ``on``, from its records (prefetch with ``dues.querysets.with_dues_records``).

    Payments count from their date until a reversal; waivers from the day granted. Money is
    allocated to the oldest open fiscal year first; what is left is credit carried forward.
    """
    payments = sorted((p for p in rows(member, "dues_payments") if p.counts_on(on)), key=lambda p: (p.paid_on, p.pk))
    years, credit = allocate(rows(member, "assessments"), credited=sum((p.amount_usd for p in payments), ZERO), on=on)
    return Ledger(member=member, on=on, years=years, payments=payments, credit=credit)


def allocate(assessments, *, credited: Decimal, on: datetime.date) -> tuple[list[YearBalance], Decimal]:
    """``credited`` dollars allocated to ``assessments`` oldest year first: (years, credit left).

    Each assessment's waivers granted by ``on`` come from its prefetched ``waivers``, or from
    ``waived_on`` when the query annotated their sum.

    A year's balance depends only on the years before it and the total credited, so the
    balance of one year needs only the assessments up to that year (``dues.reports``).
    """
    remaining = credited
    years = []
    for assessment in sorted(assessments, key=lambda a: a.fiscal_year):
        waived = getattr(assessment, "waived_on", None)  # summed in SQL for ``on`` (dues.reports)
        if waived is None:
            waived = sum((w.amount_usd for w in rows(assessment, "waivers") if w.granted_on <= on), ZERO)
        net = max(assessment.amount_usd - waived, ZERO)
        paid = min(net, remaining)
        remaining -= paid
        years.append(
            YearBalance(
                assessment=assessment,
                assessed=assessment.amount_usd,
                waived=min(waived, assessment.amount_usd),
                paid=paid,
                balance=net - paid,
                overdue=assessment.fiscal_year <= last_overdue_fiscal_year(on),
            )
        )
    return years, remaining


def arrears(member: MemberGovernment, *, on: datetime.date) -> list[YearBalance]:
    """Fiscal years in arrears on ``on``: assessed, past 30 April, balance above zero."""
    return ledger(member, on=on).arrears


def _restored_in(member: MemberGovernment, fiscal_year: int, on: datetime.date) -> bool:
    """Dues Regulation art. 6, second sentence: the member resumed paying in ``fiscal_year``.

    Read as: that year's dues paid in full. Payments go to the oldest open year, so "paid in
    full" is measured by what the member paid within the year: the year is assessed and the
    payments made in it cover its dues after waivers. A member that owes nothing for any year
    up to this one is restored as well.
    """
    books = ledger(member, on=on)
    owed = [year for year in books.years if year.fiscal_year <= fiscal_year]
    if all(year.balance == 0 for year in owed):
        return True
    current = books.year(fiscal_year)
    return current is not None and books.paid_during(fiscal_year) >= current.net


def is_restricted(member: MemberGovernment, *, on: datetime.date) -> bool:
    """Dues Regulation art. 6: voting rights (Charter art. 9(1)) and office rights (art. 7) restricted.

    A member with two or more fiscal years in arrears loses them; it regains them from the
    fiscal year in which it resumes paying (``_restored_in``) and not before. The count of
    years in arrears rises only on a 1 May, so a restriction starts on 1 May of an assessed
    year (a trigger); the member is restricted while its latest trigger is followed by no
    restoration in that year or a later one (a restoration after the latest trigger follows
    every earlier one too). The same rule as ``dues.querysets.dues_restricted``.
    """
    years = sorted({a.fiscal_year for a in rows(member, "assessments")}, reverse=True)
    triggers = (year for year in years if datetime.date(year, 5, 1) <= on)
    latest = next((year for year in triggers if len(arrears(member, on=datetime.date(year, 5, 1))) >= 2), None)
    if latest is None:
        return False
    return not any(
        _restored_in(member, year, min(on, datetime.date(year, 12, 31))) for year in range(latest, on.year + 1)
    )


def has_voting_rights(member: MemberGovernment, *, on: datetime.date, restricted: bool | None = None) -> bool:
    """Charter art. 9(1): a full member on ``on`` and not restricted; the rule of ``voting_members(on)``.

    ``restricted``: ``is_restricted(member, on=on)``, when the caller has already worked it out.
    """
    from members.membership import type_on

    if type_on(member, on) != MembershipType.MEMBER:
        return False
    return not (is_restricted(member, on=on) if restricted is None else restricted)


def eligible_for_office(member: MemberGovernment, *, on: datetime.date) -> bool:
    """Charter art. 7(3): electing or being elected chair or auditor follows the vote (Dues Regulation art. 6).

    The rule of ``dues.querysets.eligible_for_office``.
    """
    return has_voting_rights(member, on=on)
