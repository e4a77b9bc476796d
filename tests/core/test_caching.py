"""Public pages cached per language, invalidated by any save of the record (core/caching.py)."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from committees.models import Committee
from core.caching import content_version
from members.models import MemberGovernment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def page_cache():
    cache.clear()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=600):
        yield
    cache.clear()


def test_the_second_visit_of_a_public_page_is_served_from_the_cache_with_one_query(client, django_assert_num_queries):
    first = client.get("/en/members/")
    with django_assert_num_queries(1):  # the content version
        second = client.get("/en/members/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "'unsafe-inline'" not in second["Content-Security-Policy"]


def test_each_language_and_each_query_has_its_own_entry(client):
    assert client.get("/en/members/hyogo/")["X-Page-Cache"] == "miss"
    assert client.get("/ja/members/hyogo/")["X-Page-Cache"] == "miss"
    assert client.get("/ja/members/?type=observer")["X-Page-Cache"] == "miss"
    ja = client.get("/ja/members/hyogo/")
    assert ja["X-Page-Cache"] == "hit"
    assert '<html lang="ja">' in ja.content.decode()
    assert "兵庫県" in ja.content.decode()


def test_saving_a_government_in_the_admin_shows_at_once_on_the_public_pages(client, django_capture_on_commit_callbacks):
    client.get("/en/members/hyogo/")
    government = MemberGovernment.objects.get(slug="hyogo")
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        government.name_en = "Hyogo Prefecture (renamed)"
        government.save()
    assert content_version() == version + 1
    response = client.get("/en/members/hyogo/")
    assert response["X-Page-Cache"] == "miss"
    assert "Hyogo Prefecture (renamed)" in response.content.decode()


def test_deletes_and_many_to_many_changes_also_invalidate(django_capture_on_commit_callbacks):
    committee = Committee.objects.create(name_en="Test committee", slug="test-committee")
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        committee.participants.add(MemberGovernment.objects.get(slug="hyogo"))
    assert content_version() == version + 1
    with django_capture_on_commit_callbacks(execute=True):
        committee.delete()
    assert content_version() > version + 1


def test_the_version_moves_only_when_the_transaction_commits(django_capture_on_commit_callbacks):
    version = content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        MemberGovernment.objects.filter(slug="hyogo").first().save()
    assert content_version() == version
    assert len(callbacks) >= 1


def test_staff_and_error_pages_are_never_cached(client, django_user_model):
    assert client.get("/en/members/no-such-government/").get("X-Page-Cache") == "miss"
    assert client.get("/en/members/no-such-government/")["X-Page-Cache"] == "miss"
    client.force_login(django_user_model.objects.create_user("clerk", is_staff=True))
    client.get("/en/members/")
    assert "X-Page-Cache" not in client.get("/en/members/")
    assert "X-Page-Cache" not in client.get("/admin/")


def test_saves_outside_the_record_do_not_invalidate(django_capture_on_commit_callbacks, django_user_model):
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        django_user_model.objects.create_user("someone")
    assert content_version() == version


def test_staff_see_the_page_as_it_stands_while_visitors_get_the_cached_copy(client, django_user_model):
    assert client.get("/en/members/hyogo/")["X-Page-Cache"] == "miss"
    # A write that sends no signal leaves the cached copy in place (content_changed() not called).
    MemberGovernment.objects.filter(slug="hyogo").update(name_en="Hyogo Prefecture (not yet invalidated)")
    visitor = client.get("/en/members/hyogo/")
    assert visitor["X-Page-Cache"] == "hit"
    assert "Hyogo Prefecture (not yet invalidated)" not in visitor.content.decode()

    client.force_login(django_user_model.objects.create_user("clerk", is_staff=True))
    staff = client.get("/en/members/hyogo/")
    assert "X-Page-Cache" not in staff
    assert "Hyogo Prefecture (not yet invalidated)" in staff.content.decode()

    client.logout()
    assert client.get("/en/members/hyogo/")["X-Page-Cache"] == "hit"  # the staff page was not stored


def test_a_cached_page_carries_the_same_headers_as_the_page_it_was_stored_from(client):
    first = client.get("/ko/committees/")
    second = client.get("/ko/committees/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for header in (
        "X-Frame-Options",
        "Content-Language",
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Vary",
        "Content-Type",
    ):
        assert second[header] == first[header], header
    assert (second["X-Frame-Options"], second["Content-Language"]) == ("DENY", "ko")


def test_a_visitor_signed_in_in_another_tab_gets_the_page_as_it_stands(client, django_user_model):
    client.get("/en/members/")
    client.force_login(django_user_model.objects.create_user("liaison"))  # not staff: signed in all the same
    assert "X-Page-Cache" not in client.get("/en/members/")
