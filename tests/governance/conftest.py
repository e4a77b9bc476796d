"""Fixtures of the governance tests."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages in English unless a test asks otherwise (a request in another language leaves it active)."""
    with translation.override("en"):
        yield


@pytest.fixture
def secretariat_user(django_user_model):
    """A staff account of the secretariat (no password: tests log it in directly)."""
    return django_user_model.objects.create_user("secretariat", is_staff=True, is_superuser=True)
