"""Shared fixtures: the real PostgreSQL (embedded unless DATABASE_URL is set), the real data, staff in each role."""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Point the test database at the embedded PostgreSQL, starting it if needed."""
    if not os.environ.get("DATABASE_URL"):
        from django.conf import settings

        from near_portal import embedded_db

        settings.DATABASES["default"]["HOST"] = embedded_db.start()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the association's real data, as `make run` loads it."""
    with django_db_blocker.unblock():
        call_command("load_near_data", verbosity=0)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: inside a test's transaction the content version never moves."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a page requested in another language must not leak into the next test."""
    with translation.override("en"):
        yield


@pytest.fixture
def staff_in_role(django_user_model):
    """A factory: a staff account that belongs to one of the roles' groups (near_portal.roles)."""

    def make(role):
        user = django_user_model.objects.create_user(username=role.lower().replace(" ", "-"), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make
