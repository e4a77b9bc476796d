"""Reusable reads of events. Rules that depend on the date take it as an argument."""

from django.db import connection, models
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, Window
from django.db.models.functions import Coalesce, RowNumber

from core.languages import active_language_fields
from events.choices import Organiser
from members.models import MemberGovernment

# What a list of events shows besides its title and city: dates, kind, place (events/_event_list.html).
LISTING_COLUMNS = [
    "kind",
    "slug",
    "start_date",
    "date_precision",
    "end_date",
    "start_time",
    "end_time",
    "time_zone",
    "online",
    "country",
    "published",
]


# Events shown on a member's page (and a liaison officer's), and meetings and other activities on a
# committee's page; the events list, filtered by the government or the committee, shows them all.
RECENT_EVENTS = 10

# The order of a member's or a committee's recent events.
LATEST_FIRST = [F("start_date").desc(), F("title").asc(), F("pk").asc()]


class EventQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def published(self):
        """Events shown on the public site."""
        return self.filter(published=True)

    def years(self, *, published=True, committee=None):
        """The years in which an event starts, latest first: of published events, or of all (``published=False``);
        of one committee's only when ``committee`` is given.

        A loose index scan (one probe of the start-date index per year, in a recursive query,
        ``event_committee_start`` for a committee) instead of reading every event: the year
        filters cost the same for 30 years of 50 events as of 500.
        """
        table = connection.ops.quote_name(self.model._meta.db_table)
        which = "published" if published else "TRUE"
        params = []
        if committee is not None:
            which += " AND committee_id = %s"
            params = [committee.pk, committee.pk]
        sql = f"""
            WITH RECURSIVE starts(day) AS (
                SELECT MIN(start_date) FROM {table} WHERE {which}
                UNION ALL
                SELECT (SELECT MIN(start_date) FROM {table}
                        WHERE {which} AND start_date >= make_date(EXTRACT(YEAR FROM day)::int + 1, 1, 1))
                FROM starts WHERE day IS NOT NULL
            )
            SELECT EXTRACT(YEAR FROM day)::int FROM starts WHERE day IS NOT NULL ORDER BY 1 DESC
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def with_last_day(self):
        """Annotate ``ends_on``: the end date, or the start date of a one-day event (``Event.last_day``)."""
        return self.annotate(ends_on=Coalesce("end_date", "start_date"))

    def upcoming(self, on):
        """Events not yet over on ``on`` (running or to come), soonest first."""
        return self.with_last_day().filter(ends_on__gte=on).order_by("start_date", "start_time", "pk")

    def past(self, on):
        """Events over before ``on``, latest first."""
        return self.with_last_day().filter(ends_on__lt=on).order_by("-start_date", "-pk")

    def in_feed(self, on, *, past=50):
        """A bounded calendar feed on ``on``, in date order: every event not yet over, and the ``past`` latest ones before.

        Its size depends on what is announced, not on the length of the record: a client
        polling the feed never downloads decades of history (earlier years: ``in_year``).
        One query, a UNION ALL of two index walks: the upcoming events from the partial index
        ``event_published_last_day``, the latest past ones backwards along ``event_start``
        (or ``event_committee_start`` for a committee) until ``past`` rows. An OR of the two
        conditions would make PostgreSQL read every event's index entry instead.
        """
        upcoming = self.upcoming(on).order_by()
        return upcoming.union(self.past(on)[:past], all=True).order_by("start_date", "pk")

    def in_year(self, year):
        """Events that start in ``year``."""
        return self.filter(start_date__year=year)

    def held_on_or_before(self, on):
        """Events that had started by ``on`` (for a committee's latest activity on a date)."""
        return self.filter(start_date__lte=on)

    def held_after(self, on):
        """Events that started after ``on`` (for meetings recorded after a baseline date)."""
        return self.filter(start_date__gt=on)

    def organised_by_near(self):
        """Events NEAR held itself: organised by the secretariat, a committee or the host government.

        The same rule as ``Event.organised_by_near``. An event of another organisation stays
        another's even when the secretariat helped run it or attended (Annual Report 2018:
        such forums are reported under external cooperation, not as NEAR's own).
        """
        return self.exclude(organiser=Organiser.OTHER)

    def organised_by_others(self):
        """Events of another organisation, which NEAR or its secretariat attended or supported."""
        return self.filter(organiser=Organiser.OTHER)

    def meetings(self):
        """Meetings of specialized committees."""
        return self.filter(kind="committee_meeting")

    def for_committee(self, committee):
        """The events of a committee: its meetings and what it organised or was linked to."""
        return self.filter(committee=committee)

    def involving(self, member):
        """Events ``member`` hosted or took part in, each once, with ``member_hosted`` annotated."""
        participation = self.model._meta.get_field("participations").related_model
        hosted = self.model.hosts.through.objects.filter(membergovernment_id=member.pk).values("event_id")
        joined = participation.objects.filter(member_id=member.pk).values("event_id")
        # Two hashed sets of event ids, each read from an index alone (``participation_member_event``
        # and the hosts' own): cheaper than a probe of both per event on a long list.
        hosted_here = ExpressionWrapper(Q(pk__in=hosted), output_field=BooleanField())
        return self.annotate(member_hosted=hosted_here).filter(Q(pk__in=hosted) | Q(pk__in=joined))

    def latest(self, count):
        """(the ``count`` latest events, latest first; whether the queryset holds more). One query.

        It reads ``count + 1`` rows walking the start-date index backwards (``event_start``) and
        stops there, so a member's page costs the same after thirty years of events as after
        three; how many there are in all is on the events list the page links to, which counts
        them a page at a time.
        """
        found = list(self.order_by(*LATEST_FIRST)[: count + 1])
        return found[:count], len(found) > count

    def recent_involving(self, member):
        """(the ``RECENT_EVENTS`` latest published events ``member`` hosted or attended; whether there are more).

        A member's page and its liaison officer's show these; all of them are on the events
        list filtered by the government (paginated, with their number).
        """
        return self.published().involving(member).for_listing().latest(RECENT_EVENTS)

    def latest_meetings_and_activities(self, count):
        """(meetings, other events): the ``count`` latest of each, latest first, each with its group's ``total``.

        One query (a window per group), for a committee's page.
        """
        meeting = ExpressionWrapper(Q(kind="committee_meeting"), output_field=BooleanField())
        events = (
            self.annotate(
                is_meeting=meeting,
                rank=Window(RowNumber(), partition_by=[meeting], order_by=LATEST_FIRST),
                total=Window(Count("pk"), partition_by=[meeting]),
            )
            .filter(rank__lte=count)
            .order_by(*LATEST_FIRST)
        )
        meetings, activities = [], []
        for event in events:
            (meetings if event.is_meeting else activities).append(event)
        return meetings, activities

    def for_listing(self):
        """What a list of events shows (``events/_event_list.html``), fetched in a fixed number of queries.

        Only the columns the list shows, in the active language: an event's summary, report
        and sources in six languages are most of its row and are read on its own page.
        """
        return (
            self.select_related("country")
            .only(
                *LISTING_COLUMNS,
                *active_language_fields("title", "city"),
                *[f"country__{column}" for column in active_language_fields("name")],
            )
            .prefetch_related(
                # A list (``listed_hosts``), not the related manager's cache: Django then builds
                # no queryset per event to hold it, most of the cost of a page of 20 events.
                Prefetch(
                    "hosts",
                    queryset=MemberGovernment.objects.only("slug", *active_language_fields("name")),
                    to_attr="listed_hosts",
                )
            )
        )
