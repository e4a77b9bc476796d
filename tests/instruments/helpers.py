"""Helpers for the instrument tests: the Charter and Regulations as loaded from fixtures/40_instruments_*.json."""

import datetime

from django.utils import translation

from instruments.models import Instrument
from instruments.texts import instrument_as_of


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def provisions_on(slug: str, key: str, on: str, language: str = "zh-hans") -> dict[str, tuple[str, str]]:
    """{provision number: (status, text)} of article ``key`` of ``slug`` on day ``on``; {} if absent."""
    with translation.override(language):
        text = instrument_as_of(Instrument.objects.get(slug=slug), on=day(on))
        for article in text.articles:
            if article.article.key == key:
                return {p.number: (p.status, p.text) for p in article.provisions}
    return {}


def article_keys_on(slug: str, on: str) -> list[str]:
    return [a.article.key for a in instrument_as_of(Instrument.objects.get(slug=slug), on=day(on)).articles]
