"""In a real browser: the secretariat invites a liaison officer from the admin, the officer
follows the e-mailed link, sets a password, signs in, updates a contact of their government,
registers two delegates, and casts, changes and sees the government's written ballot, which the
secretariat's tally counts."""

import datetime
import re

import pytest
from django.core import mail

from assemblies import polls
from assemblies.models import Ballot, DecisionKind
from events.models import Event
from liaison.models import DelegateRegistration
from members.models import LiaisonContact, MemberGovernment
from tests.assemblies.factories import attend, make_motion, make_session, voters
from tests.near_portal.test_browser import CSP_LISTENER, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("real_data_live")]

OFFICER_PASSWORD = "Zuunmod-foreign-relations-2020"


def test_an_invited_officer_signs_in_updates_a_contact_registers_two_delegates_and_votes_in_writing(
    page, browser, live_server, clerk
):
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
    # A General Assembly taking written resolutions (roll of 9 August 2021: 78 members): 30 other
    # governments in the room, 20 of them for and 5 against, entered by the secretariat.
    session = make_session(written_resolutions=True)
    motion = make_motion(session, DecisionKind.OTHER, text="Adopt the work plan 2022.")
    in_room = [member for member in voters(session) if member != tov][:30]
    attend(session, in_room)
    polls.record_ballots(
        motion=motion,
        rows={m.pk: polls.BallotRow(choice="yes" if i < 20 else "no") for i, m in enumerate(in_room[:25])},
    )

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
    officer.click("main button[type=submit]")  # not the search box in the header
    officer.wait_for_url(f"{live_server.url}/en/liaison/")
    officer.click("button:has-text('Sign out')")
    officer.wait_for_url(f"{live_server.url}/en/liaison/sign-in/")
    officer.fill("#id_username", "liaison@tov.example")
    officer.fill("#id_password", OFFICER_PASSWORD)
    officer.click("main button[type=submit]")  # not the search box in the header
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

    # The written ballot: from My government's list of open motions, cast, see, change, see again.
    officer.click("text=My government")
    officer.click(f'#open-motions a[href="/en/liaison/motions/{motion.pk}/"]')
    officer.check("input[name=choice][value=yes]")
    officer.click("button:has-text('Send the ballot')")
    first = Ballot.objects.get(motion=motion, member=tov)
    officer.wait_for_url(f"{live_server.url}/en/liaison/ballots/{first.pk}/")
    assert officer.locator('[data-field="reference"]').inner_text() == f"NEAR-B-{first.pk:06d}"
    assert officer.locator('[data-field="vote"]').inner_text() == "yes"
    assert officer.locator('[data-field="by"]').inner_text() == "Bat-Erdene Dorj"
    assert officer.locator('[data-field="status"]').inner_text() == "current"

    officer.click("text=Back to the motion")
    officer.check("input[name=choice][value=no]")
    officer.fill("#id_reason", "The governor's instruction of today.")
    officer.click("button:has-text('Change the ballot')")
    second = Ballot.objects.get(motion=motion, member=tov, superseded_at__isnull=True)
    officer.wait_for_url(f"{live_server.url}/en/liaison/ballots/{second.pk}/")
    assert officer.locator('[data-field="vote"]').inner_text() == "no"
    assert officer.locator('[data-field="status"]').inner_text() == "current"
    officer.click("text=Back to the motion")
    history = officer.locator("#ballot-history tbody tr")
    assert history.count() == 2
    assert history.nth(0).locator("td").nth(0).inner_text() == "no"
    assert history.nth(1).locator("td").nth(5).inner_text() == "superseded"
    assert [(b.choice, b.method, b.superseded_at is None) for b in Ballot.objects.filter(member=tov)] == [
        ("yes", "written", False),
        ("no", "written", True),
    ]
    assert session.attendances.get(member=tov).status == "written"

    # The secretariat's tally: 20 for, 6 against, 31 present of 78 (one in writing).
    page.goto(f"{live_server.url}/admin/assemblies/motion/{motion.pk}/tally/")
    assert page.locator('[data-count="yes"]').inner_text() == "20"
    assert page.locator('[data-count="no"]').inner_text() == "6"
    assert page.locator('[data-count="abstain"]').inner_text() == "0"
    assert "26 governments have voted (1 in writing)" in page.locator("#content").inner_text()
    assert "52 governments have not voted yet" in page.locator("#content").inner_text()
    assert page.locator("#voted tr[data-member=tov] td[data-vote]").inner_text() == "no"
    assert page.locator("#voted tr[data-member=tov]").inner_text().count("by written resolution") == 1
    assert page.locator("#not-voted tr").count() == 1 + 52
    count = polls.count_poll(motion)
    assert (count.tally.yes, count.tally.no, count.tally.abstain, count.tally.present, count.written) == (
        20,
        6,
        0,
        31,
        1,
    )
    assert officer.evaluate("window.__cspViolations") == []
    assert page.evaluate("window.__cspViolations") == []
