"""Events of the association: meetings, forums, workshops, youth programmes, visits and agreements."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.models import Country, MemberGovernment, NaturalKeyManager


class Event(models.Model):
    """Something NEAR or one of its bodies held or took part in, on given dates."""

    class Kind(models.TextChoices):
        GENERAL_ASSEMBLY = "general_assembly", _("General Assembly session")
        WORKING_COMMITTEE = "working_committee", _("Working Committee session")
        COMMITTEE_MEETING = "committee_meeting", _("committee meeting")
        WORKSHOP = "workshop", _("working-level workshop")
        FORUM = "forum", _("international forum")
        YOUTH_FORUM = "youth_forum", _("youth leaders forum")
        YOUTH_CONTEST = "youth_contest", _("youth contest")
        VISIT = "visit", _("visit or agreement")
        OTHER = "other", _("other")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    report = models.TextField(_("report"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True, help_text=_("Local time at the venue."))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, help_text=_("IANA name of the venue's zone, e.g. Asia/Seoul.")
    )
    city = models.CharField(_("city"), max_length=150, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("country")
    )
    online = models.BooleanField(_("online"), default=False)
    hosts = models.ManyToManyField(
        MemberGovernment, blank=True, related_name="events_hosted", verbose_name=_("host governments")
    )
    organised_by_secretariat = models.BooleanField(_("organised by the secretariat"), default=False)
    committee = models.ForeignKey(
        "committees.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("committee"),
    )
    published = models.BooleanField(_("published"), default=True)

    objects = NaturalKeyManager("slug")

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            # An event ends on or after the day it starts.
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_it_starts",
            ),
            # A committee meeting belongs to a committee.
            models.CheckConstraint(
                condition=~models.Q(kind="committee_meeting") | models.Q(committee__isnull=False),
                name="event_committee_meeting_has_committee",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class Participation(models.Model):
    """A government that took part in an event, with its delegates where known."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations", verbose_name=_("event"))
    member = models.ForeignKey(
        MemberGovernment, on_delete=models.PROTECT, related_name="participations", verbose_name=_("member government")
    )
    delegates = models.PositiveSmallIntegerField(_("delegates"), null=True, blank=True)

    class Meta:
        ordering = ["event", "member"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            # A government takes part in an event once.
            models.UniqueConstraint(fields=["event", "member"], name="participation_unique_member_per_event"),
        ]

    def __str__(self):
        return f"{self.member} @ {self.event}"
