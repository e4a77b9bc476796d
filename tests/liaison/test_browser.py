"""In a real browser: the secretariat invites a liaison officer from the admin, the officer
follows the e-mailed link, sets a password, signs in and updates a contact of their government."""

import datetime
import re

import pytest
from django.core import mail

from events.models import Event
from liaison.models import DelegateRegistration
from members.models import LiaisonContact, MemberGovernment
from tests.near_portal.test_browser import CSP_LISTENER, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("real_data_live")]

OFFICER_PASSWORD = "Zuunmod-foreign-relations-2020"


def test_an_invited_officer_signs_in_updates_a_contact_and_registers_two_delegates(page, browser, live_server, clerk):
    forum = Event.objects.create(
        kind=Event.Kind.OTHER,
        title_en="Northeast Asia Regional Forum 2030",
        slug="forum-2030",
        start_date=datetime.date(2030, 9, 1),
        published=True,
        registration_deadline=datetime.datetime(2030, 8, 1, 9, 0, tzinfo=datetime.UTC),
    )
    tov = MemberGovernment.objects.get(slug="tov")
    contact = tov.contacts.create(name="Bat-Erdene Dorj", email="liaison@tov.example", languages=["en"])

    sign_in(page, live_server, "clerk")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/liaison/officeraccount/add/")
    page.click(".select2-selection")
    page.fill(".select2-search__field", "Bat-Erdene")
    page.click(".select2-results__option >> text=Bat-Erdene Dorj")
    page.click("input[name=_save]")
    assert "The invitation is sent to liaison@tov.example." in page.locator(".messagelist").inner_text()
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/liaison/invitation/\S+/", mail.outbox[0].body).group(0)

    officer = browser.new_context().new_page()
    officer.add_init_script(CSP_LISTENER)
    officer.goto(link)
    officer.fill("#id_new_password1", OFFICER_PASSWORD)
    officer.fill("#id_new_password2", OFFICER_PASSWORD)
    officer.click("button[type=submit]")
    officer.wait_for_url(f"{live_server.url}/en/liaison/")
    officer.click("button:has-text('Sign out')")
    officer.wait_for_url(f"{live_server.url}/en/liaison/sign-in/")
    officer.fill("#id_username", "liaison@tov.example")
    officer.fill("#id_password", OFFICER_PASSWORD)
    officer.click("button[type=submit]")
    officer.wait_for_url(f"{live_server.url}/en/liaison/")
    assert officer.locator("h1").inner_text() == "Töv Province"
    assert "Your government holds its vote" in officer.locator("#voting-rights").inner_text()

    officer.click(f'a[href="/en/liaison/contacts/{contact.pk}/"]')
    officer.fill("#id_phone", "+976 70 123456")
    officer.fill("#id_languages", "mn, en")
    officer.click("button:has-text('Save')")
    officer.wait_for_url(f"{live_server.url}/en/liaison/")
    assert "The contact Bat-Erdene Dorj is saved." in officer.locator(".messages").inner_text()
    contact = LiaisonContact.objects.get(pk=contact.pk)
    assert (contact.phone, contact.languages) == ("+976 70 123456", ["mn", "en"])
    assert contact.history.latest().history_user.username == "liaison@tov.example"

    officer.click("text=Northeast Asia Regional Forum 2030")
    for name, post in [("Dorjiin Bat", "Deputy Governor"), ("Sükhbaataryn Oyun", "Head of foreign relations")]:
        officer.fill("#id_name", name)
        officer.fill("#id_post", post)
        officer.fill("#id_languages", "mn, en")
        officer.fill("#id_arrival", "2030-08-31T14:30")
        officer.click("button:has-text('Register')")
        officer.wait_for_selector(f"#delegates >> text={name}")
    assert sorted(DelegateRegistration.objects.filter(event=forum, member=tov).values_list("name", "post")) == [
        ("Dorjiin Bat", "Deputy Governor"),
        ("Sükhbaataryn Oyun", "Head of foreign relations"),
    ]
    assert officer.evaluate("window.__cspViolations") == []
