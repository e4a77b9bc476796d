"""The officers' pages: each officer sees and changes only their own government; never cached."""

import datetime

import pytest

from events.models import Event, Participation
from members.models import LiaisonContact

pytestmark = pytest.mark.django_db


@pytest.fixture
def tov_client(client, tov_officer):
    client.force_login(tov_officer.user)
    return client


def test_my_government_shows_the_officers_own_government(tov_client, jeju_officer):
    page = tov_client.get("/en/liaison/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Töv Province</h1>" in html
    assert "Bat-Erdene Dorj" in html
    assert "Kim Minji" not in html and "liaison@jeju.example" not in html
    assert "Your government holds its vote" in html
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]


def test_my_government_is_in_the_officers_language(tov_client):
    html = tov_client.get("/mn/liaison/").content.decode()
    assert "<h1>Төв аймаг</h1>" in html


def test_my_government_query_count(tov_client, django_assert_num_queries):
    # 19, the government's cooperation plans, and the motions open for written ballots (none in the real data)
    with django_assert_num_queries(21):
        tov_client.get("/en/liaison/")


@pytest.mark.parametrize("motions", [1, 3])
def test_my_government_reads_the_open_motions_and_the_governments_ballots_once(
    tov_client, django_assert_num_queries, motions
):
    from assemblies.models import DecisionKind
    from tests.assemblies.factories import make_motion, make_session

    session = make_session(written_resolutions=True)
    for position in range(1, motions + 1):
        make_motion(session, DecisionKind.OTHER, position=position)
    with django_assert_num_queries(22):  # the motions, then the government's current ballots on them
        page = tov_client.get("/en/liaison/")
    assert page.content.decode().count("no ballot sent yet") == motions


def test_my_government_shows_the_latest_ten_events_and_links_the_rest(
    tov_client, tov_officer, django_assert_num_queries
):
    events = Event.objects.bulk_create(
        Event(
            kind=Event.Kind.OTHER,
            title_en=f"Tov event {n}",
            slug=f"tov-event-{n}",
            start_date=datetime.date(2030, 1, n),
            organised_by_secretariat=True,
        )
        for n in range(1, 31)
    )
    Participation.objects.bulk_create(Participation(event=event, member=tov_officer.member) for event in events)
    with django_assert_num_queries(22):  # one more than without events: their host governments
        html = tov_client.get("/en/liaison/").content.decode()
    assert [n for n in range(1, 31) if f"Tov event {n}<" in html] == list(range(21, 31))
    assert "The 10 latest are shown; the events list has them all, with their number." in html
    assert '<a href="/en/events/?government=tov">All events hosted or attended by this government</a>' in html


@pytest.mark.parametrize(
    "url", ["/en/liaison/", "/en/liaison/contacts/new/", "/en/liaison/statement.pdf", "/en/liaison/contacts/1/"]
)
def test_anonymous_visitors_are_sent_to_the_sign_in(client, url):
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/en/liaison/sign-in/?next={url}")


@pytest.mark.parametrize("url", ["/en/liaison/", "/en/liaison/contacts/new/", "/en/liaison/statement.pdf"])
def test_staff_are_not_officers(client, secretariat_user, url):
    client.force_login(secretariat_user)
    assert client.get(url).status_code == 403


def test_an_officer_updates_a_contact_of_their_government_and_the_history_names_them(tov_client, tov_officer):
    contact = tov_officer.contact
    response = tov_client.post(
        f"/en/liaison/contacts/{contact.pk}/",
        {
            "name": "Bat-Erdene Dorj",
            "position": "Head of foreign relations",
            "email": "liaison@tov.example",
            "phone": "+976 11 000000",
            "languages": "mn, ru, en",
        },
    )
    assert (response.status_code, response["Location"]) == (302, "/en/liaison/")
    contact.refresh_from_db()
    assert (contact.position, contact.phone, contact.languages) == (
        "Head of foreign relations",
        "+976 11 000000",
        ["mn", "ru", "en"],
    )
    latest = contact.history.latest()
    assert (latest.history_type, latest.history_user) == ("~", tov_officer.user)


def test_an_unknown_language_code_is_a_clear_error_and_changes_nothing(tov_client, tov_officer):
    contact = tov_officer.contact
    response = tov_client.post(
        f"/en/liaison/contacts/{contact.pk}/",
        {"name": "Changed", "email": "liaison@tov.example", "languages": "mn, xx"},
    )
    assert response.status_code == 200
    assert "“xx”: use the codes en, mn, zh-hans, ko, ja, ru." in response.content.decode()
    contact.refresh_from_db()
    assert contact.name == "Bat-Erdene Dorj"


def test_an_officer_adds_a_contact_to_their_own_government_only(tov_client, tov_officer):
    response = tov_client.post(
        "/en/liaison/contacts/new/", {"name": "Second Officer", "member": "999", "languages": ""}
    )
    assert response.status_code == 302
    assert LiaisonContact.objects.get(name="Second Officer").member == tov_officer.member


def test_no_officer_reads_or_writes_another_governments_contact(tov_client, jeju_officer):
    jeju_contact = jeju_officer.contact
    url = f"/en/liaison/contacts/{jeju_contact.pk}/"
    assert tov_client.get(url).status_code == 404
    response = tov_client.post(url, {"name": "Taken over", "email": "x@tov.example", "languages": ""})
    assert response.status_code == 404
    jeju_contact.refresh_from_db()
    assert jeju_contact.name == "Kim Minji"


def test_the_other_officer_sees_only_jeju(client, tov_officer, jeju_officer):
    client.force_login(jeju_officer.user)
    html = client.get("/en/liaison/").content.decode()
    assert "<h1>Jeju Special Self-Governing Province</h1>" in html
    assert "Bat-Erdene Dorj" not in html


@pytest.mark.pdf
def test_the_officer_downloads_their_own_dues_statement(tov_client):
    response = tov_client.get("/en/liaison/statement.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="near-dues-tov-')


def test_the_sign_in_page_is_never_stored_in_the_public_cache(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    response = client.get("/en/liaison/sign-in/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert client.get("/en/liaison/sign-in/")["X-Page-Cache"] == "miss"


def test_the_secretariat_sees_what_an_officer_changed_in_the_contacts_history(
    client, tov_client, tov_officer, secretariat_user
):
    contact = tov_officer.contact
    tov_client.post(
        f"/en/liaison/contacts/{contact.pk}/",
        {"name": "Bat-Erdene Dorj", "email": "liaison@tov.example", "phone": "+976 70 123456", "languages": "mn"},
    )
    client.force_login(secretariat_user)
    html = client.get(f"/admin/members/liaisoncontact/{contact.pk}/history/").content.decode()
    assert "liaison@tov.example" in html
    assert "+976 70 123456" in html
