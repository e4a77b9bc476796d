"""Events of the association: meetings, forums, workshops, youth programmes, visits and agreements."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from events.choices import Organiser
from events.querysets import EventQuerySet
from events.uploads import AttachmentKind, attachment_path, inspect_upload
from members.models import Country, DatePrecision, MemberGovernment


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
    start_date = models.DateField(
        _("start date"), help_text=_("When only the month or year is recorded, the first day of that month or year.")
    )
    date_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How much of the date the record states; the portal shows no more than that."),
    )
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
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Until when liaison officers may register their delegation; empty: no registration on the portal."),
    )
    hosts = models.ManyToManyField(
        MemberGovernment, blank=True, related_name="events_hosted", verbose_name=_("host governments")
    )
    organiser = models.CharField(
        _("organiser"), max_length=20, choices=Organiser.choices, default=Organiser.SECRETARIAT
    )
    organiser_name = models.CharField(
        _("name of the organiser"),
        max_length=300,
        blank=True,
        help_text=_("When another organisation organised the event: its name."),
    )
    # Kept in step with ``organiser`` by save() and a constraint; other apps filter on it.
    organised_by_secretariat = models.BooleanField(_("organised by the secretariat"), default=False)
    committee = models.ForeignKey(
        "committees.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("committee"),
        db_index=False,  # ``event_committee_start`` (committee first) serves every lookup by committee
    )
    # Figures as the record gives them (annual reports often give only totals).
    recorded_participants = models.PositiveIntegerField(_("participants (as recorded)"), null=True, blank=True)
    participants_more_than = models.BooleanField(
        _("more than that number"), default=False, help_text=_("The record says “more than” (余) the number.")
    )
    recorded_governments = models.PositiveSmallIntegerField(_("governments (as recorded)"), null=True, blank=True)
    recorded_countries = models.PositiveSmallIntegerField(_("countries (as recorded)"), null=True, blank=True)
    recorded_works = models.PositiveIntegerField(
        _("works submitted (as recorded)"), null=True, blank=True, help_text=_("For contests.")
    )
    participation_complete = models.BooleanField(
        _("the list of governments is complete"),
        default=False,
        help_text=_(
            "Tick only when every government that took part is listed; figures are then counted from the list."
        ),
    )
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("The record the figures come from."))
    published = models.BooleanField(_("published"), default=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            # The lists and feeds read events latest first (past, the admin's list) or published ones by
            # their last day (upcoming), a page at a time: index walks, not a scan and sort of every event.
            models.Index(fields=["start_date", "id"], name="event_start"),
            # A committee's events latest first (its page, its feed, the list filtered by it): one range.
            models.Index(fields=["committee", "start_date", "id"], name="event_committee_start"),
            models.Index(
                Coalesce("end_date", "start_date"), name="event_published_last_day", condition=models.Q(published=True)
            ),
        ]
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
            # An event organised by a committee names it.
            models.CheckConstraint(
                condition=~models.Q(organiser="committee") | models.Q(committee__isnull=False),
                name="event_committee_organiser_has_committee",
            ),
            # The legacy flag says the same as the organiser.
            models.CheckConstraint(
                condition=models.Q(organiser="secretariat", organised_by_secretariat=True)
                | (~models.Q(organiser="secretariat") & models.Q(organised_by_secretariat=False)),
                name="event_secretariat_flag_matches_organiser",
            ),
            # A date known only to the month or year is stored as the first day of that period,
            # with no end date and no time (the record states nothing finer).
            models.CheckConstraint(
                condition=models.Q(date_precision="day")
                | models.Q(date_precision="month", start_date__day=1, end_date__isnull=True, start_time__isnull=True)
                | models.Q(
                    date_precision="year",
                    start_date__day=1,
                    start_date__month=1,
                    end_date__isnull=True,
                    start_time__isnull=True,
                ),
                name="event_imprecise_date_is_first_of_period",
            ),
            # A time of day means nothing without the venue's time zone.
            models.CheckConstraint(
                condition=models.Q(start_time__isnull=True) | ~models.Q(time_zone=""),
                name="event_time_has_time_zone",
            ),
            # An end time needs a start time, and on a one-day event comes after it.
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | (
                    models.Q(start_time__isnull=False)
                    & (
                        models.Q(end_date__isnull=False, end_date__gt=models.F("start_date"))
                        | models.Q(end_time__gte=models.F("start_time"))
                    )
                ),
                name="event_end_time_after_start_time",
            ),
            # "More than" qualifies a recorded number of participants.
            models.CheckConstraint(
                condition=models.Q(participants_more_than=False) | models.Q(recorded_participants__isnull=False),
                name="event_more_than_qualifies_a_number",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.organised_by_secretariat = self.organiser == Organiser.SECRETARIAT
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        self.organised_by_secretariat = self.organiser == Organiser.SECRETARIAT
        errors = {}
        if self.time_zone and self.time_zone not in zoneinfo.available_timezones():
            errors["time_zone"] = _("%(zone)s is not a time zone name such as Asia/Seoul.") % {"zone": self.time_zone}
        if self.start_time and not self.time_zone:
            errors["time_zone"] = _("Give the venue's time zone when the event has a time.")
        if self.organiser == Organiser.COMMITTEE and not self.committee_id:
            errors["committee"] = _("Choose the committee that organised the event.")
        if self.date_precision != DatePrecision.DAY and (self.end_date or self.start_time):
            errors["date_precision"] = _("An event dated only to the month or year has no end date and no time.")
        if errors:
            raise ValidationError(errors)

    @property
    def last_day(self):
        """The day the event ends; the same rule as ``EventQuerySet.with_last_day``."""
        return self.end_date or self.start_date

    @property
    def organised_by_near(self):
        """Whether NEAR held the event itself; the same rule as ``EventQuerySet.organised_by_near``."""
        return self.organiser != Organiser.OTHER

    def is_upcoming(self, on):
        """Whether the event has not yet ended on ``on``; the same rule as ``EventQuerySet.upcoming``."""
        return self.last_day >= on

    def involves(self, member):
        """Whether ``member`` hosted or took part; the same rule as ``EventQuerySet.involving``."""
        return self.hosts.filter(pk=member.pk).exists() or self.participations.filter(member_id=member.pk).exists()


class Participation(models.Model):
    """A government that took part in an event, with its delegates where known."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations", verbose_name=_("event"))
    # Indexed with the event by ``participation_member_event`` below.
    member = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("member government"),
        db_index=False,
    )
    delegates = models.PositiveSmallIntegerField(_("delegates"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "member"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        indexes = [
            # A government's events (its page, the events list filtered by it) read the ids of the
            # events it took part in from this index alone, without visiting the table.
            models.Index(fields=["member", "event"], name="participation_member_event"),
        ]
        constraints = [
            # A government takes part in an event once.
            models.UniqueConstraint(fields=["event", "member"], name="participation_unique_member_per_event"),
        ]

    def __str__(self):
        return f"{self.member} @ {self.event}"


class CountryFigure(models.Model):
    """What the record gives for one country at an event: governments taking part, works submitted."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="country_figures", verbose_name=_("event"))
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="event_figures", verbose_name=_("country")
    )
    governments = models.PositiveSmallIntegerField(_("governments"), null=True, blank=True)
    works = models.PositiveIntegerField(_("works submitted"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "country__display_order"]
        verbose_name = _("figure by country")
        verbose_name_plural = _("figures by country")
        constraints = [
            # One line per country and event.
            models.UniqueConstraint(fields=["event", "country"], name="country_figure_unique_country_per_event"),
            # A line states at least one figure.
            models.CheckConstraint(
                condition=models.Q(governments__isnull=False) | models.Q(works__isnull=False),
                name="country_figure_states_a_figure",
            ),
        ]

    def __str__(self):
        return f"{self.country} @ {self.event}"


class Attachment(models.Model):
    """A file belonging to an event: its programme, minutes, a photograph, a report."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("event"))
    kind = models.CharField(_("kind"), max_length=20, choices=AttachmentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    # Set from the file's content when it is uploaded (events/uploads.py), never from the browser.
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    original_name = models.CharField(_("original file name"), max_length=200, blank=True, editable=False)
    public = models.BooleanField(_("public"), default=True, help_text=_("Untick to keep the file to staff."))
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["event", "display_order", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            # Every stored file went through the content check, which sets its type.
            models.CheckConstraint(condition=~models.Q(content_type=""), name="attachment_has_checked_type"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:attachment", kwargs={"slug": self.event.slug, "pk": self.pk})

    def clean(self):
        if self.file and not self.file._committed:
            try:
                checked = inspect_upload(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from error
            self.content_type, self.size, self.original_name = checked.content_type, checked.size, checked.name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")


@receiver(post_delete, sender=Attachment)
def delete_attachment_file(sender, instance, **kwargs):
    """A deleted attachment leaves no file under MEDIA_ROOT (once the deletion is committed)."""
    if instance.file:
        transaction.on_commit(lambda: instance.file.delete(save=False))
