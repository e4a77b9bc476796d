"""Membership history: the derived type, admission, and the rule on a date."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from dues.querysets import voting_members
from members.membership import admit_member, record_membership_event, sync_from_history, type_on
from members.models import Country, MemberGovernment, MembershipEvent

pytestmark = pytest.mark.django_db


def test_stored_type_and_admission_agree_with_the_history_for_every_government():
    for government in MemberGovernment.objects.prefetch_related("membership_events"):
        stored = (government.membership_type, government.admitted_on, government.admitted_precision)
        sync_from_history(government)
        assert (government.membership_type, government.admitted_on, government.admitted_precision) == stored


@pytest.mark.parametrize(
    "day",
    [
        datetime.date(1996, 9, 12),
        datetime.date(2016, 9, 1),
        datetime.date(2017, 12, 31),
        datetime.date(2018, 1, 1),
        datetime.date(2018, 10, 28),
        datetime.date(2018, 10, 29),
        datetime.date(2021, 8, 9),
        datetime.date(2021, 8, 10),
    ],
)
def test_type_on_a_date_agrees_with_the_queryset(day):
    annotated = {g.slug: g.type_on for g in MemberGovernment.objects.with_type_on(day)}
    for government in MemberGovernment.objects.prefetch_related("membership_events"):
        assert type_on(government, day) == annotated[government.slug]


def test_members_on_a_date_follow_the_recorded_admissions():
    counts = [
        MemberGovernment.objects.members_on(datetime.date(*d)).count()
        for d in [
            (2016, 8, 31),
            (2016, 9, 1),
            (2017, 12, 31),
            (2018, 1, 1),
            (2018, 10, 28),
            (2018, 10, 29),
            (2021, 8, 10),
        ]
    ]
    # Hyogo and Sakha (founders), Ningxia 2000, Hubei 2006, Jilin 2014; Anhui and Shaanxi joined in
    # September 2016; the 72 undated admissions count from 2018 (the Annual Report 2018's member
    # list, seed 003); Akita on 2018-10-29, Liaoning on 2021-08-10.
    assert counts == [5, 7, 7, 77, 77, 78, 79]


def test_the_founding_roll_holds_only_the_founders_the_record_names():
    # Seed 004 line 829: founded in September 1996 by 29 governments of China, Japan, Korea and
    # Russia; the record names two of them (seed 003 lines 83, 487); the Charter was signed on
    # 1996-09-12 (seed 003 line 962).
    founders = MemberGovernment.objects.members_on(datetime.date(1996, 9, 12))
    assert sorted(founders.values_list("slug", flat=True)) == ["hyogo", "sakha"]
    assert MemberGovernment.objects.members_on(datetime.date(1996, 9, 11)).count() == 0


def test_mongolian_and_dprk_governments_are_not_founders():
    rows = MemberGovernment.objects.filter(country__code__in=["MN", "KP"]).values_list("founding_member", flat=True)
    assert (len(rows), set(rows)) == (24, {False})


def test_an_undated_admission_counts_from_2018_and_is_shown_as_not_recorded(client):
    aomori = MemberGovernment.objects.prefetch_related("membership_events").get(slug="aomori")
    assert (type_on(aomori, datetime.date(2017, 12, 31)), type_on(aomori, datetime.date(2018, 1, 1))) == (
        None,
        "member",
    )
    html = client.get("/en/members/aomori/").content.decode()
    assert "<dt>Member since</dt><dd>not recorded</dd>" in html


def test_the_stored_type_is_the_type_today_not_that_of_a_future_admission():
    tianjin = MemberGovernment.objects.get(slug="tianjin")
    next_year = datetime.date.today().replace(month=1, day=1).replace(year=datetime.date.today().year + 1)
    admit_member(member=tianjin, on=next_year, description="Test admission")
    tianjin.refresh_from_db()
    assert tianjin.membership_type == "observer"
    sync_from_history(tianjin, on=next_year)
    assert tianjin.membership_type == "member"


def test_voting_members_exclude_associates_and_observers():
    voters = set(voting_members(on=datetime.date(2022, 1, 1)).values_list("slug", flat=True))
    assert len(voters) == 79
    assert {"ho-chi-minh-city", "tianjin", "yamaguchi"} & voters == set()


def test_admitting_an_observer_makes_it_a_member_from_that_day():
    tianjin = MemberGovernment.objects.get(slug="tianjin")
    admit_member(member=tianjin, on=datetime.date(2030, 5, 1), description="Test admission")
    tianjin.refresh_from_db()
    assert (tianjin.membership_type, tianjin.admitted_on) == ("observer", datetime.date(2030, 5, 1))
    assert type_on(tianjin, datetime.date(2030, 4, 30)) == "observer"
    assert type_on(tianjin, datetime.date(2030, 5, 1)) == "member"
    assert MemberGovernment.objects.members_on(datetime.date(2030, 5, 1)).filter(slug="tianjin").exists()


def test_admitting_a_member_twice_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as error:
        admit_member(member=MemberGovernment.objects.get(slug="hyogo"), on=datetime.date(2030, 1, 1))
    assert error.value.messages == ["Hyogo Prefecture is already a member on 2030-01-01."]


def test_withdrawal_makes_a_former_member():
    aomori = MemberGovernment.objects.get(slug="aomori")
    record_membership_event(member=aomori, kind="withdrawn", membership_type="former", date=datetime.date(2020, 1, 1))
    aomori.refresh_from_db()
    assert aomori.membership_type == "former"
    assert not MemberGovernment.objects.attached_on(datetime.date(2020, 1, 1)).filter(slug="aomori").exists()
    assert MemberGovernment.objects.attached_on(datetime.date(2019, 12, 31)).filter(slug="aomori").exists()


def test_database_refuses_a_withdrawal_that_does_not_make_a_former_member():
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipEvent.objects.create(
            member=MemberGovernment.objects.get(slug="aomori"), kind="withdrawn", membership_type="member"
        )


def test_database_refuses_a_second_government_with_the_same_name_in_a_country():
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberGovernment.objects.create(
            name_en="Hyogo Prefecture", slug="hyogo-2", kind="prefecture", country=Country.objects.get(code="JP")
        )


def test_database_refuses_two_governments_at_one_list_position():
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberGovernment.objects.create(
            name_en="Another",
            slug="another",
            kind="prefecture",
            list_position=9,
            country=Country.objects.get(code="JP"),
        )


def test_loading_the_real_data_twice_changes_nothing():
    before = (MemberGovernment.objects.count(), MembershipEvent.objects.count())
    call_command("load_near_data", verbosity=0)
    assert (MemberGovernment.objects.count(), MembershipEvent.objects.count()) == before == (82, 85)
