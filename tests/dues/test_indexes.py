"""The restriction's SQL sums a member's payments from the index ``payment_member_paid_on`` alone."""

import datetime

import pytest
from django.db import connection

from dues.querysets import _restricted_sql
from tests.dues.factories import D, assess, make_member, pay

pytestmark = pytest.mark.django_db


def test_the_restriction_sums_payments_from_their_index_alone():
    member = make_member("indexed-payer")
    assess(member, 2019, 2020, 2021)
    for year in (2019, 2020):
        pay(member, D(year, 3, 1), "1000.00")
    with connection.cursor() as cursor:
        # The test tables are small enough to read whole: forbid it, as 100x the record would.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + _restricted_sql(), [datetime.date(2022, 6, 1)])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using payment_member_paid_on on dues_payment" in plan, plan
    assert "dues_payment_member_id" not in plan  # the foreign key's own index is gone: this one serves
