"""The real events of 2018 (Annual Report 2018, seed 003) and 2021 (seed 004) as loaded from fixtures/."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count

from events.figures import event_figures, figure_problems
from events.models import CountryFigure, Event, Participation
from members.models import DatePrecision

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "mn", "zh_hans", "ko", "ja", "ru")


def by_country(event):
    return {line.country.code: (line.governments, line.works) for line in event.country_figures.all()}


def test_the_2018_record_holds_every_event_of_the_annual_report_by_kind():
    counts = dict(Event.objects.in_year(2018).values_list("kind").annotate(n=Count("pk")).order_by())
    assert counts == {
        "general_assembly": 1,
        "committee_meeting": 5,
        "workshop": 1,
        "youth_forum": 1,
        "youth_contest": 1,
        # External cooperation: 39 entries of 2018 (the 40th, the cruise forum, is dated 2019).
        "visit": 28,
        "forum": 8,
        "other": 3,
    }


def test_the_cruise_tourism_forum_announced_in_2018_is_dated_as_announced():
    forum = Event.objects.get(slug="near-cruise-tourism-forum-2019")
    assert (forum.start_date, forum.end_date) == (datetime.date(2019, 2, 20), datetime.date(2019, 2, 22))
    assert forum.organised_by_secretariat is True


def test_the_crested_ibis_forum_is_another_organisations_forum_the_secretariat_helped_run():
    # Seed 003: the Secretary General attended its opening and spoke; the secretariat went
    # along as 承办单位 (the unit running it), and the report lists it under external cooperation.
    forum = Event.objects.get(slug="2018-05-crested-ibis-international-forum")
    assert (forum.kind, forum.organiser, forum.organiser_name, forum.organised_by_secretariat) == (
        "forum",
        "other",
        "",
        False,
    )
    assert "承办单位" in forum.summary_zh_hans


def test_16th_disaster_prevention_committee_as_the_report_gives_it():
    event = Event.objects.get(slug="16th-disaster-prevention-committee-2018")
    assert (event.start_date, event.end_date) == (datetime.date(2018, 3, 5), datetime.date(2018, 3, 7))
    assert event.committee.slug == "disaster-prevention"
    assert [host.slug for host in event.hosts.all()] == ["hyogo"]
    assert (event.recorded_governments, event.recorded_participants, event.recorded_countries) == (15, 28, 5)
    assert event.country.code == "JP"


def test_working_level_workshop_gyeongju_40_governments_by_country_100_people():
    event = Event.objects.get(slug="working-level-workshop-2018")
    assert event.kind == Event.Kind.WORKSHOP
    assert (event.start_date, event.end_date) == (datetime.date(2018, 6, 21), datetime.date(2018, 6, 23))
    assert event.city_en == "Gyeongju"
    assert (event.recorded_governments, event.recorded_participants) == (40, 100)
    assert by_country(event) == {"CN": (8, None), "JP": (3, None), "KR": (14, None), "MN": (13, None), "RU": (2, None)}


def test_youth_leaders_forum_pohang_82_participants():
    event = Event.objects.get(slug="youth-leaders-forum-2018")
    assert (event.start_date, event.end_date) == (datetime.date(2018, 8, 17), datetime.date(2018, 8, 22))
    assert (event.city_en, event.recorded_participants, event.recorded_countries) == ("Pohang", 82, 5)


def test_6th_youth_contest_130_works_by_country_dated_to_the_year():
    event = Event.objects.get(slug="6th-youth-contest-2018")
    assert (event.start_date, event.date_precision) == (datetime.date(2018, 1, 1), DatePrecision.YEAR)
    assert event.recorded_works == 130
    assert by_country(event) == {
        "CN": (None, 51),
        "JP": (None, 2),
        "KR": (None, 21),
        "MN": (None, 22),
        "RU": (None, 34),
    }
    figures = event_figures(event)
    assert (figures.works.value, figures.works.origin) == (130, "recorded")
    assert (figures.countries.value, figures.countries.origin) == (5, "counted")


def test_12th_general_assembly_zhangjiajie_29_governments_present():
    event = Event.objects.get(slug="12th-general-assembly-2018")
    assert event.kind == Event.Kind.GENERAL_ASSEMBLY
    assert (event.start_date, event.end_date) == (datetime.date(2018, 10, 28), datetime.date(2018, 10, 31))
    assert (event.city_en, event.country.code) == ("Zhangjiajie", "CN")
    assert [host.slug for host in event.hosts.all()] == ["hunan"]
    assert event.recorded_governments == 29
    assert by_country(event) == {"CN": (10, None), "JP": (3, None), "KR": (4, None), "MN": (9, None), "RU": (3, None)}
    assert (event.recorded_participants, event.participants_more_than) == (150, True)


def test_13th_general_assembly_2021_hosted_by_sakha_online_from_pohang_76_governments():
    event = Event.objects.get(slug="13th-general-assembly-2021")
    assert (event.start_date, event.end_date, event.online) == (datetime.date(2021, 8, 10), None, True)
    assert (event.city_en, event.country.code) == ("Pohang", "KR")
    # Sakha held the 13th Assembly and the chair (seed 003; Charter art. 7(1)); it met online
    # from Pohang, the Secretariat's seat (seed 004).
    assert [host.slug for host in event.hosts.all()] == ["sakha"]
    assert (event.recorded_governments, event.recorded_participants, event.participants_more_than) == (76, 200, True)
    assert "liaoning" in set(event.participations.values_list("member__slug", flat=True))


def test_dinner_with_the_mongolian_governors_took_place_at_the_12th_assembly_in_zhangjiajie():
    event = Event.objects.get(slug="2018-10-meeting-with-mongolian-governors")
    # Seed 003:699: "在参加第12次NEAR全体会议期间 ... 拟于全体会议结束后, 召开 ... 晚宴座谈会";
    # the Assembly met in Zhangjiajie, Hunan (seed 003:126 "在中国湖南省张家界市阳光酒店召开").
    cities = {code: getattr(event, f"city_{code}") for code in LANGUAGES}
    assert cities == {
        "en": "Zhangjiajie",
        "mn": "Жанжяжие",
        "zh_hans": "张家界市",
        "ko": "장자제시",
        "ja": "張家界市",
        "ru": "Чжанцзяцзе",
    }
    assert event.country.code == "CN"


def test_visits_known_only_to_the_month_are_stored_on_the_first_with_month_precision():
    visit = Event.objects.get(slug="2018-05-secretary-general-visits-akita")
    assert (visit.start_date, visit.date_precision, visit.end_date) == (
        datetime.date(2018, 5, 1),
        DatePrecision.MONTH,
        None,
    )
    assert Event.objects.filter(date_precision=DatePrecision.MONTH).exclude(start_date__day=1).count() == 0


def test_every_event_has_its_title_and_summary_in_the_six_languages():
    for event in Event.objects.all():
        for code in LANGUAGES:
            assert getattr(event, f"title_{code}"), (event.slug, code)
            assert getattr(event, f"summary_{code}"), (event.slug, code)


def test_recorded_totals_figures_by_country_and_named_governments_agree():
    problems = {event.slug: figure_problems(event) for event in Event.objects.all()}
    assert {slug: found for slug, found in problems.items() if found} == {}


def test_events_refer_only_to_the_agreed_committee_slugs():
    used = set(Event.objects.exclude(committee=None).values_list("committee__slug", flat=True))
    assert used == {
        "disaster-prevention",
        "mineral-resources",
        "education-and-culture",
        "energy-and-climate-change",
        "international-talent",
        "logistics",
        "cross-border-e-commerce",
    }


def test_loading_the_data_a_second_time_changes_nothing():
    before = (Event.objects.count(), Participation.objects.count(), CountryFigure.objects.count())
    call_command("load_near_data", verbosity=0)
    assert (
        (Event.objects.count(), Participation.objects.count(), CountryFigure.objects.count()) == before == (50, 64, 17)
    )
