"""The dues invariants hold in the database itself, not only in forms and rule functions."""

import inspect
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from core.audit import is_history_model
from dues import models as dues_models
from dues.models import (
    DUES_MODELS,
    Assessment,
    AssessmentPeriod,
    DuesBudget,
    DuesRate,
    Expenditure,
    Payment,
    Settlement,
)
from tests.dues.factories import (
    D,
    assess,
    make_decision,
    make_member,
    open_period,
    pay,
    pay_won,
)

pytestmark = pytest.mark.django_db


def raises_integrity_error():
    return pytest.raises(IntegrityError)


def test_a_duplicate_bank_reference_is_rejected_by_the_database():
    member = make_member("twice")
    pay(member, D(2022, 3, 1), "1000.00", reference="KB-2022-0001")
    duplicate = Payment(
        member=member,
        paid_on=D(2022, 3, 2),
        amount=Decimal("5.00"),
        currency="USD",
        exchange_rate=Decimal(1),
        bank_reference="KB-2022-0001",
    )
    with transaction.atomic(), raises_integrity_error() as error:
        duplicate.save()
    assert "payment_unique_bank_reference" in str(error.value)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict == {"bank_reference": ["A payment with this bank reference is already recorded."]}


def test_one_assessment_per_member_and_fiscal_year_in_the_database():
    member = make_member("assessed-twice")
    (first,) = assess(member, 2022)
    with transaction.atomic(), raises_integrity_error():
        Assessment.objects.create(
            member=member, fiscal_year=2022, amount_usd=Decimal("1.00"), rate=first.rate, period=first.period
        )


def test_the_dollars_credited_always_match_the_amount_at_the_rate():
    payment = pay_won(make_member("at-rate"), D(2022, 3, 1), "1300000", "1305.50")
    with transaction.atomic(), raises_integrity_error() as error:
        Payment.objects.filter(pk=payment.pk).update(amount_usd=Decimal("1000.00"))
    assert "payment_usd_credited_at_rate" in str(error.value)


def test_won_are_whole_and_dollars_have_the_rate_one_in_the_database():
    payment = pay_won(make_member("whole-won"), D(2022, 3, 1), "1300000", "1300")
    with transaction.atomic(), raises_integrity_error():
        Payment.objects.filter(pk=payment.pk).update(amount=Decimal("1300000.50"), amount_usd=Decimal("1000.00"))
    dollars = pay(make_member("dollars"), D(2022, 3, 1), "10.00")
    with transaction.atomic(), raises_integrity_error():
        Payment.objects.filter(pk=dollars.pk).update(exchange_rate=Decimal(2), amount_usd=Decimal("5.00"))


def test_a_reversal_needs_a_reason_and_cannot_precede_the_payment():
    payment = pay(make_member("reversed"), D(2022, 3, 1), "10.00")
    with transaction.atomic(), raises_integrity_error():
        Payment.objects.filter(pk=payment.pk).update(reversed_on=D(2022, 3, 2))
    with transaction.atomic(), raises_integrity_error():
        Payment.objects.filter(pk=payment.pk).update(reversed_on=D(2022, 2, 28), reversal_reason="Returned")


def test_assessment_periods_never_overlap():
    open_period(first=2019, last=2021)
    with transaction.atomic(), raises_integrity_error():
        open_period(first=2021)
    open_period(first=2022)
    assert list(AssessmentPeriod.objects.values_list("first_fiscal_year", "last_fiscal_year")) == [
        (2019, 2021),
        (2022, None),
    ]


def test_nothing_is_assessed_or_rated_before_the_regime_of_2017():
    decision = make_decision()
    with transaction.atomic(), raises_integrity_error():
        DuesRate.objects.create(from_fiscal_year=2016, amount_usd=Decimal("1000.00"), decision=decision)


def test_spending_outside_the_budget_needs_the_chairs_permission():
    budget = DuesBudget.objects.create(fiscal_year=2023)
    with transaction.atomic(), raises_integrity_error():
        Expenditure.objects.create(
            budget=budget, spent_on=D(2023, 3, 1), amount_usd=Decimal("50.00"), description="Courier", voucher="V-1"
        )
    Expenditure.objects.create(
        budget=budget,
        spent_on=D(2023, 3, 1),
        amount_usd=Decimal("50.00"),
        description="Courier",
        voucher="V-1",
        chair_permitted_on=D(2023, 2, 27),
    )


def test_a_settlement_is_audited_with_a_dated_result():
    with transaction.atomic(), raises_integrity_error():
        Settlement.objects.create(fiscal_year=2023, prepared_on=D(2024, 5, 20), audited_on=D(2024, 6, 1))
    settlement = Settlement.objects.create(
        fiscal_year=2023, prepared_on=D(2024, 6, 3), audited_on=D(2024, 7, 1), audit_result_en="Accounts in order."
    )
    assert settlement.prepared_late is True


def test_dues_models_lists_every_model_of_the_dues_module():
    defined = {
        obj
        for _name, obj in inspect.getmembers(dues_models, inspect.isclass)
        if issubclass(obj, models.Model) and obj.__module__ == dues_models.__name__ and not is_history_model(obj)
    }
    assert set(DUES_MODELS) == defined
    assert len(DUES_MODELS) == 11
