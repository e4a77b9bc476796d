"""Cost of the dues restriction in SQL (dues.querysets.voting_members) and in Python, on a large ledger (run by hand).

    DJANGO_DEBUG=1 .venv/bin/python bench/dues_restriction.py [--members 800] [--years 10]

Adds ``--members`` governments, each assessed for ``--years`` fiscal years from 2017 with a
few random payments, inside a transaction that is rolled back at the end (the database is
left as it was). Then times, for one date: ``voting_members(on)`` (one SQL query, used for
eligibility), the Python rule for every member from prefetched records, and the dues
statement PDF. It needs the database running (`make setup` starts it).
"""

import argparse
import datetime
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_RATE_LIMITS", "0")  # one client asking over and over: not a visitor to limit

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from dues.ledger import is_restricted  # noqa: E402
from dues.models import Assessment, AssessmentPeriod, DuesDecision, DuesRate, Payment  # noqa: E402
from dues.querysets import voting_members, with_dues_records  # noqa: E402
from members.models import Country, MemberGovernment, MembershipEvent  # noqa: E402


class Rollback(Exception):
    pass


def populate(members, years, rng):
    decision = DuesDecision.objects.create(
        slug="bench-decision",
        body="general_assembly",
        decided_on=datetime.date(2016, 9, 28),
        kind="assessment",
        title_en="Bench",
    )
    period = AssessmentPeriod.objects.create(first_fiscal_year=2017, decision=decision)
    rate = DuesRate.objects.get(from_fiscal_year=2017)
    country = Country.objects.get(code="RU")
    governments = MemberGovernment.objects.bulk_create(
        MemberGovernment(name=f"Bench {n}", name_en=f"Bench {n}", slug=f"bench-{n}", country=country, kind="oblast")
        for n in range(members)
    )
    MembershipEvent.objects.bulk_create(
        MembershipEvent(
            member=g, kind="admitted", membership_type="member", date=datetime.date(2010, 1, 1), date_precision="day"
        )
        for g in governments
    )
    Assessment.objects.bulk_create(
        Assessment(member=g, fiscal_year=2017 + y, amount_usd=Decimal("1000.00"), rate=rate, period=period)
        for g in governments
        for y in range(years)
    )
    payments = []
    for g in governments:
        for _ in range(rng.randint(0, years)):
            day = datetime.date(rng.randint(2017, 2016 + years), rng.randint(1, 12), rng.randint(1, 28))
            amount = Decimal(rng.choice(["1000.00", "500.00", "2000.00"]))
            payments.append(
                Payment(
                    member=g,
                    paid_on=day,
                    amount=amount,
                    currency="USD",
                    exchange_rate=1,
                    amount_usd=amount,
                    bank_reference=f"BENCH-{len(payments)}",
                )
            )
    Payment.objects.bulk_create(payments)
    with connection.cursor() as cursor:  # fresh statistics, as autovacuum would give a real database
        cursor.execute("ANALYZE members_membergovernment, members_membershipevent, dues_assessment, dues_payment")
    return len(payments)


def timed(function, repeat=5):
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best * 1000, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=800)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    on = datetime.date(2017 + args.years - 1, 6, 1)
    try:
        with transaction.atomic():
            payments = populate(args.members, args.years, random.Random(7))
            sql_ms, voting = timed(lambda: len(list(voting_members(on=on))))
            records = list(with_dues_records(MemberGovernment.objects.filter(slug__startswith="bench-")))
            python_ms, restricted = timed(lambda: sum(is_restricted(m, on=on) for m in records))
            from django.test import Client

            client = Client(HTTP_HOST="127.0.0.1")
            from django.contrib.auth.models import User

            client.force_login(User.objects.create(username="bench", is_superuser=True, is_staff=True))
            pdf_ms, _ = timed(lambda: client.get(f"/ja/finance/dues/members/bench-0/statement.pdf?on={on}"))
            print(f"{args.members} governments x {args.years} assessed years, {payments} payments, on {on}:")
            print(f"  voting_members(on), one SQL query: {sql_ms:8.1f} ms  ({voting} voting members)")
            print(f"  is_restricted() for every member:  {python_ms:8.1f} ms  ({restricted} restricted)")
            print(f"  dues statement PDF (ja):           {pdf_ms:8.1f} ms")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
