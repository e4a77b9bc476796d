"""The real committee data loaded from fixtures/ matches the seeds."""

import datetime

import pytest

from committees.models import Committee

pytestmark = pytest.mark.django_db

# Annual Report 2018 (seed 003), the committee table: coordinators, year founded, meetings held
# ("-" is 0).
TABLE_2018 = {
    "economy-and-trade": (["gyeongsangbuk"], 1998, 12),
    "environment": (["toyama"], 1998, 13),
    "disaster-prevention": (["hyogo"], 1998, 16),
    "education-and-culture": (["shimane"], 2002, 17),
    "tourism": (["henan", "ningxia"], 2008, 2),
    "maritime-and-fisheries": (["shandong"], 2008, 5),
    "mineral-resources": (["magadan"], 2010, 4),
    "energy-and-climate-change": (["shanxi"], 2010, 2),
    "life-and-medical-industry": (["chungcheongbuk"], 2011, 1),
    "agriculture": (["jeollanam"], 2011, 2),
    "sports": (["sakha"], 2013, 0),
    "logistics": (["heilongjiang"], 2017, 0),
    "cross-border-e-commerce": (["henan"], 2017, 0),
    "international-talent": (["jilin"], 2017, 1),
    "innovation-plus": (["hunan"], 2018, 0),
    "youth-policy": (["krasnoyarsk"], 2018, 0),
    "traditional-medicine": (["shaanxi"], 2018, 0),
}
END_OF_2018 = datetime.date(2018, 12, 31)


def test_the_2018_table_is_in_the_portal_with_its_coordinators_years_and_meetings():
    committees = Committee.objects.existing_on(END_OF_2018).prefetch_related("coordinator_terms__member")
    shown = {
        c.slug: (sorted(m.slug for m in c.coordinators_on(END_OF_2018)), c.founded_year, c.meetings_to_2018)
        for c in committees
    }
    assert shown == {slug: (sorted(coordinators), year, n) for slug, (coordinators, year, n) in TABLE_2018.items()}


def test_art_2_numbers_skip_the_three_items_deleted_on_2017_09_26():
    numbers = sorted(
        Committee.objects.filter(regulation_number__isnull=False).values_list("regulation_number", flat=True)
    )
    assert numbers == [1, 2, 3, 4, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20]


def test_the_older_brochures_deleted_committees_are_abolished_without_an_item_number():
    abolished = Committee.objects.filter(status="abolished").order_by("slug")
    assert [(c.slug, c.status_changed_on, c.regulation_number) for c in abolished] == [
        ("border-cooperation", datetime.date(2017, 9, 26), None),
        ("science-and-technology", datetime.date(2017, 9, 26), None),
        ("women-and-children", datetime.date(2017, 9, 26), None),
    ]
    coordinators = {c.slug: [t.member.slug for t in c.coordinator_terms.all()] for c in abolished}
    assert coordinators == {
        "border-cooperation": ["irkutsk"],
        "science-and-technology": ["gyeonggi"],
        "women-and-children": ["dornod"],
    }


def test_economy_and_trade_was_renamed_on_2013_09_11():
    old = Committee.objects.get(slug="economy-and-trade-1998")
    assert (old.status, old.status_changed_on, old.successor.slug) == (
        "renamed",
        datetime.date(2013, 9, 11),
        "economy-and-trade",
    )
    assert old.name_zh_hans == "经济通商专门委员会"
    assert Committee.objects.get(slug="economy-and-trade").name_zh_hans == "经济人文交流专门委员会"


def test_creation_dates_follow_the_regulations_art_2_notes():
    created = dict(Committee.objects.filter(established_on__isnull=False).values_list("slug", "established_on"))
    assert created == {
        # Item 1 bears its name from its renaming "<名称变更 2013. 9. 11.>" (seed 003 line 1011).
        "economy-and-trade": datetime.date(2013, 9, 11),
        "maritime-and-fisheries": datetime.date(2008, 9, 2),
        "tourism": datetime.date(2008, 9, 2),
        "mineral-resources": datetime.date(2010, 10, 28),
        "energy-and-climate-change": datetime.date(2010, 10, 28),
        "life-and-medical-industry": datetime.date(2011, 7, 19),
        "agriculture": datetime.date(2011, 7, 19),
        "sports": datetime.date(2013, 9, 11),
        "logistics": datetime.date(2017, 9, 26),
        "international-talent": datetime.date(2017, 9, 26),
        "cross-border-e-commerce": datetime.date(2017, 9, 26),
        "innovation-plus": datetime.date(2018, 10, 29),
        "youth-policy": datetime.date(2018, 10, 29),
        "traditional-medicine": datetime.date(2018, 10, 29),
    }


def test_every_committee_has_its_name_in_the_six_languages():
    for committee in Committee.objects.all():
        names = [getattr(committee, f"name_{code}") for code in ("en", "mn", "zh_hans", "ko", "ja", "ru")]
        assert all(names), committee.slug


def test_daegu_is_not_listed_as_taking_part_in_the_energy_committee_it_once_coordinated():
    # Seed 001 names Daegu as the committee's coordinator then; no seed lists it as a participant.
    energy = Committee.objects.get(slug="energy-and-climate-change")
    assert [m.slug for m in energy.participants.all()] == ["shanxi"]
