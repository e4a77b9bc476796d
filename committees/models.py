"""Specialized committees (Charter art. 10(4); Committee Regulation) and their coordinator governments."""

import datetime

from django.apps import apps
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeBoundary, RangeOperators
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from committees.querysets import CommitteeQuerySet, CoordinatorTermQuerySet, dormancy_cutoff
from members.models import DatePrecision, MemberGovernment


class Committee(models.Model):
    """A specialized committee of NEAR, listed in art. 2 of the Committee Regulation."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        ABOLISHED = "abolished", _("abolished")
        RENAMED = "renamed", _("renamed")
        MERGED = "merged", _("merged into another committee")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    field_of_activity = models.CharField(_("field of activity"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    regulation_number = models.PositiveSmallIntegerField(
        _("number in the Committee Regulation art. 2"), null=True, blank=True
    )
    established_on = models.DateField(_("established on"), null=True, blank=True)
    established_year = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, help_text=_("As the annual report's committee table gives it.")
    )
    created_by_amendment_of = models.DateField(
        _("created by the Committee Regulation amendment of"),
        null=True,
        blank=True,
        help_text=_("The date of the amendment of art. 2 that created the committee, where the Regulation notes it."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("renamed to or merged into"),
    )
    meetings_to_2018 = models.PositiveSmallIntegerField(
        _("meetings recorded to 2018"),
        null=True,
        blank=True,
        help_text=_("The count the 2018 annual report gives; meetings recorded as events afterwards add to it."),
    )
    participants = models.ManyToManyField(
        MemberGovernment, blank=True, related_name="committees_joined", verbose_name=_("participating governments")
    )
    history_note = models.TextField(
        _("note on the record"),
        blank=True,
        help_text=_("What the association's documents say about the committee's history, and what they leave open."),
    )
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the record states it."))

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        ordering = ["regulation_number", "name"]
        verbose_name = _("specialized committee")
        verbose_name_plural = _("specialized committees")
        constraints = [
            models.UniqueConstraint(
                fields=["regulation_number"],
                condition=models.Q(regulation_number__isnull=False),
                name="committee_unique_regulation_number",
            ),
            # Only an abolished, renamed or merged committee has a date of that change.
            models.CheckConstraint(
                condition=models.Q(status="active", status_changed_on__isnull=True) | ~models.Q(status="active"),
                name="committee_active_has_no_status_date",
                violation_error_message=_("An active committee has no date of abolition, renaming or merger."),
            ),
            # A committee is renamed to, or merged into, another one: only then has it a successor.
            models.CheckConstraint(
                condition=models.Q(successor__isnull=True) | models.Q(status__in=["renamed", "merged"]),
                name="committee_successor_only_when_renamed_or_merged",
                violation_error_message=_("Only a renamed or merged committee has a successor."),
            ),
            models.CheckConstraint(
                condition=~models.Q(successor=models.F("pk")),
                name="committee_is_not_its_own_successor",
                violation_error_message=_("A committee cannot be its own successor."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("committees:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def founded_year(self):
        """The year the annual report's table gives, else the year of establishment."""
        if self.established_year:
            return self.established_year
        return self.established_on.year if self.established_on else None

    def exists_on(self, on: datetime.date) -> bool:
        """Established by ``on`` and not yet abolished, renamed or merged; as ``CommitteeQuerySet.existing_on``."""
        if self.established_on and self.established_on > on:
            return False
        if self.status == self.Status.ACTIVE:
            return True
        return self.status_changed_on is not None and self.status_changed_on > on

    def coordinators_on(self, on: datetime.date) -> list[MemberGovernment]:
        """The coordinator governments on ``on``; the same rule as ``CoordinatorTermQuerySet.held_on``.

        Reads ``self.coordinator_terms.all()``, so a prefetch (with ``member``) makes it free.
        """
        return [term.member for term in self.coordinator_terms.all() if term.is_held_on(on)]

    def is_dormant(self, on: datetime.date) -> bool | None:
        """Whether the committee is eligible for a change of coordinator on ``on`` (Regulation art. 5(7)).

        The same rule as ``CommitteeQuerySet.with_dormancy``: None when it does not apply (the
        committee does not exist or has no coordinator on ``on``) or when nothing dated is
        recorded from which to count the two years.
        """
        terms = [term for term in self.coordinator_terms.all() if term.is_held_on(on)]
        if not self.exists_on(on) or not terms:
            return None
        # Event's manager (members.NaturalKeyManager) cannot serve as a related manager, so the
        # events are read through Event.objects rather than self.events.
        event_model = apps.get_model("events", "Event")
        events = event_model.objects.filter(committee=self, published=True, start_date__lte=on)
        activity = [end or start for start, end in events.values_list("start_date", "end_date")]
        dates = [d for d in [max(activity, default=None), self.established_on] if d]
        dates += [term.started_on for term in terms if term.started_on]
        if not dates:
            return None
        return max(dates) <= dormancy_cutoff(on)


def periods_overlap(a, b) -> bool:
    """Whether two (start, end) periods overlap, as PostgreSQL's ``daterange(start, end, '[)') &&``.

    An empty start or end leaves the period open on that side.
    """
    (a_start, a_end), (b_start, b_end) = a, b
    a_before_b_ends = b_end is None or a_start is None or a_start < b_end
    b_before_a_ends = a_end is None or b_start is None or b_start < a_end
    return a_before_b_ends and b_before_a_ends


class TermRange(models.Func):
    """PostgreSQL ``daterange(start, end, '[)')`` of a coordinator term, for the exclusion constraint."""

    function = "DATERANGE"
    output_field = DateRangeField()


class CoordinatorTerm(models.Model):
    """A member government's term as coordinator of a specialized committee (Committee Regulation art. 5(1)-(2)).

    Art. 5(2): two-year terms, renewable, co-coordination allowed. Where the record gives only a
    continuous tenure (renewals included), one row holds it. A term runs from ``started_on``
    (inclusive) to ``ended_on`` (exclusive: the day a successor takes over), so a change on one
    day ends one term and starts the next without overlap.
    """

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="coordinator_terms", verbose_name=_("committee")
    )
    member = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        related_name="coordinator_terms",
        verbose_name=_("coordinator government"),
    )
    started_on = models.DateField(
        _("started on"),
        null=True,
        blank=True,
        help_text=_(
            "Empty when the record does not say; the term then counts from the committee's establishment. "
            "With a year or month precision, the earliest day the record allows."
        ),
    )
    start_precision = models.CharField(
        _("precision of the start"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    ended_on = models.DateField(
        _("ended on"),
        null=True,
        blank=True,
        help_text=_("The day the government stopped coordinating. Empty while the term runs."),
    )
    end_precision = models.CharField(_("precision of the end"), max_length=5, choices=DatePrecision.choices, blank=True)
    # The decision as text, in six languages: it names decisions the portal holds no resolution for.
    appointed_by = models.CharField(
        _("appointed by"),
        max_length=300,
        blank=True,
        help_text=_(
            "The decision that appointed the government, e.g. the General Assembly or Working Committee session."
        ),
    )
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the record states it."))

    objects = CoordinatorTermQuerySet.as_manager()

    class Meta:
        ordering = ["committee", models.F("started_on").asc(nulls_first=True), "member"]
        verbose_name = _("coordinator term")
        verbose_name_plural = _("coordinator terms")
        constraints = [
            # A term ends after it starts.
            models.CheckConstraint(
                condition=(
                    models.Q(started_on__isnull=True)
                    | models.Q(ended_on__isnull=True)
                    | models.Q(ended_on__gt=models.F("started_on"))
                ),
                name="coordinator_term_ends_after_it_starts",
                violation_error_message=_("A term ends after it starts."),
            ),
            # A precision is given exactly when the date is.
            models.CheckConstraint(
                condition=(
                    models.Q(started_on__isnull=True, start_precision="")
                    | (models.Q(started_on__isnull=False) & ~models.Q(start_precision=""))
                ),
                name="coordinator_term_start_precision_with_date",
                violation_error_message=_("Give the precision of the start exactly when the start date is given."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(ended_on__isnull=True, end_precision="")
                    | (models.Q(ended_on__isnull=False) & ~models.Q(end_precision=""))
                ),
                name="coordinator_term_end_precision_with_date",
                violation_error_message=_("Give the precision of the end exactly when the end date is given."),
            ),
            # A government holds one term at a time on a committee; co-coordinators are other
            # governments (art. 5(2)). An empty start or end leaves the range open on that side.
            ExclusionConstraint(
                name="coordinator_term_no_overlap_per_member",
                expressions=[
                    ("committee", RangeOperators.EQUAL),
                    ("member", RangeOperators.EQUAL),
                    (TermRange("started_on", "ended_on", RangeBoundary()), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_("This government already coordinates the committee during these dates."),
            ),
        ]

    def __str__(self):
        return f"{self.member} — {self.committee}"

    def is_held_on(self, on: datetime.date) -> bool:
        """Whether the term runs on ``on``; the same rule as ``CoordinatorTermQuerySet.held_on``."""
        start = self.started_on or self.committee.established_on
        return (start is None or start <= on) and (self.ended_on is None or self.ended_on > on)
