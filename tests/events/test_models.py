"""Invariants of events held by the database, and the rules of events/querysets.py and participation.py."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from committees.models import Committee
from events.models import CountryFigure, Event, Organiser
from events.participation import add_participants
from members.models import Country, MemberGovernment

pytestmark = pytest.mark.django_db


def save_raw(**fields):
    """Save without validation, so that only the database constraints stand in the way."""
    values = {"kind": "other", "title": "Raw", "slug": "raw-event", "start_date": datetime.date(2030, 5, 1)}
    values.update(fields)
    with transaction.atomic():
        Event(**values).save()


@pytest.mark.parametrize(
    "fields, constraint",
    [
        ({"end_date": datetime.date(2030, 4, 30)}, "event_ends_after_it_starts"),
        ({"kind": "committee_meeting"}, "event_committee_meeting_has_committee"),
        ({"organiser": "committee"}, "event_committee_organiser_has_committee"),
        (
            {"date_precision": "month", "start_date": datetime.date(2030, 5, 2)},
            "event_imprecise_date_is_first_of_period",
        ),
        (
            {"date_precision": "year", "start_date": datetime.date(2030, 5, 1)},
            "event_imprecise_date_is_first_of_period",
        ),
        (
            {"date_precision": "month", "end_date": datetime.date(2030, 5, 3)},
            "event_imprecise_date_is_first_of_period",
        ),
        ({"start_time": datetime.time(10)}, "event_time_has_time_zone"),
        ({"end_time": datetime.time(10)}, "event_end_time_after_start_time"),
        (
            {"start_time": datetime.time(10), "end_time": datetime.time(9), "time_zone": "Asia/Seoul"},
            "event_end_time_after_start_time",
        ),
        ({"participants_more_than": True}, "event_more_than_qualifies_a_number"),
    ],
)
def test_the_database_refuses_an_event_that_breaks_a_rule(fields, constraint):
    with pytest.raises(IntegrityError, match=constraint):
        save_raw(**fields)


def test_a_timed_event_may_end_earlier_in_the_day_on_a_later_date():
    save_raw(
        start_time=datetime.time(18),
        end_date=datetime.date(2030, 5, 2),
        end_time=datetime.time(9),
        time_zone="Asia/Seoul",
    )
    assert Event.objects.get(slug="raw-event").end_time == datetime.time(9)


def test_the_secretariat_flag_follows_the_organiser_on_save(make_event):
    event = make_event(organiser=Organiser.OTHER)
    assert event.organised_by_secretariat is False
    event.organiser = Organiser.SECRETARIAT
    event.save()
    assert Event.objects.get(pk=event.pk).organised_by_secretariat is True


def test_a_flag_out_of_step_with_the_organiser_is_refused_by_the_database(make_event):
    event = make_event(organiser=Organiser.OTHER)
    with pytest.raises(IntegrityError, match="event_secretariat_flag_matches_organiser"), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(organised_by_secretariat=True)


def test_validation_names_an_unknown_time_zone():
    event = Event(kind="other", title="x", slug="x", start_date=datetime.date(2030, 1, 1), time_zone="Asia/Pohang")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["time_zone"] == ["Asia/Pohang is not a time zone name such as Asia/Seoul."]


def test_a_figure_by_country_must_state_a_figure(make_event):
    event = make_event()
    with pytest.raises(IntegrityError, match="country_figure_states_a_figure"), transaction.atomic():
        CountryFigure.objects.create(event=event, country=Country.objects.get(code="MN"))


@pytest.mark.parametrize("day", [datetime.date(2018, 3, 4), datetime.date(2018, 3, 7), datetime.date(2018, 3, 8)])
def test_upcoming_and_past_split_every_event_once_and_agree_with_is_upcoming(day):
    upcoming = set(Event.objects.upcoming(on=day).values_list("pk", flat=True))
    past = set(Event.objects.past(on=day).values_list("pk", flat=True))
    assert upcoming.isdisjoint(past)
    assert upcoming | past == set(Event.objects.values_list("pk", flat=True))
    assert {event.pk for event in Event.objects.all() if event.is_upcoming(day)} == upcoming


def test_an_event_is_upcoming_until_its_last_day_ends():
    meeting = Event.objects.get(slug="16th-disaster-prevention-committee-2018")
    assert meeting.is_upcoming(datetime.date(2018, 3, 7)) is True
    assert meeting.is_upcoming(datetime.date(2018, 3, 8)) is False


def test_upcoming_events_come_soonest_first_and_past_ones_latest_first():
    day = datetime.date(2018, 9, 16)
    upcoming = list(Event.objects.upcoming(on=day).values_list("start_date", flat=True))
    past = list(Event.objects.past(on=day).values_list("start_date", flat=True))
    assert upcoming == sorted(upcoming)
    assert past == sorted(past, reverse=True)
    assert upcoming[0] == datetime.date(2018, 9, 20)
    assert past[0] == datetime.date(2018, 9, 15)


@pytest.mark.parametrize("slug", ["hyogo", "sakha", "gyeongsangbuk", "liaoning", "tomsk", "yamaguchi"])
def test_involving_lists_what_a_government_hosted_or_joined_and_agrees_with_involves(slug):
    member = MemberGovernment.objects.get(slug=slug)
    found = {event.pk for event in Event.objects.involving(member)}
    assert found == {event.pk for event in Event.objects.all() if event.involves(member)}
    assert len(found) == Event.objects.involving(member).count()


def test_involving_marks_the_events_a_government_hosted():
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    marks = {event.slug: event.member_hosted for event in Event.objects.involving(hyogo)}
    assert marks == {
        "16th-disaster-prevention-committee-2018": True,
        "2018-01-hyogo-delegation-visits-secretariat": False,
        "12th-general-assembly-2018": False,
    }


@pytest.mark.parametrize(
    "organiser, near", [("secretariat", True), ("committee", True), ("host", True), ("other", False)]
)
def test_an_event_is_nears_own_unless_another_organisation_organised_it(make_event, organiser, near):
    committee = Committee.objects.get(slug="disaster-prevention") if organiser == "committee" else None
    event = make_event(kind=Event.Kind.FORUM, organiser=organiser, committee=committee)
    assert event.organised_by_near is near
    assert Event.objects.filter(pk=event.pk).organised_by_near().exists() is near
    assert Event.objects.filter(pk=event.pk).organised_by_others().exists() is not near


def test_organised_by_near_and_by_others_split_every_event_once_and_agree_with_the_instance_rule():
    near = set(Event.objects.organised_by_near().values_list("pk", flat=True))
    others = set(Event.objects.organised_by_others().values_list("pk", flat=True))
    assert near.isdisjoint(others)
    assert near | others == set(Event.objects.values_list("pk", flat=True))
    assert {event.pk for event in Event.objects.all() if event.organised_by_near} == near
    assert len(others) == 9  # 2018: eight forums of other organisations and the multicultural festival


def test_add_participants_adds_new_governments_and_leaves_listed_ones(make_event):
    event = make_event()
    hyogo, akita, sakha = (MemberGovernment.objects.get(slug=slug) for slug in ("hyogo", "akita", "sakha"))
    add_participants(event=event, members=[hyogo], delegates=3)
    added = add_participants(event=event, members=[hyogo, akita, sakha])
    assert [row.member.slug for row in added] == ["akita", "sakha"]
    assert dict(event.participations.values_list("member__slug", "delegates")) == {
        "hyogo": 3,
        "akita": None,
        "sakha": None,
    }
