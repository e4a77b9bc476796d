"""Ballots and resolutions are never lost by deleting what they belong to (a motion, an agenda item, a session)."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import ProtectedError
from django.urls import reverse

from assemblies.models import Ballot, DecisionKind, Motion, Resolution, Session
from core.roles import NEVER_DELETED
from tests.assemblies.factories import attend, make_motion, make_session, vote, voters

pytestmark = pytest.mark.django_db


def test_every_never_deleted_record_keeps_its_parents_from_deleting_it():
    """A foreign key of a ballot, payment, resolution, amendment or officer account never cascades."""
    cascading = []
    for label in sorted(NEVER_DELETED):
        model = apps.get_model(label)
        for field in model._meta.get_fields():
            if field.concrete and (field.many_to_one or field.one_to_one):
                if field.remote_field.on_delete not in (models.PROTECT, models.SET_NULL):
                    cascading.append(f"{label}.{field.name}: {field.remote_field.on_delete.__name__}")
    # Nor does a many-to-many or generic relation of another model take one with it.
    for model in apps.get_models():
        for field in model._meta.get_fields():
            reaches = field.related_model is not None and field.related_model._meta.label_lower in NEVER_DELETED
            if reaches and (isinstance(field, GenericRelation) or (field.many_to_many and field.concrete)):
                cascading.append(f"{model._meta.label_lower}.{field.name}")
    assert cascading == []


@pytest.fixture
def resolution():
    return Resolution.objects.select_related("motion__agenda_item__session").get(pk=1)


def test_deleting_the_motion_agenda_item_or_session_of_a_resolution_is_refused(resolution):
    motion = resolution.motion
    for parent in (motion, motion.agenda_item, motion.agenda_item.session):
        with pytest.raises(ProtectedError):
            parent.delete()
    assert Resolution.objects.filter(pk=resolution.pk).exists()
    assert Resolution.objects.count() == 16


def test_a_resolution_no_document_refers_to_is_protected_as_well():
    # The real data's resolutions are documents of the library too, which protect them already.
    motion = make_motion(make_session(), DecisionKind.OTHER)
    resolution = Resolution.objects.create(motion=motion, text="Adopted.")
    with pytest.raises(ProtectedError):
        motion.agenda_item.delete()
    assert Resolution.objects.get(pk=resolution.pk).text == "Adopted."


def test_deleting_the_motion_of_an_open_poll_with_ballots_is_refused_and_keeps_them():
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    members = voters(session)[:3]
    attend(session, members)
    vote(motion, members, Ballot.Choice.YES)
    with pytest.raises(ProtectedError):
        motion.delete()
    with pytest.raises(ProtectedError):
        Session.objects.filter(pk=session.pk).delete()
    assert Ballot.objects.filter(motion=motion).count() == 3


def test_a_motion_nothing_was_recorded_on_can_still_be_deleted():
    motion = make_motion(make_session(), DecisionKind.OTHER)
    motion.delete()
    assert not Motion.objects.filter(pk=motion.pk).exists()


@pytest.mark.parametrize(
    ("language", "refusal"),
    [("en", "<title>Cannot delete session |"), ("ru", "<title>Не удается удалить сессия |")],
)
def test_the_admin_refuses_to_delete_the_session_of_a_resolution_in_the_editors_language(
    client, staff_in_role, resolution, language, refusal
):
    """The admin refuses before the database would (nobody may delete a resolution); the record stays."""
    client.force_login(staff_in_role("Secretariat editor"))
    session = resolution.motion.agenda_item.session
    url = reverse("admin:assemblies_session_delete", args=[session.pk])
    page = client.post(url, {"post": "yes"}, HTTP_ACCEPT_LANGUAGE=language)
    assert page.status_code == 200
    assert refusal in page.content.decode()
    assert Session.objects.filter(pk=session.pk).exists()
    assert Resolution.objects.filter(pk=resolution.pk).exists()
