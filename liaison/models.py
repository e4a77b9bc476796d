"""The member governments' own space: the liaison officers who sign in for their government."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from events.models import Event
from members.models import LiaisonContact, MemberGovernment


class OfficerAccountQuerySet(models.QuerySet):
    def active(self):
        """Accounts whose officer has accepted the invitation and has not been revoked."""
        return self.filter(accepted_at__isnull=False, revoked_at__isnull=True, user__is_active=True)


class OfficerAccount(models.Model):
    """A liaison officer's sign-in to the public site for one member government (never staff)."""

    contact = models.OneToOneField(
        LiaisonContact, on_delete=models.PROTECT, related_name="officer_account", verbose_name=_("liaison contact")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="officer_account", verbose_name=_("user")
    )
    invited_at = models.DateTimeField(_("invited at"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = OfficerAccountQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["contact__member__name", "contact__name"]
        verbose_name = _("liaison officer account")
        verbose_name_plural = _("liaison officer accounts")
        constraints = [
            # An invitation is accepted or revoked after it was sent, never before.
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(accepted_at__gte=F("invited_at")),
                name="liaison_accepted_after_invited",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_at__gte=F("invited_at")),
                name="liaison_revoked_after_invited",
            ),
        ]

    def __str__(self):
        return str(self.contact)

    @property
    def member(self):
        return self.contact.member

    @property
    def status(self) -> str:
        if self.revoked_at:
            return _("revoked")
        if self.accepted_at:
            return _("active")
        return _("invited")


class DelegateRegistration(models.Model):
    """A delegate a member government's liaison officer registered for an upcoming event."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="delegate_registrations", verbose_name=_("event")
    )
    member = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        related_name="delegate_registrations",
        verbose_name=_("member government"),
    )
    name = models.CharField(_("name"), max_length=150)
    post = models.CharField(_("post"), max_length=150, blank=True)
    languages = ArrayField(models.CharField(max_length=10), verbose_name=_("languages"), default=list, blank=True)
    arrival = models.DateTimeField(_("arrival"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "member", "name"]
        verbose_name = _("delegate registration")
        verbose_name_plural = _("delegate registrations")

    def __str__(self):
        return f"{self.name} ({self.member}) @ {self.event}"
