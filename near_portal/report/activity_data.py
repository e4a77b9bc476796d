"""The reads behind the report's activity sections, each a fixed number of queries whatever the data's size.

Sessions come from the governance app, committees and their coordinators from the committees
app, meetings, workshops, youth programmes and visits from the events app, the instruments
from ``instruments.texts``. The dues section reads ``dues.reports`` directly.
"""

import datetime

from django.db.models import Count, Prefetch

from assemblies.models import AgendaItem, Motion, Session
from committees.models import Committee
from events.models import Event, Participation
from instruments import texts
from instruments.models import Instrument


def sessions_held_in(year: int) -> list[Session]:
    """General Assembly and Working Committee sessions that began in ``year``, in date order. Three queries.

    Each comes with its host and chair, its agenda items in order and each item's motions.
    """
    motions = Motion.objects.order_by("position")
    items = AgendaItem.objects.order_by("position").prefetch_related(Prefetch("motions", queryset=motions))
    return list(
        Session.objects.filter(start_date__year=year)
        .select_related("host", "chair")
        .prefetch_related(Prefetch("agenda_items", queryset=items))
        # The General Assembly before the Working Committee on the same day, as the record lists them.
        .order_by("start_date", "body", "number")
    )


def committees_on(on: datetime.date) -> list[Committee]:
    """The committees existing on ``on`` with their coordinator terms and meeting counts. Two queries.

    ``Committee.coordinators_on(on)`` then costs no query.
    """
    return list(Committee.objects.existing_on(on).for_listing(on).order_by("regulation_number", "name"))


def events_held_in(year: int, events) -> list[Event]:
    """The published ``events`` (an ``Event`` queryset) that began in ``year``, in date order. Up to four queries.

    With their committee, country, hosts, the governments listed as taking part and the
    figures by country, so ``events.figures.event_figures`` costs no query.
    """
    participations = Participation.objects.select_related("member").order_by(
        "member__country__display_order", "member__list_position", "member__name"
    )
    return list(
        events.published()
        .in_year(year)
        .select_related("committee", "country")
        .prefetch_related("hosts", Prefetch("participations", queryset=participations), "country_figures")
        .order_by("start_date", "title")
    )


def events_count_in(year: int, events) -> int:
    """How many of the published ``events`` began in ``year``. One query, counting one range of the start-date index."""
    return events.published().in_year(year).count()


def events_counted_in(year: int, events, *, by: str) -> list[tuple[object, int]]:
    """(kind, or committee, number) of the published ``events`` that began in ``year``, the most first.

    ``by`` is ``"kind"`` (the kind's label; one query) or ``"committee"`` (the committee;
    two queries, the second naming them). Grouped over one range of the start-date index,
    so counting a year costs the same whatever the length of the record.
    """
    rows = events.published().in_year(year).order_by()
    if by == "committee":
        counted = list(rows.values("committee").annotate(number=Count("pk")))
        committees = Committee.objects.in_bulk([row["committee"] for row in counted if row["committee"]])
        pairs = [(committees.get(row["committee"]), row["number"]) for row in counted]
    else:
        labels = dict(Event.Kind.choices)
        pairs = [(labels[row["kind"]], row["number"]) for row in rows.values("kind").annotate(number=Count("pk"))]
    return sorted(pairs, key=lambda pair: (-pair[1], str(pair[0])))


def instrument_as_of(slug: str, on: datetime.date):
    """The instrument ``slug`` as in force on ``on`` (``instruments.texts``), or None. Five queries."""
    instrument = Instrument.objects.filter(slug=slug).first()
    return texts.instrument_as_of(instrument, on=on) if instrument else None
