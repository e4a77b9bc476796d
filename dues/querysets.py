"""Reusable reads of dues records, and the voting-rights restriction as one SQL subquery.

The restriction (Dues Regulation art. 6) is written twice on purpose: here in SQL, so that
``voting_members(on=...)`` stays one query for any number of members,
and in ``dues.ledger.is_restricted`` for one member in Python. ``tests/dues/test_restriction.py`` proves on generated ledgers that the two agree on every date.
"""

import datetime

from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.expressions import RawSQL

from members.models import MemberGovernment


def last_overdue_fiscal_year(on: datetime.date) -> int:
    """The latest fiscal year whose 30 April has passed on ``on`` (Dues Regulation art. 5(2))."""
    return on.year if on > datetime.date(on.year, 4, 30) else on.year - 1


class AssessmentQuerySet(models.QuerySet):
    def for_fiscal_year(self, fiscal_year):
        """Assessments of one fiscal year."""
        return self.filter(fiscal_year=fiscal_year)

    def overdue_on(self, on):
        """Assessments whose payment date (30 April of their year) has passed on ``on``."""
        return self.filter(fiscal_year__lte=last_overdue_fiscal_year(on))


class PaymentQuerySet(models.QuerySet):
    def counting_on(self, on):
        """Payments in the books on ``on``: paid by then and not reversed by then."""
        return self.filter(paid_on__lte=on).filter(Q(reversed_on__isnull=True) | Q(reversed_on__gt=on))


class WaiverQuerySet(models.QuerySet):
    def granted_by(self, on):
        """Waivers granted on or before ``on``."""
        return self.filter(granted_on__lte=on)


def with_dues_records(members, *, by: datetime.date | None = None):
    """``members`` with what ``dues.ledger.ledger`` reads prefetched: assessments with waivers, payments.

    ``by``: only the payments made by that day, for a ledger on that day or before (a statement
    on a date does not read the payments recorded after it).
    """
    payments = MemberGovernment._meta.get_field("dues_payments").related_model.objects.all()
    if by is not None:
        payments = payments.filter(paid_on__lte=by)
    assessments = MemberGovernment._meta.get_field("assessments").related_model.objects.prefetch_related(
        Prefetch("waivers", to_attr="listed_waivers")
    )
    # Plain lists (``dues.ledger.rows``), not the related managers' caches: the restriction works
    # out a ledger for each year, and each ``.all()`` on a manager would build a queryset again.
    return members.prefetch_related(
        Prefetch("assessments", queryset=assessments, to_attr="listed_assessments"),
        Prefetch("dues_payments", queryset=payments, to_attr="listed_dues_payments"),
    )


def dues_restricted(members, *, on: datetime.date):
    """Those of ``members`` whose voting and office rights are restricted on ``on`` (Dues Regulation art. 6).

    The same rule as ``dues.ledger.is_restricted``; see ``restricted_member_ids``.
    """
    return members.filter(pk__in=restricted_member_ids(on))


def voting_members(*, on: datetime.date, members=None):
    """Members holding voting rights on date ``on`` (of ``members``, all governments by default).

    Charter art. 9(1): one vote per member government; associate members have none
    (art. 5-2); a member restricted under the Dues Regulation art. 6 (two or more fiscal
    years unpaid) has none either (``dues_restricted``; for one member
    ``dues.ledger.has_voting_rights``).
    """
    members = MemberGovernment.objects.all() if members is None else members
    return members.members_on(on).exclude(pk__in=restricted_member_ids(on))


def eligible_for_office(*, on: datetime.date, members=None):
    """Members that may elect or be elected chair or auditor on ``on``.

    Charter art. 7(3) and Dues Regulation art. 6 restrict these rights exactly as the vote
    (art. 9(1)), so the set is the voting members'.
    """
    return voting_members(on=on, members=members)


def restricted_member_ids(on: datetime.date) -> RawSQL:
    """Ids of the governments restricted under Dues Regulation art. 6 on ``on``, as a subquery.

    The rule, as ``dues.ledger.is_restricted`` states it in Python:

    - a *trigger* is 1 May of an assessed fiscal year Y, on or before ``on``, on which the
      member has two or more fiscal years in arrears (the count only rises on a 1 May, when
      another year's 30 April has passed, so a restriction always starts on one);
    - the member is restricted if its latest trigger is followed by no *restoration* in the
      fiscal years from Y to the year of ``on``; a restoration in year Z (checked on 31
      December of Z, or on ``on`` in the current year) is: Z assessed and the payments made in
      Z cover Z's dues after waivers, or nothing owed for any year up to Z. (A restoration
      after the latest trigger also follows every earlier one, so only the latest counts.)
    """
    return RawSQL(_restricted_sql(), [on])


def _restricted_sql() -> str:
    # The dues models, reached through the member's relations (dues.models imports this module).
    assessment = MemberGovernment._meta.get_field("assessments").related_model
    payment = MemberGovernment._meta.get_field("dues_payments").related_model
    waiver = assessment._meta.get_field("waivers").related_model
    assessments, payments, waivers = (model._meta.db_table for model in (assessment, payment, waiver))

    # Each fragment uses its own table aliases, so fragments nest without capturing each other.
    def paid(member, on, since=None):
        """USD credited by payments in the books on ``on`` (optionally only those made since ``since``)."""
        since_sql = f" AND pay.paid_on >= {since}" if since else ""
        return (
            f"(SELECT COALESCE(SUM(pay.amount_usd), 0) FROM {payments} pay WHERE pay.member_id = {member}"
            f" AND pay.paid_on <= {on}{since_sql} AND (pay.reversed_on IS NULL OR pay.reversed_on > {on}))"
        )

    def net(assessment, on):
        """An assessment's dues after the waivers granted by ``on``."""
        return (
            f"GREATEST({assessment}.amount_usd - (SELECT COALESCE(SUM(wai.amount_usd), 0) FROM {waivers} wai"
            f" WHERE wai.assessment_id = {assessment}.id AND wai.granted_on <= {on}), 0)"
        )

    def net_through(member, year, on):
        """The member's dues after waivers for every fiscal year up to ``year``."""
        return (
            f"(SELECT COALESCE(SUM({net('thr', on)}), 0) FROM {assessments} thr"
            f" WHERE thr.member_id = {member} AND thr.fiscal_year <= {year})"
        )

    def years_in_arrears(member, on):
        """Assessed years past their 30 April with a balance left after payments allocated oldest first:
        a year's balance is above zero when its own dues are and the dues up to it exceed the payments."""
        return (
            f"(SELECT COUNT(*) FROM (SELECT yrs.fiscal_year, yrs.net,"
            f" SUM(yrs.net) OVER (ORDER BY yrs.fiscal_year) AS upto"
            f" FROM (SELECT arr.fiscal_year, {net('arr', on)} AS net FROM {assessments} arr"
            # Only years already due count, and a year's running total needs no later year:
            # the rest of the ledger (later years, assessed ahead) is never read.
            f" WHERE arr.member_id = {member} AND make_date(arr.fiscal_year, 4, 30) < {on}) yrs) books"
            f" CROSS JOIN (SELECT {paid(member, on)} AS total) credited"
            f" WHERE make_date(books.fiscal_year, 4, 30) < {on} AND books.net > 0 AND books.upto > credited.total)"
        )

    def restored(member, year, on):
        return (
            f"({net_through(member, year, on)} <= {paid(member, on)} OR EXISTS (SELECT 1 FROM {assessments} cur"
            f" WHERE cur.member_id = {member} AND cur.fiscal_year = {year}"
            f" AND {paid(member, on, since=f'make_date({year}, 1, 1)')} >= {net('cur', on)}))"
        )

    trigger = "make_date(trig.fiscal_year, 5, 1)"
    year_end = "LEAST(d.on_date, make_date(yr.y, 12, 31))"
    return (
        f"SELECT assessed.member_id FROM (SELECT DISTINCT member_id FROM {assessments}) assessed"
        f" CROSS JOIN (SELECT %s::date AS on_date) d"
        # The latest trigger: the member's assessments from the newest down, the first that counts.
        f" CROSS JOIN LATERAL (SELECT trig.fiscal_year AS year FROM {assessments} trig"
        f" WHERE trig.member_id = assessed.member_id AND {trigger} <= d.on_date"
        f" AND {years_in_arrears('trig.member_id', trigger)} >= 2 ORDER BY trig.fiscal_year DESC LIMIT 1) latest"
        f" WHERE NOT EXISTS (SELECT 1 FROM generate_series(latest.year, EXTRACT(YEAR FROM d.on_date)::int) AS yr(y)"
        f" WHERE {restored('assessed.member_id', 'yr.y', year_end)})"
    )
