"""One bank transfer, one payment: references are compared without case, spaces and dashes (issue 13, point 6)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dues.models import Payment, normalise_reference
from tests.dues.factories import D, make_member, pay

pytestmark = pytest.mark.django_db

DUPLICATE = "A payment with this bank reference is already recorded."


@pytest.mark.parametrize("written", ["SEC REF 0001", "SEC\u2010REF\u20100001", "Sec\u2013Ref 0001", "sec_ref_0001"])
def test_a_reference_written_another_way_is_the_same_payment(written):
    member = make_member("payer")
    pay(member, D(2022, 3, 1), "10.00", reference="sec-ref-0001")
    with pytest.raises(ValidationError) as error:
        pay(member, D(2022, 3, 2), "10.00", reference=written)
    assert error.value.messages == [DUPLICATE]
    assert Payment.objects.count() == 1


def test_the_database_refuses_the_duplicate_even_without_the_form():
    member = make_member("payer")
    first = pay(member, D(2022, 3, 1), "10.00", reference="sec-ref-0001")
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.create(
            member=member,
            paid_on=first.paid_on,
            amount=first.amount,
            currency="USD",
            exchange_rate=1,
            amount_usd=first.amount_usd,
            bank_reference="SEC\u2011REF 0001",
        )


def test_different_references_stay_different():
    member = make_member("payer")
    pay(member, D(2022, 3, 1), "10.00", reference="sec-ref-0001")
    pay(member, D(2022, 3, 1), "10.00", reference="sec-ref-0010")
    assert Payment.objects.count() == 2
    assert normalise_reference("sec‐ref 0001") == "SECREF0001"
