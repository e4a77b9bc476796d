"""Fixtures of the governance tests."""

import pytest


@pytest.fixture
def secretariat_user(django_user_model):
    """A staff account of the secretariat (no password: tests log it in directly)."""
    return django_user_model.objects.create_user("secretariat", is_staff=True, is_superuser=True)
