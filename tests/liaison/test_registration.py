"""Event registration: officers register their delegation up to the deadline, only for their own
government; the secretariat exports the list and records the participation after the event."""

import datetime

import pytest
from django.contrib.auth.models import Group

from core import roles
from events.models import Event, Participation
from liaison.models import DelegateRegistration
from liaison.registration import record_participation

pytestmark = pytest.mark.django_db

SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture
def forum(db):
    event = Event(
        kind=Event.Kind.OTHER,
        title="Northeast Asia Regional Forum 2030",
        title_en="Northeast Asia Regional Forum 2030",
        slug="forum-2030",
        start_date=datetime.date(2030, 9, 1),
        published=True,
        registration_deadline=datetime.datetime(2030, 8, 1, 18, 0, tzinfo=SEOUL),
    )
    event.full_clean()
    event.save()
    return event


def delegate(name, **extra):
    return {"name": name, "post": "Deputy Governor", "languages": "mn, en", "arrival": "2030-08-31T14:30", **extra}


def test_an_officer_registers_two_delegates_of_their_government(client, tov_officer, forum):
    client.force_login(tov_officer.user)
    assert "Northeast Asia Regional Forum 2030" in client.get("/en/liaison/").content.decode()
    url = f"/en/liaison/events/{forum.pk}/"
    assert client.post(url, delegate("Dorjiin Bat")).status_code == 302
    assert client.post(url, delegate("Sükhbaataryn Oyun", post="Head of foreign relations")).status_code == 302
    rows = DelegateRegistration.objects.filter(event=forum).order_by("name")
    assert [(r.name, r.member.slug, r.languages, r.registered_by) for r in rows] == [
        ("Dorjiin Bat", "tov", ["mn", "en"], tov_officer.user),
        ("Sükhbaataryn Oyun", "tov", ["mn", "en"], tov_officer.user),
    ]
    assert rows[0].arrival == datetime.datetime(2030, 8, 31, 14, 30, tzinfo=SEOUL)
    assert "Sükhbaataryn Oyun" in client.get(url).content.decode()


def test_the_delegation_list_shows_only_the_officers_own_government(client, tov_officer, jeju_officer, forum):
    DelegateRegistration.objects.create(event=forum, member=jeju_officer.member, name="Jeju Delegate")
    client.force_login(tov_officer.user)
    assert "Jeju Delegate" not in client.get(f"/en/liaison/events/{forum.pk}/").content.decode()


def test_registration_closes_at_the_deadline(client, tov_officer, forum):
    forum.registration_deadline = datetime.datetime(2020, 1, 1, tzinfo=SEOUL)
    forum.save()
    client.force_login(tov_officer.user)
    assert client.post(f"/en/liaison/events/{forum.pk}/", delegate("Late Delegate")).status_code == 404
    assert DelegateRegistration.objects.count() == 0


def test_events_without_a_deadline_take_no_registration(client, tov_officer):
    client.force_login(tov_officer.user)
    event = Event.objects.published().first()
    assert client.get(f"/en/liaison/events/{event.pk}/").status_code == 404


def test_anonymous_visitors_cannot_register(client, forum):
    response = client.post(f"/en/liaison/events/{forum.pk}/", delegate("Anonymous"))
    assert response.status_code == 302
    assert DelegateRegistration.objects.count() == 0


def test_participation_is_recorded_from_the_registrations_after_the_event(tov_officer, jeju_officer, forum):
    for name in ("A", "B"):
        DelegateRegistration.objects.create(event=forum, member=tov_officer.member, name=name)
    DelegateRegistration.objects.create(event=forum, member=jeju_officer.member, name="C")
    with pytest.raises(Exception) as error:
        record_participation(event=forum, today=datetime.date(2030, 9, 1))
    assert error.value.messages == [
        "Northeast Asia Regional Forum 2030 has not ended yet: its participation is recorded after it."
    ]
    record_participation(event=forum, today=datetime.date(2030, 9, 2))
    assert sorted(Participation.objects.filter(event=forum).values_list("member__slug", "delegates")) == [
        ("jeju", 1),
        ("tov", 2),
    ]


def test_the_secretariat_exports_the_delegation_list(client, secretariat_user, tov_officer, forum):
    DelegateRegistration.objects.create(
        event=forum, member=tov_officer.member, name="Dorjiin Bat", post="=HYPERLINK()", languages=["mn"]
    )
    client.force_login(secretariat_user)
    response = client.post(
        "/admin/liaison/delegateregistration/export/",
        {
            "format": "0",
            "resource": "0",
            **{f"delegateregistrationresource_{f}": "on" for f in ("event", "member", "name", "post", "languages")},
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Northeast Asia Regional Forum 2030,Töv Province,Dorjiin Bat,'=HYPERLINK(),mn" in text


def test_only_staff_who_may_change_participation_record_it(client, staff_in_role, tov_officer, forum):
    DelegateRegistration.objects.create(event=forum, member=tov_officer.member, name="A")
    auditor = staff_in_role(roles.AUDITOR)
    client.force_login(auditor)
    page = client.get("/admin/liaison/delegateregistration/")
    assert page.status_code == 200
    assert "record_participation" not in page.content.decode()
    editor = staff_in_role(roles.EDITOR)
    assert Group.objects.get(name=roles.EDITOR) in editor.groups.all()
    client.force_login(editor)
    assert "record_participation" in client.get("/admin/liaison/delegateregistration/").content.decode()


def test_the_registrations_list_filters_by_the_events_that_have_registrations_only(admin_client):
    Event.objects.bulk_create(
        Event(
            kind="other",
            title_en=f"Unregistered event {n}",
            slug=f"unregistered-{n}",
            start_date=datetime.date(2030, 1, 1),
            organised_by_secretariat=True,
        )
        for n in range(300)
    )
    page = admin_client.get("/admin/liaison/delegateregistration/").content.decode()
    assert "Unregistered event" not in page
