"""Two governments' liaison officers, signed up through the invitation as the secretariat sends it."""

import pytest

from liaison.accounts import accept_invitation, invite_officer
from members.models import MemberGovernment
from tests.near_portal.conftest import fast_password_hashing, real_data_live  # noqa: F401 (the browser test's)
from tests.near_portal.test_browser import browser, clerk, page  # noqa: F401 (the browser test's)

PASSWORD = "Tuul-river-2020-plan"


@pytest.fixture
def officer_factory(db, secretariat_user):
    def make(slug, name, email):
        member = MemberGovernment.objects.get(slug=slug)
        contact = member.contacts.create(name=name, position="Foreign relations officer", email=email, languages=["en"])
        account = invite_officer(contact=contact, acting_user=secretariat_user, base_url="http://testserver/")
        return accept_invitation(account=account, password=PASSWORD)

    return make


@pytest.fixture
def tov_officer(officer_factory):
    return officer_factory("tov", "Bat-Erdene Dorj", "liaison@tov.example")


@pytest.fixture
def jeju_officer(officer_factory):
    return officer_factory("jeju", "Kim Minji", "liaison@jeju.example")
