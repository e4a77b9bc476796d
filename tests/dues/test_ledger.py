"""Dues rules (dues/ledger.py): assessment, Decimal conversion, allocation, arrears, restriction."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from dues.ledger import (
    arrears,
    assess_fiscal_year,
    eligible_for_office,
    has_voting_rights,
    is_restricted,
    ledger,
    reverse_payment,
)
from dues.models import Assessment, usd_credited
from members.models import MemberGovernment
from tests.dues.factories import D, assess, make_member, open_period, pay, pay_won, waive

pytestmark = pytest.mark.django_db


# --- Assessment -----------------------------------------------------------------------------


def test_no_fiscal_year_can_be_assessed_without_a_decided_period():
    with pytest.raises(ValidationError, match="No decision makes fiscal year 2019 payable"):
        assess_fiscal_year(fiscal_year=2019)
    assert Assessment.objects.count() == 0


def test_a_member_admitted_mid_year_owes_from_the_next_year():
    """Liaoning joined on 2021-08-10 (13th General Assembly): not assessed for 2021, assessed for 2022."""
    open_period(first=2021)
    created_2021 = assess_fiscal_year(fiscal_year=2021)
    created_2022 = assess_fiscal_year(fiscal_year=2022)
    assert len(created_2021) == 78
    assert len(created_2022) == 79
    liaoning = MemberGovernment.objects.get(slug="liaoning")
    assert list(liaoning.assessments.values_list("fiscal_year", "amount_usd")) == [(2022, Decimal("1000.00"))]


def test_admitted_on_1_january_owes_from_the_next_year_and_on_31_december_from_the_next_one_too():
    open_period(first=2024)
    first_day = make_member("first-day", admitted_on=D(2024, 1, 1))
    last_day = make_member("last-day", admitted_on=D(2023, 12, 31))
    assess_fiscal_year(fiscal_year=2024)
    assess_fiscal_year(fiscal_year=2025)
    assert list(first_day.assessments.values_list("fiscal_year", flat=True)) == [2025]
    assert list(last_day.assessments.values_list("fiscal_year", flat=True)) == [2024, 2025]


def test_generation_is_idempotent():
    open_period(first=2022)
    assert len(assess_fiscal_year(fiscal_year=2022)) == 79
    assert assess_fiscal_year(fiscal_year=2022) == []
    assert Assessment.objects.filter(fiscal_year=2022).count() == 79


def test_associate_members_are_assessed_only_when_the_decision_says_so():
    hcmc = MemberGovernment.objects.get(slug="ho-chi-minh-city")
    open_period(first=2022, last=2022)
    assess_fiscal_year(fiscal_year=2022)
    assert not hcmc.assessments.exists()
    open_period(first=2023, associates=True)
    assess_fiscal_year(fiscal_year=2023)
    assert list(hcmc.assessments.values_list("fiscal_year", flat=True)) == [2023]


def test_a_year_after_a_closed_period_cannot_be_assessed():
    open_period(first=2019, last=2020)
    with pytest.raises(ValidationError):
        assess_fiscal_year(fiscal_year=2021)


# --- Payments: Korean won to US dollars in Decimal ------------------------------------------


@pytest.mark.parametrize(
    ("won", "rate", "usd"),
    [
        ("1305500", "1305.50", "1000.00"),
        ("1300000", "1305.50", "995.79"),  # 995.78705... rounds up
        ("1000", "1333.3333", "0.75"),  # 0.750000... exactly at the cent
        ("1", "0.0800", "12.50"),  # a tie at half a cent would round up: 12.5 is exact here
        ("1234567", "1187.0000", "1040.07"),  # 1040.0733...
    ],
)
def test_usd_credited_is_exact_decimal_arithmetic_rounded_half_up_to_the_cent(won, rate, usd):
    assert usd_credited(Decimal(won), Decimal(rate)) == Decimal(usd)


def test_half_a_cent_rounds_up_and_less_rounds_down():
    assert usd_credited(Decimal("10.05"), Decimal("2")) == Decimal("5.03")  # 5.025
    assert usd_credited(Decimal("1"), Decimal("200")) == Decimal("0.01")  # 0.005
    assert usd_credited(Decimal("1"), Decimal("400")) == Decimal("0.00")  # 0.0025


def test_a_payment_in_won_is_credited_at_the_rate_the_finance_officer_entered():
    member = make_member("won-payer")
    payment = pay_won(member, D(2022, 3, 2), "1300000", "1305.50")
    payment.refresh_from_db()
    assert (payment.amount, payment.currency, payment.exchange_rate, payment.amount_usd) == (
        Decimal("1300000.00"),
        "KRW",
        Decimal("1305.5000"),
        Decimal("995.79"),
    )


def test_a_payment_in_won_needs_an_exchange_rate_and_whole_won():
    member = make_member("careless-payer")
    with pytest.raises(ValidationError, match="exchange rate of the won"):
        pay_won(member, D(2022, 3, 2), "1300000", "1")
    with pytest.raises(ValidationError):
        pay_won(member, D(2022, 3, 2), "1300000.50", "1300")


# --- Allocation: oldest open year first ---------------------------------------------------------


def balances(member, on):
    return [(y.fiscal_year, y.paid, y.balance) for y in ledger(member, on=on).years]


def test_a_partial_payment_goes_to_the_oldest_open_year():
    member = make_member("partial")
    assess(member, 2020, 2021, 2022)
    pay(member, D(2022, 6, 1), "1500.00")
    assert balances(member, D(2022, 6, 1)) == [
        (2020, Decimal("1000.00"), Decimal("0.00")),
        (2021, Decimal("500.00"), Decimal("500.00")),
        (2022, Decimal("0.00"), Decimal("1000.00")),
    ]
    assert ledger(member, on=D(2022, 6, 1)).credit == Decimal("0.00")


def test_an_over_payment_is_credit_carried_forward_to_the_next_assessed_year():
    member = make_member("over")
    assess(member, 2021)
    pay(member, D(2021, 2, 1), "1250.00")
    books = ledger(member, on=D(2021, 12, 31))
    assert (books.credit, books.balance_usd) == (Decimal("250.00"), Decimal("0.00"))
    assess(member, 2022)
    books = ledger(member, on=D(2022, 1, 5))
    assert balances(member, D(2022, 1, 5))[-1] == (2022, Decimal("250.00"), Decimal("750.00"))
    assert books.credit == Decimal("0.00")


def test_payments_count_from_their_date_and_stop_counting_when_reversed():
    member = make_member("bounced")
    assess(member, 2021)
    payment = pay(member, D(2021, 3, 1), "1000.00")
    assert ledger(member, on=D(2021, 2, 28)).paid_usd == Decimal("0.00")
    assert ledger(member, on=D(2021, 3, 1)).paid_usd == Decimal("1000.00")
    reverse_payment(payment=payment, reversed_on=D(2021, 3, 10), reason="Transfer returned by the bank")
    member = MemberGovernment.objects.get(pk=member.pk)
    assert ledger(member, on=D(2021, 3, 9)).paid_usd == Decimal("1000.00")
    assert ledger(member, on=D(2021, 3, 10)).paid_usd == Decimal("0.00")
    assert [y.fiscal_year for y in arrears(member, on=D(2021, 5, 1))] == [2021]


def test_a_waiver_reduces_the_year_from_the_day_it_is_granted():
    member = make_member("flooded")
    (assessment,) = assess(member, 2021)
    waive(assessment, "600.00", D(2021, 7, 1))
    assert ledger(member, on=D(2021, 6, 30)).year(2021).balance == Decimal("1000.00")
    year = ledger(member, on=D(2021, 7, 1)).year(2021)
    assert (year.waived, year.balance, year.status) == (Decimal("600.00"), Decimal("400.00"), "arrears")


def test_a_full_waiver_clears_the_year():
    member = make_member("waived")
    (assessment,) = assess(member, 2021)
    waive(assessment, "1000.00", D(2021, 2, 1))
    year = ledger(member, on=D(2021, 5, 1)).year(2021)
    assert (year.balance, year.status) == (Decimal("0.00"), "waived")
    assert arrears(member, on=D(2021, 5, 1)) == []


def test_waivers_of_a_year_never_exceed_its_dues():
    member = make_member("greedy")
    (assessment,) = assess(member, 2021)
    waive(assessment, "700.00", D(2021, 2, 1))
    with pytest.raises(ValidationError, match="may not exceed the dues of the year"):
        waive(assessment, "300.01", D(2021, 3, 1))


def test_a_waiver_frees_money_for_the_next_open_year():
    member = make_member("relieved")
    first, _second = assess(member, 2020, 2021)
    pay(member, D(2021, 3, 1), "1000.00")
    assert balances(member, D(2021, 3, 1))[1] == (2021, Decimal("0.00"), Decimal("1000.00"))
    waive(first, "1000.00", D(2021, 4, 1))
    assert balances(member, D(2021, 4, 1)) == [
        (2020, Decimal("0.00"), Decimal("0.00")),
        (2021, Decimal("1000.00"), Decimal("0.00")),
    ]


# --- Arrears on a date, and the art. 6 restriction --------------------------------------------


def test_a_year_is_in_arrears_from_1_may_not_on_30_april():
    member = make_member("late")
    assess(member, 2021)
    assert arrears(member, on=D(2021, 4, 30)) == []
    assert [y.fiscal_year for y in arrears(member, on=D(2021, 5, 1))] == [2021]


def test_a_payment_on_30_april_is_in_time():
    member = make_member("just-in-time")
    assess(member, 2021)
    pay(member, D(2021, 4, 30), "1000.00")
    assert arrears(member, on=D(2021, 5, 1)) == []


def test_one_unpaid_year_does_not_restrict_two_do():
    member = make_member("two-years")
    assess(member, 2020, 2021)
    assert [y.fiscal_year for y in arrears(member, on=D(2021, 4, 30))] == [2020]
    assert is_restricted(member, on=D(2021, 4, 30)) is False
    assert has_voting_rights(member, on=D(2021, 4, 30)) is True
    assert [y.fiscal_year for y in arrears(member, on=D(2021, 5, 1))] == [2020, 2021]
    assert is_restricted(member, on=D(2021, 5, 1)) is True
    assert has_voting_rights(member, on=D(2021, 5, 1)) is False
    assert eligible_for_office(member, on=D(2021, 4, 30)) is True
    assert eligible_for_office(member, on=D(2021, 5, 1)) is False


def test_rights_return_when_the_current_years_dues_are_paid_in_full_and_not_before():
    member = make_member("resumes")
    assess(member, 2020, 2021, 2022)
    assert is_restricted(member, on=D(2022, 6, 1)) is True
    pay(member, D(2022, 6, 10), "999.99")
    assert is_restricted(member, on=D(2022, 6, 10)) is True
    pay(member, D(2022, 6, 20), "0.01")
    # 1,000 paid within 2022 = 2022's dues: restored, although oldest-first allocation
    # put the money on 2020 and two years remain in arrears.
    assert [y.fiscal_year for y in arrears(member, on=D(2022, 6, 20))] == [2021, 2022]
    assert is_restricted(member, on=D(2022, 6, 19)) is True
    assert is_restricted(member, on=D(2022, 6, 20)) is False
    assert is_restricted(member, on=D(2022, 12, 31)) is False


def test_restored_rights_last_until_the_next_year_falls_due_unpaid():
    member = make_member("relapses")
    assess(member, 2020, 2021, 2022, 2023)
    pay(member, D(2022, 6, 20), "1000.00")
    assert is_restricted(member, on=D(2023, 4, 30)) is False
    assert is_restricted(member, on=D(2023, 5, 1)) is True
    pay(member, D(2023, 5, 2), "1000.00")
    assert is_restricted(member, on=D(2023, 5, 2)) is False


def test_one_year_left_in_arrears_still_restricts_until_the_current_year_is_paid_in_full():
    member = make_member("half-way")
    first, second, _third = assess(member, 2020, 2021, 2022)
    assert is_restricted(member, on=D(2022, 5, 1)) is True
    waive(first, "1000.00", D(2022, 7, 1))
    waive(second, "1000.00", D(2022, 7, 1))
    assert [y.fiscal_year for y in arrears(member, on=D(2022, 7, 1))] == [2022]
    assert is_restricted(member, on=D(2022, 7, 1)) is True
    pay(member, D(2022, 8, 1), "999.00")
    assert is_restricted(member, on=D(2022, 8, 1)) is True
    pay(member, D(2022, 9, 1), "1.00")
    assert arrears(member, on=D(2022, 9, 1)) == []
    assert is_restricted(member, on=D(2022, 9, 1)) is False


def test_paying_everything_owed_restores_even_in_a_year_without_assessment():
    member = make_member("pays-up")
    assess(member, 2020, 2021)
    assert is_restricted(member, on=D(2022, 3, 1)) is True
    pay(member, D(2022, 3, 2), "2000.00")
    assert is_restricted(member, on=D(2022, 3, 2)) is False


def test_a_member_paying_on_time_each_year_is_never_restricted():
    member = make_member("punctual")
    assess(member, 2019, 2020, 2021, 2022)
    for year in (2019, 2020, 2021, 2022):
        pay(member, D(year, 4, 30), "1000.00")
    assert not any(is_restricted(member, on=D(year, month, 1)) for year in range(2019, 2024) for month in (1, 5, 12))


def test_associate_members_and_governments_not_yet_admitted_have_no_vote():
    associate = MemberGovernment.objects.get(slug="ho-chi-minh-city")
    akita = MemberGovernment.objects.get(slug="akita")
    assert has_voting_rights(associate, on=D(2018, 10, 29)) is False
    assert has_voting_rights(akita, on=D(2018, 10, 28)) is False
    assert has_voting_rights(akita, on=D(2018, 10, 29)) is True
