"""Hardening II, point 4: nobody deletes a resolution or an amendment; an annulled poll sets them
aside with its reason, and they stay in the record (the admin, the audit trail)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from assemblies import polls
from assemblies.models import DecisionKind, Resolution, ResolutionEffect
from instruments.models import Amendment, Article, ArticleVersion, Instrument
from tests.assemblies.factories import make_motion
from tests.assemblies.test_effects import OPENS, amendment_of_article_10, motion_with, run_poll, session_2023
from tests.instruments.helpers import article_keys_on, provisions_on

pytestmark = pytest.mark.django_db

REASON = "The ballots of two governments were swapped."
NEW_ARTICLE = {
    "article": "10-2",
    "action": "create",
    "title": {"en": "Online sessions", "zh-hans": "线上会议"},
    "provisions": [{"text": {"zh-hans": "事务委员会可以在线举行。", "en": "The Working Committee may meet online."}}],
}


@pytest.fixture
def adopted(secretariat_user):
    """A Charter amendment adopted at a 2023 session: art. 10(1) reworded and art. 10-2 created."""
    parameters = amendment_of_article_10()
    parameters["changes"].append(NEW_ARTICLE)
    motion = motion_with(
        session_2023(), DecisionKind.CHARTER_AMENDMENT, ResolutionEffect.Kind.CHARTER_AMENDMENT, parameters
    )
    run_poll(motion, present=60, yes=45, no=15)
    return motion


def test_an_annulled_poll_keeps_its_resolution_set_aside_by_the_annulment(adopted, secretariat_user):
    resolution = adopted.resolution
    annulment = polls.annul_poll(motion=adopted, annulled_by=secretariat_user, reason=REASON)

    kept = Resolution.all_objects.get(pk=resolution.pk)
    assert (kept.motion_id, kept.adopted_on, kept.annulment) == (adopted.pk, OPENS, annulment)
    assert annulment.reason == REASON
    # Out of the record in force: the motion carries no resolution, no page or count reads it.
    assert not Resolution.objects.filter(pk=resolution.pk).exists()
    adopted.refresh_from_db()
    assert adopted.resolution is None
    # The audit trail has the resolution as adopted, then as annulled.
    assert [h.annulment_id for h in kept.history.order_by("history_date")] == [None, annulment.pk]


def test_closing_the_poll_again_records_a_new_resolution_beside_the_annulled_one(adopted, secretariat_user):
    first = adopted.resolution
    annulment = polls.annul_poll(motion=adopted, annulled_by=secretariat_user, reason=REASON)
    polls.close_poll(motion=adopted, closed_by=None, on=OPENS)

    rows = list(Resolution.all_objects.filter(motion=adopted).order_by("pk").values_list("pk", "annulment"))
    second = adopted.resolution
    assert rows == [(first.pk, annulment.pk), (second.pk, None)]


def test_the_database_refuses_two_resolutions_in_force_for_one_motion(adopted):
    with pytest.raises(IntegrityError), transaction.atomic():
        Resolution.objects.bulk_create([Resolution(motion=adopted, text="Twice.")])
    assert Resolution.all_objects.filter(motion=adopted).count() == 1


def test_an_annulled_poll_revokes_its_amendment_and_keeps_it_with_its_versions(adopted, secretariat_user):
    amendment = adopted.effects.get().target
    versions = set(amendment.versions.values_list("pk", flat=True))
    polls.annul_poll(motion=adopted, annulled_by=secretariat_user, reason=REASON)

    kept = Amendment.all_objects.get(pk=amendment.pk)
    assert kept.revoked_reason == REASON and kept.revoked_at is not None
    assert set(ArticleVersion.all_objects.filter(amendment=kept).values_list("pk", flat=True)) == versions
    assert set(ArticleVersion.all_objects.filter(pk__in=versions).values_list("revoked_at", flat=True)) == {
        kept.revoked_at
    }
    # The text is as before: art. 10(1) in its old wording, no art. 10-2 (kept, shown nowhere).
    assert provisions_on("charter", "art-10", "2023-10-01")["1"][1].startswith("一、事务委员会由")
    assert provisions_on("charter", "art-10", "2023-10-01") == provisions_on("charter", "art-10", "2023-09-30")
    assert "art-10-2" not in article_keys_on("charter", "2023-10-01")
    charter = Instrument.objects.get(slug="charter")
    assert not Amendment.objects.filter(instrument=charter, effective_on=OPENS).exists()
    assert Article.objects.filter(instrument=charter, key="art-10-2").exists()
    assert not Article.objects.in_the_record().filter(instrument=charter, key="art-10-2").exists()
    # Each row the revocation touched has its history record.
    assert kept.history.first().revoked_reason == REASON
    assert ArticleVersion.history.filter(id__in=versions, revoked_at=kept.revoked_at).count() == len(versions)


def test_the_amendment_is_applied_again_when_its_poll_is_closed_again(adopted, secretariat_user):
    first = adopted.effects.get().target
    polls.annul_poll(motion=adopted, annulled_by=secretariat_user, reason=REASON)
    polls.close_poll(motion=adopted, closed_by=None, on=OPENS)

    second = ResolutionEffect.objects.get(motion=adopted).target
    assert second.pk != first.pk and second.revoked_at is None
    assert list(Amendment.all_objects.filter(effective_on=OPENS).order_by("pk").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]
    assert provisions_on("charter", "art-10-2", "2023-10-01") == {"": ("text", "事务委员会可以在线举行。")}
    # The article created the first time is taken up again, not created twice.
    assert Article.objects.filter(instrument__slug="charter", key="art-10-2").count() == 1


def test_the_database_refuses_a_revocation_without_a_reason(adopted):
    amendment = adopted.effects.get().target
    with pytest.raises(IntegrityError), transaction.atomic():
        Amendment.objects.filter(pk=amendment.pk).update(revoked_at=timezone.now())
    assert Amendment.objects.filter(pk=amendment.pk).exists()


def test_the_admin_lists_and_shows_an_annulled_resolution_and_a_revoked_amendment_read_only(
    adopted, secretariat_user, admin_client
):
    resolution, amendment = adopted.resolution, adopted.effects.get().target
    polls.annul_poll(motion=adopted, annulled_by=secretariat_user, reason=REASON)

    annulled = admin_client.get(reverse("admin:assemblies_resolution_changelist"), {"annulment__isempty": "0"})
    assert [row.pk for row in annulled.context["cl"].result_list] == [resolution.pk]
    page = admin_client.get(reverse("admin:assemblies_resolution_change", args=[resolution.pk]))
    assert page.status_code == 200 and page.context["has_change_permission"] is False
    assert admin_client.post(reverse("admin:assemblies_resolution_delete", args=[resolution.pk])).status_code == 403

    revoked = admin_client.get(reverse("admin:instruments_amendment_changelist"), {"revoked_at__isempty": "0"})
    assert [row.pk for row in revoked.context["cl"].result_list] == [amendment.pk]
    page = admin_client.get(reverse("admin:instruments_amendment_change", args=[amendment.pk]))
    assert page.status_code == 200 and page.context["has_change_permission"] is False
    assert REASON in page.content.decode()
    assert admin_client.post(reverse("admin:instruments_amendment_delete", args=[amendment.pk])).status_code == 403
    assert Resolution.all_objects.filter(pk=resolution.pk).exists()
    assert Amendment.all_objects.filter(pk=amendment.pk).exists()


def test_the_session_page_no_longer_shows_an_annulled_resolution(adopted, secretariat_user, client):
    url = adopted.agenda_item.session.get_absolute_url()
    assert "<h4>Resolution · " in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    polls.annul_poll(motion=adopted, annulled_by=secretariat_user, reason=REASON)
    assert "<h4>Resolution" not in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_motion_without_a_resolution_reads_none():
    motion = make_motion(session_2023(), DecisionKind.OTHER)
    assert motion.resolution is None
