"""Figures of a fiscal year for the finance officer and the annual report: dues assessed,
collected and outstanding by country; budget against spending; the settlement and its audit
(Dues Regulation arts. 7–12). Each report is read in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from django.db.models import DecimalField, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from dues.ledger import ZERO, YearBalance, allocate
from dues.models import Assessment, DuesBudget, Expenditure, Payment, Settlement
from dues.querysets import restricted_member_ids
from members.models import Country, MemberGovernment


@dataclass
class Totals:
    """Sums over assessed years: what was assessed, waived, collected and is still owed."""

    members: int = 0
    assessed: Decimal = ZERO
    waived: Decimal = ZERO
    collected: Decimal = ZERO
    outstanding: Decimal = ZERO

    def add(self, year: YearBalance) -> None:
        self.members += 1
        self.assessed += year.assessed
        self.waived += year.waived
        self.collected += year.paid
        self.outstanding += year.balance


@dataclass(frozen=True)
class MemberRow:
    member: MemberGovernment
    year: YearBalance
    restricted: bool


@dataclass(frozen=True)
class CountryTotals:
    country: Country
    totals: Totals


@dataclass(frozen=True)
class FiscalYearDues:
    """Dues of one fiscal year as they stand on a date, member by member and by country."""

    fiscal_year: int
    on: datetime.date
    rows: list[MemberRow]
    by_country: list[CountryTotals]
    totals: Totals


def fiscal_year_dues(fiscal_year: int, *, on: datetime.date, restricted_ids=None) -> FiscalYearDues:
    """Collected means allocated to this year (oldest open year first) by payments in the books on ``on``.

    Read in three queries whatever the length of the ledger: the members with the dollars
    credited to them on ``on`` (a sum in SQL, not every payment), their assessments up to the
    year with the waivers granted by then summed (a year's balance depends on no later one), and, unless given as
    ``restricted_ids``, the restricted members (``dues.querysets.restricted_member_ids``, the
    SQL form of ``dues.ledger.is_restricted``).
    """
    credited = (
        Payment.objects.filter(member=OuterRef("pk"))
        .counting_on(on)
        .order_by()
        .values("member")
        .annotate(total=Sum("amount_usd"))
        .values("total")
    )
    waived = Sum("waivers__amount_usd", filter=Q(waivers__granted_on__lte=on))
    up_to_the_year = Assessment.objects.filter(fiscal_year__lte=fiscal_year).annotate(
        waived_on=Coalesce(waived, ZERO, output_field=DecimalField(max_digits=15, decimal_places=2))
    )
    members = (
        MemberGovernment.objects.filter(assessments__fiscal_year=fiscal_year)
        .annotate(
            credited=Coalesce(Subquery(credited), ZERO, output_field=DecimalField(max_digits=15, decimal_places=2))
        )
        .prefetch_related(Prefetch("assessments", queryset=up_to_the_year))
        .select_related("country")
        .order_by("country__display_order", "list_position", "name")
    )
    rows = []
    members = list(members)
    if restricted_ids is None and members:
        restricted_ids = restricted_ids_on(on)
    for member in members:
        years, _credit = allocate(member.assessments.all(), credited=member.credited, on=on)
        year = next(year for year in years if year.fiscal_year == fiscal_year)
        rows.append(MemberRow(member=member, year=year, restricted=member.pk in restricted_ids))
    by_country = []
    totals = Totals()
    for country, country_rows in groupby(rows, key=lambda row: row.member.country):
        country_totals = Totals()
        for row in country_rows:
            country_totals.add(row.year)
            totals.add(row.year)
        by_country.append(CountryTotals(country=country, totals=country_totals))
    return FiscalYearDues(fiscal_year=fiscal_year, on=on, rows=rows, by_country=by_country, totals=totals)


@dataclass(frozen=True)
class LineSpending:
    line: object
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.line.amount_usd - self.spent


@dataclass(frozen=True)
class BudgetReport:
    """A fiscal year's dues budget, spending and settlement, in the shape of the annual report."""

    fiscal_year: int
    dues: FiscalYearDues
    budget: DuesBudget | None
    lines: list[LineSpending] = field(default_factory=list)
    unbudgeted: list[Expenditure] = field(default_factory=list)
    settlement: Settlement | None = None

    @property
    def budgeted_total(self) -> Decimal:
        return sum((item.line.amount_usd for item in self.lines), ZERO)

    @property
    def spent_total(self) -> Decimal:
        return sum((item.spent for item in self.lines), ZERO) + sum((e.amount_usd for e in self.unbudgeted), ZERO)

    @property
    def has_data(self) -> bool:
        """Whether there is anything to report; the annual report leaves the section out otherwise."""
        return bool(self.dues.rows or self.budget or self.settlement)


def restricted_ids_on(on: datetime.date) -> set[int]:
    """Ids of the governments restricted on ``on`` (Dues Regulation art. 6), in one query."""
    return set(MemberGovernment.objects.filter(pk__in=restricted_member_ids(on)).values_list("pk", flat=True))


def budget_report(fiscal_year: int, *, on: datetime.date | None = None) -> BudgetReport:
    """The year's report, on ``on`` (by default 31 December of the year, as the annual report reads it)."""
    on = on or datetime.date(fiscal_year, 12, 31)
    dues = fiscal_year_dues(fiscal_year, on=on)
    budget = (
        DuesBudget.objects.select_related("approved_by")
        .prefetch_related(
            "lines__expenditures",
            Prefetch("expenditures", queryset=Expenditure.objects.filter(line__isnull=True), to_attr="unbudgeted"),
        )
        .filter(fiscal_year=fiscal_year)
        .first()
    )
    settlement = Settlement.objects.select_related("approved_by").filter(fiscal_year=fiscal_year).first()
    if budget is None:
        return BudgetReport(fiscal_year=fiscal_year, dues=dues, budget=None, settlement=settlement)
    lines = [
        LineSpending(line=line, spent=sum((e.amount_usd for e in line.expenditures.all()), ZERO))
        for line in budget.lines.all()
    ]
    return BudgetReport(
        fiscal_year=fiscal_year,
        dues=dues,
        budget=budget,
        lines=lines,
        unbudgeted=list(budget.unbudgeted),
        settlement=settlement,
    )
