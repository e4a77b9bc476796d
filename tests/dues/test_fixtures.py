"""The real dues data (fixtures/60_dues.json) records what the seeds state and nothing more."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from dues.ledger import period_for, rate_for
from dues.models import Assessment, AssessmentPeriod, DuesDecision, DuesRate, Payment, Waiver
from tests.dues.factories import D

pytestmark = pytest.mark.django_db

LANGUAGE_FIELDS = ["en", "mn", "zh_hans", "ko", "ja", "ru"]


def test_the_decisions_on_dues_are_those_of_the_annual_report_2018():
    decisions = list(DuesDecision.objects.values_list("slug", "body", "session_number", "decided_on", "kind"))
    assert decisions == [
        ("dues-regulation-2016", "general_assembly", 11, D(2016, 9, 28), "regulation"),
        ("first-payment-deferred-2017", "working_committee", 11, D(2017, 9, 26), "deferral"),
        ("dues-regulation-confirmed-2018", "general_assembly", 12, D(2018, 10, 29), "regulation"),
        ("payment-system-suspended-2018", "general_assembly", 12, D(2018, 10, 29), "deferral"),
    ]
    # 暂缓执行: "implementation deferred" (seed 003), not suspended.
    deferred = DuesDecision.objects.get(slug="payment-system-suspended-2018")
    assert deferred.title_zh_hans == "会费缴付制度暂缓执行"
    assert deferred.title_en == "Implementation of the dues payment system deferred"
    assert deferred.title_ko == "회비 납부 제도 시행 유예"


def test_every_decision_is_titled_and_summarised_in_the_six_languages():
    for decision in DuesDecision.objects.all():
        for code in LANGUAGE_FIELDS:
            assert getattr(decision, f"title_{code}"), (decision.slug, code)
            assert getattr(decision, f"summary_{code}"), (decision.slug, code)


def test_the_rate_is_usd_1000_from_2017_set_by_the_dues_regulation():
    rate = rate_for(2025)
    assert (rate.from_fiscal_year, rate.amount_usd, rate.decision.slug) == (
        2017,
        Decimal("1000.00"),
        "dues-regulation-2016",
    )
    assert rate_for(2016) is None


def test_no_assessment_payment_waiver_or_assessed_year_is_invented():
    assert (Assessment.objects.count(), Payment.objects.count(), Waiver.objects.count()) == (0, 0, 0)
    assert AssessmentPeriod.objects.count() == 0
    assert period_for(2018) is None


def test_loading_the_real_data_twice_changes_nothing():
    before = (DuesDecision.objects.count(), DuesRate.objects.count())
    call_command("load_near_data", verbosity=0)
    assert (DuesDecision.objects.count(), DuesRate.objects.count()) == before == (4, 1)


def test_the_annual_report_has_no_dues_section_for_2018():
    from dues.reports import budget_report

    report = budget_report(2018)
    assert (report.has_data, report.dues.rows, report.budget, report.settlement) == (False, [], None, None)
