"""Sessions of the General Assembly and the Working Committee, their officers, attendance and agenda."""

import datetime

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.membership import format_partial_date
from members.models import Country, DatePrecision, MemberGovernment


class Body(models.TextChoices):
    """The two deciding bodies of the Charter: the General Assembly (arts. 6–9) and the Working Committee (art. 10)."""

    GENERAL_ASSEMBLY = "general_assembly", _("General Assembly")
    WORKING_COMMITTEE = "working_committee", _("Working Committee")


class DecisionKind(models.TextChoices):
    """What an agenda item decides; it sets the quorum and majority (Charter arts. 8, 9 and 9-2)."""

    ADMISSION = "art8_1", _("admission or expulsion of members and associate members (art. 8(1))")
    DUES = "art8_2", _("dues (art. 8(2))")
    CHARTER_AMENDMENT = "art8_3", _("amendment of the Charter (art. 8(3))")
    DISSOLUTION = "art8_4", _("dissolution and liquidation (art. 8(4))")
    SECRETARIAT_SEAT = "art8_5", _("seat of the secretariat (art. 8(5))")
    AUDITORS = "art8_6", _("election of auditors (art. 8(6))")
    BUDGET = "art8_7", _("budget and project plan (art. 8(7))")
    DUES_REGULATION = "art8_8", _("matters of the Dues Regulation (art. 8(8))")
    NEXT_ASSEMBLY = "art8_9", _("next General Assembly (art. 8(9))")
    WORK_PLANS = "art8_10", _("work plans (art. 8(10))")
    OTHER = "art8_11", _("other matters (art. 8(11))")
    WORKING_COMMITTEE_MATTER = "art11", _("Working Committee matter (art. 11)")
    COORDINATOR_CHANGE = "coordinator", _("change of a committee's coordinator (Committee Regulation art. 5(8))")
    NO_VOTE = "no_vote", _("report, no vote")


def ordinal(number: int) -> str:
    """The number as the session titles use it: 12th in English; the other languages' titles carry their own marks."""
    if (get_language() or "en").startswith("en"):
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"
    return str(number)


class SessionQuerySet(models.QuerySet):
    def of_body(self, body):
        """Sessions of one body, the latest first."""
        return self.filter(body=body).order_by("-start_date", "-number")

    def for_public_list(self, body):
        """Sessions of ``body`` with the host and chair the public list shows, latest first (``session_body_latest``).

        A page of it gets its resolution counts from ``count_resolutions``.
        """
        return self.of_body(body).select_related("host", "chair")

    def count_resolutions(self, sessions) -> list:
        """``sessions`` (a page of a list) as a list, each with ``resolution_count``: its motions adopted. One query.

        Grouped over the page's sessions only, so a page costs the same whatever the number of
        sessions and motions before it.
        """
        sessions = list(sessions)
        adopted = dict(
            AgendaItem.objects.filter(session__in=sessions, motions__outcome="adopted")
            .order_by()
            .values("session")
            .annotate(count=models.Count("motions"))
            .values_list("session", "count")
        )
        for session in sessions:
            session.resolution_count = adopted.get(session.pk, 0)
        return sessions

    def assembly_held_in(self, year: int) -> bool:
        """Whether a General Assembly is recorded in ``year`` (Charter art. 9-2 delegates only in years without one)."""
        return self.filter(body=Body.GENERAL_ASSEMBLY, start_date__year=year).exists()


class Session(models.Model):
    """A session of the General Assembly or of the Working Committee, on given dates."""

    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("The ordinal the record gives (12 for the 12th); empty when it gives none."),
    )
    key = models.SlugField(
        _("key"),
        max_length=40,
        blank=True,
        help_text=_(
            "The session's address: its number, or for a session without a number a key such as 2019-extraordinary."
        ),
    )
    # Charter art. 10(1) as amended 2018-10-29: the Working Committee's chair may convene extraordinary sessions.
    extraordinary = models.BooleanField(_("extraordinary session"), default=False)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("precision of the dates"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    host = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions_hosted",
        verbose_name=_("host government"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("held online"), default=False)
    # The 12th General Assembly counted 21 written resolutions among its 50 voters; the 13th,
    # held online, voted in writing (seeds 003 line 179, 004 line 645).
    written_resolutions = models.BooleanField(
        _("written resolutions accepted"),
        default=False,
        help_text=_(
            "Member governments holding voting rights may send written ballots on this session's open motions "
            "through their liaison officers' space."
        ),
    )
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    chair = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions_chaired",
        verbose_name=_("chair government"),
    )
    event = models.OneToOneField(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assemblies_session",
        verbose_name=_("event"),
    )
    # Historical sessions: the totals the record gives, shown "as recorded".
    recorded_attending = models.PositiveSmallIntegerField(
        _("governments attending, as recorded"), null=True, blank=True
    )
    recorded_present = models.PositiveSmallIntegerField(_("members present, as recorded"), null=True, blank=True)
    recorded_written = models.PositiveSmallIntegerField(_("written resolutions, as recorded"), null=True, blank=True)
    recorded_voting = models.PositiveSmallIntegerField(_("members voting, as recorded"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the record states it."))

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["body", "-start_date"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [
            # A body's sessions latest first (the public lists, a page at a time): an index walk.
            models.Index(fields=["body", "start_date", "number"], name="session_body_latest"),
        ]
        constraints = [
            # A body numbers each session once.
            models.UniqueConstraint(
                fields=["body", "number"],
                condition=models.Q(number__isnull=False),
                name="session_unique_number_per_body",
            ),
            models.UniqueConstraint(fields=["body", "key"], name="session_unique_key_per_body"),
            # Every session has an address.
            models.CheckConstraint(condition=~models.Q(key=""), name="session_has_a_key"),
            # A numbered session's address is its number ...
            models.CheckConstraint(
                condition=models.Q(number__isnull=True) | models.Q(key=Cast("number", models.CharField())),
                name="session_numbered_key_is_its_number",
            ),
            # ... and an unnumbered one's never looks like a number, so no number is invented.
            models.CheckConstraint(
                condition=models.Q(number__isnull=False) | ~models.Q(key__regex=r"^[0-9]+$"),
                name="session_unnumbered_key_is_not_a_number",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="session_ends_after_it_starts",
            ),
            # Only the Working Committee has extraordinary sessions (Charter art. 10(1)).
            models.CheckConstraint(
                condition=models.Q(extraordinary=False) | models.Q(body="working_committee"),
                name="session_extraordinary_only_working_committee",
            ),
            # The 12th General Assembly: 29 present + 21 written resolutions = 50 voting.
            models.CheckConstraint(
                condition=models.Q(recorded_present__isnull=True)
                | models.Q(recorded_written__isnull=True)
                | models.Q(recorded_voting__isnull=True)
                | models.Q(recorded_voting=models.F("recorded_present") + models.F("recorded_written")),
                name="session_recorded_totals_add_up",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        name = "assembly" if self.body == Body.GENERAL_ASSEMBLY else "working-committee"
        return reverse(f"assemblies:{name}-detail", kwargs={"key": self.key})

    def clean(self):
        if self.number is not None and not self.key:
            self.key = str(self.number)
        if not self.key:
            raise ValidationError({"key": _("A session without a number needs a key, such as 2019-extraordinary.")})

    @property
    def title(self) -> str:
        """The session's name in the current language: "12th General Assembly", "第12次事务委员会"."""
        assembly = self.body == Body.GENERAL_ASSEMBLY
        if self.number is not None:
            values = {"ordinal": ordinal(self.number)}
            if assembly:
                return _("%(ordinal)s General Assembly") % values
            if self.extraordinary:
                return _("%(ordinal)s Extraordinary Working Committee") % values
            return _("%(ordinal)s Working Committee") % values
        values = {"date": self.dates_display}
        if assembly:
            return _("General Assembly of %(date)s") % values
        if self.extraordinary:
            return _("Extraordinary Working Committee of %(date)s") % values
        return _("Working Committee of %(date)s") % values

    @property
    def dates_display(self) -> str:
        """The dates only as precisely as the record states them."""
        start = format_partial_date(self.start_date, self.date_precision)
        if self.end_date and self.end_date != self.start_date:
            return f"{start} – {format_partial_date(self.end_date, self.date_precision)}"
        return start

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.start_date

    @property
    def roll_date(self) -> datetime.date:
        """The date whose voting rights make the session's roll: the eve of its first day.

        The roll is fixed when the session opens, so a government admitted at the session (its
        admission is dated that day) does not vote at it; the 13th General Assembly voted with
        78 members and admitted Liaoning as the 79th.
        """
        return self.start_date - datetime.timedelta(days=1)


class Officer(models.Model):
    """An officer of NEAR: the chair (Charter art. 7(1)), an auditor (art. 7(2)) or the secretary-general (art. 13)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        AUDITOR = "auditor", _("auditor")
        SECRETARY_GENERAL = "secretary_general", _("secretary-general")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    government = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name=_("government"),
    )
    person_name = models.CharField(_("name of the person"), max_length=150, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="officers", verbose_name=_("country")
    )
    elected_at = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers_elected",
        verbose_name=_("elected at"),
    )
    term_start = models.DateField(
        _("term starts"), null=True, blank=True, help_text=_("Empty when the record does not say.")
    )
    term_end = models.DateField(
        _("term ends"), null=True, blank=True, help_text=_("Empty while in office or when the record does not say.")
    )
    in_office_on = models.DateField(
        _("recorded in office on"),
        null=True,
        blank=True,
        help_text=_("A date on which the record shows the officer in office, when the term's dates are not recorded."),
    )
    in_office_precision = models.CharField(
        _("precision of that date"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["role", models.F("term_start").asc(nulls_first=True), "in_office_on", "pk"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        constraints = [
            # Charter art. 7(1): the chair is the head of a member government.
            models.CheckConstraint(
                condition=~models.Q(role="chair") | models.Q(government__isnull=False),
                name="officer_chair_has_government",
            ),
            # Charter art. 7(2): auditors are chosen per country.
            models.CheckConstraint(
                condition=~models.Q(role="auditor") | models.Q(country__isnull=False),
                name="officer_auditor_has_country",
            ),
            models.CheckConstraint(
                condition=models.Q(term_start__isnull=True)
                | models.Q(term_end__isnull=True)
                | models.Q(term_end__gte=models.F("term_start")),
                name="officer_term_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(in_office_on__isnull=True, in_office_precision="")
                | (models.Q(in_office_on__isnull=False) & ~models.Q(in_office_precision="")),
                name="officer_in_office_precision_with_date",
            ),
            # Charter art. 7(2): one auditor per country, elected by the General Assembly.
            models.UniqueConstraint(
                fields=["elected_at", "country"],
                condition=models.Q(role="auditor"),
                name="officer_one_auditor_per_country",
                violation_error_message=_("This General Assembly already elected an auditor for this country."),
            ),
            # A General Assembly elects one next chair.
            models.UniqueConstraint(
                fields=["elected_at"], condition=models.Q(role="chair"), name="officer_one_chair_per_election"
            ),
            # NEAR has one chair at a time (art. 7(1)); an empty end is a term still running.
            ExclusionConstraint(
                name="officer_chair_terms_do_not_overlap",
                expressions=[
                    (
                        models.Func(
                            "term_start",
                            "term_end",
                            models.Value("[]"),
                            function="DATERANGE",
                            output_field=DateRangeField(),
                        ),
                        RangeOperators.OVERLAPS,
                    )
                ],
                condition=models.Q(role="chair"),
                violation_error_message=_("Another chair is in office during this term: NEAR has one chair at a time."),
            ),
        ]

    def __str__(self):
        holder = self.government or self.person_name
        return f"{self.get_role_display()}: {holder}"

    def validate_constraints(self, exclude=None):
        # Django's ExclusionConstraint.validate() does not skip a constraint whose condition
        # names a field that already failed validation: it raises FieldError (a 500 in the
        # admin). Without a valid role there is no chair term to check; the role's error shows.
        if exclude and "role" in exclude:
            exclude = {*exclude, "term_start", "term_end"}
        super().validate_constraints(exclude=exclude)


class Attendance(models.Model):
    """How a government took part in a session: present, by written resolution, or absent."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        # The 12th General Assembly counted 21 written resolutions among the 50 members voting.
        WRITTEN = "written", _("written resolution")
        ABSENT = "absent", _("absent")

    # A written resolution counts as present and voting (12th General Assembly: 29 + 21 = 50).
    COUNTED_PRESENT = (Status.PRESENT, Status.WRITTEN)

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    member = models.ForeignKey(
        MemberGovernment, on_delete=models.PROTECT, related_name="attendances", verbose_name=_("member government")
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    delegates = models.CharField(_("delegates"), max_length=300, blank=True)
    delegate_count = models.PositiveSmallIntegerField(_("number of delegates"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "member__country__display_order", "member__list_position", "member__name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            # A government attends a session once.
            models.UniqueConstraint(fields=["session", "member"], name="attendance_unique_member_per_session"),
        ]

    def __str__(self):
        return f"{self.member} — {self.get_status_display()}"


class AgendaItem(models.Model):
    """An item on a session's agenda; its kind of decision sets the quorum and majority."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    decision_kind = models.CharField(_("kind of decision"), max_length=20, choices=DecisionKind.choices)

    class Meta:
        ordering = ["session", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="agenda_item_unique_position_per_session"),
        ]

    def __str__(self):
        return f"{self.session} — {self.position}. {self.title}"
