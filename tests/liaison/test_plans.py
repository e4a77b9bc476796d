"""An officer publishes or withdraws their own government's cooperation plans, and no other's."""

import pytest

from members.models import MemberGovernment
from plans.models import CooperationPlan, Status

pytestmark = pytest.mark.django_db

STATUS_URL = "/en/liaison/plans/2020/status/"


@pytest.fixture
def tov_plan():
    return CooperationPlan.objects.get(government__slug="tov", year=2020)


@pytest.fixture
def tov_client(client, tov_officer):
    client.force_login(tov_officer.user)
    return client


@pytest.fixture
def jeju_client(client, jeju_officer):
    client.force_login(jeju_officer.user)
    return client


def test_my_government_lists_the_governments_own_plans_with_their_status(tov_client):
    html = tov_client.get("/en/liaison/").content.decode()
    assert (
        '<a href="/en/members/tov/plans/2020/">Töv Province&#x27;s foreign relations and cooperation plan for 2020</a>'
        in html
    )
    assert '<input type="hidden" name="status" value="draft"><button type="submit">Withdraw</button>' in html


def test_another_governments_officer_sees_no_plan_of_toev(jeju_client):
    html = jeju_client.get("/en/liaison/").content.decode()
    assert "/en/members/tov/plans/2020/" not in html
    assert "No cooperation plan of your government is recorded." in html


def test_the_officer_withdraws_and_publishes_the_plan_and_the_history_names_them(tov_client, tov_officer, tov_plan):
    response = tov_client.post(STATUS_URL, {"status": "draft"}, follow=True)
    assert "The plan for 2020 is withdrawn: the public site no longer shows it." in response.content.decode()
    tov_plan.refresh_from_db()
    assert tov_plan.status == Status.DRAFT
    latest = tov_plan.history.latest()
    assert (latest.history_type, latest.history_user, latest.status) == ("~", tov_officer.user, "draft")
    tov_client.logout()
    assert tov_client.get("/en/members/tov/plans/2020/").status_code == 404
    tov_client.force_login(tov_officer.user)
    response = tov_client.post(STATUS_URL, {"status": "published"}, follow=True)
    assert "The plan for 2020 is published on the government&#x27;s public page." in response.content.decode()
    tov_plan.refresh_from_db()
    assert tov_plan.status == Status.PUBLISHED


def test_an_officer_cannot_change_another_governments_plan(jeju_client, tov_plan):
    assert jeju_client.post(STATUS_URL, {"status": "draft"}).status_code == 404
    jeju = MemberGovernment.objects.get(slug="jeju")
    jeju_plan = CooperationPlan.objects.create(government=jeju, year=2020, title="Jeju 2020")
    assert jeju_client.post(STATUS_URL, {"status": "published"}).status_code == 302
    jeju_plan.refresh_from_db()
    tov_plan.refresh_from_db()
    assert (jeju_plan.status, tov_plan.status) == (Status.PUBLISHED, Status.PUBLISHED)
    assert jeju_client.post(STATUS_URL, {"status": "draft"}).status_code == 302
    tov_plan.refresh_from_db()
    assert tov_plan.status == Status.PUBLISHED


def test_an_unknown_status_is_a_clear_error_and_changes_nothing(tov_client, tov_plan):
    history = tov_plan.history.count()
    response = tov_client.post(STATUS_URL, {"status": "secret"}, follow=True)
    assert "Choose whether the plan is published or a draft." in response.content.decode()
    tov_plan.refresh_from_db()
    assert (tov_plan.status, tov_plan.history.count()) == (Status.PUBLISHED, history)


def test_the_status_is_changed_by_post_only_and_by_officers_only(client, tov_client, secretariat_user):
    assert tov_client.get(STATUS_URL).status_code == 405
    tov_client.logout()
    response = client.post(STATUS_URL, {"status": "draft"})
    assert (response.status_code, response["Location"]) == (302, f"/en/liaison/sign-in/?next={STATUS_URL}")
    client.force_login(secretariat_user)
    assert client.post(STATUS_URL, {"status": "draft"}).status_code == 403
