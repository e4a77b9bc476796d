"""Coordinators on a date and dormancy: the queryset rules and the instance methods agree."""

import datetime

import pytest

from committees.models import Committee, CoordinatorTerm
from committees.querysets import dormancy_cutoff

pytestmark = pytest.mark.django_db

D = datetime.date
SAMPLE_DATES = [
    D(1999, 1, 1),
    D(2008, 9, 1),
    D(2008, 9, 2),
    D(2016, 8, 31),
    D(2016, 9, 1),
    D(2017, 9, 25),
    D(2017, 9, 26),
    D(2018, 10, 28),
    D(2018, 10, 29),
    D(2021, 8, 10),
    D(2030, 1, 1),
]


def coordinators_by_queryset(committee, on):
    terms = CoordinatorTerm.objects.held_on(on).filter(committee=committee).order_by("member__slug")
    return [term.member.slug for term in terms]


def coordinators_by_instance(committee, on):
    return sorted(member.slug for member in committee.coordinators_on(on))


def test_tourism_had_one_coordinator_before_the_12th_general_assembly_and_two_from_it():
    tourism = Committee.objects.get(slug="tourism")
    assert coordinators_by_queryset(tourism, D(2018, 10, 28)) == ["henan"]
    assert coordinators_by_queryset(tourism, D(2018, 10, 29)) == ["henan", "ningxia"]


def test_shanxi_took_energy_and_climate_change_over_from_daegu_in_september_2016():
    energy = Committee.objects.get(slug="energy-and-climate-change")
    assert coordinators_by_queryset(energy, D(2016, 8, 31)) == ["daegu"]
    assert coordinators_by_queryset(energy, D(2016, 9, 1)) == ["shanxi"]


def test_no_coordinator_before_a_committee_exists_when_the_terms_start_is_unrecorded():
    logistics = Committee.objects.get(slug="logistics")
    assert coordinators_by_queryset(logistics, D(2017, 9, 25)) == []
    assert coordinators_by_queryset(logistics, D(2017, 9, 26)) == ["heilongjiang"]


def test_abolished_committees_have_no_coordinator_from_the_day_of_abolition():
    border = Committee.objects.get(slug="border-cooperation")
    assert coordinators_by_queryset(border, D(2017, 9, 25)) == ["irkutsk"]
    assert coordinators_by_queryset(border, D(2017, 9, 26)) == []


def test_the_instance_method_agrees_with_the_queryset_on_every_committee_and_date():
    committees = Committee.objects.prefetch_related("coordinator_terms__member")
    for committee in committees:
        for on in SAMPLE_DATES:
            assert coordinators_by_instance(committee, on) == coordinators_by_queryset(committee, on), (
                committee.slug,
                on,
            )


def test_existing_on_agrees_with_exists_on():
    for on in SAMPLE_DATES:
        by_queryset = set(Committee.objects.existing_on(on).values_list("slug", flat=True))
        assert by_queryset == {c.slug for c in Committee.objects.all() if c.exists_on(on)}, on


def test_seventeen_committees_exist_after_the_12th_general_assembly_and_fourteen_before():
    assert Committee.objects.existing_on(D(2018, 10, 29)).count() == 17
    assert Committee.objects.existing_on(D(2018, 10, 28)).count() == 14
    assert Committee.objects.existing_on(D(2017, 9, 25)).count() == 14


# --- Dormancy (Committee Regulation art. 5(4), 5(7)) ---------------------------------------


def dormant(committee, on):
    by_queryset = Committee.objects.with_dormancy(on).get(pk=committee.pk).dormant
    by_instance = Committee.objects.get(pk=committee.pk).is_dormant(on)
    assert by_queryset == by_instance
    return by_queryset


@pytest.fixture
def committee_meeting_march_2016(make_committee, make_term, make_event, member):
    committee = make_committee(established_on=D(2010, 1, 1))
    make_term(committee, member("hyogo"), D(2010, 1, 1))
    make_event(committee, D(2016, 3, 5), D(2016, 3, 7))
    return committee


def test_dormant_exactly_two_years_after_the_last_day_of_the_last_meeting(committee_meeting_march_2016):
    assert dormant(committee_meeting_march_2016, D(2018, 3, 6)) is False
    assert dormant(committee_meeting_march_2016, D(2018, 3, 7)) is True


def test_a_meeting_within_two_years_keeps_the_committee_active(committee_meeting_march_2016, make_event):
    make_event(committee_meeting_march_2016, D(2017, 11, 1))
    assert dormant(committee_meeting_march_2016, D(2019, 10, 31)) is False
    assert dormant(committee_meeting_march_2016, D(2019, 11, 1)) is True


def test_any_activity_of_the_committee_counts_not_only_meetings(committee_meeting_march_2016, make_event):
    make_event(committee_meeting_march_2016, D(2017, 11, 1), kind="forum")
    assert dormant(committee_meeting_march_2016, D(2018, 6, 1)) is False


def test_unpublished_and_later_events_do_not_count(committee_meeting_march_2016, make_event):
    make_event(committee_meeting_march_2016, D(2017, 11, 1), published=False)
    make_event(committee_meeting_march_2016, D(2018, 6, 1))
    assert dormant(committee_meeting_march_2016, D(2018, 3, 7)) is True


def test_a_new_coordinator_gets_its_own_two_years(committee_meeting_march_2016, make_term, member):
    CoordinatorTerm.objects.filter(committee=committee_meeting_march_2016).update(
        ended_on=D(2017, 5, 1), end_precision="day"
    )
    make_term(committee_meeting_march_2016, member("kyoto"), D(2017, 5, 1))
    assert dormant(committee_meeting_march_2016, D(2019, 4, 30)) is False
    assert dormant(committee_meeting_march_2016, D(2019, 5, 1)) is True


def test_dormancy_does_not_apply_without_a_coordinator_or_after_abolition(make_committee, make_term, member):
    committee = make_committee(established_on=D(2010, 1, 1))
    assert dormant(committee, D(2015, 1, 1)) is None
    make_term(committee, member("hyogo"), D(2010, 1, 1), D(2014, 1, 1))
    committee.status, committee.status_changed_on = "abolished", D(2014, 1, 1)
    committee.save()
    assert dormant(committee, D(2013, 12, 31)) is True
    assert dormant(committee, D(2014, 1, 1)) is None


def test_dormancy_cannot_be_determined_when_nothing_dated_is_recorded(make_committee, make_term, member):
    committee = make_committee(established_on=None)
    make_term(committee, member("hyogo"))
    assert dormant(committee, D(2020, 1, 1)) is None


def test_the_dormant_queryset_and_the_instance_agree_on_the_real_data():
    for on in SAMPLE_DATES:
        flagged = set(Committee.objects.dormant(on).values_list("slug", flat=True))
        assert flagged == {c.slug for c in Committee.objects.all() if c.is_dormant(on)}, on


def test_sports_had_held_no_meeting_two_years_after_its_creation():
    sports = Committee.objects.get(slug="sports")
    assert dormant(sports, D(2015, 9, 10)) is False
    assert dormant(sports, D(2015, 9, 11)) is True


def test_two_years_before_29_february_is_28_february():
    assert dormancy_cutoff(D(2020, 2, 29)) == D(2018, 2, 28)
    assert dormancy_cutoff(D(2019, 3, 1)) == D(2017, 3, 1)


def test_meetings_since_2018_count_published_committee_meetings_after_2018_up_to_the_date(make_event):
    disaster = Committee.objects.get(slug="disaster-prevention")
    make_event(disaster, D(2018, 3, 5))  # already in the 2018 table's 16
    make_event(disaster, D(2019, 3, 5))
    make_event(disaster, D(2020, 3, 5))
    make_event(disaster, D(2020, 6, 1), published=False)
    make_event(disaster, D(2020, 7, 1), kind="forum")
    counted = Committee.objects.with_meeting_counts(D(2020, 12, 31)).get(pk=disaster.pk)
    assert (counted.meetings_to_2018, counted.meetings_since_2018) == (16, 2)
    assert Committee.objects.with_meeting_counts(D(2019, 12, 31)).get(pk=disaster.pk).meetings_since_2018 == 1
