"""Written votes: a government's liaison officer casts, changes and sees its written ballot on an
open motion (issue 17); each change is a new row superseding the last (Hardening II point 2)."""

import pytest
from django.urls import reverse

from assemblies import polls
from assemblies.models import Attendance, Ballot, DecisionKind, Motion
from members.models import MemberGovernment
from tests.assemblies.factories import attend, make_motion, make_session
from tests.dues.factories import assess

pytestmark = pytest.mark.django_db

YES, NO, ABSTAIN = Ballot.Choice.YES, Ballot.Choice.NO, Ballot.Choice.ABSTAIN
# The motion page: the government's dues and membership on the roll date, the roll, its ballots.
WRITTEN_BALLOT_QUERIES = 16  # the restriction worked out once for the vote and the page


@pytest.fixture
def motion():
    """An ordinary motion of a General Assembly that takes written resolutions (roll of 9 August 2021: 78)."""
    return make_motion(make_session(written_resolutions=True), DecisionKind.OTHER, text="Adopt the work plan 2022.")


@pytest.fixture
def tov_client(client, tov_officer):
    client.force_login(tov_officer.user)
    return client


def url(motion):
    return reverse("liaison:written-ballot", args=[motion.pk])


def test_an_officer_casts_the_written_ballot_sees_the_receipt_and_the_roll_says_written(
    tov_client, tov_officer, motion
):
    tov = tov_officer.member
    response = tov_client.post(url(motion), {"choice": "yes"})
    ballot = Ballot.objects.get(motion=motion, member=tov)
    assert (response.status_code, response["Location"]) == (302, f"/en/liaison/ballots/{ballot.pk}/")
    assert (ballot.choice, ballot.method, ballot.recorded_by, ballot.supersedes) == (
        YES,
        Ballot.Method.WRITTEN,
        tov_officer.user,
        None,
    )
    attendance = motion.agenda_item.session.attendances.get(member=tov)
    assert attendance.status == Attendance.Status.WRITTEN
    assert (attendance.history.latest().history_type, attendance.history.latest().history_user) == (
        "+",
        tov_officer.user,
    )
    receipt = tov_client.get(response["Location"]).content.decode()
    assert f'<dd data-field="reference">NEAR-B-{ballot.pk:06d}</dd>' in receipt
    assert '<dd data-field="vote">yes</dd>' in receipt
    assert '<dd data-field="by">Bat-Erdene Dorj</dd>' in receipt
    assert '<dd data-field="status">current</dd>' in receipt
    assert f"Your government&#x27;s ballot is recorded: reference NEAR-B-{ballot.pk:06d}." in receipt
    count = polls.count_poll(motion)
    assert (count.tally.yes, count.tally.present, count.written) == (1, 1, 1)


def test_changing_the_ballot_needs_a_reason_and_supersedes_the_first(tov_client, tov_officer, motion):
    tov_client.post(url(motion), {"choice": "yes"})
    first = Ballot.objects.get(motion=motion)

    refused = tov_client.post(url(motion), {"choice": "no"})
    assert refused.status_code == 200
    assert refused.context["form"].errors == {
        "reason": ["Say why the ballot changes: the earlier one stays on record."]
    }
    assert Ballot.objects.filter(motion=motion).count() == 1

    response = tov_client.post(url(motion), {"choice": "no", "reason": "The governor's decision."})
    assert response.status_code == 302
    rows = list(Ballot.objects.filter(motion=motion).order_by("cast_at"))
    assert [(b.choice, b.superseded_at is None, b.reason) for b in rows] == [
        (YES, False, ""),
        (NO, True, "The governor's decision."),
    ]
    assert rows[0].cast_at == first.cast_at and rows[1].supersedes == rows[0]
    page = tov_client.get(url(motion)).content.decode()
    assert page.count("superseded</td>") == 1 and page.count("current</td>") == 1
    assert polls.count_poll(motion).tally.no == 1 and polls.count_poll(motion).tally.yes == 0


def test_my_government_lists_the_open_motions_with_the_governments_ballot(tov_client, motion):
    other = make_motion(make_session(key="no-written", start=motion.agenda_item.session.start_date), DecisionKind.OTHER)
    page = tov_client.get("/en/liaison/").content.decode()
    assert f'href="/en/liaison/motions/{motion.pk}/"' in page and "no ballot sent yet" in page
    assert f'href="/en/liaison/motions/{other.pk}/"' not in page  # that session takes no written resolutions
    tov_client.post(url(motion), {"choice": "abstain"})
    ballot = Ballot.objects.get(motion=motion)
    assert f"your ballot: abstain (NEAR-B-{ballot.pk:06d})" in tov_client.get("/en/liaison/").content.decode()


def test_a_government_in_arrears_is_told_why_it_cannot_vote_and_nothing_is_written(officer_factory, client, motion):
    akita = officer_factory("akita", "Sato Hanako", "liaison@akita.example")
    assess(akita.member, 2020, 2021)  # two fiscal years unpaid on 9 August 2021
    client.force_login(akita.user)
    page = client.get(url(motion)).content.decode()
    assert "Your government holds no vote at this session" in page
    assert "two or more fiscal years of its dues were in arrears" in page
    assert 'name="choice"' not in page
    response = client.post(url(motion), {"choice": "yes"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Akita Prefecture holds no voting right at this session (Charter art. 9(1), art. 5-2; Dues Regulation art. 6)."
    ]
    assert not Ballot.objects.filter(motion=motion).exists()
    assert not motion.agenda_item.session.attendances.exists()
    japanese = client.get(f"/ja{url(motion)[3:]}").content.decode()
    assert "この会期での表決権がありません" in japanese


def test_an_associate_member_is_told_only_full_members_vote(officer_factory, client, motion):
    hcmc = officer_factory("ho-chi-minh-city", "Nguyen Van An", "liaison@hcmc.example")
    client.force_login(hcmc.user)
    page = client.get(url(motion)).content.decode()
    assert "On that day it was not a full member: only full members vote (Charter art. 9(1))." in page
    assert client.post(url(motion), {"choice": "yes"}).status_code == 200
    assert not Ballot.objects.exists()


def test_a_closed_poll_refuses_a_written_ballot(tov_client, tov_officer, motion, secretariat_user):
    tov_client.post(url(motion), {"choice": "yes"})
    polls.close_poll(motion=motion, closed_by=secretariat_user, on=motion.agenda_item.session.start_date)
    page = tov_client.get(url(motion)).content.decode()
    assert "The poll on this motion is closed: no quorum." in page
    response = tov_client.post(url(motion), {"choice": "no", "reason": "Too late."})
    assert response.context["form"].non_field_errors() == [
        "The poll on this motion is closed: its ballots cannot change."
    ]
    assert list(Ballot.objects.values_list("choice", flat=True)) == [YES]


def test_a_government_present_in_the_room_votes_there(tov_client, tov_officer, motion):
    attend(motion.agenda_item.session, [tov_officer.member])
    response = tov_client.post(url(motion), {"choice": "yes"})
    assert response.context["form"].non_field_errors() == [
        "Töv Province is recorded as present in the room at this session: its delegates vote there."
    ]
    assert not Ballot.objects.exists()


def test_a_session_without_written_resolutions_has_no_written_ballot_page(tov_client):
    motion = make_motion(make_session(), DecisionKind.OTHER)
    assert tov_client.get(url(motion)).status_code == 404
    assert tov_client.post(url(motion), {"choice": "yes"}).status_code == 404


def test_the_secretariats_tally_counts_the_written_ballots(tov_client, client, motion, secretariat_user, jeju_officer):
    tov_client.post(url(motion), {"choice": "yes"})
    polls.cast_written_ballot(motion=motion, member=jeju_officer.member, choice=NO, recorded_by=jeju_officer.user)
    client.force_login(secretariat_user)
    page = client.get(reverse("admin:assemblies_motion_tally", args=[motion.pk]))
    voted = {g.slug: (b.choice, b.method) for g, _status, b in page.context["voted"]}
    assert voted == {"tov": (YES, "written"), "jeju": (NO, "written")}
    assert len(page.context["waiting"]) == 76
    html = page.content.decode()
    assert "2 governments have voted" in html and "(2 in writing)" in html
    assert '<dd data-count="yes">1</dd>' in html and '<dd data-count="no">1</dd>' in html


@pytest.mark.parametrize("language", ["en", "mn", "zh-hans", "ko", "ja", "ru"])
def test_the_written_ballot_pages_are_in_six_languages(tov_client, motion, language):
    tov_client.post(url(motion), {"choice": "yes"})
    ballot = Ballot.objects.get()
    for address in (f"/{language}/liaison/motions/{motion.pk}/", f"/{language}/liaison/ballots/{ballot.pk}/"):
        response = tov_client.get(address)
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()


def test_written_ballot_page_query_count(tov_client, motion, django_assert_num_queries):
    tov_client.post(url(motion), {"choice": "yes"})
    with django_assert_num_queries(WRITTEN_BALLOT_QUERIES):
        tov_client.get(url(motion))


# --- Two governments' officers: neither reads nor writes the other's ballot --------------------


def test_an_officer_cannot_read_another_governments_receipt(client, tov_officer, jeju_officer, motion):
    ballot = polls.cast_written_ballot(
        motion=motion, member=tov_officer.member, choice=YES, recorded_by=tov_officer.user
    )
    client.force_login(jeju_officer.user)
    assert client.get(reverse("liaison:ballot-receipt", args=[ballot.pk])).status_code == 404
    page = client.get(url(motion)).content.decode()
    assert ballot.reference not in page and "Bat-Erdene" not in page and 'id="current-ballot"' not in page
    assert ballot.reference not in client.get("/en/liaison/").content.decode()


def test_an_officer_writes_only_their_own_governments_ballot(client, tov_officer, jeju_officer, motion):
    tov_ballot = polls.cast_written_ballot(
        motion=motion, member=tov_officer.member, choice=YES, recorded_by=tov_officer.user
    )
    client.force_login(jeju_officer.user)
    # A forged government field is not part of the form: the ballot is Jeju's, Töv's stays as it was.
    response = client.post(url(motion), {"choice": "no", "member": tov_officer.member.pk})
    assert response.status_code == 302
    assert sorted(Ballot.objects.values_list("member__slug", "choice", "superseded_at")) == [
        ("jeju", NO, None),
        ("tov", YES, None),
    ]
    assert Ballot.objects.get(member__slug="tov") == tov_ballot
    # The change form of Jeju's page does not touch Töv's either.
    client.post(url(motion), {"choice": "abstain", "reason": "Corrected."})
    assert Ballot.objects.filter(member__slug="tov").count() == 1


def test_staff_and_anonymous_visitors_do_not_reach_the_written_ballot_pages(client, secretariat_user, motion):
    ballot_url = reverse("liaison:ballot-receipt", args=[1])
    for address in (url(motion), ballot_url):
        assert client.get(address).status_code == 302
    client.force_login(secretariat_user)
    for address in (url(motion), ballot_url):
        assert client.get(address).status_code == 403


def test_a_revoked_officer_cannot_vote(client, tov_officer, motion, secretariat_user):
    from liaison.accounts import revoke_officer

    client.force_login(tov_officer.user)
    revoke_officer(account=tov_officer, acting_user=secretariat_user)
    assert client.post(url(motion), {"choice": "yes"}).status_code == 302  # to the sign-in
    assert not Ballot.objects.exists()
    assert MemberGovernment.objects.get(slug="tov").ballots.count() == 0
    assert Motion.objects.get(pk=motion.pk).status == Motion.Status.OPEN
