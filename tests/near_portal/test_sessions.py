"""Sessions when the database goes away: the visitor gets the 503 page, as for any other query."""

from unittest import mock

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import DatabaseError, OperationalError
from django.test import Client

from near_portal.sessions import SessionStore

pytestmark = pytest.mark.django_db


def saved_session():
    store = SessionStore()
    store["seen"] = 1
    store.save(must_create=True)
    return SessionStore(session_key=store.session_key)


def test_a_lost_connection_while_updating_a_session_is_raised_as_it_is():
    store = saved_session()
    store["seen"] = 2
    lost = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(Session, "save", side_effect=lost):
        with pytest.raises(OperationalError) as raised:
            store.save()
    assert raised.value is lost


def test_a_session_deleted_meanwhile_is_still_an_update_error():
    store = saved_session()
    store["seen"] = 2
    Session.objects.filter(session_key=store.session_key).delete()
    with pytest.raises(UpdateError):
        store.save()
    with mock.patch.object(Session, "save", side_effect=DatabaseError("Forced update did not affect any rows.")):
        with pytest.raises(UpdateError):
            store.save()


def test_a_request_whose_session_cannot_be_saved_gets_the_503_page(django_user_model, settings):
    settings.DEBUG = False
    clerk = django_user_model.objects.create_user("clerk", password=None, is_staff=True)
    client = Client(raise_request_exception=False)
    client.force_login(clerk)
    with mock.patch.object(Session, "save", side_effect=OperationalError("the database system is shutting down")):
        response = client.get("/en/members/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
