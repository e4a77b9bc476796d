"""Reusable reads of specialized committees and their coordinator terms."""

import datetime

from django.apps import apps
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

from core.languages import other_language_fields

# The 2018 annual report's table counts the meetings held up to and including 2018; meetings
# recorded as events after that year add to it.
BASELINE_END = datetime.date(2018, 12, 31)


def dormancy_cutoff(on: datetime.date) -> datetime.date:
    """The day two years before ``on`` (29 February falls back to 28 February).

    Committee Regulation art. 5(7): a coordinator that has held no meeting or activity for two
    years or more ("2年以上") may be replaced. Nothing dated after this day means two full years.
    """
    try:
        return on.replace(year=on.year - 2)
    except ValueError:
        return on.replace(year=on.year - 2, day=28)


def existing_condition(on: datetime.date) -> Q:
    """Established by ``on`` and still active on it (see ``CommitteeQuerySet.existing_on``)."""
    return (Q(established_on__isnull=True) | Q(established_on__lte=on)) & (
        Q(status="active") | Q(status_changed_on__gt=on)
    )


class CommitteeQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def existing_on(self, on: datetime.date):
        """Committees established by ``on`` and not yet abolished, renamed or merged on that day.

        A committee whose establishment date is not recorded counts as existing from the start
        of the record; one whose status changed on an unrecorded date counts as gone.
        """
        return self.filter(existing_condition(on))

    def with_meeting_counts(self, on: datetime.date):
        """Annotate ``meetings_since_2018``: published committee meetings held after 2018, up to ``on``."""
        event_model = apps.get_model("events", "Event")
        since = (
            event_model.objects.filter(
                committee=OuterRef("pk"),
                kind=event_model.Kind.COMMITTEE_MEETING,
                published=True,
                start_date__gt=BASELINE_END,
                start_date__lte=on,
            )
            .order_by()
            .values("committee")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(meetings_since_2018=Coalesce(Subquery(since), Value(0)))

    def with_dormancy(self, on: datetime.date):
        """Annotate ``dormant`` on ``on`` (Committee Regulation art. 5(4), 5(7)) and ``activity_since``.

        ``activity_since`` is the latest of: the last day of the committee's latest published
        event begun by ``on`` (any kind: art. 5(4) counts a meeting or any NEAR activity), the
        start of its current coordinators' latest term (a new coordinator gets its own two
        years), and the committee's establishment. Events count whoever hosted them: the
        coordinator convenes the committee's meetings, which another member may host.
        ``dormant`` is True when that day is two years or more before ``on``; None when the
        rule does not apply (the committee does not exist or has no coordinator on ``on``) or
        nothing dated is recorded.
        """
        event_model = apps.get_model("events", "Event")
        term_model = apps.get_model("committees", "CoordinatorTerm")
        last_activity = (
            event_model.objects.filter(committee=OuterRef("pk"), published=True, start_date__lte=on)
            .annotate(last_day=Coalesce("end_date", "start_date"))
            .order_by("-last_day")
            .values("last_day")[:1]
        )
        current_terms = term_model.objects.filter(committee=OuterRef("pk")).held_on(on)
        latest_start = current_terms.filter(started_on__isnull=False).order_by("-started_on").values("started_on")[:1]
        return self.alias(_has_coordinator=Exists(current_terms)).annotate(
            activity_since=Greatest(
                Subquery(last_activity), Subquery(latest_start), F("established_on"), output_field=models.DateField()
            ),
            dormant=models.Case(
                models.When(
                    ~existing_condition(on) | Q(_has_coordinator=False) | Q(activity_since__isnull=True), then=None
                ),
                models.When(activity_since__lte=dormancy_cutoff(on), then=True),
                default=False,
                output_field=models.BooleanField(null=True),
            ),
        )

    def for_listing(self, on: datetime.date):
        """Annotated for ``on`` (meetings, dormancy), with successors and coordinator terms prefetched.

        The terms come with their governments and countries, so ``Committee.coordinators_on``
        costs no query. Long texts are read in the active language only.
        """
        term_model = apps.get_model("committees", "CoordinatorTerm")
        terms = term_model.objects.select_related("member__country")
        return (
            self.defer(*other_language_fields("description", "history_note"))
            .with_dormancy(on)
            .with_meeting_counts(on)
            .select_related("successor")
            .prefetch_related(models.Prefetch("coordinator_terms", queryset=terms))
        )

    def dormant(self, on: datetime.date):
        """Committees eligible for a change of coordinator on ``on`` (Regulation art. 5(7))."""
        return self.with_dormancy(on).filter(dormant=True)


class CoordinatorTermQuerySet(models.QuerySet):
    def held_on(self, on: datetime.date):
        """Terms running on ``on``: the coordinators of each committee on that day.

        A term runs from its start (inclusive) to its end (exclusive). A start the record does
        not give counts from the committee's establishment, or from the start of the record
        when that is not given either.
        """
        started = (
            Q(started_on__lte=on)
            | Q(started_on__isnull=True, committee__established_on__lte=on)
            | Q(started_on__isnull=True, committee__established_on__isnull=True)
        )
        return self.filter(started, Q(ended_on__isnull=True) | Q(ended_on__gt=on))

    def for_member(self, member):
        """The terms a government holds or held, with their committees, newest first."""
        return (
            self.filter(member=member)
            .select_related("committee")
            .order_by(F("started_on").desc(nulls_last=True), "committee__regulation_number")
        )
