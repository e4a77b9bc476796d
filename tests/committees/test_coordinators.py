"""Changing a committee's coordinator (Committee Regulation art. 5(7)-(8))."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from committees.coordinators import change_coordinator
from committees.models import Committee, CoordinatorTerm

pytestmark = pytest.mark.django_db

D = datetime.date


def slugs(members):
    return sorted(m.slug for m in members)


def fresh(committee):
    return Committee.objects.prefetch_related("coordinator_terms__member").get(pk=committee.pk)


def test_a_change_ends_the_outgoing_term_and_opens_the_incoming_one_on_the_same_day(member):
    sports = Committee.objects.get(slug="sports")
    term = change_coordinator(
        committee=sports,
        outgoing=member("sakha"),
        incoming=member("buryatia"),
        on=D(2020, 10, 1),
        appointed_by="Working Committee session of 1 October 2020",
    )
    sports = fresh(sports)
    assert slugs(sports.coordinators_on(D(2020, 9, 30))) == ["sakha"]
    assert slugs(sports.coordinators_on(D(2020, 10, 1))) == ["buryatia"]
    assert slugs(sports.coordinators_on(D(2025, 1, 1))) == ["buryatia"]
    assert (term.started_on, term.appointed_by, term.appointed_on) == (
        D(2020, 10, 1),
        "Working Committee session of 1 October 2020",
        D(2020, 10, 1),
    )
    ended = CoordinatorTerm.objects.get(committee=sports, member__slug="sakha")
    assert (ended.ended_on, ended.end_precision) == (D(2020, 10, 1), "day")
    assert "buryatia" in sports.participants.values_list("slug", flat=True)


def test_without_an_outgoing_government_the_incoming_one_becomes_co_coordinator(member):
    agriculture = Committee.objects.get(slug="agriculture")
    change_coordinator(committee=agriculture, outgoing=None, incoming=member("jeollabuk"), on=D(2021, 1, 1))
    assert slugs(fresh(agriculture).coordinators_on(D(2021, 1, 1))) == ["jeollabuk", "jeollanam"]


def test_a_resolution_object_is_stored_as_its_text(member):
    class Resolution:
        def __str__(self):
            return "Resolution 2021/3"

    term = change_coordinator(
        committee=Committee.objects.get(slug="logistics"),
        outgoing=member("heilongjiang"),
        incoming=member("primorsky"),
        on=D(2021, 5, 1),
        appointed_by=Resolution(),
        appointed_on=D(2021, 4, 30),
    )
    assert (term.appointed_by, term.appointed_on) == ("Resolution 2021/3", D(2021, 4, 30))


def test_the_decision_text_is_kept_in_the_language_in_use_and_in_english(member):
    with translation.override("ko"):
        term = change_coordinator(
            committee=Committee.objects.get(slug="youth-policy"),
            outgoing=member("krasnoyarsk"),
            incoming=member("gangwon"),
            on=D(2022, 3, 1),
            appointed_by="실무위원회 결정",
        )
    term.refresh_from_db()
    assert (term.appointed_by_ko, term.appointed_by_en, term.appointed_by_ru) == (
        "실무위원회 결정",
        "실무위원회 결정",
        None,
    )


@pytest.mark.parametrize(
    ("committee", "outgoing", "incoming", "on", "message"),
    [
        (
            "sports",
            "hyogo",
            "buryatia",
            D(2020, 1, 1),
            "Hyogo Prefecture does not coordinate Sports Committee on 2020-01-01.",
        ),
        (
            "sports",
            "sakha",
            "sakha",
            D(2020, 1, 1),
            "Sakha Republic (Yakutia) already coordinates Sports Committee on 2020-01-01.",
        ),
        ("sports", "sakha", "ho-chi-minh-city", D(2020, 1, 1), "Ho Chi Minh City is not a member on 2020-01-01."),
        ("sports", "sakha", "liaoning", D(2020, 1, 1), "Liaoning Province is not a member on 2020-01-01."),
        (
            "border-cooperation",
            "irkutsk",
            "tomsk",
            D(2018, 1, 1),
            "Border Cooperation Committee does not exist on 2018-01-01.",
        ),
        (
            "tourism",
            "ningxia",
            "hubei",
            D(2018, 10, 29),
            "The term of Ningxia Hui Autonomous Region starts on 2018-10-29; it cannot end on the same day.",
        ),
    ],
)
def test_a_change_that_the_record_does_not_allow_is_refused_and_changes_nothing(
    member, committee, outgoing, incoming, on, message
):
    committee = Committee.objects.get(slug=committee)
    before = list(CoordinatorTerm.objects.filter(committee=committee).values())
    with pytest.raises(ValidationError) as error:
        change_coordinator(committee=committee, outgoing=member(outgoing), incoming=member(incoming), on=on)
    assert error.value.messages == [message]
    assert list(CoordinatorTerm.objects.filter(committee=committee).values()) == before


def test_a_failing_new_term_rolls_the_ended_term_back(member, make_term):
    sports = Committee.objects.get(slug="sports")
    make_term(sports, member("buryatia"), D(2022, 1, 1), D(2023, 1, 1))  # a later term of the incoming one
    with pytest.raises(ValidationError):
        change_coordinator(committee=sports, outgoing=member("sakha"), incoming=member("buryatia"), on=D(2020, 1, 1))
    assert CoordinatorTerm.objects.get(committee=sports, member__slug="sakha").ended_on is None
