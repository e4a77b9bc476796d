"""Liaison officers' accounts: the secretariat invites by e-mail, the link sets a password once and
expires, the secretariat revokes; officers are never staff; axes and the password rules apply."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.test import override_settings

from liaison.accounts import account_for_token, invitation_token, invite_officer, revoke_officer
from liaison.models import OfficerAccount
from members.models import MemberGovernment

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\w+(?:-\w+)?/liaison/invitation/[^/\s]+/)")


def invite_through_admin(client, secretariat_user, contact):
    client.force_login(secretariat_user)
    response = client.post("/admin/liaison/officeraccount/add/", {"contact": contact.pk}, follow=True)
    client.logout()
    return response


@pytest.fixture
def tov_contact(db):
    tov = MemberGovernment.objects.get(slug="tov")
    return tov.contacts.create(name="Bat-Erdene Dorj", email="Liaison@Tov.example", languages=["mn", "en"])


def test_the_secretariat_invites_a_contact_from_the_admin_in_the_contacts_language(
    client, secretariat_user, tov_contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite_through_admin(client, secretariat_user, tov_contact)
    assert response.status_code == 200
    account = OfficerAccount.objects.get(contact=tov_contact)
    user = account.user
    assert (user.username, user.is_staff, user.is_superuser, user.is_active, user.has_usable_password()) == (
        "liaison@tov.example",
        False,
        False,
        False,
        False,
    )
    assert (account.invited_by, account.accepted_at, account.status) == (secretariat_user, None, "invited")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Liaison@Tov.example"]
    assert message.subject == "NEAR порталын урилга: Төв аймаг"
    assert LINK.search(message.body).group(1).startswith("/mn/liaison/invitation/")


def test_a_contact_without_email_cannot_be_invited(client, secretariat_user):
    contact = MemberGovernment.objects.get(slug="tov").contacts.create(name="No Mail")
    response = invite_through_admin(client, secretariat_user, contact)
    assert "No Mail (Töv Province) has no e-mail address to send the invitation to." in response.content.decode()
    assert OfficerAccount.objects.count() == 0


def test_the_invitation_link_sets_a_password_once_and_signs_the_officer_in(client, secretariat_user, tov_contact):
    account = invite_officer(contact=tov_contact, acting_user=secretariat_user, base_url="http://testserver/")
    url = f"/en/liaison/invitation/{invitation_token(account)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "you will sign in as liaison@tov.example" in page.content.decode()
    weak = client.post(url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert "This password is too short. It must contain at least 12 characters." in weak.content.decode()
    account.refresh_from_db()
    assert account.accepted_at is None
    response = client.post(url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert (response.status_code, response["Location"]) == (302, "/en/liaison/")
    assert client.session[SESSION_KEY] == str(account.user.pk)
    account.refresh_from_db()
    assert account.status == "active"
    client.logout()
    assert client.get(url).status_code == 410  # used once


def test_an_invitation_expires(secretariat_user, tov_contact):
    account = invite_officer(contact=tov_contact, acting_user=secretariat_user, base_url="http://testserver/")
    token = invitation_token(account)
    assert account_for_token(token) == account
    with override_settings(LIAISON_INVITATION_MAX_AGE=-1):
        assert account_for_token(token) is None


def test_a_new_invitation_voids_the_earlier_link(secretariat_user, tov_contact):
    account = invite_officer(contact=tov_contact, acting_user=secretariat_user, base_url="http://testserver/")
    first = invitation_token(account)
    invite_officer(contact=tov_contact, acting_user=secretariat_user, base_url="http://testserver/")
    assert account_for_token(first) is None
    assert account_for_token("not-a-token") is None


def test_revoking_ends_the_officers_session_and_sign_in(client, tov_officer, secretariat_user):
    assert (
        client.post("/en/liaison/sign-in/", {"username": "liaison@tov.example", "password": PASSWORD}).status_code
        == 302
    )
    assert client.get("/en/liaison/").status_code == 200
    revoke_officer(account=tov_officer, acting_user=secretariat_user)
    response = client.get("/en/liaison/")
    assert (response.status_code, response["Location"]) == (302, "/en/liaison/sign-in/?next=/en/liaison/")
    failed = client.post("/en/liaison/sign-in/", {"username": "liaison@tov.example", "password": PASSWORD})
    assert failed.status_code == 200
    tov_officer.refresh_from_db()
    assert (tov_officer.status, tov_officer.revoked_by) == ("revoked", secretariat_user)


def test_the_admin_revokes_with_an_action_and_never_deletes(client, tov_officer, secretariat_user):
    client.force_login(secretariat_user)
    response = client.post(
        "/admin/liaison/officeraccount/",
        {"action": "revoke", "_selected_action": [tov_officer.pk]},
        follow=True,
    )
    assert "1 account revoked." in response.content.decode()
    tov_officer.refresh_from_db()
    assert tov_officer.revoked_at is not None
    assert client.get(f"/admin/liaison/officeraccount/{tov_officer.pk}/delete/").status_code == 403


@override_settings(AXES_FAILURE_LIMIT=2)
def test_axes_locks_out_repeated_failed_officer_sign_ins(client, tov_officer):
    for _attempt in range(2):
        client.post("/en/liaison/sign-in/", {"username": "liaison@tov.example", "password": "wrong password"})
    locked = client.post("/en/liaison/sign-in/", {"username": "liaison@tov.example", "password": PASSWORD})
    assert locked.status_code == 429


def test_a_staff_account_cannot_take_an_officers_email(django_user_model, secretariat_user, tov_contact):
    django_user_model.objects.create_user("liaison@tov.example", is_staff=True)
    with pytest.raises(ValidationError) as error:
        invite_officer(contact=tov_contact, acting_user=secretariat_user, base_url="http://testserver/")
    assert error.value.messages == [
        "An account named liaison@tov.example already exists; it cannot become a liaison officer's."
    ]


def test_the_staff_who_invited_or_revoked_an_officer_cannot_be_deleted(client, tov_officer, secretariat_user):
    """Who invited and who revoked stay on the account: the staff account is deactivated, not deleted."""
    revoke_officer(account=tov_officer, acting_user=secretariat_user)
    other = type(secretariat_user).objects.create_user("director", is_staff=True, is_superuser=True)
    client.force_login(other)
    page = client.post(f"/admin/auth/user/{secretariat_user.pk}/delete/", {"post": "yes"})
    assert page.status_code == 200
    assert "<title>Cannot delete user | NEAR secretariat</title>" in page.content.decode()
    with pytest.raises(ProtectedError):
        secretariat_user.delete()
    tov_officer.refresh_from_db()
    assert (tov_officer.invited_by, tov_officer.revoked_by) == (secretariat_user, secretariat_user)
