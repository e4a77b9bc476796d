"""Fixtures of the infrastructure tests: staff in each role, the real data in transactional tests."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

LANGUAGES = ["en", "mn", "zh-hans", "ko", "ja", "ru"]


@pytest.fixture
def staff_in_role(django_user_model):
    """A factory: a staff account that belongs to one of the roles' groups."""

    def make(role):
        user = django_user_model.objects.create_user(username=role.lower().replace(" ", "-"), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def real_data_live(transactional_db):
    """The real data in a transactional test (flushed by the transactional test before it)."""
    call_command("load_near_data", verbosity=0)


@pytest.fixture
def fast_password_hashing(settings):
    """Passwords hashed in microseconds: the tests that sign in do not test the hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
