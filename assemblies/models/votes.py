"""Motions put to the vote, ballots, the roll snapshot, resolutions and what they changed."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Manager
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assemblies.models.sessions import AgendaItem, Attendance
from members.models import MemberGovernment, MembershipType


class Threshold(models.TextChoices):
    """The majority a decision needs (Charter art. 9(2), 9(3); Committee Regulation art. 5(8))."""

    TWO_THIRDS_OF_PRESENT = "two_thirds_present", _("two thirds or more of the members present")
    MAJORITY_OF_PRESENT = "majority_present", _("more than half of the members present")
    MAJORITY_OF_VOTES_CAST = "majority_cast", _("more than half of the votes cast")


class Motion(models.Model):
    """A question put to the vote under an agenda item: its poll, and once closed its result."""

    class Status(models.TextChoices):
        OPEN = "open", _("poll open")
        CLOSED = "closed", _("poll closed")
        # Historical sessions: the record gives only totals and the outcome, no ballots.
        RECORDED = "recorded", _("as recorded")

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("adopted")
        REJECTED = "rejected", _("rejected")
        NO_QUORUM = "no_quorum", _("no quorum")

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="motions", verbose_name=_("agenda item")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text = models.TextField(_("motion"))
    note = models.TextField(_("note"), blank=True, help_text=_("For example how the record says the vote was taken."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    recorded_unanimous = models.BooleanField(_("unanimous, as recorded"), default=False)
    # The tally: computed by close_poll, or the totals a historical record gives.
    eligible_count = models.PositiveSmallIntegerField(_("members holding voting rights"), null=True, blank=True)
    present_count = models.PositiveSmallIntegerField(_("members present"), null=True, blank=True)
    written_count = models.PositiveSmallIntegerField(_("of which by written resolution"), null=True, blank=True)
    yes_count = models.PositiveSmallIntegerField(_("in favour"), null=True, blank=True)
    no_count = models.PositiveSmallIntegerField(_("against"), null=True, blank=True)
    abstain_count = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    threshold = models.CharField(_("majority required"), max_length=20, choices=Threshold.choices, blank=True)
    quorum_needed = models.PositiveSmallIntegerField(_("quorum"), null=True, blank=True)
    votes_needed = models.PositiveSmallIntegerField(_("votes in favour needed"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["agenda_item__session", "agenda_item__position", "position"]
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        constraints = [
            models.UniqueConstraint(fields=["agenda_item", "position"], name="motion_unique_position_per_item"),
            # An open poll has no result yet; a closed or recorded one has its outcome.
            models.CheckConstraint(
                condition=(models.Q(status="open", outcome="", closed_at__isnull=True) | ~models.Q(status="open")),
                name="motion_open_has_no_result",
            ),
            models.CheckConstraint(
                condition=models.Q(status="open") | ~models.Q(outcome=""), name="motion_closed_has_outcome"
            ),
            # A poll closed here keeps the whole computation that decided it.
            models.CheckConstraint(
                condition=~models.Q(status="closed")
                | models.Q(
                    closed_on__isnull=False,
                    closed_at__isnull=False,
                    eligible_count__isnull=False,
                    present_count__isnull=False,
                    yes_count__isnull=False,
                    no_count__isnull=False,
                    abstain_count__isnull=False,
                    quorum_needed__isnull=False,
                ),
                name="motion_closed_keeps_its_tally",
            ),
            # Votes come from members present, who come from the members holding voting rights.
            models.CheckConstraint(
                condition=models.Q(yes_count__isnull=True)
                | models.Q(no_count__isnull=True)
                | models.Q(abstain_count__isnull=True)
                | models.Q(present_count__isnull=True)
                | models.Q(present_count__gte=models.F("yes_count") + models.F("no_count") + models.F("abstain_count")),
                name="motion_votes_within_present",
            ),
            models.CheckConstraint(
                condition=models.Q(present_count__isnull=True)
                | models.Q(eligible_count__isnull=True)
                | models.Q(eligible_count__gte=models.F("present_count")),
                name="motion_present_within_eligible",
            ),
        ]

    def __str__(self):
        return f"{self.agenda_item} ({self.position})"

    @property
    def session(self):
        return self.agenda_item.session

    @property
    def resolution(self):
        """The resolution in force this motion carried, or None; prefetch ``resolutions`` to read it for many."""
        return next(iter(self.resolutions.all()), None)

    @property
    def is_locked(self) -> bool:
        """Ballots of a closed or recorded poll cannot change; only an annulment reopens it."""
        return self.status != self.Status.OPEN


class BallotQuerySet(models.QuerySet):
    def current(self):
        """The ballots standing now: those no later row has superseded (a withdrawal is one, counting no vote)."""
        return self.filter(superseded_at__isnull=True)

    def counted(self):
        """The current ballots that cast a vote (yes, no or abstain): what the tally counts."""
        return self.current().exclude(choice=Ballot.WITHDRAWN)


class Ballot(models.Model):
    """One member government's vote on a motion, cast in the room or by written resolution.

    Ballots are append-only: a change or a withdrawal is a new row that supersedes the
    current one (who, when, why), which keeps its vote and its ``cast_at``; only its
    ``superseded_at`` is stamped, once. The database refuses any other update and every delete.
    """

    class Choice(models.TextChoices):
        YES = "yes", _("yes")
        NO = "no", _("no")
        # Charter art. 9(2), (3) count members present: an abstention is present and not in favour.
        ABSTAIN = "abstain", _("abstain")

    class Method(models.TextChoices):
        IN_ROOM = "in_room", _("in the room")
        WRITTEN = "written", _("by written resolution")

    # The choice of a row that withdraws the ballot it supersedes: it counts no vote.
    WITHDRAWN = ""

    motion = models.ForeignKey(
        # PROTECT: a motion whose poll has ballots keeps them; it is annulled, never deleted with them.
        Motion,
        on_delete=models.PROTECT,
        related_name="ballots",
        verbose_name=_("motion"),
    )
    member = models.ForeignKey(
        MemberGovernment, on_delete=models.PROTECT, related_name="ballots", verbose_name=_("member government")
    )
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices, blank=True)
    method = models.CharField(_("cast"), max_length=10, choices=Method.choices, default=Method.IN_ROOM)
    cast_at = models.DateTimeField(_("cast at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why a ballot was changed or withdrawn."))
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)

    objects = BallotQuerySet.as_manager()

    class Meta:
        ordering = ["motion", "member__country__display_order", "member__list_position", "member__name", "cast_at"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            # Charter art. 9(1): one vote per member government, so one current ballot per member
            # per motion; the rows it superseded stay beside it.
            models.UniqueConstraint(
                fields=["motion", "member"],
                condition=models.Q(superseded_at__isnull=True),
                name="ballot_one_current_per_member_per_motion",
            ),
            # A withdrawal withdraws something: it supersedes a ballot.
            models.CheckConstraint(
                condition=~models.Q(choice="") | models.Q(supersedes__isnull=False), name="ballot_withdrawal_supersedes"
            ),
            # A change or a withdrawal says why.
            models.CheckConstraint(
                condition=models.Q(supersedes__isnull=True) | ~models.Q(reason=""), name="ballot_change_has_reason"
            ),
            models.CheckConstraint(
                condition=models.Q(superseded_at__isnull=True) | models.Q(superseded_at__gte=models.F("cast_at")),
                name="ballot_superseded_after_cast",
            ),
        ]

    def __str__(self):
        return f"{self.member}: {self.vote_display}"

    def save(self, *args, **kwargs):
        # Append-only: a new row, or stamping ``superseded_at`` on the row a new one replaces.
        if not self._state.adding and set(kwargs.get("update_fields") or ()) != {"superseded_at"}:
            raise ValidationError(
                _("A ballot is never changed in place: a change is a new ballot."), code="append_only"
            )
        self._refuse_when_locked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A ballot is never deleted: a withdrawal is a new ballot."), code="append_only")

    @property
    def vote_display(self) -> str:
        return self.get_choice_display() if self.choice else str(_("withdrawn"))

    @property
    def reference(self) -> str:
        """The receipt's reference number: the ballot's row, which no other ballot shares."""
        return f"NEAR-B-{self.pk:06d}" if self.pk else ""

    def _refuse_when_locked(self):
        status = Motion.objects.filter(pk=self.motion_id).values_list("status", flat=True).first()
        if status is not None and status != Motion.Status.OPEN:
            raise ValidationError(
                _("The poll on this motion is closed: its ballots cannot change."), code="poll_closed"
            )


class RollEntry(models.Model):
    """A government on a motion's roll of voters, as it stood when the poll closed (the snapshot)."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="roll", verbose_name=_("motion"))
    member = models.ForeignKey(
        MemberGovernment, on_delete=models.PROTECT, related_name="+", verbose_name=_("member government")
    )
    attendance = models.CharField(_("attendance"), max_length=10, choices=Attendance.Status.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["motion", "member__country__display_order", "member__list_position", "member__name"]
        verbose_name = _("roll entry")
        verbose_name_plural = _("roll")
        constraints = [
            models.UniqueConstraint(fields=["motion", "member"], name="roll_entry_unique_member_per_motion"),
        ]

    def __str__(self):
        return f"{self.member} ({self.get_attendance_display()})"


class InForceResolutionManager(models.Manager):
    """The resolutions in force: an annulled one is kept (``all_objects``, the admin, the audit) but
    left out of the pages, the search, the minutes and the counts."""

    def get_queryset(self):
        return super().get_queryset().filter(annulment__isnull=True)


class Resolution(models.Model):
    """A decision a session adopted: the motion it carried, its date and its text."""

    # PROTECT: deleting the motion, its agenda item or its session must not take the resolution with it.
    # A foreign key, not one-to-one: a motion whose poll was annulled and closed again carried two
    # resolutions, the annulled one kept beside the one in force.
    motion = models.ForeignKey(Motion, on_delete=models.PROTECT, related_name="resolutions", verbose_name=_("motion"))
    adopted_on = models.DateField(
        _("adopted on"), null=True, blank=True, help_text=_("Empty when the record gives only the session's dates.")
    )
    text = models.TextField(_("text"), blank=True)
    # Nobody deletes a resolution: the annulment of its poll (who, when, why) sets it aside.
    annulment = models.ForeignKey(
        "PollAnnulment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resolutions",
        verbose_name=_("annulled by"),
    )

    all_objects = Manager()  # annulled resolutions included
    objects = InForceResolutionManager()

    class Meta:
        ordering = ["adopted_on", "motion"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        default_manager_name = "objects"  # the record in force; all_objects for the admin
        constraints = [
            models.UniqueConstraint(
                fields=["motion"], condition=models.Q(annulment__isnull=True), name="resolution_one_in_force_per_motion"
            ),
        ]

    def __str__(self):
        return str(self.motion.agenda_item)


class ResolutionEffectQuerySet(models.QuerySet):
    def sessions_that_made(self, records) -> dict:
        """{record pk: the session whose resolution made it} for ``records`` of one model, in one query."""
        records = list(records)
        if not records:
            return {}
        effects = self.filter(
            content_type=ContentType.objects.get_for_model(records[0]), object_id__in=[r.pk for r in records]
        ).select_related("motion__agenda_item__session")
        return {effect.object_id: effect.motion.agenda_item.session for effect in effects}


class ResolutionEffect(models.Model):
    """What a motion changes once adopted, linked to the record it created or changed."""

    class Kind(models.TextChoices):
        ADMISSION = "admission", _("admission")
        TYPE_CHANGE = "type_change", _("change of membership type")
        EXPULSION = "expulsion", _("expulsion")
        CHAIR_ELECTION = "chair_election", _("election of the next chair")
        CHARTER_AMENDMENT = "charter_amendment", _("amendment of the Charter")
        REGULATION_AMENDMENT = "regulation_amendment", _("amendment of a Regulation")
        COORDINATOR_CHANGE = "coordinator_change", _("change of a committee's coordinator")
        DUES_DECISION = "dues_decision", _("decision on dues")

    # Kinds that need the government they concern.
    MEMBER_KINDS = (Kind.ADMISSION, Kind.TYPE_CHANGE, Kind.EXPULSION, Kind.CHAIR_ELECTION)

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="effects", verbose_name=_("motion"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    member = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resolution_effects",
        verbose_name=_("government concerned"),
    )
    membership_type = models.CharField(
        _("membership type"),
        max_length=20,
        choices=MembershipType.choices,
        blank=True,
        help_text=_("Admission: member or associate member; change of type: the new type."),
    )
    effective_on = models.DateField(
        _("takes effect on"), null=True, blank=True, help_text=_("Empty: the day the poll closes.")
    )
    parameters = models.JSONField(
        _("parameters"),
        default=dict,
        blank=True,
        help_text=_("What an amendment, coordinator change or dues decision needs, as its function expects it."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("kind of record")
    )
    object_id = models.PositiveBigIntegerField(_("record"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    objects = ResolutionEffectQuerySet.as_manager()

    # The parser of each kind's parameters, ``assemblies.effect_parameters.parse``, set by the
    # app's ``ready()``: it reads other apps' records, and that module imports this one.
    parse_parameters = None

    class Meta:
        ordering = ["motion", "position"]
        verbose_name = _("resolution effect")
        verbose_name_plural = _("resolution effects")
        constraints = [
            models.UniqueConstraint(fields=["motion", "position"], name="resolution_effect_unique_position"),
            # The changed record is named by both its kind and its key, or not at all.
            models.CheckConstraint(
                condition=models.Q(content_type__isnull=True, object_id__isnull=True)
                | models.Q(content_type__isnull=False, object_id__isnull=False),
                name="resolution_effect_target_complete",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["admission", "type_change", "expulsion", "chair_election"])
                | models.Q(member__isnull=False),
                name="resolution_effect_names_its_government",
            ),
            # Applying an effect links the record it changed.
            models.CheckConstraint(
                condition=models.Q(applied_at__isnull=True) | models.Q(object_id__isnull=False),
                name="resolution_effect_applied_has_target",
            ),
        ]

    def __str__(self):
        subject = f" — {self.member}" if self.member_id else ""
        return f"{self.get_kind_display()}{subject}"

    def clean(self):
        # An effect not yet applied must carry the parameters its kind needs; once it is linked to
        # the record it changed, that record is what counts (historical effects carry none).
        if self.object_id is None and self.kind in self.Kind.values:
            try:
                self.parse_parameters(self)
            except ValidationError as error:
                raise ValidationError({"parameters": error.messages}) from None

    def changed_record_url(self) -> str:
        """The public page of the record this effect changed: its own page, or its committee's, instrument's or government's."""
        target = self.target
        if target is None:
            return ""
        if hasattr(target, "get_absolute_url"):
            return target.get_absolute_url()
        # A coordinator term links its committee, an amendment its instrument, a membership
        # event or an office its government.
        for name in ("committee", "instrument", "member", "government"):
            related = getattr(target, name, None)
            if related is not None and hasattr(related, "get_absolute_url"):
                return related.get_absolute_url()
        return ""

    @property
    def public_label(self) -> str:
        """What the public page says the effect changed: its description, else the government's name."""
        return self.description or (self.member.name if self.member_id else "")

    def public_url(self) -> str:
        """Where the public page links this effect: the changed record, else the government concerned."""
        return self.changed_record_url() or (self.member.get_absolute_url() if self.member_id else "")


class PollAnnulment(models.Model):
    """The annulment of a closed poll: who, when, why, and the result it set aside (the audit trail)."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="annulments", verbose_name=_("motion"))
    reason = models.TextField(_("reason"))
    annulled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("annulled by")
    )
    annulled_at = models.DateTimeField(_("annulled at"))
    previous_result = models.JSONField(_("result set aside"), default=dict)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-annulled_at"]
        verbose_name = _("poll annulment")
        verbose_name_plural = _("poll annulments")
        constraints = [
            # An annulment always says why.
            models.CheckConstraint(condition=~models.Q(reason=""), name="poll_annulment_has_reason"),
        ]

    def __str__(self):
        return f"{self.motion} — {self.annulled_at:%Y-%m-%d %H:%M}"
