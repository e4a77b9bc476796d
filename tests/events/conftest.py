"""Small factories for the events tests."""

import datetime
import itertools

import pytest

from events.models import Event

_numbers = itertools.count(1)


@pytest.fixture
def make_event(db):
    """Create a validated event; every field can be overridden."""

    def make(**fields):
        number = next(_numbers)
        values = {
            "kind": Event.Kind.OTHER,
            "title": f"Test event {number}",
            "title_en": f"Test event {number}",
            "slug": f"test-event-{number}",
            "start_date": datetime.date(2030, 1, 1),
        }
        values.update(fields)
        hosts = values.pop("hosts", [])
        event = Event(**values)
        event.full_clean()
        event.save()
        event.hosts.set(hosts)
        return event

    return make
