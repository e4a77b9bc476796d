"""The database refuses rows that break a plan's invariants, whoever writes them."""

import datetime

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from members.models import MemberGovernment
from plans.models import CooperationPlan, Kind, NearBody, PlanActivity, PlanMeasure, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def tov_plan():
    return CooperationPlan.objects.get(government__slug="tov", year=2020)


def refused(constraint, **fields):
    """Saving a row with ``fields`` raises the IntegrityError that names ``constraint``."""
    model = fields.pop("model")
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        model.objects.create(**fields)


def test_a_second_plan_for_the_same_government_and_year_is_refused(tov_plan):
    refused(
        "plan_one_per_government_and_year", model=CooperationPlan, government=tov_plan.government, year=2020, title="x"
    )


def test_a_plan_before_the_association_or_past_2100_is_refused():
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    refused("plan_year_in_range", model=CooperationPlan, government=hyogo, year=1995, title="x")
    refused("plan_year_in_range", model=CooperationPlan, government=hyogo, year=2101, title="x")


def test_an_unknown_status_is_refused():
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    refused("plan_status_known", model=CooperationPlan, government=hyogo, year=2020, title="x", status="secret")


def test_a_plan_adopted_after_its_year_or_two_years_before_is_refused():
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    for adopted_on in (datetime.date(2021, 1, 1), datetime.date(2018, 12, 31)):
        refused(
            "plan_adopted_in_its_year_or_the_one_before",
            model=CooperationPlan,
            government=hyogo,
            year=2020,
            title="x",
            adopted_on=adopted_on,
        )
    plan = CooperationPlan.objects.create(
        government=hyogo, year=2020, title="x", adopted_on=datetime.date(2019, 12, 20)
    )
    assert plan.status == Status.DRAFT


def test_measure_and_activity_numbers_are_unique_and_start_at_one(tov_plan):
    refused("plan_measure_unique_number", model=PlanMeasure, plan=tov_plan, number=1, title="x")
    refused("plan_measure_number_from_one", model=PlanMeasure, plan=tov_plan, number=0, title="x")
    measure = tov_plan.measures.get(number=10)
    refused(
        "plan_activity_unique_number",
        model=PlanActivity,
        measure=measure,
        number=4,
        description="x",
        kind=Kind.NEAR,
        near_body=NearBody.COMMITTEES,
    )
    refused(
        "plan_activity_number_from_one",
        model=PlanActivity,
        measure=measure,
        number=0,
        description="x",
        kind=Kind.OUTSIDE,
    )


def test_an_unknown_kind_is_refused(tov_plan):
    measure = tov_plan.measures.get(number=10)
    refused("plan_activity_kind_known", model=PlanActivity, measure=measure, number=9, description="x", kind="other")


def test_only_a_near_activity_names_a_body_of_near_and_it_must(tov_plan):
    measure = tov_plan.measures.get(number=10)
    constraint = "plan_activity_near_body_only_for_near"
    refused(constraint, model=PlanActivity, measure=measure, number=9, description="x", kind=Kind.NEAR)
    refused(
        constraint,
        model=PlanActivity,
        measure=measure,
        number=9,
        description="x",
        kind=Kind.OUTSIDE,
        near_body=NearBody.SECRETARIAT,
    )
    refused(
        constraint, model=PlanActivity, measure=measure, number=9, description="x", kind=Kind.NEAR, near_body="board"
    )


def test_an_activity_outside_near_names_its_counterpart(tov_plan):
    activity = PlanActivity(measure=tov_plan.measures.get(number=10), number=9, description="x", kind=Kind.OUTSIDE)
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert error.value.message_dict == {"counterpart": ["Name the party outside NEAR this activity concerns."]}


def activity_form(user, data):
    """The admin's change form of an activity (with its six-language fields), bound to ``data``."""
    request = RequestFactory().post("/admin/")
    request.user = user
    return admin.site._registry[PlanActivity].get_form(request)(data=data)


def form_data(measure, **changes):
    data = {"measure": measure.pk, "number": 9, "description_en": "x", "kind": Kind.MEMBERS, "near_body": ""}
    return {**data, **changes}


def test_the_admin_form_asks_a_cooperation_between_members_to_name_them(tov_plan, admin_user):
    measure = tov_plan.measures.get(number=11)
    form = activity_form(admin_user, form_data(measure))
    assert form.errors["governments"] == ["Name the member governments this cooperation concerns."]
    jilin = MemberGovernment.objects.get(slug="jilin")
    data = form_data(measure, kind=Kind.OUTSIDE, counterpart_en="EATOF", governments=[jilin.pk])
    assert activity_form(admin_user, data).errors["governments"] == [
        "Only a cooperation between member governments names them."
    ]
    form = activity_form(admin_user, form_data(measure, governments=[jilin.pk]))
    assert form.errors == {}


def test_a_counterpart_named_in_any_one_language_is_enough(tov_plan):
    activity = PlanActivity(
        measure=tov_plan.measures.get(number=10), number=9, description="x", kind=Kind.OUTSIDE, counterpart_mn="EATOF"
    )
    activity.full_clean()
