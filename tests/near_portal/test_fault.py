"""A database restart while staff save: every save that answered success is there in full,
no save is there in part, and a request caught by the restart gets a clean 503 page."""

import http.client
import secrets
import threading
import time
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection
from django.test import Client

from members.models import Country, LiaisonContact, MemberGovernment
from near_portal import embedded_db
from tests.near_portal.admin_forms import admin_form_data

# Restarts the database under running requests: slow, and skipped by `make test-fast`.
pytestmark = pytest.mark.fault

CONTACTS_PER_SAVE = 10  # one save writes 1 government + 10 contacts + their 11 history records
ADD_PATH = "/admin/members/membergovernment/add/"


def admin_session_and_form(django_user_model):
    """A superuser's session cookie and the add form's data as the admin page gives it.

    Read here, before the writers start: they must not touch the database themselves.
    """
    clerk = django_user_model.objects.create_superuser("clerk", password=None)
    client = Client()
    client.force_login(clerk)
    data = admin_form_data(client.get(ADD_PATH))
    data.update({"country": str(Country.objects.get(code="KR").pk), "kind": "province"})
    return client.cookies["sessionid"].value, data


def government_form(template, number):
    data = dict(template)
    data.update(
        {
            "name_en": f"Fault test government {number}",
            "slug": f"fault-{number}",
            "contacts-TOTAL_FORMS": str(CONTACTS_PER_SAVE),
        }
    )
    for row in range(CONTACTS_PER_SAVE):
        data[f"contacts-{row}-name"] = f"Liaison officer {number}-{row}"
        data[f"contacts-{row}-email"] = f"officer{row}@fault-{number}.example"
    return data


class Writer(threading.Thread):
    """A member of staff saving new governments one after another, recording every answer."""

    def __init__(self, address, cookie, template, first_number, stop):
        super().__init__(daemon=True)
        self.address, self.cookie, self.template = address, cookie, template
        self.number, self.stop = first_number, stop
        self.answers = []  # (slug, status, body, started, finished)

    def run(self):
        token = secrets.token_hex(16)  # an unmasked CSRF secret, sent as cookie and form field
        while not self.stop.is_set():
            self.number += 1
            data = government_form(self.template, self.number)
            body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={self.cookie}; csrftoken={token}",
            }
            started = time.monotonic()
            try:
                conn = http.client.HTTPConnection(self.address.hostname, self.address.port, timeout=30)
                conn.request("POST", ADD_PATH, body=body, headers=headers)
                response = conn.getresponse()
                answer = (response.status, response.getheader("Location", ""), response.read().decode())
                conn.close()
            except OSError as error:
                answer = (None, "", repr(error))
            self.answers.append((data["slug"], *answer, started, time.monotonic()))


def successes(writers, after=0.0):
    return [a for w in writers for a in w.answers if a[1] == 302 and a[4] > after]


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.usefixtures("real_data_live")
def test_a_database_restart_loses_no_answered_save_and_leaves_no_half_save(live_server, django_user_model):
    cookie, template = admin_session_and_form(django_user_model)
    stop = threading.Event()
    address = urlsplit(live_server.url)
    writers = [Writer(address, cookie, template, first_number=n * 100_000, stop=stop) for n in range(4)]
    for writer in writers:
        writer.start()
    try:
        wait_for(lambda: len(successes(writers)) >= 8, timeout=60)
        stopped_at = time.monotonic()
        embedded_db.stop()  # fast shutdown: open transactions are cut off
        time.sleep(1.0)
        embedded_db.start()
        restarted_at = time.monotonic()
        wait_for(lambda: len(successes(writers, after=restarted_at)) >= 8, timeout=60)
    finally:
        stop.set()
        for writer in writers:
            writer.join(timeout=60)
        connection.close()  # the test's own connection died with the restart

    answers = [a for w in writers for a in w.answers]
    answered_success = {slug for slug, status, location, *_ in answers if status == 302}
    assert all(location == "/admin/members/membergovernment/" for _s, status, location, *_ in answers if status == 302)
    failed = [a for a in answers if a[1] != 302]
    in_flight = [a for a in answers if a[4] < stopped_at < a[5]]

    # Every save that answered success is there in full.
    saved = dict(MemberGovernment.objects.filter(slug__startswith="fault-").values_list("slug", "pk"))
    assert answered_success <= set(saved)
    contacts = {slug: LiaisonContact.objects.filter(member_id=pk).count() for slug, pk in saved.items()}
    # No save is there in part: a government has all its contacts and history, or does not exist.
    assert set(contacts.values()) == {CONTACTS_PER_SAVE}
    assert MemberGovernment.history.filter(slug__startswith="fault-").count() == len(saved)
    assert LiaisonContact.history.filter(member_id__in=saved.values()).count() == len(saved) * CONTACTS_PER_SAVE
    # Saves caught by the restart failed cleanly: 503 with the translated page, never a traceback.
    assert failed, "no request failed: the restart did not hit any save"
    assert in_flight, "no save was in flight when the database stopped"
    assert {a[1] for a in failed} == {503}
    assert all("<h1>Temporarily unavailable</h1>" in a[3] for a in failed)
    # A save may have committed just before its answer failed; it is then there in full.
    assert set(saved) - answered_success <= {a[0] for a in failed}
    print(
        f"\nfault test: {len(answers)} saves, {len(answered_success)} answered success, "
        f"{len(failed)} answered 503 ({len(in_flight)} in flight at the stop), "
        f"{len(set(saved) - answered_success)} committed without a success answer; "
        f"{len(saved)} governments with {CONTACTS_PER_SAVE} contacts each, none partial"
    )
