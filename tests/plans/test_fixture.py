"""Töv aimag's 2020 plan as loaded from fixtures/90_plans_tov_2020.json: every row of seed 002."""

import datetime
import json
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from plans.fixture_sources import tov_2020
from plans.models import CooperationPlan, Kind, NearBody, PlanActivity, PlanMeasure, Status

pytestmark = pytest.mark.django_db

LANGUAGE_FIELDS = ("en", "mn", "zh_hans", "ko", "ja", "ru")


@pytest.fixture
def plan():
    return CooperationPlan.objects.get(government__slug="tov", year=2020)


def test_the_plan_is_toevs_2020_plan_adopted_on_6_february_2020_and_published(plan):
    assert plan.adopted_on == datetime.date(2020, 2, 6)
    assert plan.status == Status.PUBLISHED
    assert plan.title_mn == "Төв аймгийн гадаад харилцаа, хамтын ажиллагааны 2020 оны төлөвлөгөө"
    assert plan.title_en == "Töv Province's foreign relations and cooperation plan for 2020"
    assert plan.adopted_by_mn == "2020 оны 02 дугаар сарын 06-ны өдрийн ______ дүгээр тогтоолын хавсралт"
    assert plan.goal_mn.startswith("Аймгийн гадаад харилцааны өнөөгийн хүрсэн түвшинг бататгаж")


def test_the_plan_has_the_seeds_11_measures_and_28_activities(plan):
    measures = list(plan.measures.order_by("number"))
    assert [measure.number for measure in measures] == list(range(1, 12))
    assert [measure.activities.count() for measure in measures] == [1, 1, 1, 4, 3, 2, 2, 2, 1, 4, 7]
    assert PlanActivity.objects.filter(measure__plan=plan).count() == 28


def test_one_activity_is_nears_14_are_between_members_and_13_are_outside_near(plan):
    kinds = Counter(PlanActivity.objects.filter(measure__plan=plan).values_list("kind", flat=True))
    assert kinds == {Kind.NEAR: 1, Kind.MEMBERS: 14, Kind.OUTSIDE: 13}


def test_the_near_activity_is_taking_part_in_the_committees_events():
    activity = PlanActivity.objects.get(kind=Kind.NEAR)
    assert (activity.measure.number, activity.number, activity.near_body) == (10, 4, NearBody.COMMITTEES)
    assert activity.description_mn == (
        "NEAR байгууллагын Дэд хороодын зохион байгуулах олон улсын олон талт арга хэмжээнд "
        "аймгийн төлөөллийг оролцуулж ажиллана."
    )
    assert activity.timing_mn == "Жилийн турш"
    assert activity.responsible_mn == "Аймгийн ЗДТГ, NEAR байгууллага"
    assert list(activity.committees.all()) == []


def test_the_member_governments_each_activity_concerns_are_the_seven_partners(plan):
    concerned = {
        f"{activity.measure.number}.{activity.number}": sorted(member.slug for member in activity.governments.all())
        for activity in PlanActivity.objects.filter(measure__plan=plan, kind=Kind.MEMBERS)
    }
    assert concerned == {
        "1.1": ["jeju"],
        "4.1": ["tottori"],
        "4.2": ["tottori"],
        "4.3": ["tottori"],
        "4.4": ["tottori"],
        "5.1": ["gangwon"],
        "5.2": ["gangwon"],
        "5.3": ["gangwon"],
        "6.1": ["jilin"],
        "6.2": ["jilin"],
        "7.1": ["primorsky"],
        "7.2": ["primorsky"],
        "11.5": ["buryatia", "inner-mongolia"],
        "11.6": ["gangwon", "jilin", "primorsky"],
    }


def test_the_eatof_dues_and_the_summit_are_outside_near():
    dues = PlanActivity.objects.get(measure__number=10, number=2)
    assert dues.kind == Kind.OUTSIDE
    assert dues.counterpart == "EATOF"
    assert dues.description_mn.startswith("EATOF-ийн гишүүний 2019, 2020 оны татварыг")
    assert dues.timing_en == "February"
    summit = PlanActivity.objects.get(measure__number=10, number=1)
    assert summit.kind == Kind.OUTSIDE
    assert summit.baseline_en == "The aimag hosted and organised the 24th Summit."


def test_a_few_rows_hold_the_seeds_exact_words():
    jilin = PlanActivity.objects.get(measure__number=6, number=1)
    assert jilin.timing_mn == "2020-03–р сараас 2021-01-р сард"
    assert jilin.timing_en == "March 2020 to January 2021"
    assert jilin.baseline_mn == "Жил бүр 1 төрийн албан хаагч тогтмол хамрагдаж байна."
    tottori = PlanActivity.objects.get(measure__number=4, number=1)
    assert tottori.baseline_mn == "2018 онд Тоттори мужид 6 сурагч солилцоон хөтөлбөрт хамрагдсан."
    assert tottori.target_mn == "Япон хэлний дугуйланд 5-6 сурагч хамрагдсан байна."
    assert PlanMeasure.objects.get(number=9).title_mn == (
        "БНХАУ-ын Ханчэн хот: Тус хоттой харилцах харилцааг харилцааг гүнзгийрүүлнэ."
    )


def test_every_text_of_the_plan_is_in_all_six_languages(plan):
    rows = [(plan, ("title", "goal", "adopted_by")), *[(m, ("title",)) for m in plan.measures.all()]]
    for activity in PlanActivity.objects.filter(measure__plan=plan):
        names = ["description", "baseline", "indicator", "target", "timing", "responsible"]
        rows.append((activity, names + (["counterpart"] if activity.kind == Kind.OUTSIDE else [])))
    missing = [
        f"{row} {name}_{code}"
        for row, names in rows
        for name in names
        for code in LANGUAGE_FIELDS
        if not getattr(row, f"{name}_{code}")
    ]
    assert missing == []


def test_the_fixture_file_is_what_its_source_builds():
    path = Path(settings.BASE_DIR) / "fixtures" / tov_2020.FIXTURE
    assert json.loads(path.read_text()) == tov_2020.build()


def test_loading_the_data_again_changes_nothing(plan):
    before = (PlanActivity.objects.count(), PlanActivity.history.count(), CooperationPlan.history.count())
    call_command("load_near_data", verbosity=0)
    assert (PlanActivity.objects.count(), PlanActivity.history.count(), CooperationPlan.history.count()) == before
