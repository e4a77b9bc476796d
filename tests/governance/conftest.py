"""Helpers for the governance tests: the instruments as loaded from fixtures/40_instruments_*.json."""

import datetime

import pytest
from django.utils import translation

from governance.models import Instrument


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def provisions_on(slug: str, key: str, on: str, language: str = "zh-hans") -> dict[str, tuple[str, str]]:
    """{provision number: (status, text)} of article ``key`` of ``slug`` on day ``on``; {} if absent."""
    with translation.override(language):
        text = Instrument.objects.get(slug=slug).as_of(day(on))
        for article in text.articles:
            if article.article.key == key:
                return {p.number: (p.status, p.text) for p in article.provisions}
    return {}


def article_keys_on(slug: str, on: str) -> list[str]:
    return [a.article.key for a in Instrument.objects.get(slug=slug).as_of(day(on)).articles]


@pytest.fixture
def charter(db):
    return Instrument.objects.get(slug="charter")


@pytest.fixture
def secretariat_user(django_user_model):
    """A staff account of the secretariat (no password: tests log it in directly)."""
    return django_user_model.objects.create_user("secretariat", is_staff=True, is_superuser=True)

